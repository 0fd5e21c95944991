import Foundation
import PopCalendar

/// Writes .xlsx workbooks: the board pack's Excel export, and test fixtures.
///
/// Rows go straight to a private temporary file per sheet (the XML of each row as it is
/// added), so a sheet of a million rows never becomes one big string; `write(to:)` then zips
/// the parts. Shared strings (the default, as Excel writes) are kept in memory until then;
/// `strings: .inline` puts each text in its cell instead.
///
/// The writer is non-copyable because its sheets live in temporary files it removes when it
/// goes away; pass it `inout`.
public struct XLSXWriter: ~Copyable {
    /// Where text cells keep their text.
    public enum Strings: Sendable {
        /// In the shared-string table, each distinct text once (as Excel writes).
        case shared
        /// In each cell (`t="inlineStr"`).
        case inline
    }

    /// How a number is shown; the value itself is stored in full.
    public enum NumberFormat: Sendable, Equatable {
        /// Excel's General.
        case general
        /// `0`: a whole number.
        case integer
        /// `0.0`: one decimal place.
        case decimal1
        /// `0.0%`: a share, so 0.711 shows as 71.1%.
        case percent1
        /// `dd/mm/yyyy`: the number is an Excel serial day.
        case date
    }

    /// One cell of a row.
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// A number; NaN and infinities, which Excel cannot hold, are written as `#NUM!`.
        case number(Double, format: NumberFormat = .general)
        /// A day, written as its serial number in the workbook's date system, shown `dd/mm/yyyy`.
        case date(Day)
        case boolean(Bool)
        /// An Excel error value: `#N/A`, `#REF!`, `#VALUE!`, `#NAME?`, `#DIV/0!`, `#NULL!`, `#NUM!`.
        case error(String)
        case blank
    }

    /// A sheet added to this writer.
    public struct Sheet: Hashable, Sendable {
        let index: Int
        /// The writer that made it: a handle works with that writer only.
        let writer: ObjectIdentifier
    }

    private let state: WriterState

    /// - Parameters:
    ///   - date1904: count dates from 1904 rather than 1900.
    ///   - strings: shared (smaller, as Excel writes) or inline text.
    public init(date1904: Bool = false, strings: Strings = .shared) {
        state = WriterState(date1904: date1904, strings: strings)
    }

    /// Adds a sheet (tabs follow the order sheets are added).
    ///
    /// The name must be 1–31 characters without `[ ] : * ? / \`, must not start or end with an
    /// apostrophe, and must differ (ignoring case) from the other sheets' names.
    /// `frozenRows` rows stay in view when scrolling; `columnWidths` are in Excel's character
    /// widths, column A first.
    public mutating func addSheet(_ name: String, hidden: Bool = false, frozenRows: Int = 0,
                                  columnWidths: [Double] = []) throws(WorkbookError) -> Sheet {
        try state.addSheet(name, hidden: hidden, frozenRows: frozenRows, columnWidths: columnWidths)
    }

    /// Appends a row to `sheet`: the first row added is row 1, and cell i is in column i.
    public mutating func addRow(_ cells: [Cell], to sheet: Sheet) throws(WorkbookError) {
        try state.addRow(cells, to: sheet)
    }

    /// Writes the workbook to `path` (0600), replacing any file there only once it is complete.
    public func write(to path: String) throws(WorkbookError) {
        try state.write(to: URL(fileURLWithPath: path))
    }

    /// The workbook's bytes.
    public func bytes() throws(WorkbookError) -> [UInt8] {
        try state.bytes()
    }
}

/// The writer's sheets and strings; one owner (the non-copyable writer).
final class WriterState {
    static let maxRows = 1_048_576
    static let newWorkbook = "new workbook"

    struct SheetState {
        let name: String
        let hidden: Bool
        let frozenRows: Int
        let columnWidths: [Double]
        let file: SpillFile
        var rows = 0
    }

    let date1904: Bool
    let strings: XLSXWriter.Strings
    private var sheets: [SheetState] = []
    private var sharedIndex: [String: Int] = [:]
    private var sharedList: [String] = []
    private var sharedUses = 0
    private var folder: URL?
    private var row = ByteBuffer(capacity: 1 << 12)

