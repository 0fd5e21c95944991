import Foundation
import Testing
import PopApp
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopReference
@testable import PopStore

/// The audit's defects outside the reader, each reproduced first (issue 11).
@Suite(.serialized) struct HardeningTests {
    static func write(_ text: String, _ name: String) throws -> String {
        let path = temporaryFolder() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A target of 1e300, 1e-300 or inf, a benchmark of 1e300 and a population of 10^20 or nan
    /// crashed pop on every start after they were imported; now each file is refused, naming the
    /// file, line and value, and nothing is stored.
    @Test func extremeNumbersInReferenceFilesAreRefused() throws {
        for target in ["1e300", "inf", "-5", "nan", "120"] {
            let path = try Self.write("indicator,target,effective_from\ncp.visits_in_time,\(target),2018-04-01\n", "targets.csv")
            do {
                _ = try TargetsFile.read(path: path)
                Issue.record("target \(target) was accepted")
            } catch {
                #expect(error.file == "targets.csv" && error.line == 2 && error.column == "target", "\(target): \(error)")
            }
        }
        // A tiny target is a number in range: its page must still draw (no trap in rounding).
        let tiny = try TargetsFile.read(path: try Self.write("indicator,target,effective_from\ncp.visits_in_time,1e-300,2018-04-01\n", "t.csv"))
        #expect(tiny.targets.first?.value == 1e-300)
        #expect(throws: ExtractError.self) {
            try ReferenceFiles.typedBenchmarks(path: try Self.write("indicator,period,what,value,source\ncp.rate,2017-18,sn_mean,1e300,x\n", "b.csv"))
        }
        for population in ["99999999999999999999", "nan", "-3"] {
            let text = "time_period,geographic_level,old_la_code,la_name,age_group,population_estimate\n2018,Local authority,302,Barnet,0 to 17,\(population)\n"
            #expect(throws: ExtractError.self, "\(population)") { try ReferenceFiles.populations(path: try Self.write(text, "p.csv")) }
        }
        // Two targets for one indicator and date: which is meant cannot be known.
        #expect(throws: ExtractError.self) {
            try TargetsFile.read(path: try Self.write("indicator,target,effective_from\ncp.rate,10,2018-04-01\ncp.rate,12,2018-04-01\n", "d.csv"))
        }
    }

    /// Display never traps on any Double.
    @Test func displayNeverTraps() {
        for x in [Double.nan, .infinity, -.infinity, 1e300, -1e300, 1e-300, 4.7e18, Double.greatestFiniteMagnitude, 0.05, -0.05] {
            #expect(!Display.decimal(x).isEmpty)
            #expect(!Display.count(x).isEmpty)
            #expect(!Display.variance(x).isEmpty)
            let v = IndicatorValue(id: "cp.rate", team: nil, numerator: nil, denominator: nil, value: x, unit: .per_10k, polarity: .none)
            #expect(!Display.value(v).isEmpty)
        }
        #expect(Display.decimal(.infinity) == "∞" && Display.decimal(.nan) == "–" && Display.decimal(1e300) == "> 10^18")
        #expect(Display.decimal(1e-300) == "0.0" && Display.variance(-1e-300) == "0.0%")
    }

    /// Escape sequences in comments, team names and files were printed raw (in tmux they set the
    /// window title and cleared the screen); now every control character shows as a symbol.
    @Test func controlCharactersAreShownNeverSent() throws {
        let folder = temporaryFolder()
        let db = folder + "/pop.sqlite"
        #expect(try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--population", "96920"], db: db).status == 0)
        let evil = "Done\u{1B}]2;pwned\u{07}\u{1B}[2J and \u{9B}31m"
        #expect(try pop(["comment", "cp.visits_in_time", "--month", "2019-01", evil], db: db).status == 0)
        for format in ["text", "markdown", "csv"] {
            let out = try pop(["report", "--format", format], db: db).out
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(format)")
            #expect(out.contains("Done␛]2;pwned␇␛[2J and �31m"), "\(format)")
        }
        let json = try pop(["report", "--format", "json"], db: db).out
        #expect(json.contains("Done\\u001b]2;pwned\\u0007\\u001b[2J and \\u009b31m"))
        // An agenda file's bad bytes in the error message.
        let agenda = try Self.write("cp\n\u{1B}[2Jnonsense\n", "agenda.txt")
        let r = try pop(["present", "--agenda", agenda], db: db)
        #expect(r.status != 0 && !r.err.contains("\u{1B}") && r.err.contains("␛[2Jnonsense"))
    }

    /// A duplicate row's child ID (and a worker's name listed twice) was stored and printed in
    /// `pop report --format json`; now the stored list holds none, and `pop metrics` names
    /// children and workers only with --ids.
    @Test func childIDsStayOutOfTheDataQualityList() throws {
        let folder = temporaryFolder()
        let db = folder + "/pop.sqlite"
        let extract = folder + "/extract"
        try FileManager.default.createDirectory(atPath: extract, withIntermediateDirectories: true)
        try """
            Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team
            CHILD-7781,01/01/2010,01/12/2018,Neglect,20/01/2019,Yes,,,0,T1
            CHILD-7781,01/01/2010,01/11/2018,Neglect,20/01/2019,Yes,,,0,T1

            """.write(toFile: extract + "/list7.csv", atomically: true, encoding: .utf8)
        // A worker listed twice: the note's value is her name, which is personal data too.
        try """
            Worker,Team,Role,Agency,Start Date,End Date,Date of Last Supervision
            Amira Adeyemi,T1,Senior Social Worker,N,27/08/2011,,27/11/2018
            amira  ADEYEMI,T1,Senior Social Worker,N,27/08/2011,,27/12/2018

            """.write(toFile: extract + "/workforce.csv", atomically: true, encoding: .utf8)
        #expect(try pop(["import", extract, "--as-at", "2019-01-31"], db: db).status == 0)
        let report = try pop(["report", "--format", "json"], db: db)
        #expect(report.status == 0 && report.out.contains("the same child is also on line") && !report.out.contains("CHILD-7781"))
        #expect(report.out.contains("the same worker is also on line 3") && !report.out.lowercased().contains("adeyemi"))
        let metrics = try pop(["metrics", "--extract", extract, "--as-at", "2019-01-31"], db: db)
        #expect(metrics.status == 0 && !metrics.out.contains("CHILD-7781") && !metrics.out.lowercased().contains("adeyemi"))
        #expect(metrics.out.contains("(name hidden: --ids shows it)") && metrics.out.contains("(child ID hidden: --ids shows it)"))
        let named = try pop(["metrics", "--extract", extract, "--as-at", "2019-01-31", "--ids"], db: db)
        #expect(named.out.contains("CHILD-7781") && named.out.contains("Amira Adeyemi"))
    }

    /// Exports followed a link planted at their name and kept an existing file's mode; now a
    /// file pop writes is new, 0600, and never written through a link.
    @Test func filesPopWritesAreNewAndPrivate() throws {
        let folder = temporaryFolder()
        let target = folder + "/victim.txt"
        try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
        let link = folder + "/export.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: PopError.self) { try SafeFile.write("exported", to: link, force: false) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        // With --force the link itself is replaced, never its target.
        try SafeFile.write("exported", to: link, force: true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect(try String(contentsOfFile: link, encoding: .utf8) == "exported")
        #expect(try FileManager.default.attributesOfItem(atPath: link)[.posixPermissions] as? Int == 0o600)
        #expect(SafeFile.freshName(link) == folder + "/export-2.txt")
        // demo generate refuses to overwrite without --force.
        let out = folder + "/demo"
        #expect(try pop(["demo", "generate", "--out", out], db: folder + "/db.sqlite").status == 0)
        let again = try pop(["demo", "generate", "--out", out], db: folder + "/db.sqlite")
        #expect(again.status == 2 && again.err.contains("exists already"))
        #expect(try FileManager.default.attributesOfItem(atPath: out + "/2019-01/list7.csv")[.posixPermissions] as? Int == 0o600)
    }

    /// An interrupted first run left 2 of 12 demo months and no settings (later shown as
    /// "Council" without DEMO DATA), or an empty database never built again. Now the demo is
    /// built beside the target and linked into place whole: a leftover building file is ignored
    /// and the next run builds the demo in full.
    @Test func anInterruptedFirstRunLeavesNothing() throws {
        let folder = temporaryFolder()
        let db = folder + "/pop.sqlite"
        // What a run killed part-way leaves: only its building file.
        try "half-built".write(toFile: db + ".building-999999", atomically: true, encoding: .utf8)
        let r = try pop(["report", "--format", "json"], db: db)
        #expect(r.status == 0 && r.out.contains("\"demo\": true") && r.out.contains("\"council\": \"Barnet\""))
        let store = try Store(path: db)
        #expect(try store.months().count == 12)
        // The demo holds no July 2017 (the inspection): its baseline is its earliest month.
        #expect(try store.baseline() == YearMonth(year: 2018, month: 2))
        #expect(r.out.contains("\"baseline\": \"2018-02\""))
        // stderr closed early (piped to `head`) no longer kills the build part-way.
        let piped = folder + "/piped.sqlite"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "POP_DB='\(piped)' '\(projectFolder)/.build/debug/pop' report 2>&1 >/dev/null | head -c 10 >/dev/null"]
        try p.run()
        p.waitUntilExit()
        #expect(try Store(path: piped).months().count == 12)
    }

    /// `--population -5` was accepted by import while metrics refused it.
    @Test func aNegativePopulationIsRefusedEverywhere() throws {
        let db = temporaryFolder() + "/pop.sqlite"
        let r = try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--population=-5"], db: db)
        #expect(r.status == 2 && r.err.contains("positive"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A 120,000-character comment made every key on its page take 314 ms; comments are now
    /// capped with a clear message.
    @Test func longCommentsAreRefused() throws {
        let db = temporaryFolder() + "/pop.sqlite"
        #expect(try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31"], db: db).status == 0)
        let r = try pop(["comment", "cp.rate", "--month", "2019-01", String(repeating: "x", count: 2_001)], db: db)
        #expect(r.status == 2 && r.err.contains("at most 2000"))
    }
}
