import Foundation
@testable import PopWorkbook
import Testing
import PopTestSupport

/// Damaged workbooks, made from a sound one by a fixed-seed generator: the reader must return
/// rows or throw `WorkbookError`, never crash, hang or throw anything else.
@Suite struct FuzzTests {
    let scratch = Scratch()

    static let sheet = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Date &amp; time</t></is></c></row>\
        <row r="2"><c r="A2"><v>9212044</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" s="1"><v>43496.5</v></c><c r="D2" t="e"><v>#N/A</v></c></row>\
        <row><c t="str"><f>A1</f><v>x_x000D_y</v></c><c><v><![CDATA[7]]></v></c><c r="J3" t="d"><v>2019-01-31</v></c></row>
        """
    static let strings = "<si><t>Child Unique ID</t></si><si><r><t>Team</t></r><rPh><t>x</t></rPh></si>"

    /// Tokens that make XML interesting when dropped in at random.
    static let tokens = ["<", ">", "&", "\"", "'", "</", "<c>", "<row>", "</row>", "<v>", "<!DOCTYPE x>", "<![CDATA[", "]]>",
                         "<!--", "&#x0;", "&#99999999;", "&amp", "_x00", "\u{0}", "<c r=\"XFD1\">", "<c r=\"A1048577\">", "<?"]

    func mutate(_ bytes: [UInt8], _ g: inout FuzzRandom) -> [UInt8] {
        var b = bytes
        for _ in 0..<(1 + g.below(3)) {
            guard !b.isEmpty else { break }
            switch g.below(6) {
            case 0:
                b = Array(b[..<g.below(b.count)])
            case 1:
                for _ in 0..<(1 + g.below(8)) { b[g.below(b.count)] = UInt8(truncatingIfNeeded: g.next()) }
            case 2:
                let start = g.below(b.count)
                let span = Array(b[start..<min(b.count, start + 1 + g.below(64))])
                b.insert(contentsOf: span, at: g.below(b.count))
            case 3:
                let token = FuzzTests.tokens[g.below(FuzzTests.tokens.count)]
                b.insert(contentsOf: Array(token.utf8), at: g.below(b.count))
            case 4:
                let start = g.below(b.count)
                b.removeSubrange(start..<min(b.count, start + 1 + g.below(32)))
            default:
                b[g.below(b.count)] ^= UInt8(1 << g.below(8))
            }
        }
        return b
    }

    /// Reads every cell of every sheet; nil when all went well, else the error's type if it
    /// was not a WorkbookError.
    func readAll(_ path: String, pipe: Bool) -> String? {
        do {
            let reader = try WorkbookReader(path: path)
            for sheet in reader.sheets {
                try reader.readRows(of: sheet, pipeFrom: pipe ? 0 : .max) { row in
                    for c in 0..<row.width { _ = row.withBytes(c) { $0.count } + Int(row.kind(c).rawValue) }
                    return true
                }
            }
            return nil
        } catch is WorkbookError {
            return nil
        } catch {
            return "\(type(of: error)): \(error)"
        }
    }

    @Test func damagedWorkbooksFailCleanly() throws {
        var g = FuzzRandom(seed: 20_190_131)
        var book = RawWorkbook.standard(sheets: [("List 1", FuzzTests.sheet), ("List 2", FuzzTests.sheet)], sharedStrings: FuzzTests.strings)
        let deflated = scratch.path("deflated.xlsx")
        try book.write(to: deflated)
        book.compress = false
        let stored = scratch.path("stored.xlsx")
        try book.write(to: stored)
        #expect(readAll(deflated, pipe: false) == nil && readAll(stored, pipe: false) == nil)
        let originals = [try Data(contentsOf: URL(fileURLWithPath: deflated)), try Data(contentsOf: URL(fileURLWithPath: stored))].map { [UInt8]($0) }
        let mutant = scratch.path("mutant.xlsx")
        var failures: [String] = []
        var rejected = 0
        for i in 0..<300 {
            if i < 200 {
                // The whole file: the zip's own structures and the parts inside it.
                try Data(mutate(originals[i % 2], &g)).write(to: URL(fileURLWithPath: mutant))
            } else {
                // One part's XML, inside a sound zip: the scanner meets damaged XML directly.
                var damaged = RawWorkbook.standard(sheets: [("List 1", FuzzTests.sheet)], sharedStrings: FuzzTests.strings)
                let name = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"][g.below(i % 3 == 0 ? 4 : 2)]
                let original = try #require(damaged.parts.first { $0.name == name }).bytes
                damaged.remove(name)
                damaged.add(name, bytes: mutate(original, &g))
                try damaged.write(to: mutant)
            }
            if let failure = readAll(mutant, pipe: i % 5 == 0) { failures.append("mutant \(i): \(failure)") }
            if (try? WorkbookReader(path: mutant)) == nil { rejected += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // The generator damages enough to matter, yet not everything is refused.
        #expect(rejected > 30 && rejected < 300)
    }
}
