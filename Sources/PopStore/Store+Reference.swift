import GRDB
import PopCalendar
import PopExtract
import PopMetrics

extension Store {
    /// Adds targets; a target for the same indicator and date replaces the old one.
    public func addTargets(_ targets: [Target]) throws {
        try guarded("storing the targets") {
            try queue.write { db in
                for t in targets {
                    try db.execute(sql: "INSERT OR REPLACE INTO target VALUES (?, ?, ?, ?, ?)",
                                   arguments: [t.indicator.rawValue, t.value, t.amberTolerance, t.effectiveFrom.iso, t.note])
                }
            }
        }
    }

    public func targets() throws -> TargetSet {
        try guarded("reading the targets") {
            try queue.read { db in
                TargetSet(try Row.fetchAll(db, sql: "SELECT * FROM target").compactMap { r in
                    let f = Fields(r, "target")
                    guard let from = DateParser.parse(try f.text("effective_from")).day else { return nil }
                    return Target(indicator: IndicatorID(try f.text("indicator")), value: try f.double("target"),
                                  amberTolerance: try f.double("amber_tolerance"), effectiveFrom: from, note: try f.text("note"))
                })
            }
        }
    }

    public func addPopulations(_ estimates: [PopulationEstimate]) throws {
        try loadReference(groups: nil, populations: estimates, benchmarks: [])
    }

    public func population(code: String, year: Int, ageGroup: PopulationEstimate.AgeGroup) throws -> (value: Int, source: String)? {
        try guarded("reading the populations") {
            try queue.read { db in
                guard let r = try Row.fetchOne(db, sql: "SELECT value, source FROM population WHERE code = ? AND year = ? AND age_group = ?",
                                               arguments: [code, year, ageGroup.rawValue]) else { return nil }
                let f = Fields(r, "population")
                return (try f.int("value"), try f.text("source"))
            }
        }
    }

    /// Every stored estimate of an age group, keyed `code|year`.
    public func populations(ageGroup: PopulationEstimate.AgeGroup) throws -> [String: Int] {
        try guarded("reading the populations") {
            try queue.read { db in
                var out: [String: Int] = [:]
                for r in try Row.fetchAll(db, sql: "SELECT code, year, value FROM population WHERE age_group = ?", arguments: [ageGroup.rawValue]) {
                    let f = Fields(r, "population")
                    out["\(try f.text("code"))|\(try f.int("year"))"] = try f.int("value")
                }
                return out
            }
        }
    }

    public func setNeighbourGroups(_ groups: NeighbourGroups) throws {
        try loadReference(groups: groups, populations: [], benchmarks: [])
    }

    public func neighbours(of code: String) throws -> [String] {
        try guarded("reading the neighbours") {
            try queue.read { db in try String.fetchAll(db, sql: "SELECT neighbour FROM neighbour WHERE code = ? ORDER BY rank", arguments: [code]) }
        }
    }

    static func upsert(_ c: Council, _ db: GRDB.Database) throws {
        try db.execute(sql: """
            INSERT INTO council (code, name, new_code, region_code) VALUES (?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET
                name = CASE WHEN excluded.name = '' THEN council.name ELSE excluded.name END,
                new_code = CASE WHEN excluded.new_code = '' THEN council.new_code ELSE excluded.new_code END,
                region_code = CASE WHEN excluded.region_code = '' THEN council.region_code ELSE excluded.region_code END
            """, arguments: [c.code, c.name, c.newCode, c.regionCode])
    }

