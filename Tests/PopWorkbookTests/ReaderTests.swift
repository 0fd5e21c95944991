import Foundation
@testable import PopWorkbook
import Testing

@Suite struct ReaderTests {
    let scratch = Scratch()

    func open(_ book: RawWorkbook, _ name: String = "book.xlsx") throws -> WorkbookReader {
        let path = scratch.path(name)
        try book.write(to: path)
        return try WorkbookReader(path: path)
    }

    func openingError(_ book: RawWorkbook, _ name: String = "book.xlsx") throws -> WorkbookError? {
        let path = scratch.path(name)
        try book.write(to: path)
        do {
            _ = try WorkbookReader(path: path)
            return nil
        } catch {
            return error
        }
    }

    func readingError(_ book: RawWorkbook, sheet: String = "List 1") throws -> WorkbookError? {
        let reader = try open(book)
        do {
            _ = try reader.rows(sheet)
            return nil
        } catch let error as WorkbookError {
            return error
        }
    }

    // MARK: Cells

    @Test func everyKindOfCell() throws {
        let rows = """
            <row r="1">\
            <c r="A1" t="s"><v>0</v></c>\
            <c r="B1" t="inlineStr"><is><t>inline</t></is></c>\
            <c r="C1" t="str"><f>A1&amp;"!"</f><v>formula text</v></c>\
            <c r="D1" t="b"><v>1</v></c>\
            <c r="E1" t="b"><v>0</v></c>\
            <c r="F1" t="e"><v>#N/A</v></c>\
            <c r="G1" t="d"><v>2019-01-31T00:00:00</v></c>\
            <c r="H1" t="n"><v>43496</v></c>\
            <c r="I1"><v>9212044</v></c>\
            <c r="J1" s="3"><v>1.5E-3</v></c>\
            <c r="K1"><f>SUM(H1:I1)</f><v>9255540</v></c>\
            <c r="L1" s="2"/>\
            <c r="M1"><f>NA()</f></c>\
            <c r="N1" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
            <c r="O1" t="str"><f>""</f><v></v></c>\
            <c r="P1" t="b"><v>true</v></c>\
            <c r="Q1" s="1"></c>\
            <c r="R1" t="s"><v> 0 </v></c>\
            </row>
            """
        let reader = try open(.standard(sheets: [("List 1", rows)], sharedStrings: "<si><t>shared</t></si>"))
        let read = try reader.rows("List 1")
        #expect(read == [ReadRow(number: 1, cells: [
            cell(.text, "shared"), cell(.text, "inline"), cell(.text, "formula text"), cell(.boolean, "1"),
            cell(.boolean, "0"), cell(.error, "#N/A"), cell(.text, "2019-01-31T00:00:00"), cell(.number, "43496"),
            cell(.number, "9212044"), cell(.number, "1.5E-3"), cell(.number, "9255540"), blankCell, blankCell,
            cell(.error, "#DIV/0!"), blankCell, cell(.boolean, "1"), blankCell, cell(.text, "shared"),
        ])])
    }

    @Test func cellsAndRowsWithoutReferencesFollowTheOnesBefore() throws {
        let rows = """
            <row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>\
            <row><c r="B2"><v>22</v></c></row>\
            <row r="7"><c r="C7"><v>73</v></c></row>\
            <row><c><v>81</v></c></row>
            """
        let read = try open(.standard(sheets: [("List 1", rows)])).rows("List 1")
        #expect(read == [
            ReadRow(number: 1, cells: [cell(.number, "1"), cell(.number, "2"), blankCell, blankCell, cell(.number, "5"), cell(.number, "6")]),
            ReadRow(number: 2, cells: [blankCell, cell(.number, "22")]),
            ReadRow(number: 7, cells: [blankCell, blankCell, cell(.number, "73")]),
            ReadRow(number: 8, cells: [cell(.number, "81")]),
        ])
    }

    @Test func aRowOfNoValuesHasNoWidthAndAbsentColumnsAreBlank() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\"><v></v></c></row><row r=\"2\"/><row r=\"3\"><c r=\"B3\"><v>1</v></c></row>"
        let reader = try open(.standard(sheets: [("List 1", rows)]))
        var seen: [(Int, Int, CellKind, CellKind, String)] = []
        try reader.readRows(of: reader.sheets[0]) { row in
            seen.append((row.number, row.width, row.kind(0), row.kind(99), row.string(-1)))
            return true
        }
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen.map(\.1) == [0, 0, 2])
        #expect(seen.allSatisfy { $0.2 == .blank && $0.3 == .blank && $0.4 == "" })
    }

    @Test func sharedStringsWithRichTextPhoneticRunsAndEscapes() throws {
        let sst = """
            <si><t>plain</t></si>\
            <si><r><rPr><b/></rPr><t>Children</t></r><r><t xml:space="preserve">’s services</t></r></si>\
            <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>\
            <si><t>line_x000D__x000A_break _x005F_x0041_ _x0041_ _x00e9_ _xD83D__xDE00_ _x12_</t></si>\
            <si><t>&amp; &lt; &gt; &quot; &apos; &#65;&#x42;&#x1F600;</t></si>\
            <si><t><![CDATA[<raw & "text">]]></t></si>\
            <si><t/></si>\
            <si><t>  spaced  </t></si>
            """
        let rows = "<row>" + (0..<8).map { "<c t=\"s\"><v>\($0)</v></c>" }.joined() + "</row>"
        let read = try open(.standard(sheets: [("List 1", rows)], sharedStrings: sst)).rows("List 1")
        #expect(read.first?.cells == [
            cell(.text, "plain"), cell(.text, "Children’s services"), cell(.text, "東京"),
            cell(.text, "line\r\nbreak _x0041_ A é 😀 _x12_"), cell(.text, "& < > \" ' AB😀"),
            cell(.text, "<raw & \"text\">"), blankCell, cell(.text, "  spaced  "),
        ])
    }

    @Test func inlineStringsAndFormulaTextDecodeEscapesToo() throws {
        let rows = """
            <row><c t="inlineStr"><is><r><t>rich</t></r><r><t xml:space="preserve"> inline</t></r><rPh><t>no</t></rPh></is></c>\
            <c t="str"><v>tab_x0009_here</v></c><c t="inlineStr"><is><t>a&#10;b</t></is></c></row>
            """
        let read = try open(.standard(sheets: [("List 1", rows)])).rows("List 1")
        #expect(read.first?.cells == [cell(.text, "rich inline"), cell(.text, "tab\there"), cell(.text, "a\nb")])
    }

    @Test func sheetsInWorkbookOrderWithHiddenStates() throws {
        let book = RawWorkbook.standard(sheets: [("List 1", ""), ("Notes", ""), ("Lookups", ""), ("List 8", "")],
                                        states: ["Notes": "hidden", "Lookups": "veryHidden", "List 8": "visible"])
        let reader = try open(book)
        #expect(reader.sheets.map(\.name) == ["List 1", "Notes", "Lookups", "List 8"])
        #expect(reader.sheets.map(\.hidden) == [false, true, true, false])
        #expect(reader.sheets.map(\.part) == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"])
        #expect(reader.sheet(named: "list 8")?.part == "xl/worksheets/sheet4.xml")
        #expect(reader.fileName == "book.xlsx")
        #expect(try reader.rows("Notes").isEmpty)
    }

    @Test func bothDateSystems() throws {
        #expect(try open(.standard(sheets: [("List 1", "")])).date1904 == false)
        #expect(try open(.standard(sheets: [("List 1", "")], workbookPr: "<workbookPr date1904=\"1\"/>")).date1904)
        #expect(try open(.standard(sheets: [("List 1", "")], workbookPr: "<workbookPr date1904=\"true\"/>")).date1904)
        #expect(try open(.standard(sheets: [("List 1", "")], workbookPr: "<workbookPr date1904=\"0\"/>")).date1904 == false)
    }

    @Test func strictNamespacesWithPrefixesAndAbsoluteTargets() throws {
        var book = RawWorkbook()
        let main = RawWorkbook.strictMain, rels = RawWorkbook.strictRelationships, package = RawWorkbook.package
        book.add("_rels/.rels", "<Relationships xmlns=\"\(package)\"><Relationship Id=\"a\" Type=\"\(rels)/officeDocument\" Target=\"/xl/book.xml\"/></Relationships>")
        book.add("xl/book.xml", """
            <x:workbook xmlns:x="\(main)" xmlns:rel="\(rels)"><x:workbookPr date1904="true"/><x:sheets>\
            <x:sheet name="Q&amp;A" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>
            """)
        book.add("xl/_rels/book.xml.rels", """
            <Relationships xmlns="\(package)"><Relationship Id="s1" Type="\(rels)/worksheet" Target="/xl/sheets/data.xml"/>\
            <Relationship Id="s2" Type="\(rels)/sharedStrings" Target="../xl/./strings.xml"/>\
            <Relationship Id="s3" Type="\(rels)/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>
            """)
        book.add("xl/strings.xml", "<x:sst xmlns:x=\"\(main)\"><x:si><x:t>strict</x:t></x:si></x:sst>")
        book.add("xl/sheets/data.xml", """
            <x:worksheet xmlns:x="\(main)"><x:sheetData><x:row x:r="1"><x:c r="B1" t="s"><x:v>0</x:v></x:c>\
            <x:c r="C1" t="d"><x:v>2019-01-31</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """)
        let reader = try open(book)
        #expect(reader.date1904)
        #expect(reader.sheets == [SheetInfo(name: "Q&A", hidden: false, part: "xl/sheets/data.xml")])
        #expect(try reader.rows("Q&A") == [ReadRow(number: 1, cells: [blankCell, cell(.text, "strict"), cell(.text, "2019-01-31")])])
    }

    @Test func storedPartsReadLikeDeflatedOnes() throws {
        var book = RawWorkbook.standard(sheets: [("List 1", "<row><c t=\"s\"><v>0</v></c><c><v>2</v></c></row>")], sharedStrings: "<si><t>x</t></si>")
        book.compress = false
        #expect(try open(book).rows("List 1") == [ReadRow(number: 1, cells: [cell(.text, "x"), cell(.number, "2")])])
    }

    @Test func aWorkbookWithoutSharedStringsReadsInlineCells() throws {
        let book = RawWorkbook.standard(sheets: [("List 1", "<row><c t=\"inlineStr\"><is><t>only</t></is></c></row>")])
        #expect(try open(book).rows("List 1").first?.cells == [cell(.text, "only")])
    }

    @Test func aSharedStringCellWithoutATableNamesItsCell() throws {
        let book = RawWorkbook.standard(sheets: [("List 1", "<row r=\"4\"><c r=\"C4\" t=\"s\"><v>0</v></c></row>")])
        let error = try #require(try readingError(book))
        #expect(error.sheet == "List 1" && error.row == 4 && error.column == "C")
        #expect(error.message.contains("no shared string"))
    }

    @Test func aMissingSharedStringsPartIsAnError() throws {
        var book = RawWorkbook.standard(sheets: [("List 1", "")], sharedStrings: "<si><t>x</t></si>")
        book.remove("xl/sharedStrings.xml")
        let error = try #require(try openingError(book))
        #expect(error.description == "book.xlsx: lacks its shared strings (xl/sharedStrings.xml)")
    }

    @Test func aMissingSheetPartIsAnErrorNamingTheSheet() throws {
        var book = RawWorkbook.standard(sheets: [("List 1", ""), ("List 2", "")])
        book.remove("xl/worksheets/sheet2.xml")
        let reader = try open(book)
        #expect(try reader.rows("List 1").isEmpty)
        #expect(throws: WorkbookError(file: "book.xlsx", sheet: "List 2", message: "the sheet's part (xl/worksheets/sheet2.xml) is missing from the workbook")) {
            try reader.rows("List 2")
        }
    }

    @Test func theMainDocumentIsFoundThroughRelationshipsOnly() throws {
        var book = RawWorkbook.standard(sheets: [("List 1", "")])
        book.remove("_rels/.rels")
        #expect(try openingError(book)?.message == "is not an Excel workbook: it lacks _rels/.rels")
        book.add("_rels/.rels", "<Relationships xmlns=\"\(RawWorkbook.package)\"/>")
        #expect(try openingError(book)?.message == "is not an Excel workbook: it names no main document")
    }

    // MARK: Refusals and damage

    @Test func aDoctypeIsRefusedInEveryPart() throws {
        let doctype = "<!DOCTYPE x [<!ENTITY boom \"boom\">]>"
        var sheet = RawWorkbook.standard(sheets: [("List 1", "<row><c><v>1</v></c></row>")])
        sheet.replace("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?>\(doctype)<worksheet><sheetData><row><c><v>&boom;</v></c></row></sheetData></worksheet>")
        let error = try #require(try readingError(sheet))
        #expect(error.message.contains("DOCTYPE"))

        var strings = RawWorkbook.standard(sheets: [("List 1", "")], sharedStrings: "<si><t>x</t></si>")
        strings.replace("xl/sharedStrings.xml", "\(doctype)<sst><si><t>&boom;</t></si></sst>")
        #expect(try openingError(strings)?.message.contains("DOCTYPE") == true)

        var workbook = RawWorkbook.standard(sheets: [("List 1", "")])
        let original = try #require(workbook.parts.first { $0.name == "xl/workbook.xml" })
        workbook.replace("xl/workbook.xml", doctype + String(decoding: original.bytes, as: UTF8.self).replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", with: ""))
        #expect(try openingError(workbook)?.message.contains("DOCTYPE") == true)
    }

    @Test func anUndefinedEntityIsAnError() throws {
        let error = try #require(try readingError(.standard(sheets: [("List 1", "<row r=\"2\"><c r=\"D2\" t=\"str\"><v>&nbsp;</v></c></row>")])))
        #expect(error.row == 2 && error.column == "D")
        #expect(error.message.contains("&nbsp;"))
    }

    @Test func aSheetCutOffMidRowNamesSheetRowAndColumn() throws {
        var book = RawWorkbook.standard(sheets: [("List 7", "")])
        book.replace("xl/worksheets/sheet1.xml", """
            <worksheet xmlns="\(RawWorkbook.main)"><sheetData><row r="11"><c r="A11"><v>1</v></c></row>\
            <row r="12"><c r="A12"><v>1</v></c><c r="J12" t="inlineStr"><is><t>cut of
            """)
        let error = try #require(try readingError(book, sheet: "List 7"))
        #expect(error.file == "book.xlsx" && error.sheet == "List 7" && error.row == 12 && error.column == "J")
        #expect(error.description == "book.xlsx: sheet List 7, row 12, column J: the sheet's XML ends early: the file is damaged or was cut off")
    }

    @Test func aSheetCutOffInsideATagOrBetweenRows() throws {
        for (cut, row, column) in [("<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"C3\" t=", 3, "B"), ("<row r=\"3\"><c r=\"B3\"><v>1</v></c></row>", nil, nil)] as [(String, Int?, String?)] {
            var book = RawWorkbook.standard(sheets: [("List 1", "")])
            book.replace("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + cut)
            let error = try #require(try readingError(book))
            #expect(error.row == row && error.column == column)
        }
    }

    @Test func rowsBeforeTheCutAreStillDelivered() throws {
        var book = RawWorkbook.standard(sheets: [("List 1", "")])
        book.replace("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</v></c></row><row><c><v>2</v></c></row><row><c><v>")
        let reader = try open(book)
        var numbers: [Int] = []
        #expect(throws: WorkbookError.self) {
            try reader.readRows(of: reader.sheets[0]) { row in numbers.append(row.number); return true }
        }
        #expect(numbers == [1, 2])
    }

    @Test func aCellBeyondXFDAndAMalformedReferenceAreErrors() throws {
        #expect(try readingError(.standard(sheets: [("List 1", "<row><c r=\"XFE1\"><v>1</v></c></row>")]))?.message.contains("XFD") == true)
        #expect(try readingError(.standard(sheets: [("List 1", "<row><c r=\"1A\"><v>1</v></c></row>")]))?.message.contains("reference") == true)
        #expect(try readingError(.standard(sheets: [("List 1", "<row r=\"x\"><c><v>1</v></c></row>")]))?.message.contains("row's number") == true)
        #expect(try readingError(.standard(sheets: [("List 1", "<row><c t=\"q\"><v>1</v></c></row>")]))?.message.contains("type") == true)
    }

    @Test func notAZipNamesTheFile() throws {
        let path = scratch.path("Annex A.xlsx")
        try Data("Child Unique ID,Date of Contact\n1,01/01/2019\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError(file: "Annex A.xlsx", message: "is not an .xlsx workbook (it is not a zip file)")) {
            try WorkbookReader(path: path)
        }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError(file: "Annex A.xlsx", message: "is not an .xlsx workbook (it is not a zip file)")) {
            try WorkbookReader(path: path)
        }
        // A zip's first bytes with no zip after them.
        try Data("PK\u{3}\u{4} and nothing more".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError(file: "Annex A.xlsx", message: "is not an .xlsx workbook (it is damaged or not a zip file)")) {
            try WorkbookReader(path: path)
        }
        do {
            _ = try WorkbookReader(path: scratch.path("missing.xlsx"))
            Issue.record("a missing file opened")
        } catch {
            #expect(error.description.hasPrefix("missing.xlsx: cannot be opened"))
        }
    }

    @Test func anOLEFileGetsExactlyOneMessage() throws {
        let path = scratch.path("Annex A.xlsx")
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 4096)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try WorkbookReader(path: path)
            Issue.record("an OLE file opened")
        } catch {
            #expect(error.description == "Annex A.xlsx: is an encrypted workbook or an old .xls: save it as .xlsx without a password")
        }
    }

    /// A sheet whose deflate data opens a stored block of 65,535 bytes: more than a small part
    /// declares (refused as too long), or, for a part declaring more, more bytes than the file
    /// holds for it: ZIPFoundation's own `extract` would wait for them for ever.
    @Test(arguments: [(2_000, "is damaged: xl/worksheets/sheet1.xml holds more than its zip directory says"),
                      (20_000, "is damaged or cut short: xl/worksheets/sheet1.xml ends before its data does")])
    func aDeflateStreamThatNeverEndsIsAnErrorNotAHang(rows: Int, message: String) throws {
        let book = RawWorkbook.standard(sheets: [("List 1", String(repeating: "<row><c><v>1</v></c></row>", count: rows))])
        let path = scratch.path("book.xlsx")
        try book.write(to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var at: Int?
        for i in 0..<(bytes.count - 30 - name.count) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4 {
            if Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name { at = i; break }
        }
        let header = try #require(at)
        let data = header + 30 + name.count + Int(bytes[header + 28]) + Int(bytes[header + 29]) << 8
        bytes.replaceSubrange(data..<(data + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try WorkbookReader(path: path)
        for pipeFrom: Int64 in [.max, 0] {
            do {
                try reader.readRows(of: reader.sheets[0], pipeFrom: pipeFrom) { _ in true }
                Issue.record("a deflate stream with no end was read")
            } catch let error as WorkbookError {
                #expect(error.sheet == "List 1")
                // The pipe inflates in larger chunks, where zlib may meet the padding after the
                // part's last byte and call the data corrupt first: refused either way.
                if pipeFrom == .max { #expect(error.message == message) }
            }
        }
    }

    // MARK: The callback

    @Test func returningFalseStopsAndErrorsPassThrough() throws {
        struct Mine: Error, Equatable {}
        let rows = (1...50).map { "<row><c><v>\($0)</v></c></row>" }.joined()
        let reader = try open(.standard(sheets: [("List 1", rows)]))
        var count = 0
        try reader.readRows(of: reader.sheets[0]) { _ in count += 1; return count < 3 }
        #expect(count == 3)
        #expect(throws: Mine()) {
            try reader.readRows(of: reader.sheets[0]) { row in
                if row.number == 5 { throw Mine() }
                return true
            }
        }
        // The reader can read the same sheet again after either.
        #expect(try reader.rows("List 1").count == 50)
    }

    @Test func withBytesGivesTheCellsUTF8() throws {
        let reader = try open(.standard(sheets: [("List 1", "<row><c t=\"inlineStr\"><is><t>Zoë</t></is></c><c><v>12</v></c></row>")]))
        try reader.readRows(of: reader.sheets[0]) { row in
            #expect(row.withBytes(0) { Array($0) } == Array("Zoë".utf8))
            #expect(row.withBytes(1) { Array($0) } == Array("12".utf8))
            #expect(row.withBytes(2) { $0.count } == 0)
            return true
        }
    }

    // MARK: Column letters

    @Test func columnLetters() {
        #expect(WorkbookReader.columnLetter(0) == "A")
        #expect(WorkbookReader.columnLetter(25) == "Z")
        #expect(WorkbookReader.columnLetter(26) == "AA")
        #expect(WorkbookReader.columnLetter(51) == "AZ")
        #expect(WorkbookReader.columnLetter(52) == "BA")
        #expect(WorkbookReader.columnLetter(701) == "ZZ")
        #expect(WorkbookReader.columnLetter(702) == "AAA")
        #expect(WorkbookReader.columnLetter(16383) == "XFD")
        #expect(WorkbookReader.columnLetter(-1) == "")
        #expect(WorkbookReader.columnIndex("XFD") == 16383)
        #expect(WorkbookReader.columnIndex("xfd") == 16383)
        #expect(WorkbookReader.columnIndex("XFE") == nil)
        #expect(WorkbookReader.columnIndex("") == nil)
        #expect(WorkbookReader.columnIndex("A1") == nil)
        for i in 0..<16384 where WorkbookReader.columnIndex(WorkbookReader.columnLetter(i)) != i {
            Issue.record("column \(i) does not survive its letters")
        }
    }
}
