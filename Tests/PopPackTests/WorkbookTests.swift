import Foundation
import Testing
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
@testable import PopPack
@testable import PopWorkbook

/// `pop report --format xlsx`: the workbook's sheets as cells, and as written.
@Suite struct WorkbookTests {
    static let sheets = ReportWorkbook.sheets(baselinePack, month: january)

    func sheet(_ name: String) throws -> ReportWorkbook.Sheet { try #require(WorkbookTests.sheets.first { $0.name == name }, "\(name)") }

    func row(_ sheet: ReportWorkbook.Sheet, id: String, column: Int = 1) throws -> [XLSXWriter.Cell] {
        try #require(sheet.rows.first { $0.count > column && $0[column] == .text(id) }, "\(id)")
    }

    @Test func sheetsAndHeaders() throws {
        #expect(WorkbookTests.sheets.map(\.name) == ["About"] + Service.allCases.map { ReportWorkbook.sheetName($0.title) }
                + ["Teams", "Breakdowns", "Data quality"])
        #expect(ReportWorkbook.sheetName("MASH / front door") == "MASH - front door")
        #expect(ReportWorkbook.sheetName("'[a]: b*?\\'") == "-a-- b---")
        #expect(WorkbookTests.sheets.allSatisfy { $0.name.count <= 31 })
        let cp = try sheet("Child protection")
        let breakdowns = try sheet("Breakdowns")
        #expect(cp.frozenRows == 1 && breakdowns.frozenRows == 2)
        // The month columns are the stored months, latest first, each headed by its "as at" date.
        let header = cp.rows[0]
        #expect(header[0] == .text("Indicator") && header[1] == .text("ID"))
        let months = demoMonths.reversed().map { XLSXWriter.Cell.date($0.last) }
        #expect(Array(header[4..<(4 + months.count)]) == months)
        #expect(header[4 + months.count] == .text("n") && header.contains(.text("Since Feb 18")))
        let about = try sheet("About")
        #expect(about.rows.contains([.text("As at"), .date(january.last)]))
        #expect(about.rows.contains([.text("Baseline"), .text("February 2018")]))
    }

