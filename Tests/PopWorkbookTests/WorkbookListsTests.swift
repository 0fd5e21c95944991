import PopCalendar
import PopExtract
@testable import PopWorkbook
import Testing

/// The lists of the whole pack in a workbook: List 2 by its number or its name, the audits and
/// the staff list by name, and each by its header when the sheet's name says nothing.
@Suite struct WorkbookListsTests {
    let scratch = Scratch()

    @Test func sheetNames() {
        #expect(WorkbookExtract.list(named: "List 2") == .list2)
        #expect(WorkbookExtract.list(named: "List 2 - Early Help") == .list2)
        #expect(WorkbookExtract.list(named: "early_help") == .list2)
        #expect(WorkbookExtract.list(named: "Audits") == .audits)
        #expect(WorkbookExtract.list(named: "WORKFORCE") == .workforce)
        #expect(WorkbookExtract.list(named: "List 20") == nil)
    }

    @Test func sheetsKnownByTheirHeaders() throws {
        var writer = XLSXWriter()
        let eh = try writer.addSheet("Sheet1")
        try writer.addRow([.text("Child Unique ID"), .text("Early Help Assessment Start Date"), .text("Early Help Assessment Completion Date")], to: eh)
        try writer.addRow([.text("A"), .date(try #require(Day(year: 2019, month: 1, day: 15))), .blank], to: eh)
        let audits = try writer.addSheet("Sheet2")
        try writer.addRow([.text("Audit Date"), .text("Service Area"), .text("Domain"), .text("Grade")], to: audits)
        let staff = try writer.addSheet("Sheet3")
        try writer.addRow([.text("Worker"), .text("Team"), .text("Role")], to: staff)
        // A Worker column alone (a rota, say) is no staff list: Worker goes with Role.
        let rota = try writer.addSheet("Sheet4")
        try writer.addRow([.text("Worker"), .text("Shift")], to: rota)
        let path = scratch.path("pack.xlsx")
        try writer.write(to: path)
        let found = try WorkbookExtract.lists(WorkbookReader(path: path))
        #expect(found.map(\.0) == [.list2, .audits, .workforce])
        #expect(found.map(\.1.name) == ["Sheet1", "Sheet2", "Sheet3"])
        var e = Extract()
        try WorkbookExtract.read(path: path, asAt: try #require(Day(year: 2019, month: 1, day: 31)), into: &e)
        #expect(e.rows(EarlyHelpAssessment.self)?.first?.start.day == Day(year: 2019, month: 1, day: 15))
        #expect(e.supplies(.audits) && e.supplies(.workforce))
    }
}