    init(date1904: Bool, strings: XLSXWriter.Strings) {
        self.date1904 = date1904
        self.strings = strings
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// A private folder (0700) for the sheets' spill files.
    private func workFolder() throws(WorkbookError) -> URL {
        if let folder { return folder }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pop-xlsx-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WorkbookError(file: WriterState.newWorkbook, message: "cannot make a temporary folder: \(error)")
        }
        folder = url
        return url
    }

    func addSheet(_ name: String, hidden: Bool, frozenRows: Int, columnWidths: [Double]) throws(WorkbookError) -> XLSXWriter.Sheet {
        func refuse(_ why: String) -> WorkbookError {
            WorkbookError(file: WriterState.newWorkbook, sheet: name, message: why)
        }
        let length = name.utf16.count
        guard length >= 1, length <= 31 else { throw refuse("a sheet name must be 1 to 31 characters long") }
        guard !name.contains(where: { "[]:*?/\\".contains($0) }) else { throw refuse("a sheet name cannot hold [ ] : * ? / or \\") }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else { throw refuse("a sheet name cannot start or end with an apostrophe") }
        guard !name.unicodeScalars.contains(where: { !XMLBytes.isXMLChar($0.value) || $0.value < 0x20 }) else {
            throw refuse("a sheet name cannot hold control characters")
        }
        guard name.lowercased() != "history" else { throw refuse("Excel keeps the sheet name History for itself") }
        guard !sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw refuse("the workbook already has a sheet of that name")
        }
        guard frozenRows >= 0, frozenRows < WriterState.maxRows else { throw refuse("frozen rows must be 0 to 1,048,575") }
        guard columnWidths.count <= RowCells.maxColumns, columnWidths.allSatisfy({ $0 > 0 && $0 <= 255 }) else {
            throw refuse("column widths must be above 0 and at most 255, for at most 16,384 columns")
        }
        let file = try SpillFile(at: try workFolder().appendingPathComponent("sheet\(sheets.count + 1).xml"))
        sheets.append(SheetState(name: name, hidden: hidden, frozenRows: frozenRows, columnWidths: columnWidths, file: file))
        return XLSXWriter.Sheet(index: sheets.count - 1, writer: ObjectIdentifier(self))
    }

    func addRow(_ cells: [XLSXWriter.Cell], to sheet: XLSXWriter.Sheet) throws(WorkbookError) {
        guard sheet.writer == ObjectIdentifier(self), sheet.index >= 0, sheet.index < sheets.count else {
            throw WorkbookError(file: WriterState.newWorkbook, message: "a row was added to a sheet of another writer")
        }
        let name = sheets[sheet.index].name
        let number = sheets[sheet.index].rows + 1
        guard number <= WriterState.maxRows else {
            throw WorkbookError(file: WriterState.newWorkbook, sheet: name, message: "a sheet holds at most 1,048,576 rows")
        }
        guard cells.count <= RowCells.maxColumns else {
            throw WorkbookError(file: WriterState.newWorkbook, sheet: name, row: number, message: "a row holds at most 16,384 cells")
        }
        // The row is built in a local buffer: a class property mutated in place pays a
        // run-time exclusivity check on every append.
        var out = row
        out.count = 0
        out.append(static: "<row r=\"")
        out.appendDecimal(number)
        out.append(static: "\">")
        var rowDigits: (UInt64, Int) = (0, 0)
        WriterState.packDigits(number, into: &rowDigits)
        for (column, cell) in cells.enumerated() {
            do throws(PartFault) {
                try appendCell(cell, column: column, rowDigits: rowDigits, to: &out)
            } catch {
                row = out
                throw WorkbookError(file: WriterState.newWorkbook, sheet: name, row: number,
                                    column: WorkbookReader.columnLetter(column), message: error.message)
            }
        }
        out.append(static: "</row>")
        row = out
        do {
            try sheets[sheet.index].file.write(out.bytes())
        } catch {
            throw WorkbookError(file: WriterState.newWorkbook, sheet: name, message: "cannot write its temporary file: \(error.message)")
        }
        sheets[sheet.index].rows = number
    }

    /// A row number's digits, up to eight, packed into a word so each cell reference copies
    /// them without converting the number again.
    static func packDigits(_ number: Int, into packed: inout (UInt64, Int)) {
        var n = number
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        var word: UInt64 = 0
        for d in digits.reversed() { word = word << 8 | UInt64(d) }
        packed = (word, digits.count)
    }

    private func appendCell(_ cell: XLSXWriter.Cell, column: Int, rowDigits: (UInt64, Int), to out: inout ByteBuffer) throws(PartFault) {
        func open(_ out: inout ByteBuffer, type: StaticString?, style: Int) {
            out.append(static: "<c r=\"")
            WriterState.appendColumnLetters(column, to: &out)
            for k in stride(from: rowDigits.1 - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: rowDigits.0 >> (8 * UInt64(k)))) }
            if style != 0 {
                out.append(static: "\" s=\"")
                out.appendDecimal(style)
            }
            if let type {
                out.append(static: "\" t=\"")
                out.append(static: type)
            }
            out.append(static: "\">")
        }
        switch cell {
        case .blank:
            return
        case .text(let text):
            if text.isEmpty { return }
            if strings == .inline {
                open(&out, type: "inlineStr", style: 0)
                out.append(static: "<is>")
                WriterState.appendTextElement(text, to: &out)
                out.append(static: "</is></c>")
            } else {
                open(&out, type: "s", style: 0)
                out.append(static: "<v>")
                out.appendDecimal(sharedString(text))
                out.append(static: "</v></c>")
            }
        case .number(let value, let format):
            guard let digits = WriterState.numberText(value) else {
                open(&out, type: "e", style: 0)
                out.append(static: "<v>#NUM!</v></c>")
                return
            }
            open(&out, type: nil, style: WriterState.style(format))
            out.append(static: "<v>")
            out.append(string: digits)
            out.append(static: "</v></c>")
        case .date(let day):
            let serial = day.excelSerial(date1904: date1904)
            guard serial >= (date1904 ? 0 : 1), day.year <= 9999 else {
                throw PartFault("the date \(day.iso) is outside what Excel can show")
            }
            open(&out, type: nil, style: WriterState.style(.date))
            out.append(static: "<v>")
            out.appendDecimal(serial)
            out.append(static: "</v></c>")
        case .boolean(let value):
            open(&out, type: "b", style: 0)
            out.append(static: value ? "<v>1</v></c>" : "<v>0</v></c>")
        case .error(let code):
            guard WriterState.errorCodes.contains(code) else {
                throw PartFault("\(code) is not an Excel error value")
            }
            open(&out, type: "e", style: 0)
            out.append(static: "<v>")
            WriterState.appendEscaped(code, to: &out)
            out.append(static: "</v></c>")
        }
    }

    /// Excel's letters for a 0-based column, written straight into `out`.
    static func appendColumnLetters(_ column: Int, to out: inout ByteBuffer) {
        if column < 26 {
            out.append(UInt8(ascii: "A") + UInt8(column))
        } else {
            out.append(WorkbookReader.columnLetter(column).utf8)
        }
    }

    static let errorCodes: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]

    private func sharedString(_ text: String) -> Int {
        sharedUses += 1
        if let index = sharedIndex[text] { return index }
        let index = sharedList.count
        sharedIndex[text] = index
        sharedList.append(text)
        return index
    }

    static func style(_ format: XLSXWriter.NumberFormat) -> Int {
        switch format {
        case .general: return 0
        case .integer: return 1
        case .decimal1: return 2
        case .percent1: return 3
        case .date: return 4
        }
    }

    /// The shortest text that reads back as `value`; whole numbers without `.0`. Nil when
    /// Excel cannot hold the value.
    static func numberText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    // MARK: Text

    /// `<t>` with the text escaped; `xml:space="preserve"` when spaces at either end or breaks
    /// would otherwise be lost.
    static func appendTextElement(_ text: String, to out: inout ByteBuffer) {
        let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
            || text.contains(where: { $0 == "\n" || $0 == "\t" })
        out.append((preserve ? "<t xml:space=\"preserve\">" : "<t>").utf8)
        appendEscaped(text, to: &out)
        out.append("</t>".utf8)
    }

    /// Appends `text` escaped for XML text and attribute values. Characters XML 1.0 forbids
    /// (control characters but tab and line feed), and carriage returns (which XML readers turn
    /// into line feeds), are written as Excel's `_xHHHH_`; an underscore that would otherwise
    /// read as the start of such an escape is itself escaped as `_x005F_`.
    static func appendEscaped(_ text: String, to out: inout ByteBuffer) {
        // Most text needs no escaping at all: copy its UTF-8 as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x5F && $0 != 0xEF }) {
            out.append(string: text)
            return
        }
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x26: out.append("&amp;".utf8)
            case 0x3C: out.append("&lt;".utf8)
            case 0x3E: out.append("&gt;".utf8)
            case 0x22: out.append("&quot;".utf8)
            case 0x5F where looksLikeEscape(scalars, i):
                out.append("_x005F_".utf8)
            case 0x09, 0x0A:
                out.append(UInt8(scalar.value))
            case 0..<0x20, 0xFFFE, 0xFFFF:
                out.append(escapeText(scalar.value).utf8)
            default:
                out.appendUTF8(scalar.value)
            }
        }
    }

    private static func escapeText(_ unit: UInt32) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// Whether scalars[i...] read `_xHHHH_`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    static func escaped(_ text: String) -> String {
        var buffer = ByteBuffer(capacity: text.utf8.count + 16)
        appendEscaped(text, to: &buffer)
        return String(decoding: buffer.bytes(), as: UTF8.self)
    }

    // MARK: Writing

    func bytes() throws(WorkbookError) -> [UInt8] {
        let url = try workFolder().appendingPathComponent("workbook-\(UUID().uuidString).xlsx")
        try write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw WorkbookError(file: url.lastPathComponent, message: "cannot be read back: \(error)")
        }
    }

    func write(to destination: URL) throws(WorkbookError) {
        let file = destination.lastPathComponent
        guard !sheets.isEmpty else { throw WorkbookError(file: file, message: "a workbook needs at least one sheet") }
        guard let active = sheets.firstIndex(where: { !$0.hidden }) else {
            throw WorkbookError(file: file, message: "a workbook needs at least one sheet that is not hidden")
        }
        do {
            let package = try PackageWriter(destination: destination, compress: true)
            do {
                try writeParts(package, active: active)
                try package.finish(at: destination)
            } catch {
                package.abandon()
                throw error
            }
        } catch let fault as PartFault {
            throw WorkbookError(file: file, message: fault.message)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(file: file, message: "cannot be written: \(error)")
        }
    }

    private func writeParts(_ package: PackageWriter, active: Int) throws {
        let useShared = !sharedList.isEmpty
        try package.add("[Content_Types].xml", bytes: Array(contentTypes(sharedStrings: useShared).utf8))
        try package.add("_rels/.rels", bytes: Array(WriterState.packageRelationships.utf8))
        try package.add("xl/workbook.xml", bytes: Array(workbook(active: active).utf8))
        try package.add("xl/_rels/workbook.xml.rels", bytes: Array(workbookRelationships(sharedStrings: useShared).utf8))
        try package.add("xl/styles.xml", bytes: Array(WriterState.styles.utf8))
        if useShared {
            let file = try SpillFile(at: try workFolder().appendingPathComponent("sharedStrings-\(UUID().uuidString).xml"))
            defer { file.remove() }
            var buffer = ByteBuffer(capacity: 1 << 16)
            buffer.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".utf8)
            buffer.append("<sst xmlns=\"\(WriterState.mainNamespace)\" count=\"\(sharedUses)\" uniqueCount=\"\(sharedList.count)\">".utf8)
            for text in sharedList {
                buffer.append("<si>".utf8)
                WriterState.appendTextElement(text, to: &buffer)
                buffer.append("</si>".utf8)
                if buffer.count >= 1 << 16 {
                    try file.write(buffer.bytes())
                    buffer.count = 0
                }
            }
            buffer.append("</sst>".utf8)
            try file.write(buffer.bytes())
            try add("xl/sharedStrings.xml", head: [], body: file, tail: [], to: package)
        }
        for (i, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(i + 1).xml", head: Array(sheetHead(sheet, selected: i == active).utf8), body: sheet.file,
                    tail: Array("</sheetData></worksheet>".utf8), to: package)
        }
    }

    /// Adds a part made of `head`, the spill file's bytes and `tail`, read a piece at a time.
    private func add(_ name: String, head: [UInt8], body: SpillFile, tail: [UInt8], to package: PackageWriter) throws {
        let bodySize = body.size
        let size = Int64(head.count) + bodySize + Int64(tail.count)
        try package.add(name, size: size) { position, count in
            var data = Data(capacity: count)
            var at = position
            let end = position + Int64(count)
            while at < end {
                if at < Int64(head.count) {
                    let upTo = Int(min(end, Int64(head.count)))
                    data.append(contentsOf: head[Int(at)..<upTo])
                    at = Int64(upTo)
                } else if at < Int64(head.count) + bodySize {
                    let offset = at - Int64(head.count)
                    let n = Int(min(end - at, bodySize - offset))
                    data.append(contentsOf: try body.read(at: offset, count: n))
                    at += Int64(n)
                } else {
                    let offset = Int(at - Int64(head.count) - bodySize)
                    let upTo = Int(min(end - Int64(head.count) - bodySize, Int64(tail.count)))
                    data.append(contentsOf: tail[offset..<upTo])
                    at = Int64(head.count) + bodySize + Int64(upTo)
                }
            }
            return data
        }
    }

    // MARK: Parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    func contentTypes(sharedStrings: Bool) -> String {
        var s = WriterState.declaration
        s += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in sheets.indices {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if sharedStrings {
            s += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        return s + "</Types>"
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    func workbook(active: Int) -> String {
        var s = WriterState.declaration
        s += "<workbook xmlns=\"\(WriterState.mainNamespace)\" xmlns:r=\"\(WriterState.relationshipNamespace)\">"
        s += date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>"
        s += "<bookViews><workbookView activeTab=\"\(active)\"/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            s += "<sheet name=\"\(WriterState.escaped(sheet.name))\" sheetId=\"\(i + 1)\""
            if sheet.hidden { s += " state=\"hidden\"" }
            s += " r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    func workbookRelationships(sharedStrings: Bool) -> String {
        var s = WriterState.declaration
        s += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(WriterState.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(WriterState.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        if sharedStrings {
            s += "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(WriterState.relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        return s + "</Relationships>"
    }

    /// Number formats: 1 is Excel's built-in `0`; 164 on are the workbook's own.
    static let styles = declaration
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/><numFmt numFmtId=\"165\" formatCode=\"0.0%\"/>"
        + "<numFmt numFmtId=\"166\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"5\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    func sheetHead(_ sheet: SheetState, selected: Bool) -> String {
        var s = WriterState.declaration
        s += "<worksheet xmlns=\"\(WriterState.mainNamespace)\" xmlns:r=\"\(WriterState.relationshipNamespace)\">"
        s += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")"
        if sheet.frozenRows > 0 {
            s += "><pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s += "<selection pane=\"bottomLeft\"/></sheetView>"
        } else {
            s += "/>"
        }
        s += "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            s += "<cols>"
            for (i, width) in sheet.columnWidths.enumerated() {
                s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        return s + "<sheetData>"
    }
}

/// A private temporary file that rows are appended to and parts later read back from.
final class SpillFile {
    private let fd: Int32
    private let url: URL
    private(set) var size: Int64 = 0
    private var pending = ByteBuffer(capacity: 1 << 18)

    init(at url: URL) throws(WorkbookError) {
        fd = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WorkbookError(file: WriterState.newWorkbook, message: "cannot make a temporary file: \(String(cString: strerror(errno)))")
        }
        self.url = url
    }

    deinit {
        close(fd)
        unlink(url.path)
    }

    func remove() { unlink(url.path) }

    /// Appends `bytes`; they reach the file in pieces of about 256 KB.
    func write(_ bytes: UnsafeRawBufferPointer) throws(PartFault) {
        // SAFETY: the caller's bytes, copied before this returns.
        if let base = bytes.baseAddress { pending.append(base.assumingMemoryBound(to: UInt8.self), bytes.count) }
        size += Int64(bytes.count)
        if pending.count >= 1 << 18 { try flush() }
    }

    private func flush() throws(PartFault) {
        var done = 0
        while done < pending.count {
            // SAFETY: pending.base + done ..< pending.base + count are pending's own bytes.
            assert(done < pending.count)
            let n = Foundation.write(fd, pending.base + done, pending.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw PartFault(String(cString: strerror(errno))) }
            done += n
        }
        pending.count = 0
    }

    func read(at offset: Int64, count: Int) throws(PartFault) -> [UInt8] {
        if pending.count > 0 { try flush() }
        do throws(FileBytes.Failure) {
            return try FileBytes.read(fd, at: offset, count: count)
        } catch {
            throw PartFault("a temporary file ends early")
        }
    }
}