    /// Numbers are numbers: a count whole, a percentage a share shown with %, a rate to one place.
    @Test func numbersPercentagesAndDates() throws {
        let cp = try sheet("Child protection")
        let visits = try row(cp, id: "cp.visits_in_time")
        let jan = try #require(demoPack.snapshots[january]?.value("cp.visits_in_time")?.value)
        let dec = try #require(demoPack.snapshots[YearMonth(year: 2018, month: 12)!]?.value("cp.visits_in_time")?.value)
        #expect(visits[4] == .number(jan / 100, format: .percent1))
        #expect(visits[5] == .number(dec / 100, format: .percent1))
        let n = 4 + demoMonths.count
        #expect(visits[n] == .number(113, format: .integer) && visits[n + 1] == .number(159, format: .integer))
        #expect(visits[n + 2] == .number(jan - dec, format: .decimal1) && visits[n + 3] == .text("improving"))
        #expect(visits[n + 4] == .number(jan - 100.0 * 130 / 162, format: .decimal1) && visits[n + 5] == .text("worsening"))
        #expect(visits[n + 6] == .number(0.95, format: .percent1))
        #expect(try row(cp, id: "cp.children")[4] == .number(159, format: .integer))
        // 159 children per 10,000 of 96,920: 16.405…, shown to one place.
        if case .number(let rate, .decimal1) = try row(cp, id: "cp.rate")[4] { #expect(abs(rate - 10_000.0 * 159 / 96_920) < 1e-9) } else {
            Issue.record("cp.rate is not a number to one place")
        }
        // Team rows name their team; breakdowns carry count and share per month.
        let teams = try sheet("Teams")
        #expect(teams.rows.contains { $0.count > 4 && $0[2] == .text("cp.visits_in_time") && $0[3] == .text("Intervention & Planning Team 6")
                && $0[4] == .number(13.0 / 29, format: .percent1) })
        #expect(teams.rows.contains { $0.count > 4 && $0[2] == .text("cp.visits_in_time") && $0[3] == .text("All teams") })
        let neglect = try row(try sheet("Breakdowns"), id: "cp.category.neglect", column: 3)
        #expect(neglect[4] == .number(56, format: .integer))
        if case .number(let share, .percent1) = neglect[5] { #expect(abs(share - 56.0 / 159) < 1e-12) } else { Issue.record("\(neglect[5])") }
    }

    @Test func columnWidthsFitWhatTheyHold() throws {
        let cp = try sheet("Child protection")
        let widths = ReportWorkbook.widths(cp.rows)
        let longest = cp.rows.compactMap { row -> Int? in if case .text(let t)? = row.first { return t.count } else { return nil } }.max() ?? 0
        #expect(widths[0] == Double(longest + 2))
        #expect(widths.allSatisfy { $0 >= 6 && $0 <= 60 })
        #expect(ReportWorkbook.widths([[.text(String(repeating: "x", count: 200)), .number(0.711, format: .percent1), .date(january.last)]])
                == [60, 7, 12])
    }

    /// Written and read back through pop's own reader: the sheets, the kinds of cell, and the
    /// percent and date formats on the cells that need them.
    @Test func writesAWorkbookThatReadsBack() throws {
        let path = NSTemporaryDirectory() + "pop-report-\(UInt32.random(in: 0...UInt32.max)).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data(try ReportWorkbook.bytes(baselinePack, month: january)))
        let reader = try WorkbookReader(path: path)
        #expect(reader.sheets.map(\.name) == WorkbookTests.sheets.map(\.name))
        var found: (kind: PopWorkbook.CellKind, text: String)?
        try reader.readRows(of: try #require(reader.sheets.first { $0.name == "Child protection" })) { row in
            if row.string(1) == "cp.visits_in_time" { found = (row.kind(4), row.string(4)) }
            return true
        }
        let (kind, text) = try #require(found)
        let share = Double(text) ?? 0
        #expect(kind == .number)
        #expect(abs(share * 100 - 100.0 * 113 / 159) < 1e-9)
        // Styles: the share carries the percent format (style 3), the month heading the date format (4).
        let zip = try ZipFile(path: path)
        let index = try #require(WorkbookTests.sheets.firstIndex { $0.name == "Child protection" })
        let xml = String(decoding: try zip.contents(try #require(zip.entry("xl/worksheets/sheet\(index + 1).xml")), limit: 1 << 24), as: UTF8.self)
        #expect(xml.contains("<c r=\"E1\" s=\"4\"><v>43496</v></c>"), "the January column is headed by 31/01/2019")
        let jan = try #require(demoPack.snapshots[january]?.value("cp.visits_in_time")?.value)
        #expect(xml.contains(" s=\"3\"><v>\(jan / 100)</v>"), "the share is shown as a percentage")
        #expect(xml.contains("<pane ySplit=\"1\""), "the header row is frozen")
        #expect(xml.contains("<cols>"), "the columns have widths")
    }

    /// The pack's data holds no visit list; the data-quality sheet leaves any Child Unique ID
    /// value out all the same.
    @Test func noChildIDs() throws {
        var text = ""
        for sheet in WorkbookTests.sheets {
            for row in sheet.rows { for case .text(let t) in row { text += t + "\n" } }
        }
        #expect(words(text).intersection(demoIdentities.children).isEmpty)
        let issue = DataQualityIssue(file: "list7.csv", sheet: nil, line: 4, column: Column.childID, cell: nil, value: "BN123456",
                                     problem: "the same child is also on line 3", kind: .unknownCode, list: .list7)
        let snapshot = Snapshot(asAt: january.last, population: Population(), values: [], dataQuality: [issue], missingLists: [])
        let quality = ReportWorkbook.qualitySheet(snapshot)
        #expect(quality.rows.count == 2)
        #expect(!quality.rows[1].contains(.text("BN123456")))
        #expect(quality.rows[1][6] == .number(1, format: .integer))
    }
}
