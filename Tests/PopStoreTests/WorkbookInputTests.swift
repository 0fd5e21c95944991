import Foundation
import PopApp
import PopCalendar
import PopExtract
import PopWorkbook
import Testing

/// A council's Annex A workbook as the way in: the same figures as its lists saved as CSV, a
/// 2020-template List 9, a codes file, Excel's error values, numeric IDs, the refused and
/// corrupt workbooks, `pop check`'s exit codes and the restore round trip, all through the
/// real `pop` binary.
@Suite(.serialized) struct WorkbookInputTests {
    static let asAt = "2019-01-31"

    func day(_ y: Int, _ m: Int, _ d: Int) -> XLSXWriter.Cell { .date(Day(year: y, month: m, day: d)!) }

    /// `pop metrics … --format json`, parsed.
    func metrics(_ extract: String, _ extra: [String] = [], db: String) throws -> [String: Any] {
        let r = try pop(["metrics", "--extract", extract, "--as-at", Self.asAt, "--population", "96920", "--format", "json"] + extra, db: db)
        #expect(r.status == 0, "\(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    }

    func row(_ json: [String: Any], _ id: String, team: String? = nil) -> [String: Any]? {
        (json["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == id && $0["team"] as? String == team }
    }

    /// A copy of an extract folder with some cells changed: (file, data row from 1, column, text).
    func copy(_ folder: String, to out: String, changing cells: [(String, Int, String, String)] = [], dropping dropped: [String: Set<String>] = [:]) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".csv") {
            var lines: [[String]] = []
            try CSVFile(path: folder + "/" + name).forEachRecord { r in
                lines.append(r.strings)
                return true
            }
            let header = lines[0]
            for (file, index, column, text) in cells where file == name {
                let c = try #require(header.firstIndex(of: column), "\(name) has no \(column)")
                lines[index][c] = text
            }
            let keep = header.indices.filter { !(dropped[name] ?? []).contains(header[$0]) }
            let text = lines.map { cells in
                keep.map { i in
                    let v = cells[i]
                    return v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
                }.joined(separator: ",")
            }.joined(separator: "\r\n") + "\r\n"
            try text.write(toFile: out + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    /// The demo's January, with an impossible date, an unknown placement location and an
    /// `#N/A` team, as CSV and as a workbook (1900 and 1904 date systems): the same figures,
    /// and data-quality entries that differ only in where they point.
    @Test func aWorkbookGivesTheFiguresOfItsListsAsCSV() throws {
        let folder = temporaryFolder(), db = folder + "/pop.sqlite"
        let csv = folder + "/2019-01"
        try copy(projectFolder + "/Fixtures/demo/2019-01", to: csv, changing: [
            ("list7.csv", 3, "Date of the Last Statutory Visit", "31/02/2019"),
            ("list8.csv", 5, "Placement Location", "Home Town"),
            ("list6.csv", 2, "Allocated Team", "#N/A"),
        ])
        let fromCSV = try metrics(csv, db: db)
        let quality = try #require(fromCSV["data_quality"] as? [[String: Any]])
        #expect(quality.count == 3, "\(quality)")
        for system in [false, true] {
            let book = folder + "/Annex_A\(system ? "_1904" : "").xlsx"
            let written = try pop(["workbook", csv, "--out", book] + (system ? ["--date1904"] : []), db: db)
            #expect(written.status == 0 && written.out.contains("12 sheets, 29612 data rows"), "\(written)")
            let fromBook = try metrics(book, db: db)
            #expect(NSDictionary(dictionary: ["i": fromBook["indicators"] ?? []]) == NSDictionary(dictionary: ["i": fromCSV["indicators"] ?? []]))
            #expect((fromBook["unavailable"] as? [Any])?.isEmpty == true)
            let bookQuality = try #require(fromBook["data_quality"] as? [[String: Any]])
            #expect(bookQuality.count == quality.count)
            for (b, c) in zip(bookQuality, quality) {
                for key in ["column", "value", "problem", "line"] {
                    #expect("\(b[key] ?? "-")" == "\(c[key] ?? "-")", "\(key): \(b) against \(c)")
                }
                #expect(b["file"] as? String == FilePath.lastComponent(book) && c["file"] as? String != nil)
                #expect(b["sheet"] as? String != nil && b["cell"] as? String != nil && c["sheet"] == nil && c["cell"] == nil)
            }
            let visit = try #require(bookQuality.first { $0["column"] as? String == "Date of the Last Statutory Visit" })
            // Row 4 of the sheet: the header, then data rows 1–3.
            #expect(visit["sheet"] as? String == "List 7 - Child Protection" && visit["line"] as? Int == 4)
            let team = try #require(bookQuality.first { $0["column"] as? String == "Allocated Team" })
            #expect(team["value"] as? String == "#N/A" && team["sheet"] as? String == "List 6 - Children in Need")
        }
    }

    /// A hand-made workbook: a 2020-template List 9 (`Age`, `LA In Touch`, neither pathway-plan
    /// nor contact dates), List 7 found by its header on a sheet called `Sheet3` below a blank
    /// row, one child's ID as a number in one row and as text in another, an `#N/A` team, a
    /// town's name as placement location, Lists 10 and 11 and a notes sheet that must be ignored.
    func councilWorkbook(date1904: Bool) throws -> [UInt8] {
        var w = XLSXWriter(date1904: date1904)
        let notes = try w.addSheet("Notes")
        try w.addRow([.text("Annex A, January 2019. Sheet order as the council keeps it.")], to: notes)
        let cp = try w.addSheet("Sheet3")
        try w.addRow([], to: cp)
        try w.addRow(["Child Unique ID", "Child Protection Plan Start Date", "Date of the Last Statutory Visit", "Allocated Team", "Child Protection Plan End Date"].map { .text($0) }, to: cp)
        // Child 1001: the later plan (1 December) stands, visited Friday 18 January: WD = 9, in time.
        try w.addRow([.number(1001), day(2018, 10, 1), day(2019, 1, 10), .text("CP Team A"), .blank], to: cp)
        try w.addRow([.text("1001"), day(2018, 12, 1), day(2019, 1, 18), .text("CP Team A"), .blank], to: cp)
        // Child 1002: no visit, so the start (15 November) is the reference: late; team #N/A.
        try w.addRow([.number(1002), day(2018, 11, 15), .blank, .error("#N/A"), .blank], to: cp)
        // Child 1003: the plan ended in December.
        try w.addRow([.number(1003), day(2018, 6, 1), day(2018, 12, 3), .text("CP Team A"), day(2018, 12, 20)], to: cp)

        let cla = try w.addSheet("List 8 - Children in Care")
        try w.addRow(["Child Unique ID", "Date Started to be Looked After", "Date Ceased to be Looked After", "Placement Location", "Allocated Team"].map { .text($0) }, to: cla)
        try w.addRow([.number(2001), day(2018, 1, 1), .blank, .text("Home Town"), .text("CIC")], to: cla)
        try w.addRow([.number(2002), day(2018, 5, 1), .blank, .text("Out of borough"), .text("CIC")], to: cla)
        try w.addRow([.number(2003), day(2017, 1, 1), .blank, .text("In borough\u{00A0}"), .text("CIC")], to: cla)
        try w.addRow([.number(2004), day(2018, 9, 1), .blank, .text("Elsewhere"), .text("CIC")], to: cla)

        let cl = try w.addSheet("List 9 - Care Leavers")
        try w.addRow(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Allocated Team", "Allocated Worker", "LA In Touch ",
                      "Type of Accommodation", "Suitability of Accommodation", "Activity Status"].map { .text($0) }, to: cl)
        try w.addRow([.number(3001), .text("a) Male"), .text("WBRI"), day(2000, 3, 1), .number(18), .text("Leaving Care"), .text("A Worker"),
                      .text("Yes"), .text("U"), .text("Suitable"), .text("F1")], to: cl)
        try w.addRow([.number(3002), .text("b) Female"), .blank, day(1998, 6, 15), .number(20), .text("Leaving Care"), .blank,
                      .text("a) Yes"), .text("U"), .number(1), .text("G4")], to: cl)
        try w.addRow([.number(3003), .blank, .blank, day(1997, 2, 1), .number(21), .text("Leaving Care"), .blank,
                      .text("No"), .text("B"), .text("Unsuitable"), .text("F2")], to: cl)
        try w.addRow([.number(3004), .blank, .blank, day(1996, 1, 31), .number(23), .blank, .blank,
                      .text("c) Died"), .blank, .blank, .blank], to: cl)
        try w.addRow([.number(3005), .blank, .blank, day(2000, 12, 1), .number(18), .blank, .blank,
                      .error("#N/A"), .blank, .blank, .blank], to: cl)

        // Lists 10 and 11 hold columns that look like List 8's and List 7's: ignored all the same.
        let adoption = try w.addSheet("List 10 - Adoption")
        try w.addRow(["Child Unique ID", "Date Started to be Looked After"].map { .text($0) }, to: adoption)
        try w.addRow([.number(2001), day(2018, 1, 1)], to: adoption)
        let adopters = try w.addSheet("List 11 - Adopters", hidden: true)
        try w.addRow(["Adopter ID", "Child Protection Plan Start Date"].map { .text($0) }, to: adopters)
        try w.addRow([.text("A1"), day(2018, 1, 1)], to: adopters)
        return try w.bytes()
    }

    @Test(arguments: [false, true]) func aCouncilsOwnWorkbookWorkedByHand(date1904: Bool) throws {
        let folder = temporaryFolder(), db = folder + "/pop.sqlite"
        let book = folder + "/Annex A.xlsx"
        try Data(try councilWorkbook(date1904: date1904)).write(to: URL(fileURLWithPath: book))
        let codes = folder + "/codes.csv"
        try "column,value,code\nPlacement Location,Home Town,in\n".write(toFile: codes, atomically: true, encoding: .utf8)

        let json = try metrics(book, ["--codes", codes], db: db)
        func value(_ id: String, team: String? = nil) -> (Int?, Int?, Double?) {
            let r = row(json, id, team: team)
            return (r?["numerator"] as? Int, r?["denominator"] as? Int, r?["value"] as? Double)
        }
        // CP: 1001 (numeric in one row, text in the other) is one child; 1003's plan ended.
        #expect(value("cp.children").0 == 2)
        #expect(value("cp.visits_in_time").0 == 1 && value("cp.visits_in_time").1 == 2)
        #expect(value("cp.visits_in_time", team: "CP Team A").0 == 1 && value("cp.visits_in_time", team: "CP Team A").1 == 1)
        #expect(value("cp.visits_in_time", team: "Unallocated").0 == 0 && value("cp.visits_in_time", team: "Unallocated").1 == 1)
        #expect(row(json, "cp.visits_in_time", team: "#N/A") == nil)
        // CLA: Home Town is in (the codes file), the NBSP-padded In borough in, Elsewhere unreadable.
        #expect(value("cla.children").0 == 4)
        #expect(value("cla.placed_in_borough").0 == 2 && value("cla.placed_in_borough").1 == 3)
        // Care leavers, 2020 template: 5 of them; in touch by LA in Touch: 3001 and 3002 (40%).
        #expect(value("cl.total").0 == 5)
        let inTouch = try #require(row(json, "cl.in_touch"))
        #expect(inTouch["numerator"] as? Int == 2 && inTouch["denominator"] as? Int == 5 && inTouch["value"] as? Double == 40.0)
        #expect(inTouch["basis"] as? String == "LA in Touch")
        // Aged 19–21 at R: 3002 (20) and 3003 (21, a birthday on 1 February): one EET, one suitable.
        #expect(value("cl.eet_19_21").0 == 1 && value("cl.eet_19_21").1 == 2)
        #expect(value("cl.suitable_19_21").0 == 1 && value("cl.suitable_19_21").1 == 2)
        // 3004 was born on R 23 years before: 22 and over.
        #expect(value("cl.age.18").0 == 2 && value("cl.age.22_over").0 == 1)
        #expect(row(json, "cl.pathway_plans") == nil)
        let unavailable = try #require(json["unavailable"] as? [[String: Any]])
        let pathway = try #require(unavailable.first { $0["id"] as? String == "cl.pathway_plans" })
        #expect(pathway["column"] as? String == "Latest Pathway Plan Review Date")
        #expect(!unavailable.contains { $0["id"] as? String == "cl.in_touch" })
        // Lists 10 and 11 are no lists: child 2001 of List 10 is no second CLA row, no duplicate.
        let quality = try #require(json["data_quality"] as? [[String: Any]])
        #expect(!quality.contains { ($0["sheet"] as? String)?.contains("Adopt") == true || ($0["problem"] as? String)?.contains("more than one") == true && ($0["value"] as? String)?.hasPrefix("2") == true })
        // Exactly four notes: the #N/A team, Elsewhere, the #N/A in LA in Touch and child 1001's
        // second open plan; the columns the sheets lack are missing columns, not blank cells.
        #expect(quality.count == 4, "\(quality)")
        let teamNote = try #require(quality.first { $0["column"] as? String == "Allocated Team" })
        #expect(teamNote["sheet"] as? String == "Sheet3" && teamNote["line"] as? Int == 5 && teamNote["cell"] as? String == "D5")
        let elsewhere = try #require(quality.first { $0["value"] as? String == "Elsewhere" })
        #expect(elsewhere["cell"] as? String == "D5" && elsewhere["sheet"] as? String == "List 8 - Children in Care")
        #expect(!quality.contains { $0["value"] as? String == "Home Town" })

        // Without the codes file, Home Town is an unknown spelling: 1 of 2 placed in borough.
        let plain = try metrics(book, db: db)
        let placed = try #require(row(plain, "cla.placed_in_borough"))
        #expect(placed["numerator"] as? Int == 1 && placed["denominator"] as? Int == 2)
        // --strict refuses the missing List 9 columns, naming the sheet's column.
        let strict = try pop(["metrics", "--extract", book, "--as-at", Self.asAt, "--strict"], db: db)
        #expect(strict.status == 2 && strict.err.contains("Annex A.xlsx, sheet ") && strict.err.contains("this column is missing"), "\(strict.err)")
    }

    /// `pop check`: 0 clean, 1 with problems (grouped once per value, with sheet, cell and the
    /// indicators affected), 2 for a workbook it cannot read.
    @Test func checkExitCodes() throws {
        let folder = temporaryFolder(), db = folder + "/pop.sqlite"
        let clean = try pop(["check", "Fixtures/demo/2019-01", "--as-at", Self.asAt], db: db)
        #expect(clean.status == 0, "\(clean.out)\(clean.err)")

        let book = folder + "/Annex A.xlsx"
        try Data(try councilWorkbook(date1904: false)).write(to: URL(fileURLWithPath: book))
        let problems = try pop(["check", book, "--as-at", Self.asAt], db: db)
        #expect(problems.status == 1)
        #expect(problems.out.contains("Home Town") && problems.out.contains("Elsewhere") && problems.out.contains("cla.placed_in_borough"), "\(problems.out)")
        #expect(problems.out.contains("Latest Pathway Plan Review Date") && problems.out.contains("cl.pathway_plans"))
        // Imported, the month's notes are counted on the report: #N/A team, #N/A in LA in Touch,
        // Home Town, Elsewhere, and child 1001 on two open plans.
        #expect(try pop(["import", book, "--as-at", Self.asAt, "--population", "96920"], db: db).status == 0)
        // (wide enough that no sentence wraps: the report lays text out for --width, 100 in a pipe)
        let report = try pop(["report", "--month", "2019-01", "--width", "300"], db: db)
        // A database with no council set says how to set it rather than a bare "Council".
        #expect(report.out.hasPrefix("Council (not set: pop settings --council NAME) · performance as at 31 January 2019"))
        #expect(report.out.contains("5 data-quality notes (listed by pop report --format json and by d in the dashboard)"), "\(report.out.prefix(400))")
        let json = try pop(["check", book, "--as-at", Self.asAt, "--format", "json"], db: db)
        #expect(json.status == 1 && (try? JSONSerialization.jsonObject(with: Data(json.out.utf8))) != nil)

        let notZip = folder + "/notes.xlsx"
        try "Child Unique ID,Date of Contact\n".write(toFile: notZip, atomically: true, encoding: .utf8)
        let unusable = try pop(["check", notZip, "--as-at", Self.asAt], db: db)
        #expect(unusable.status == 2 && unusable.err.contains("notes.xlsx"), "\(unusable.err)")
    }

    /// Workbooks pop cannot read are refused with one clear message, exit 2, nothing stored.
    @Test func refusedWorkbooksStoreNothing() throws {
        let folder = temporaryFolder(), db = folder + "/pop.sqlite"
        #expect(try pop(["import", "Fixtures/demo/2019-01", "--as-at", Self.asAt, "--population", "96920"], db: db).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let good = try councilWorkbook(date1904: false)
        // An OLE container: an old .xls or an encrypted workbook.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let cases: [(String, [UInt8], String)] = [
            ("old.xls", ole, "save it as .xlsx without a password"),
            ("locked.xlsx", ole, "save it as .xlsx without a password"),
            ("text.xlsx", Array("Child Unique ID\n".utf8), "text.xlsx"),
            ("cut.xlsx", Array(good.prefix(good.count / 2)), "cut.xlsx"),
            ("empty.xlsx", [], "empty.xlsx"),
        ]
        for (name, bytes, message) in cases {
            let path = folder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let r = try pop(["import", path, "--as-at", "2019-02-28", "--population", "96920"], db: db)
            #expect(r.status == 2 && r.err.contains(message), "\(name): \(r.err)")
            #expect(!r.err.contains("Fatal") && !r.err.contains("crash"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let months = try pop(["months"], db: db)
        #expect(!months.out.contains("February 2019") && !months.out.contains("2019-02"), "\(months.out)")
    }

    /// Re-importing January from a 2020-template workbook loses the pathway-plan indicator,
    /// loudly; `pop months` shows both imports and `pop restore` brings the first back.
    @Test func restoreRoundTrip() throws {
        let folder = temporaryFolder(), db = folder + "/pop.sqlite"
        let first = try pop(["import", "Fixtures/demo/2019-01", "--as-at", Self.asAt, "--population", "96920"], db: db)
        #expect(first.status == 0, "\(first.err)")
        let before = try pop(["report", "--month", "2019-01", "--format", "csv"], db: db)

        let older = folder + "/2020-template"
        try copy(projectFolder + "/Fixtures/demo/2019-01", to: older, dropping: ["list9.csv": ["Latest Pathway Plan Review Date", "Latest Date of Contact"]])
        let book = folder + "/Annex_A_2020.xlsx"
        #expect(try pop(["workbook", older, "--out", book], db: db).status == 0)
        let second = try pop(["import", book, "--as-at", Self.asAt, "--population", "96920"], db: db)
        #expect(second.status == 0 && second.out.hasPrefix("replaced January 2019"), "\(second.out)")
        #expect(second.err.contains("WARNING") && second.err.contains("cl.pathway_plans") && second.err.contains("pop restore"), "\(second.err)")
        #expect(second.err.contains("cl.in_touch") && second.err.contains("LA in Touch"))

        let months = try pop(["months"], db: db)
        #expect(months.status == 0 && months.out.contains("Annex_A_2020.xlsx") && months.out.contains("2019-01"), "\(months.out)")
        let report = try pop(["report", "--month", "2019-01", "--width", "300"], db: db)
        #expect(report.out.contains("not available: list9 has no Latest Pathway Plan Review Date"), "\(report.out)")

        let restored = try pop(["restore", "2019-01", "1"], db: db)
        #expect(restored.status == 0, "\(restored.err)")
        #expect(try pop(["report", "--month", "2019-01", "--format", "csv"], db: db).out == before.out)
        #expect(try pop(["restore", "2019-01", "9"], db: db).status == 2)
    }
}
