import Foundation
import PopCalendar
@testable import PopWorkbook
import Testing

@Suite struct WriterTests {
    let scratch = Scratch()

    /// A part of a written workbook, as text.
    func part(_ name: String, of path: String) throws -> String {
        let zip = try ZipFile(path: path)
        let entry = try #require(zip.entry(name))
        return String(decoding: try zip.contents(entry, limit: 1 << 24), as: UTF8.self)
    }

    static let awkwardTexts = [
        "plain", "comma, separated", "\"quoted\"", "it's", "line\nbreak", "crlf\r\nbreak", "tab\there",
        "  leading and trailing  ", "<b>&amp;</b>", "Zoë – Children’s Services", "東京", "😀 emoji",
        "bell\u{7}nul\u{0}esc\u{1B}", "\u{FFFE}", "_x0041_ looks escaped", "_x005F_", "under_score", "a_x12_b",
        "#N/A as text", "=SUM(A1)",
    ]

    @Test(arguments: [XLSXWriter.Strings.shared, .inline])
    func textRoundTrips(strings: XLSXWriter.Strings) throws {
        var writer = XLSXWriter(strings: strings)
        let sheet = try writer.addSheet("Texts")
        for text in WriterTests.awkwardTexts { try writer.addRow([.text(text), .text(text)], to: sheet) }
        let path = scratch.path("texts.xlsx")
        try writer.write(to: path)
        let rows = try WorkbookReader(path: path).rows("Texts")
        #expect(rows.map { $0.cells.first?.text } == WriterTests.awkwardTexts.map { Optional($0) })
        #expect(rows.allSatisfy { $0.cells.count == 2 && $0.cells[0] == $0.cells[1] && $0.cells[0].kind == .text })
        #expect(rows.map(\.number) == Array(1...WriterTests.awkwardTexts.count))
        let sheetXML = try part("xl/worksheets/sheet1.xml", of: path)
        #expect(sheetXML.contains(strings == .inline ? "t=\"inlineStr\"" : "t=\"s\""))
    }

