import Foundation
@testable import PopWorkbook
import Testing

/// The reader's streaming machinery: tokens split at every possible chunk boundary, and the
/// two-thread pipe, each checked against the plain one-piece read.
@Suite struct StreamingTests {
    let scratch = Scratch()

    static let sheetXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <x:worksheet xmlns:x="\(RawWorkbook.main)" xmlns:mc="m"><!-- a comment with <tags> --><x:sheetPr/><x:sheetData>\
        <x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>a &amp; b &#x1F600;</x:t></x:is></x:c>\
        <x:c r="D1" s="2"><x:v>43496</x:v></x:c></x:row>
        <row r="3"><c r="A3" t="str"><f>A1</f><v>x_x000D_y</v></c><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c>\
        <c><v><![CDATA[12]]></v></c><c r="F3" t='inlineStr'><is><r><t>rich </t></r><r><t>run</t></r><rPh><t>no</t></rPh></is></c>\
        <?pi data?><c r="G3" t="s" ><v> 0 </v ></c><c r="H3" t="d"><v>2019-01-31T00:00:00</v></c><c r="I3"/></row>\
        <row><c t="str"><v>&lt;&gt;</v></c></row></x:sheetData><x:mergeCells count="0"/></x:worksheet>
        """

    static let strings = "<si><t>zero</t></si><si><r><t>o</t></r><r><t>ne</t></r></si>"

    func sharedStrings() throws -> SharedStrings {
        var parser = SharedStringsParser()
        var feeder = ChunkFeeder()
        let xml = Array("<sst>\(StreamingTests.strings)</sst>".utf8)
        _ = try xml.withUnsafeBytes { try feeder.feed($0, final: true, into: &parser) { _ in true } }
        try parser.finish()
        return parser.table
    }

    /// The rows of `xml` fed to the scanner `piece` bytes at a time.
    func rows(_ xml: [UInt8], piece: Int, strings: SharedStrings) throws -> [ReadRow] {
        let cells = RowCells()
        var read: [ReadRow] = []
        try strings.offsets.withUnsafeBufferPointer { offsets in
            var parser = SheetParser(cells: cells, shared: SharedStringView(bytes: strings.text.base, offsets: offsets))
            var feeder = ChunkFeeder()
            func resume(_ parser: inout SheetParser) -> Bool {
                if parser.finished { return false }
                let row = parser.row()
                read.append(ReadRow(number: row.number, cells: (0..<row.width).map { ReadRow.Cell(kind: row.kind($0), text: row.string($0)) }))
                parser.clearRow()
                return true
            }
            var offset = 0
            var going = true
            while going, offset < xml.count {
                let n = min(piece, xml.count - offset)
                going = try xml[offset..<(offset + n)].withUnsafeBytes { try feeder.feed($0, final: false, into: &parser, resume: resume) }
                offset += n
            }
            if going, try feeder.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &parser, resume: resume) {
                try parser.finish()
            }
        }
        return read
    }

    @Test func everyChunkBoundaryReadsTheSame() throws {
        let xml = Array(StreamingTests.sheetXML.utf8)
        let strings = try sharedStrings()
        let whole = try rows(xml, piece: xml.count, strings: strings)
        #expect(whole == [
            ReadRow(number: 1, cells: [cell(.text, "one"), cell(.text, "a & b 😀"), blankCell, cell(.number, "43496")]),
            ReadRow(number: 3, cells: [cell(.text, "x\ry"), cell(.boolean, "1"), cell(.error, "#REF!"), cell(.number, "12"),
                                       blankCell, cell(.text, "rich run"), cell(.text, "zero"), cell(.text, "2019-01-31T00:00:00")]),
            ReadRow(number: 4, cells: [cell(.text, "<>")]),
        ])
        for piece in 1...40 {
            #expect(try rows(xml, piece: piece, strings: strings) == whole, "pieces of \(piece) bytes")
        }
        // One split at each position, so every token is cut everywhere once.
        for cut in 1..<xml.count {
            let first = try rows(Array(xml[..<cut]) + Array(xml[cut...]), piece: cut, strings: strings)
            if first != whole { Issue.record("split at \(cut) reads differently"); break }
        }
    }

    @Test func sharedStringsReadTheSameInAnyPieces() throws {
        let xml = Array("<sst xmlns=\"\(RawWorkbook.main)\">\(StreamingTests.strings)<si><t>&amp;_x0041_</t></si></sst>".utf8)
        for piece in 1...xml.count {
            var parser = SharedStringsParser()
            var feeder = ChunkFeeder()
            var offset = 0
            while offset < xml.count {
                let n = min(piece, xml.count - offset)
                _ = try xml[offset..<(offset + n)].withUnsafeBytes { try feeder.feed($0, final: false, into: &parser) { _ in true } }
                offset += n
            }
            _ = try feeder.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &parser) { _ in true }
            try parser.finish()
            let table = parser.table
            let texts = (0..<table.count).map { String(decoding: table.text.bytes().dropFirst(table.offsets[$0]).prefix(table.offsets[$0 + 1] - table.offsets[$0]), as: UTF8.self) }
            #expect(texts == ["zero", "one", "&A"], "pieces of \(piece) bytes")
        }
    }

    @Test func thePipeReadsLikeOneThread() throws {
        let rows = (1...3000).map { "<row r=\"\($0)\"><c t=\"s\"><v>\($0 % 2)</v></c><c><v>\($0)</v></c><c t=\"inlineStr\"><is><t>r\($0)</t></is></c></row>" }.joined()
        let book = RawWorkbook.standard(sheets: [("List 1", rows)], sharedStrings: StreamingTests.strings)
        let path = scratch.path("pipe.xlsx")
        try book.write(to: path)
        let reader = try WorkbookReader(path: path)
        var plain: [ReadRow] = []
        var piped: [ReadRow] = []
        for (pipeFrom, into) in [(Int64.max, 0), (0, 1)] {
            var read: [ReadRow] = []
            try reader.readRows(of: reader.sheets[0], pipeFrom: pipeFrom) { row in
                read.append(ReadRow(number: row.number, cells: (0..<row.width).map { ReadRow.Cell(kind: row.kind($0), text: row.string($0)) }))
                return true
            }
            if into == 0 { plain = read } else { piped = read }
        }
        #expect(plain.count == 3000)
        #expect(piped == plain)
        // Stopping early and throwing both end the inflating thread and leave the reader usable.
        var seen = 0
        try reader.readRows(of: reader.sheets[0], pipeFrom: 0) { _ in seen += 1; return seen < 10 }
        #expect(seen == 10)
        struct Stop: Error {}
        #expect(throws: Stop.self) { try reader.readRows(of: reader.sheets[0], pipeFrom: 0) { _ in throw Stop() } }
        var again = 0
        try reader.readRows(of: reader.sheets[0], pipeFrom: 0) { _ in again += 1; return true }
        #expect(again == 3000)
    }

    @Test func thePipeReportsDamageLikeOneThread() throws {
        var book = RawWorkbook.standard(sheets: [("List 1", "")])
        book.replace("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"5\"><c r=\"C5\"><v>1</v></c><c r=\"D5\"><v>")
        let path = scratch.path("cut.xlsx")
        try book.write(to: path)
        let reader = try WorkbookReader(path: path)
        for pipeFrom: Int64 in [.max, 0] {
            #expect(throws: WorkbookError(file: "cut.xlsx", sheet: "List 1", row: 5, column: "D",
                                          message: "the sheet's XML ends early: the file is damaged or was cut off")) {
                try reader.readRows(of: reader.sheets[0], pipeFrom: pipeFrom) { _ in true }
            }
        }
    }
}
