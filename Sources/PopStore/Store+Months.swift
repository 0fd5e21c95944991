import GRDB
import PopCalendar
import PopExtract
import PopMetrics

/// A stored month: the figures of its current import, and what came with them.
public struct StoredMonth: Sendable {
    public let month: YearMonth
    public let version: Int
    public let snapshot: Snapshot
    public let importedAt: String
    public let source: String
    /// How many times the month was imported before the version shown.
    public let replacements: Int
    /// How many data-quality entries the import noted; the entries themselves are in
    /// `snapshot.dataQuality` only when asked for (`month(_:dataQuality:)`), as a month can hold
    /// tens of thousands the page never shows.
    public let dataQualityCount: Int
}

/// One import of a month, as `pop months` lists it.
public struct MonthVersion: Sendable, Equatable {
    public let month: YearMonth
    public let version: Int
    public let asAt: Day
    public let importedAt: String
    public let source: String
    public let popVersion: String
    public let figures: Int
    public let notes: Int
    /// The version the page shows.
    public let current: Bool
}

/// What an import did.
public struct ImportOutcome: Sendable {
    public let version: Int
    /// It was not the month's first import.
    public let replaced: Bool
    /// Indicators the version it replaced had that this one does not (a column gone from a list).
    public let lostIndicators: [IndicatorID]
}

extension Store {
    /// The version of pop that writes an import, recorded with it.
    public static let popVersion = "0.4"

