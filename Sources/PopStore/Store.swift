import GRDB
import PopCalendar
import PopExtract
import PopMetrics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stored month: its figures as computed at import, and what came with them.
public struct StoredMonth: Sendable {
    public let month: YearMonth
    public let snapshot: Snapshot
    public let importedAt: String
    public let source: String
    public let replacements: Int
}

public struct StoreError: Error, CustomStringConvertible {
    public let description: String
}

/// pop's database: every imported month, commentary and reference data, in one SQLite file
/// created readable by its owner only (it holds children's records).
public final class Store: @unchecked Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// `--db PATH`, else `$POP_DB`, else `$XDG_DATA_HOME/pop/pop.sqlite`, else
    /// `~/.local/share/pop/pop.sqlite`.
    public static func location(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let db = environment["POP_DB"], !db.isEmpty { return db }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/pop/pop.sqlite" }
        return (environment["HOME"] ?? ".") + "/.local/share/pop/pop.sqlite"
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Opens (creating if need be) the database at `path`: its folder 0700, the file 0600.
    public init(path: String) throws {
        self.path = path
        try Store.prepareFile(path)
        var config = Configuration()
        // A second pop importing at the same time waits its turn rather than failing at once.
        config.busyMode = .timeout(30)
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try Store.migrator.migrate(queue)
        } catch {
            throw StoreError(description: "\(path): cannot be opened as pop's database (\(error))")
        }
    }

    static func prepareFile(_ path: String) throws {
        var folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if folder.isEmpty && path.hasPrefix("/") { folder = "/" }
        if !folder.isEmpty && !exists(folder) {
            var built = path.hasPrefix("/") ? "" : "."
            for part in folder.split(separator: "/") {
                built += "/" + part
                if !exists(built) && mkdir(built, 0o700) != 0 && errno != EEXIST {
                    throw StoreError(description: "\(built): cannot create the folder (\(String(cString: strerror(errno))))")
                }
            }
        }
        if !exists(path) {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd < 0 && errno != EEXIST { throw StoreError(description: "\(path): cannot create (\(String(cString: strerror(errno))))") }
            if fd >= 0 { close(fd) }
        }
        chmod(path, 0o600)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "month") { t in
                t.primaryKey("month", .text)
                t.column("as_at", .text).notNull()
                t.column("imported_at", .text).notNull()
                t.column("source", .text).notNull()
                t.column("population_0_17", .integer)
                t.column("population_10_17", .integer)
                t.column("population_source", .text).notNull()
                t.column("missing_lists", .text).notNull()
                t.column("replacements", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "figure") { t in
                t.column("month", .text).notNull().references("month", onDelete: .cascade)
                t.column("indicator", .text).notNull()
                t.column("team", .text).notNull()   // "" for the whole council
                t.column("numerator", .integer)
                t.column("denominator", .integer)
                t.column("value", .double)
                t.column("unit", .text).notNull()
                t.column("polarity", .text).notNull()
                t.primaryKey(["month", "indicator", "team"])
            }
            try db.create(table: "data_quality") { t in
                t.column("month", .text).notNull().references("month", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("file", .text).notNull()
                t.column("line", .integer).notNull()
                t.column("column", .text).notNull()
                t.column("value", .text).notNull()
                t.column("problem", .text).notNull()
                t.primaryKey(["month", "seq"])
            }
            try db.create(table: "child_visit") { t in
                t.column("month", .text).notNull().references("month", onDelete: .cascade)
                t.column("indicator", .text).notNull()
                t.column("team", .text).notNull()
                t.column("worker", .text).notNull()
                t.column("child", .text).notNull()
                t.column("start", .text).notNull()
                t.column("last_visit", .text)
                t.column("elapsed", .integer).notNull()
                t.column("limit", .integer).notNull()
                t.column("working_days", .boolean).notNull()
            }
            try db.create(index: "child_visit_by_team", on: "child_visit", columns: ["month", "indicator", "team"])
            try db.create(table: "commentary") { t in
                t.column("month", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("text", .text).notNull()
                t.column("updated_at", .text).notNull()
                t.primaryKey(["month", "indicator"])
            }
            try db.create(table: "target") { t in
                t.column("indicator", .text).notNull()
                t.column("target", .double).notNull()
                t.column("amber_tolerance", .double).notNull()
                t.column("effective_from", .text).notNull()
                t.column("note", .text).notNull()
                t.primaryKey(["indicator", "effective_from"])
            }
            try db.create(table: "population") { t in
                t.column("code", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("age_group", .text).notNull()
                t.column("value", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("source", .text).notNull()
                t.primaryKey(["code", "year", "age_group"])
            }
            try db.create(table: "neighbour") { t in
                t.column("code", .text).notNull()
                t.column("rank", .integer).notNull()
                t.column("neighbour", .text).notNull()
                t.primaryKey(["code", "rank"])
            }
            try db.create(table: "council") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "benchmark") { t in
                t.column("indicator", .text).notNull()
                t.column("period", .text).notNull()
                t.column("what", .text).notNull()
                t.column("value", .double).notNull()
                t.column("source", .text).notNull()
                t.primaryKey(["indicator", "period", "what"])
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        return m
    }

    // MARK: months

    /// Stores a month's figures, data-quality list and visit lists in one transaction,
    /// replacing the month if it is already stored. Returns true when it replaced one.
    @discardableResult
    public func importMonth(_ s: Snapshot, visits: [ChildVisit], source: String, importedAt: String) throws -> Bool {
        let month = YearMonth(s.asAt).description
        return try queue.write { db in
            let previous = try Int.fetchOne(db, sql: "SELECT replacements FROM month WHERE month = ?", arguments: [month])
            try db.execute(sql: "DELETE FROM figure WHERE month = ?", arguments: [month])
            try db.execute(sql: "DELETE FROM data_quality WHERE month = ?", arguments: [month])
            try db.execute(sql: "DELETE FROM child_visit WHERE month = ?", arguments: [month])
            try db.execute(sql: "DELETE FROM month WHERE month = ?", arguments: [month])
            try db.execute(sql: """
                INSERT INTO month (month, as_at, imported_at, source, population_0_17, population_10_17, population_source, missing_lists, replacements)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [month, s.asAt.iso, importedAt, source, s.population.age0to17, s.population.age10to17, s.population.source,
                                 s.missingLists.map(\.rawValue).joined(separator: ","), previous.map { $0 + 1 } ?? 0])
            let figure = try db.cachedStatement(sql: """
                INSERT INTO figure (month, indicator, team, numerator, denominator, value, unit, polarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for v in s.values {
                try figure.execute(arguments: [month, v.id.rawValue, v.team ?? "", v.numerator, v.denominator, v.value, v.unit.rawValue, v.polarity.rawValue])
            }
            let quality = try db.cachedStatement(sql: "INSERT INTO data_quality VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (i, q) in s.dataQuality.enumerated() {
                try quality.execute(arguments: [month, i, q.file, q.line, q.column, q.value, q.problem])
            }
            let visit = try db.cachedStatement(sql: "INSERT INTO child_visit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for c in visits {
                try visit.execute(arguments: [month, c.indicator.rawValue, c.team, c.worker, c.child, c.start.iso, c.lastVisit?.iso, c.elapsed, c.rule.limit,
                                              c.rule.days == .working])
            }
            return previous != nil
        }
    }

    public func months() throws -> [YearMonth] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT month FROM month ORDER BY month").compactMap(YearMonth.init) }
    }

    public func month(_ m: YearMonth) throws -> StoredMonth? {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM month WHERE month = ?", arguments: [m.description]) else { return nil }
            guard case .day(let asAt) = DateParser.parse(row["as_at"] as String) else { return nil }
            let values = try Row.fetchAll(db, sql: "SELECT * FROM figure WHERE month = ? ORDER BY rowid", arguments: [m.description]).map { f in
                IndicatorValue(id: IndicatorID(f["indicator"] as String), team: (f["team"] as String).isEmpty ? nil : f["team"], numerator: f["numerator"],
                               denominator: f["denominator"], value: f["value"], unit: MeasureUnit(rawValue: f["unit"]) ?? .count,
                               polarity: Polarity(rawValue: f["polarity"]) ?? .none)
            }
            let quality = try Row.fetchAll(db, sql: "SELECT * FROM data_quality WHERE month = ? ORDER BY seq", arguments: [m.description]).map { q in
                DataQualityIssue(file: q["file"], line: q["line"], column: q["column"], value: q["value"], problem: q["problem"])
            }
            let missing = (row["missing_lists"] as String).split(separator: ",").compactMap { ListKind(rawValue: String($0)) }
            let population = Population(age0to17: row["population_0_17"], age10to17: row["population_10_17"], source: row["population_source"])
            let snapshot = Snapshot(asAt: asAt, population: population, values: values, dataQuality: quality, missingLists: missing)
            return StoredMonth(month: m, snapshot: snapshot, importedAt: row["imported_at"], source: row["source"], replacements: row["replacements"])
        }
    }

    /// The visit list behind a visit indicator for one month (and one team).
    public func visits(month: YearMonth, indicator: IndicatorID, team: String? = nil) throws -> [ChildVisit] {
        try queue.read { db in
            var sql = "SELECT * FROM child_visit WHERE month = ? AND indicator = ?"
            var args: [DatabaseValueConvertible] = [month.description, indicator.rawValue]
            if let team { sql += " AND team = ?"; args.append(team) }
            return try Row.fetchAll(db, sql: sql + " ORDER BY elapsed - \"limit\" DESC, child", arguments: StatementArguments(args)).compactMap { r in
                guard let start = DateParser.parse(r["start"] as String).day else { return nil }
                let rule = VisitRule(limit: r["limit"], days: (r["working_days"] as Bool) ? .working : .calendar)
                return ChildVisit(indicator: IndicatorID(r["indicator"] as String), team: r["team"], worker: r["worker"], child: r["child"],
                                  start: start, lastVisit: (r["last_visit"] as String?).flatMap { DateParser.parse($0).day },
                                  elapsed: r["elapsed"], rule: rule)
            }
        }
    }

    // MARK: commentary

    public func setComment(month: YearMonth, indicator: IndicatorID, text: String, at: String) throws {
        try queue.write { db in
            if text.isEmpty {
                try db.execute(sql: "DELETE FROM commentary WHERE month = ? AND indicator = ?", arguments: [month.description, indicator.rawValue])
            } else {
                try db.execute(sql: "INSERT OR REPLACE INTO commentary VALUES (?, ?, ?, ?)", arguments: [month.description, indicator.rawValue, text, at])
            }
        }
    }

    public func comments(month: YearMonth) throws -> [IndicatorID: String] {
        try queue.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT indicator, text FROM commentary WHERE month = ?", arguments: [month.description])
                .map { (IndicatorID($0["indicator"] as String), $0["text"]) }, uniquingKeysWith: { a, _ in a })
        }
    }

    // MARK: reference data

    /// Adds targets; a target for the same indicator and date replaces the old one.
    public func addTargets(_ targets: [Target]) throws {
        try queue.write { db in
            for t in targets {
                try db.execute(sql: "INSERT OR REPLACE INTO target VALUES (?, ?, ?, ?, ?)",
                               arguments: [t.indicator.rawValue, t.value, t.amberTolerance, t.effectiveFrom.iso, t.note])
            }
        }
    }

    public func targets() throws -> TargetSet {
        try queue.read { db in
            TargetSet(try Row.fetchAll(db, sql: "SELECT * FROM target").compactMap { r in
                guard let from = DateParser.parse(r["effective_from"] as String).day else { return nil }
                return Target(indicator: IndicatorID(r["indicator"] as String), value: r["target"], amberTolerance: r["amber_tolerance"], effectiveFrom: from, note: r["note"])
            })
        }
    }

    public func addPopulations(_ estimates: [PopulationEstimate]) throws {
        try loadReference(groups: nil, populations: estimates, benchmarks: [])
    }

    public func population(code: String, year: Int, ageGroup: PopulationEstimate.AgeGroup) throws -> (value: Int, source: String)? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT value, source FROM population WHERE code = ? AND year = ? AND age_group = ?",
                             arguments: [code, year, ageGroup.rawValue]).map { ($0["value"], $0["source"]) }
        }
    }

    /// Every stored estimate of an age group, keyed `code|year`.
    public func populations(ageGroup: PopulationEstimate.AgeGroup) throws -> [String: Int] {
        try queue.read { db in
            var out: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT code, year, value FROM population WHERE age_group = ?", arguments: [ageGroup.rawValue]) {
                out["\(r["code"] as String)|\(r["year"] as Int)"] = r["value"]
            }
            return out
        }
    }

    public func setNeighbourGroups(_ groups: NeighbourGroups) throws {
        try loadReference(groups: groups, populations: [], benchmarks: [])
    }

    public func neighbours(of code: String) throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT neighbour FROM neighbour WHERE code = ? ORDER BY rank", arguments: [code]) }
    }

    public func councilName(_ code: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT name FROM council WHERE code = ?", arguments: [code]) }
    }

    public func addBenchmarks(_ benchmarks: [Benchmark]) throws {
        try loadReference(groups: nil, populations: [], benchmarks: benchmarks)
    }

    public func benchmarks(indicator: IndicatorID? = nil) throws -> [Benchmark] {
        try queue.read { db in
            let rows = indicator == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM benchmark ORDER BY indicator, period, what")
                : try Row.fetchAll(db, sql: "SELECT * FROM benchmark WHERE indicator = ? ORDER BY period, what", arguments: [indicator?.rawValue])
            return rows.map { Benchmark(indicator: IndicatorID($0["indicator"] as String), period: $0["period"], what: $0["what"], value: $0["value"], source: $0["source"]) }
        }
    }

    /// Neighbour groupings, populations and benchmarks together, in one transaction.
    public func loadReference(groups: NeighbourGroups?, populations: [PopulationEstimate], benchmarks: [Benchmark]) throws {
        try queue.write { db in
            if let groups {
                try db.execute(sql: "DELETE FROM neighbour")
                for code in groups.neighbours.keys.sorted() {
                    for (i, n) in groups.neighbours[code]!.enumerated() {
                        try db.execute(sql: "INSERT INTO neighbour VALUES (?, ?, ?)", arguments: [code, i + 1, n])
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO council VALUES (?, ?)", arguments: [code, groups.names[code] ?? ""])
                }
            }
            let p = try db.cachedStatement(sql: "INSERT OR REPLACE INTO population VALUES (?, ?, ?, ?, ?, ?)")
            for e in populations { try p.execute(arguments: [e.code, e.year, e.ageGroup.rawValue, e.value, e.name, e.source]) }
            let b = try db.cachedStatement(sql: "INSERT OR REPLACE INTO benchmark VALUES (?, ?, ?, ?, ?)")
            for x in benchmarks { try b.execute(arguments: [x.indicator.rawValue, x.period, x.what, x.value, x.source]) }
        }
    }

    public func setting(_ key: Setting) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue]) }
    }

    public func setSetting(_ key: Setting, _ value: String) throws {
        try queue.write { db in try db.execute(sql: "INSERT OR REPLACE INTO setting VALUES (?, ?)", arguments: [key.rawValue, value]) }
    }

    /// Which SN figure the page shows: the mean unless the median was chosen.
    public func neighbourStatistic() throws -> NeighbourStatistic {
        try setting(.snStatistic).flatMap(NeighbourStatistic.init(rawValue:)) ?? .mean
    }

    /// Whether the database holds the bundled demo.
    public func isDemo() throws -> Bool { try setting(.demo) == "yes" }

    /// The council's name: as set, else as the SN groupings name its code; nil when unknown.
    public func councilName() throws -> String? {
        if let name = try setting(.councilName), !name.isEmpty { return name }
        guard let code = try setting(.council) else { return nil }
        return try councilName(code)
    }
}

/// What the settings table holds, by key.
public enum Setting: String, CaseIterable, Sendable {
    /// Our council's old LA code (302 is Barnet).
    case council
    case councilName = "council_name"
    /// `mean` or `median`.
    case snStatistic = "sn_statistic"
    /// `yes` for the bundled demo.
    case demo
}