    /// Every council the loaded reference files name, by old code.
    public func councils() throws -> [Council] {
        try guarded("reading the councils") {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM council ORDER BY code").map { r in
                    let f = Fields(r, "council")
                    return Council(code: try f.text("code"), newCode: try f.text("new_code"), name: try f.text("name"),
                                   regionCode: try f.text("region_code"))
                }
            }
        }
    }

    public func councilName(_ code: String) throws -> String? {
        try guarded("reading the council's name") {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT name FROM council WHERE code = ?", arguments: [code]) }
        }
    }

    public func addBenchmarks(_ benchmarks: [Benchmark]) throws {
        try loadReference(groups: nil, populations: [], benchmarks: benchmarks)
    }

    public func benchmarks(indicator: IndicatorID? = nil) throws -> [Benchmark] {
        try guarded("reading the benchmarks") {
            try queue.read { db in
                let rows = indicator == nil
                    ? try Row.fetchAll(db, sql: "SELECT * FROM benchmark ORDER BY indicator, period, what")
                    : try Row.fetchAll(db, sql: "SELECT * FROM benchmark WHERE indicator = ? ORDER BY period, what", arguments: [indicator?.rawValue])
                return try rows.map { r in
                    let f = Fields(r, "benchmark")
                    return Benchmark(indicator: IndicatorID(try f.text("indicator")), period: try f.text("period"), what: try f.text("what"),
                                     value: try f.double("value"), source: try f.text("source"))
                }
            }
        }
    }

    /// Neighbour groupings, populations, benchmarks and what the files say of each council (its
    /// codes, name and region), together, in one transaction. A council's blank fields leave
    /// what is stored of it.
    public func loadReference(groups: NeighbourGroups?, populations: [PopulationEstimate], benchmarks: [Benchmark],
                              councils: [Council] = []) throws {
        try guarded("storing the reference data") {
            try queue.write { db in
                if let groups {
                    try db.execute(sql: "DELETE FROM neighbour")
                    for code in groups.neighbours.keys.sorted() {
                        for (i, n) in (groups.neighbours[code] ?? []).enumerated() {
                            try db.execute(sql: "INSERT INTO neighbour VALUES (?, ?, ?)", arguments: [code, i + 1, n])
                        }
                        try Store.upsert(Council(code: code, name: groups.names[code] ?? ""), db)
                    }
                }
                for c in councils where !c.code.isEmpty { try Store.upsert(c, db) }
                let p = try db.cachedStatement(sql: "INSERT OR REPLACE INTO population VALUES (?, ?, ?, ?, ?, ?)")
                for e in populations { try p.execute(arguments: [e.code, e.year, e.ageGroup.rawValue, e.value, e.name, e.source]) }
                let b = try db.cachedStatement(sql: "INSERT OR REPLACE INTO benchmark VALUES (?, ?, ?, ?, ?)")
                for x in benchmarks { try b.execute(arguments: [x.indicator.rawValue, x.period, x.what, x.value, x.source]) }
            }
        }
    }

    /// Replaces the benchmarks of `derived` kinds (`sn_mean`, `sn_median`, `region`) that came
    /// from DfE's files (sources beginning "DfE ") with `benchmarks`, in one transaction: the
    /// figures a change of council derives again. Typed figures are left as they are.
    public func replaceDerivedBenchmarks(_ derived: Set<String>, with benchmarks: [Benchmark]) throws {
        try guarded("storing the benchmarks") {
            try queue.write { db in
                for what in derived.sorted() {
                    try db.execute(sql: "DELETE FROM benchmark WHERE what = ? AND source LIKE 'DfE %'", arguments: [what])
                }
                let b = try db.cachedStatement(sql: "INSERT OR REPLACE INTO benchmark VALUES (?, ?, ?, ?, ?)")
                for x in benchmarks { try b.execute(arguments: [x.indicator.rawValue, x.period, x.what, x.value, x.source]) }
            }
        }
    }

    public func setting(_ key: Setting) throws -> String? {
        try guarded("reading the settings") {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue]) }
        }
    }

    public func setSetting(_ key: Setting, _ value: String) throws {
        try guarded("saving the settings") {
            try queue.write { db in try db.execute(sql: "INSERT OR REPLACE INTO setting VALUES (?, ?)", arguments: [key.rawValue, value]) }
        }
    }

    /// Removes a setting (a later read gives nil).
    public func removeSetting(_ key: Setting) throws {
        try guarded("saving the settings") {
            try queue.write { db in try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key.rawValue]) }
        }
    }

    /// The baseline month the page compares with; nil when none is set.
    public func baseline() throws -> YearMonth? { try setting(.baseline).flatMap(YearMonth.init) }

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

extension Store {
    /// Replaces the council's codes file (its mappings of its own spellings).
    public func setCodes(_ entries: [CodeMap.Entry]) throws {
        try guarded("storing the codes") {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM code_map")
                for e in entries {
                    try db.execute(sql: "INSERT INTO code_map VALUES (?, ?, ?, ?)", arguments: [e.column, e.value, e.code, e.line])
                }
            }
        }
    }

    /// The stored codes file as CSV text (`column,value,code`), to read back through the same checks.
    public func codesCSV() throws -> String? {
        try guarded("reading the codes") {
            try queue.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM code_map ORDER BY line")
                guard !rows.isEmpty else { return nil }
                var out = "column,value,code\n"
                for r in rows {
                    let f = Fields(r, "code_map")
                    out += [try f.text("column"), try f.text("value"), try f.text("code")].map(Store.csvField).joined(separator: ",") + "\n"
                }
                return out
            }
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } ? "\"" + String(s.flatMap { $0 == "\"" ? "\"\"" : String($0) }) + "\"" : s
    }
}

extension Store {
    /// Replaces the council's team-to-service file.
    public func setTeamServices(_ groups: TeamServices) throws {
        try guarded("storing the teams") {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM team_service")
                for (i, e) in groups.entries.enumerated() {
                    try db.execute(sql: "INSERT INTO team_service VALUES (?, ?, ?)", arguments: [e.team, e.service, i + 1])
                }
            }
        }
    }

    /// The stored team-to-service file; none (every team its own) when none is stored.
    public func teamServices() throws -> TeamServices {
        try guarded("reading the teams") {
            try queue.read { db in
                TeamServices(try Row.fetchAll(db, sql: "SELECT team, service FROM team_service ORDER BY line").map { r in
                    let f = Fields(r, "team_service")
                    return TeamServices.Entry(team: try f.text("team"), service: try f.text("service"))
                })
            }
        }
    }
}