    /// Stores a month's figures, data-quality list, visit lists and social workers in one
    /// transaction, as a new version of the month that becomes the one shown; earlier versions
    /// are kept. Child IDs are never stored in the data-quality list. `workers` nil stores no
    /// worker list (the month then says it has none, as one imported before they were kept).
    @discardableResult
    public func importMonth(_ s: Snapshot, visits: [ChildVisit], workers: [WorkerCaseload]? = nil, source: String,
                            importedAt: String) throws -> ImportOutcome {
        let month = YearMonth(s.asAt).description
        return try guarded("storing \(month)") {
            try queue.write { db in
                // A damaged file is refused before anything is written to it.
                if !checked {
                    let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                    if check != ["ok"] {
                        throw StoreError(description: "\(path): the database is damaged (\(check.prefix(3).joined(separator: "; "))): nothing was stored. Restore it from a backup.")
                    }
                    checked = true
                }
                let previousVersion = try Int.fetchOne(db, sql: "SELECT version FROM current WHERE month = ?", arguments: [month])
                let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM import WHERE month = ?", arguments: [month]) ?? 0) + 1
                var lost: [IndicatorID] = []
                if let previousVersion {
                    let before = Set(try String.fetchAll(db, sql: "SELECT DISTINCT indicator FROM figure WHERE month = ? AND version = ?",
                                                         arguments: [month, previousVersion]))
                    let now = Set(s.values.map(\.id.rawValue))
                    lost = before.subtracting(now).sorted().map { IndicatorID($0) }
                }
                try db.execute(sql: """
                    INSERT INTO import (month, version, as_at, imported_at, source, pop_version, population_0_17, population_10_17, population_source,
                                        missing_lists, unavailable, worker_list)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [month, version, s.asAt.iso, importedAt, source, Store.popVersion, s.population.age0to17, s.population.age10to17,
                                     s.population.source, s.missingLists.map(\.rawValue).joined(separator: ","), Store.encode(s.unavailable),
                                     workers != nil])
                let figure = try db.cachedStatement(sql: """
                    INSERT INTO figure (month, version, indicator, team, numerator, denominator, value, unit, polarity, basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for v in s.values {
                    try figure.execute(arguments: [month, version, v.id.rawValue, v.team ?? "", v.numerator, v.denominator, v.value, v.unit.rawValue,
                                                   v.polarity.rawValue, v.basis])
                }
                let quality = try db.cachedStatement(sql: """
                    INSERT INTO data_quality (month, version, seq, file, sheet, line, "column", cell, value, problem, kind, list)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for (i, q) in s.dataQuality.enumerated() {
                    let value = Column.namesSomeone(q.column) ? "" : q.value
                    try quality.execute(arguments: [month, version, i, q.file, q.sheet, q.line, q.column, q.cell, value, q.problem, q.kind.rawValue,
                                                    q.list?.rawValue])
                }
                let visit = try db.cachedStatement(sql: """
                    INSERT INTO child_visit (month, version, indicator, team, worker, child, start, last_visit, elapsed, "limit", working_days,
                                             due, due_soon)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for c in visits {
                    try visit.execute(arguments: [month, version, c.indicator.rawValue, c.team, c.worker, c.child, c.start.iso, c.lastVisit?.iso,
                                                  c.elapsed, c.rule.limit, c.rule.days == .working, c.due.iso, c.dueSoon])
                }
                let worker = try db.cachedStatement(sql: """
                    INSERT INTO worker_caseload (month, version, seq, team, worker, role, agency, caseload, last_supervision, working_days_since,
                                                 supervision_in_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for (i, w) in (workers ?? []).enumerated() {
                    try worker.execute(arguments: [month, version, i, w.team, w.worker, w.role, w.agency, w.caseload, w.lastSupervision?.iso,
                                                   w.workingDaysSince, w.supervisionInTime])
                }
                try db.execute(sql: "INSERT OR REPLACE INTO current VALUES (?, ?)", arguments: [month, version])
                return ImportOutcome(version: version, replaced: previousVersion != nil, lostIndicators: lost)
            }
        }
    }

    public func months() throws -> [YearMonth] {
        try guarded("reading the stored months") {
            try queue.read { db in try String.fetchAll(db, sql: "SELECT month FROM current ORDER BY month").compactMap(YearMonth.init) }
        }
    }

    /// Every import of every month, oldest month first.
    public func versions() throws -> [MonthVersion] {
        try guarded("reading the imports") {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT i.*, (SELECT COUNT(*) FROM figure f WHERE f.month = i.month AND f.version = i.version) AS figures,
                           (SELECT COUNT(*) FROM data_quality q WHERE q.month = i.month AND q.version = i.version) AS notes,
                           (SELECT version FROM current c WHERE c.month = i.month) AS shown
                    FROM import i ORDER BY i.month, i.version
                    """).map { r in
                    let f = Fields(r, "import")
                    guard let m = YearMonth(try f.text("month")), let asAt = DateParser.parse(try f.text("as_at")).day else {
                        throw StoreError(description: "the database is damaged: import.month or import.as_at is not a date")
                    }
                    let version = try f.int("version")
                    return MonthVersion(month: m, version: version, asAt: asAt, importedAt: try f.text("imported_at"), source: try f.text("source"),
                                        popVersion: try f.text("pop_version"), figures: try f.int("figures"), notes: try f.int("notes"),
                                        current: try f.optionalInt("shown") == version)
                }
            }
        }
    }

    /// Makes an earlier import of a month the one shown, in one transaction.
    public func restore(_ month: YearMonth, version: Int) throws {
        try guarded("restoring \(month)") {
            try queue.write { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import WHERE month = ? AND version = ?",
                                       arguments: [month.description, version]) == 1 else {
                    throw StoreError(description: "\(month) has no version \(version) (pop months lists them)")
                }
                try db.execute(sql: "INSERT OR REPLACE INTO current VALUES (?, ?)", arguments: [month.description, version])
            }
        }
    }

    /// The month as its current import has it; its data-quality entries only with `dataQuality`.
    public func month(_ m: YearMonth, dataQuality: Bool = false) throws -> StoredMonth? {
        try guarded("reading \(m)") {
            try queue.read { db in
                guard let version = try Int.fetchOne(db, sql: "SELECT version FROM current WHERE month = ?", arguments: [m.description]) else {
                    return nil
                }
                return try Store.readMonth(db, m, version: version, dataQuality: dataQuality)
            }
        }
    }

    /// The data-quality entries of a month's current import, in the order they were noted.
    public func dataQuality(_ m: YearMonth) throws -> [DataQualityIssue] {
        try guarded("reading the data-quality list of \(m)") {
            try queue.read { db in
                guard let version = try Int.fetchOne(db, sql: "SELECT version FROM current WHERE month = ?", arguments: [m.description]) else {
                    return []
                }
                return try Store.readDataQuality(db, [m.description, version])
            }
        }
    }

    static func readDataQuality(_ db: Database, _ args: StatementArguments) throws -> [DataQualityIssue] {
        try select(db, ["file", "sheet", "line", "column", "cell", "value", "problem", "kind", "list"], from: "data_quality",
                   "WHERE month = ? AND version = ? ORDER BY seq", args) { q in
            return DataQualityIssue(file: try q.text("file"), sheet: try q.optionalText("sheet"), line: try q.int("line"), column: try q.text("column"),
                                    cell: try q.optionalText("cell"), value: try q.text("value"), problem: try q.text("problem"),
                                    kind: DataQualityIssue.Kind(rawValue: try q.text("kind")) ?? .other,
                                    list: try q.optionalText("list").flatMap(ListKind.init(rawValue:)))
        }
    }

    static func readMonth(_ db: Database, _ m: YearMonth, version: Int, dataQuality: Bool) throws -> StoredMonth? {
        let args: StatementArguments = [m.description, version]
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM import WHERE month = ? AND version = ?", arguments: args) else { return nil }
        let i = Fields(row, "import")
        guard case .day(let asAt) = DateParser.parse(try i.text("as_at")) else {
            throw StoreError(description: "the database is damaged: import.as_at is not a date")
        }
        let values = try select(db, ["team", "indicator", "numerator", "denominator", "value", "unit", "polarity", "basis"], from: "figure",
                                "WHERE month = ? AND version = ? ORDER BY rowid", args) { f in
            let team = try f.text("team")
            return IndicatorValue(id: IndicatorID(try f.text("indicator")), team: team.isEmpty ? nil : team, numerator: try f.optionalInt("numerator"),
                                  denominator: try f.optionalInt("denominator"), value: try f.optionalDouble("value"),
                                  unit: MeasureUnit(rawValue: try f.text("unit")) ?? .count, polarity: Polarity(rawValue: try f.text("polarity")) ?? .none,
                                  basis: try f.optionalText("basis"))
        }
        let quality = dataQuality ? try readDataQuality(db, args) : []
        let qualityCount = dataQuality ? quality.count
            : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM data_quality WHERE month = ? AND version = ?", arguments: args) ?? 0
        let missing = try i.text("missing_lists").split(separator: ",").compactMap { ListKind(rawValue: String($0)) }
        let population = Population(age0to17: try i.optionalInt("population_0_17"), age10to17: try i.optionalInt("population_10_17"),
                                    source: try i.text("population_source"))
        let snapshot = Snapshot(asAt: asAt, population: population, values: values, dataQuality: quality, missingLists: missing,
                                unavailable: decode(try i.text("unavailable")))
        let earlier = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import WHERE month = ? AND version < ?", arguments: args) ?? 0
        return StoredMonth(month: m, version: version, snapshot: snapshot, importedAt: try i.text("imported_at"), source: try i.text("source"),
                           replacements: earlier, dataQualityCount: qualityCount)
    }

    /// The visit list behind a visit indicator (every visit indicator when nil) for one month
    /// (and one team), as its current import has it.
    public func visits(month: YearMonth, indicator: IndicatorID?, team: String? = nil) throws -> [ChildVisit] {
        try guarded("reading the visit list") {
            try queue.read { db in
                var sql = "SELECT v.* FROM child_visit v JOIN current c ON c.month = v.month AND c.version = v.version WHERE v.month = ?"
                var args: [DatabaseValueConvertible] = [month.description]
                if let indicator { sql += " AND v.indicator = ?"; args.append(indicator.rawValue) }
                if let team { sql += " AND v.team = ?"; args.append(team) }
                return try Row.fetchAll(db, sql: sql + " ORDER BY v.elapsed - v.\"limit\" DESC, v.child", arguments: StatementArguments(args)).map { r in
                    let f = Fields(r, "child_visit")
                    guard let start = DateParser.parse(try f.text("start")).day else {
                        throw StoreError(description: "the database is damaged: child_visit.start is not a date")
                    }
                    let rule = VisitRule(limit: try f.int("limit"), days: try f.bool("working_days") ? .working : .calendar)
                    let last = try f.optionalText("last_visit").flatMap { DateParser.parse($0).day }
                    guard let due = try f.optionalText("due").flatMap({ DateParser.parse($0).day }) else {
                        throw StoreError(description: "the database is damaged: child_visit.due is not a date")
                    }
                    return ChildVisit(indicator: IndicatorID(try f.text("indicator")), team: try f.text("team"), worker: try f.text("worker"),
                                      child: try f.text("child"), start: start, lastVisit: last, elapsed: try f.int("elapsed"), rule: rule, due: due)
                }
            }
        }
    }

    /// The social workers of a month's current import, in the order computed (by team, highest
    /// caseload first); nil when that import kept no worker list (one made before pop kept them).
    public func workers(month: YearMonth) throws -> [WorkerCaseload]? {
        try guarded("reading the workers") {
            try queue.read { db in
                let kept = try Bool.fetchOne(db, sql: """
                    SELECT i.worker_list FROM import i JOIN current c ON c.month = i.month AND c.version = i.version WHERE i.month = ?
                    """, arguments: [month.description])
                guard kept == true else { return nil }
                let sql = """
                    SELECT w.* FROM worker_caseload w JOIN current c ON c.month = w.month AND c.version = w.version WHERE w.month = ? ORDER BY w.seq
                    """
                return try Row.fetchAll(db, sql: sql, arguments: [month.description]).map { r in
                    let f = Fields(r, "worker_caseload")
                    let last = try f.optionalText("last_supervision")
                    let day = last.flatMap { DateParser.parse($0).day }
                    if last != nil && day == nil { throw StoreError(description: "the database is damaged: worker_caseload.last_supervision is not a date") }
                    return WorkerCaseload(team: try f.text("team"), worker: try f.text("worker"), role: try f.text("role"),
                                          agency: try f.optionalInt("agency").map { $0 != 0 }, caseload: try f.optionalInt("caseload"),
                                          lastSupervision: day, workingDaysSince: try f.optionalInt("working_days_since"),
                                          supervisionInTime: try f.optionalInt("supervision_in_time").map { $0 != 0 })
                }
            }
        }
    }

    // MARK: commentary

    public func setComment(month: YearMonth, indicator: IndicatorID, text: String, at: String) throws {
        try guarded("saving the comment") {
            try queue.write { db in
                if text.isEmpty {
                    try db.execute(sql: "DELETE FROM commentary WHERE month = ? AND indicator = ?", arguments: [month.description, indicator.rawValue])
                } else {
                    try db.execute(sql: "INSERT OR REPLACE INTO commentary VALUES (?, ?, ?, ?)", arguments: [month.description, indicator.rawValue, text, at])
                }
            }
        }
    }

    public func comments(month: YearMonth) throws -> [IndicatorID: String] {
        try guarded("reading the commentary") {
            try queue.read { db in
                var out: [IndicatorID: String] = [:]
                for r in try Row.fetchAll(db, sql: "SELECT indicator, text FROM commentary WHERE month = ?", arguments: [month.description]) {
                    let f = Fields(r, "commentary")
                    out[IndicatorID(try f.text("indicator"))] = try f.text("text")
                }
                return out
            }
        }
    }

    // MARK: unavailable indicators, as one text column

    /// `id|team|file|sheet|column|list` lines: a small list with no need for a table of its own
    /// (entries stored before the list was recorded have five fields).
    static func encode(_ list: [Unavailable]) -> String {
        list.map { [$0.id.rawValue, $0.teamRowsOnly ? "team" : "", $0.file, $0.sheet ?? "", $0.column, $0.list?.rawValue ?? ""].map(escape).joined(separator: "|") }
            .joined(separator: "\n")
    }

    static func decode(_ text: String) -> [Unavailable] {
        text.split(separator: "\n").compactMap { line in
            let p = line.split(separator: "|", omittingEmptySubsequences: false).map { unescape(String($0)) }
            guard p.count == 5 || p.count == 6 else { return nil }
            let list = p.count == 6 ? ListKind(rawValue: p[5]) : nil
            return Unavailable(id: IndicatorID(p[0]), teamRowsOnly: p[1] == "team", list: list, file: p[2], sheet: p[3].isEmpty ? nil : p[3], column: p[4])
        }
    }

    private static func escape(_ s: String) -> String {
        String(s.flatMap { ch -> [Character] in ch == "|" ? ["\\", "p"] : ch == "\n" ? ["\\", "n"] : ch == "\\" ? ["\\", "\\"] : [ch] })
    }

    private static func unescape(_ s: String) -> String {
        var out = "", escaped = false
        for ch in s {
            if escaped {
                out.append(ch == "p" ? "|" : ch == "n" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
