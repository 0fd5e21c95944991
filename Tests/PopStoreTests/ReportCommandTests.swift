import Foundation
import Testing
import PopCalendar
import PopWorkbook

/// `pop report` through the real binary: the workbook read back against the JSON, files
/// written 0600 and never over a file without --force, and the baseline setting.
@Suite(.serialized) struct ReportCommandTests {
    func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue).map { $0 & 0o777 } ?? -1
    }

    /// Three demo months (February 2018, the baseline; December; January), the targets and SN figures.
    func database(_ folder: String) throws -> String {
        let db = folder + "/pop.sqlite"
        for (m, asAt) in [("2018-02", "2018-02-28"), ("2018-12", "2018-12-31"), ("2019-01", "2019-01-31")] {
            let r = try pop(["import", "Fixtures/demo/\(m)", "--as-at", asAt, "--population", "96920"], db: db)
            #expect(r.status == 0, "\(r.err)")
        }
        #expect(try pop(["targets", "import", "Fixtures/demo/targets.csv"], db: db).status == 0)
        #expect(try pop(["benchmarks", "import", "Fixtures/demo/benchmarks.csv"], db: db).status == 0)
        #expect(try pop(["settings", "--baseline", "2018-02"], db: db).status == 0)
        return db
    }

    /// A sheet's rows as (kind, text) cells.
    func rows(_ reader: WorkbookReader, _ name: String) throws -> [[(kind: PopWorkbook.CellKind, text: String)]] {
        let sheet = try #require(reader.sheets.first { $0.name == name }, "no sheet \(name)")
        var out: [[(kind: PopWorkbook.CellKind, text: String)]] = []
        try reader.readRows(of: sheet) { row in
            out.append((0..<row.width).map { (row.kind($0), row.string($0)) })
            return true
        }
        return out
    }

    /// A cell as the number the JSON carries: a percentage's share back to per cent.
    func number(_ cell: (kind: PopWorkbook.CellKind, text: String)?, percent: Bool) -> Double? {
        guard let cell, cell.kind == .number, let x = Double(cell.text) else { return nil }
        return percent ? x * 100 : x
    }

    func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    /// Every indicator of `pop report --format json --teams`, council and team rows and
    /// breakdown groups, has the same value, count, base, last month and change since the
    /// baseline in the workbook.
    @Test func theWorkbookReadsBackWithTheReportsFigures() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try database(folder)
        let xlsx = folder + "/report.xlsx"
        let made = try pop(["report", "--month", "2019-01", "--format", "xlsx", "--out", xlsx], db: db)
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("wrote \(xlsx)"))
        #expect(try mode(xlsx) == 0o600)
        let json = try pop(["report", "--month", "2019-01", "--format", "json", "--teams"], db: db)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        #expect(indicators.count == 445)   // January's figures, council and team rows

        let reader = try WorkbookReader(path: xlsx)
        #expect(reader.sheets.map(\.name).prefix(2) == ["About", "MASH - front door"])
        // Where each (id, team) sits: its row and the columns of its sheet's header.
        struct Place { let row: [(kind: PopWorkbook.CellKind, text: String)]; let latest: Int; let previous: Int; let n: Int?; let since: Int? }
        var places: [String: Place] = [:]
        func key(_ id: String, _ team: String?) -> String { id + "|" + (team ?? "") }
        for sheet in reader.sheets.map(\.name) where !["About", "Teams", "Breakdowns", "Data quality"].contains(sheet) {
            let rows = try rows(reader, sheet)
            let header = try #require(rows.first)
            // Month columns are headed by dates: January 2019 (43496) then December 2018 (43465).
            let latest = try #require(header.firstIndex { $0.kind == .number })
            #expect(header[latest].text == "43496" && header[latest + 1].text == "43465" && header[latest + 2].text == "43159")
            let n = header.firstIndex { $0.text == "n" }, since = header.firstIndex { $0.text == "Since Feb 18" }
            for row in rows.dropFirst() where row.count > 1 {
                places[key(row[1].text, nil)] = Place(row: row, latest: latest, previous: latest + 1, n: n, since: since)
            }
        }
        let teamRows = try rows(reader, "Teams")
        let teamHeader = try #require(teamRows.first)
        let teamLatest = try #require(teamHeader.firstIndex { $0.kind == .number })
        let teamN = teamHeader.firstIndex { $0.text == "n" }, teamSince = teamHeader.firstIndex { $0.text == "Since Feb 18" }
        for row in teamRows.dropFirst() where row[3].text != "All teams" {
            places[key(row[2].text, row[3].text)] = Place(row: row, latest: teamLatest, previous: teamLatest + 1, n: teamN, since: teamSince)
        }
        // Breakdowns: the number and the share side by side for each month.
        let breakdowns = try rows(reader, "Breakdowns")
        var shares: [String: [(kind: PopWorkbook.CellKind, text: String)]] = [:]
        for row in breakdowns.dropFirst(2) { shares[row[3].text] = row }

        var compared = 0
        for item in indicators {
            let id = try #require(item["id"] as? String)
            let team = item["team"] as? String
            let percent = item["unit"] as? String == "percent"
            let value = item["value"] as? Double
            if team == nil, let row = shares[id] {
                // 4: this month's number, 5: its share; 6 and 7 last month's.
                #expect(number(row[4], percent: false) == (item["numerator"] as? Int).map(Double.init), "\(id) count")
                #expect(close(number(row[5], percent: true), value), "\(id) share")
                #expect(close(number(row[7], percent: true), item["previous"] as? Double), "\(id) last month's share")
                compared += 1
                continue
            }
            let place = try #require(places[key(id, team)], "\(id) \(team ?? "") is not in the workbook")
            #expect(close(number(place.row[place.latest], percent: percent), value), "\(id) \(team ?? ""): value")
            #expect(close(number(place.row[place.previous], percent: percent), item["previous"] as? Double), "\(id) \(team ?? ""): last month")
            if let n = place.n {
                #expect(number(place.row[n], percent: false) == (item["numerator"] as? Int).map(Double.init), "\(id) \(team ?? ""): n")
                #expect(number(place.row.count > n + 1 ? place.row[n + 1] : nil, percent: false) == (item["denominator"] as? Int).map(Double.init),
                        "\(id) \(team ?? ""): N")
            }
            if let since = place.since {
                #expect(close(number(place.row.count > since ? place.row[since] : nil, percent: false), item["since_baseline"] as? Double),
                        "\(id) \(team ?? ""): since the baseline")
            }
            compared += 1
        }
        #expect(compared == indicators.count)
        // The published January figure, as Excel holds it: 113 of 159 is 0.7107 shown as 71.1%.
        let visits = try #require(places[key("cp.visits_in_time", nil)])
        #expect(visits.row[visits.latest].text == "\(100.0 * 113 / 159 / 100)")
    }

    @Test func filesAreOwnersOnlyAndNeverReplacedWithoutForce() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/pop.sqlite"
        #expect(try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--population", "96920"], db: db).status == 0)
        // xlsx needs --out; --force needs --out; a narrow width is refused.
        let noOut = try pop(["report", "--format", "xlsx"], db: db)
        #expect(noOut.status == 2 && noOut.err.contains("--out"))
        #expect(try pop(["report", "--force"], db: db).status == 2)
        #expect(try pop(["report", "--width", "10"], db: db).status == 2)
        // A Markdown file, 0600; an existing file is left as it is without --force.
        let md = folder + "/page.md"
        let written = try pop(["report", "--format", "markdown", "--out", md], db: db)
        #expect(written.status == 0 && written.out == "wrote \(md)\n")
        #expect(try mode(md) == 0o600)
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("# "))
        for format in ["xlsx", "markdown"] {
            let refused = try pop(["report", "--format", format, "--out", md], db: db)
            #expect(refused.status == 2 && refused.err.contains("--force"), "\(format)")
            #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("# "))
        }
        // A link at the name is refused, and with --force replaced itself, never followed.
        let target = folder + "/target.txt", link = folder + "/link.xlsx"
        try "target".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try pop(["report", "--format", "xlsx", "--out", link], db: db).status == 2)
        let forced = try pop(["report", "--format", "xlsx", "--out", link, "--force"], db: db)
        #expect(forced.status == 0, "\(forced.err)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "target")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil)
        #expect(try mode(link) == 0o600)
        #expect(try WorkbookReader(path: link).sheets.count == 3 + 11 + 1)   // About, 11 services, teams, breakdowns, data quality
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains(".pop-") }, "a temporary file was left")
        // Nothing at all is made when the file is refused before the database is opened.
        let fresh = folder + "/fresh.sqlite"
        #expect(try pop(["report", "--format", "xlsx", "--out", md], db: fresh).status == 2)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    /// The data-quality sheet lists the month's problems grouped as pop check groups them: a
    /// child on two rows of List 7 is one "duplicate child" entry, and the child is not named.
    @Test func theDataQualitySheetListsTheMonthsProblems() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/pop.sqlite", extract = folder + "/extract", xlsx = folder + "/report.xlsx"
        try FileManager.default.createDirectory(atPath: extract, withIntermediateDirectories: true)
        try """
            Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team
            CHILD-7781,01/01/2010,01/12/2018,Neglect,20/01/2019,Yes,,,0,T1
            CHILD-7781,01/01/2010,01/11/2018,Neglect,20/01/2019,Yes,,,0,T1
            CHILD-7782,01/01/2011,01/12/2018,Neglect,31/02/2019,Yes,,,0,T1

            """.write(toFile: extract + "/list7.csv", atomically: true, encoding: .utf8)
        #expect(try pop(["import", extract, "--as-at", "2019-01-31"], db: db).status == 0)
        let made = try pop(["report", "--format", "xlsx", "--out", xlsx], db: db)
        #expect(made.status == 0, "\(made.err)")
        let quality = try rows(try WorkbookReader(path: xlsx), "Data quality")
        #expect(quality.first?.map(\.text).prefix(3) == ["File", "Sheet", "List"])
        let problems = quality.dropFirst().map { $0.map(\.text) }
        // The two problems, and List 7's missing disability column (cp.disabled unavailable).
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.contains("missing column") && $0.contains("Does the Child have a Disability") })
        #expect(problems.contains { $0.contains("duplicate child") && $0.contains("Child Unique ID") && $0[6] == "1" })
        #expect(problems.contains { $0.contains("unreadable date") && $0.contains("Date of the Last Statutory Visit") })
        #expect(!quality.flatMap { $0.map(\.text) }.contains { $0.contains("CHILD-77") })
    }

    @Test func theBaselineSetting() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try database(folder)
        let shown = try pop(["settings"], db: db)
        #expect(shown.out.contains("baseline February 2018"))
        // A month that is not stored cannot be the baseline; a month that is not a month is refused.
        let july = try pop(["settings", "--baseline", "2017-07"], db: db)
        #expect(july.status == 2 && july.err.contains("2017-07 is not stored") && july.err.contains("2018-02, 2018-12, 2019-01"))
        #expect(try pop(["settings", "--baseline", "2018-13"], db: db).status == 2)
        #expect(try pop(["settings"], db: db).out.contains("baseline February 2018"))
        // The text report says what it compares with and shows the column.
        let text = try pop(["report", "--width", "260"], db: db).out
        #expect(text.contains("Compared with December 2018 · change since the baseline, February 2018"))
        let visits = try #require(text.split(separator: "\n").first { $0.contains("CP visits in time (10 working days)") })
        #expect(visits.contains("-9.2 pts worsening"))
        // none clears it: no column, and null in JSON.
        let cleared = try pop(["settings", "--baseline", "none"], db: db)
        #expect(cleared.status == 0 && cleared.out.contains("no baseline"))
        #expect(!(try pop(["report", "--width", "260"], db: db).out.contains("baseline")))
        let json = try pop(["report", "--format", "json"], db: db).out
        #expect(json.contains("\"baseline\": null") && json.contains("\"since_baseline\": null"))
    }
}