    @Test func numbersDatesBooleansErrorsAndBlanks() throws {
        var writer = XLSXWriter()
        let sheet = try writer.addSheet("Values")
        let jan31 = try #require(Day(year: 2019, month: 1, day: 31))
        try writer.addRow([.number(43496), .number(9_212_044, format: .integer), .number(-2.5, format: .decimal1),
                           .number(0.711, format: .percent1), .number(0.00001), .number(1e20), .number(-0.0),
                           .number(43496, format: .date), .date(jan31), .boolean(true), .boolean(false),
                           .error("#N/A"), .error("#REF!"), .blank, .number(.nan), .number(0.1 + 0.2), .text("")], to: sheet)
        try writer.addRow([], to: sheet)
        try writer.addRow([.blank, .blank, .number(3)], to: sheet)
        let path = scratch.path("values.xlsx")
        try writer.write(to: path)
        let reader = try WorkbookReader(path: path)
        let rows = try reader.rows("Values")
        #expect(rows == [
            ReadRow(number: 1, cells: [
                cell(.number, "43496"), cell(.number, "9212044"), cell(.number, "-2.5"), cell(.number, "0.711"),
                cell(.number, "1e-05"), cell(.number, "1e+20"), cell(.number, "0"), cell(.number, "43496"),
                cell(.number, "43496"), cell(.boolean, "1"), cell(.boolean, "0"), cell(.error, "#N/A"), cell(.error, "#REF!"),
                blankCell, cell(.error, "#NUM!"), cell(.number, "0.30000000000000004"),
            ]),
            ReadRow(number: 2, cells: []),
            ReadRow(number: 3, cells: [blankCell, blankCell, cell(.number, "3")]),
        ])
        // Every written number reads back to the same Double.
        for c in rows[0].cells where c.kind == .number { #expect(Double(c.text) != nil) }
        let sheetXML = try part("xl/worksheets/sheet1.xml", of: path)
        #expect(sheetXML.contains("<c r=\"D1\" s=\"3\"><v>0.711</v></c>"))
        #expect(sheetXML.contains("<c r=\"I1\" s=\"4\"><v>43496</v></c>"))
        let styles = try part("xl/styles.xml", of: path)
        #expect(styles.contains("formatCode=\"0.0%\"") && styles.contains("formatCode=\"dd/mm/yyyy\"") && styles.contains("formatCode=\"0.0\""))
    }

    @Test func datesFollowTheWorkbooksDateSystem() throws {
        let jan31 = try #require(Day(year: 2019, month: 1, day: 31))
        for date1904 in [false, true] {
            var writer = XLSXWriter(date1904: date1904)
            let sheet = try writer.addSheet("Dates")
            try writer.addRow([.date(jan31)], to: sheet)
            let path = scratch.path("dates-\(date1904).xlsx")
            try writer.write(to: path)
            let reader = try WorkbookReader(path: path)
            #expect(reader.date1904 == date1904)
            let serial = try #require(Double(try reader.rows("Dates")[0].cells[0].text))
            #expect(Day(excelSerial: serial, date1904: reader.date1904) == jan31)
        }
        var writer = XLSXWriter()
        let sheet = try writer.addSheet("Dates")
        #expect(throws: WorkbookError.self) { try writer.addRow([.date(Day(number: -30_000))], to: sheet) }
        #expect(throws: WorkbookError.self) { try writer.addRow([.error("#OOPS")], to: sheet) }
    }

    @Test func sheetsHiddenFrozenAndWide() throws {
        var writer = XLSXWriter()
        let lookups = try writer.addSheet("Lookups", hidden: true)
        let list = try writer.addSheet("List 7", frozenRows: 1, columnWidths: [12, 30.5])
        try writer.addRow([.text("code")], to: lookups)
        try writer.addRow([.text("Child Unique ID"), .text("Team")], to: list)
        try writer.addRow([.number(1), .text("North")], to: list)
        let path = scratch.path("sheets.xlsx")
        try writer.write(to: path)
        let reader = try WorkbookReader(path: path)
        #expect(reader.sheets.map(\.name) == ["Lookups", "List 7"])
        #expect(reader.sheets.map(\.hidden) == [true, false])
        #expect(try reader.rows("List 7").count == 2)
        let sheetXML = try part("xl/worksheets/sheet2.xml", of: path)
        #expect(sheetXML.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheetXML.contains("<col min=\"2\" max=\"2\" width=\"30.5\" customWidth=\"1\"/>"))
        #expect(sheetXML.contains("tabSelected=\"1\""))
        #expect(try part("xl/workbook.xml", of: path).contains("<workbookView activeTab=\"1\"/>"))
    }

    @Test func sheetNamesAreChecked() throws {
        var writer = XLSXWriter()
        for bad in ["", String(repeating: "x", count: 32), "a/b", "a[1]", "what?", "x:y", "star*", "back\\slash",
                    "'quoted'", "History", "tab\tname"] {
            #expect(throws: WorkbookError.self, "\(bad)") { _ = try writer.addSheet(bad) }
        }
        _ = try writer.addSheet(String(repeating: "x", count: 31))
        _ = try writer.addSheet("Q&A <1>")
        #expect(throws: WorkbookError.self) { _ = try writer.addSheet("q&a <1>") }
        let path = scratch.path("names.xlsx")
        try writer.write(to: path)
        #expect(try WorkbookReader(path: path).sheets.map(\.name) == [String(repeating: "x", count: 31), "Q&A <1>"])
    }

    @Test func aSheetBelongsToItsWriter() throws {
        var first = XLSXWriter()
        var second = XLSXWriter()
        let sheet = try first.addSheet("One")
        _ = try second.addSheet("Two")
        #expect(throws: WorkbookError.self) { try second.addRow([.text("x")], to: sheet) }
        try first.addRow([.text("x")], to: sheet)
    }

    @Test func aWorkbookNeedsAVisibleSheet() throws {
        let path = scratch.path("empty.xlsx")
        #expect(throws: WorkbookError.self) { try XLSXWriter().write(to: path) }
        var writer = XLSXWriter()
        _ = try writer.addSheet("Hidden", hidden: true)
        #expect(throws: WorkbookError.self) { try writer.write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func filesAreTheOwnersAloneAndReplacedWhole() throws {
        var writer = XLSXWriter()
        let sheet = try writer.addSheet("Only")
        try writer.addRow([.text("x")], to: sheet)
        let path = scratch.path("private.xlsx")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try writer.write(to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try WorkbookReader(path: path).rows("Only").count == 1)
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["private.xlsx"])
        let bytes = try writer.bytes()
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // The same workbook written twice is the same bytes.
        #expect(try writer.bytes() == bytes)
    }
}
