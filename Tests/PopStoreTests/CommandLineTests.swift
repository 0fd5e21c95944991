import Foundation
import Testing

/// The real `pop` binary (built by `swift build`, which `.ci/run` runs before the tests), with
/// `environment` set over the test's own.
func pop(_ args: [String], db: String, environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let binary = projectFolder + "/.build/debug/pop"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        Issue.record("no binary at \(binary): run swift build first")
        return (-1, "", "")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["POP_DB"] = db
    env.merge(environment) { _, new in new }
    p.environment = env
    p.currentDirectoryURL = URL(fileURLWithPath: projectFolder)
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Suite(.serialized) struct CommandLineTests {
    /// `pop bench`'s three stages count the same data rows: records less headers, typed rows,
    /// rows the engine read (the demo's January 2019 extract: 29,612 rows, 445 figures).
    @Test func benchStagesCountTheSameRows() throws {
        let db = temporaryFolder() + "/pop.sqlite"
        for stage in ["csv", "rows", "all"] {
            let r = try pop(["bench", "--extract", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--runs", "1", "--json", "--stage", stage], db: db)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("\"rows\": 29612,"), "\(stage): \(r.out)")
            #expect(r.out.contains("\"figures\": \(stage == "all" ? 445 : 0),"), "\(stage): \(r.out)")
            #expect(r.out.contains("\"peak_bytes\": "))
        }
        let refused = try pop(["bench", "--extract", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--stage", "json"], db: db)
        #expect(refused.status != 0 && refused.err.contains("stage"))
    }

    @Test func importReportAndARefusedImport() throws {
        let folder = temporaryFolder()
        let db = folder + "/pop.sqlite"
        for m in ["2018-12", "2019-01"] {
            let r = try pop(["import", "Fixtures/demo/\(m)", "--as-at", YearMonthLast.of(m), "--population", "96920"], db: db)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.hasPrefix("imported "))
        }
        #expect(try pop(["targets", "import", "Fixtures/demo/targets.csv"], db: db).status == 0)
        #expect(try pop(["benchmarks", "import", "Fixtures/demo/benchmarks.csv"], db: db).status == 0)
        #expect(try pop(["comment", "cp.visits_in_time", "--month", "2019-01", "Visits within 4 weeks are at 97%."], db: db).status == 0)
        let report = try pop(["report", "--month", "2019-01", "--width", "220"], db: db)
        #expect(report.status == 0)
        #expect(report.out.contains("Compared with December 2018"))
        #expect(report.out.contains("Comment: Visits within 4 weeks are at 97%."))
        let cp = try #require(report.out.split(separator: "\n").first { $0.contains("CP visits in time (10 working days)") })
        // 71.1% against December's 68.9%: +2.2 points; target 95%, (25.2%), red.
        #expect(cp.contains("71.1%") && cp.contains("68.9%") && cp.contains("+2.2 pts") && cp.contains("(25.2%)") && cp.contains("✖ R"))
        let rate = try #require(report.out.split(separator: "\n").first { $0.contains("CP plans per 10,000") })
        #expect(rate.contains("16.4") && rate.contains("41.2") && rate.contains("-24.8"))

        // A refused extract: the database file is left byte for byte, the report unchanged.
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let broken = folder + "/broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        try "Child Unique ID,Date of Birth\nX,01/01/2010\n".write(toFile: broken + "/list7.csv", atomically: true, encoding: .utf8)
        let refused = try pop(["import", broken, "--as-at", "2019-02-28", "--strict"], db: db)
        #expect(refused.status == 2)
        #expect(refused.err.contains("list7.csv") && refused.err.contains("column \"Child Protection Plan Start Date\": this column is missing"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try pop(["report", "--month", "2019-01", "--width", "220"], db: db).out == report.out)
        // Without --strict the month is stored, its CP indicators unavailable and said so.
        let partial = try pop(["import", broken, "--as-at", "2019-02-28"], db: db)
        #expect(partial.status == 0 && partial.err.contains("cp.children: not available: list7 has no Child Protection Plan Start Date"))
        let feb = try pop(["report", "--month", "2019-02"], db: db)
        #expect(feb.out.contains("Children on CP plans") && feb.out.contains("not available: list7 has no Child Protection Plan Start Date"))
        // A list without Child Unique ID cannot count children: refused whatever the options.
        try "Date of Birth,Child Protection Plan Start Date\n01/01/2010,01/01/2019\n".write(toFile: broken + "/list7.csv", atomically: true, encoding: .utf8)
        let noIDs = try pop(["import", broken, "--as-at", "2019-02-28"], db: db)
        #expect(noIDs.status == 2 && noIDs.err.contains("Child Unique ID"))

        // Re-importing a month says so.
        let again = try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--population", "96920"], db: db)
        #expect(again.out.hasPrefix("replaced January 2019"))

        // JSON keeps the machine shape of pop metrics plus the comparisons.
        let json = try pop(["report", "--month", "2019-01", "--format", "json"], db: db)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let rows = try #require(object["indicators"] as? [[String: Any]])
        let visits = try #require(rows.first { $0["id"] as? String == "cp.visits_in_time" })
        #expect(visits["numerator"] as? Int == 113 && visits["previous"] != nil && visits["direction"] as? String == "improving")
        let cpRate = try #require(rows.first { $0["id"] as? String == "cp.rate" })
        let sn = try #require(cpRate["sn"] as? [String: Any])
        #expect(sn["value"] as? Double == 41.2 && sn["period"] as? String == "2017-18")
    }
}

enum YearMonthLast {
    static func of(_ m: String) -> String { m == "2018-12" ? "2018-12-31" : "2019-01-31" }
}
