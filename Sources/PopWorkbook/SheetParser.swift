/// The shared-string table a sheet's `t="s"` cells point into.
struct SharedStringView {
    let bytes: UnsafePointer<UInt8>
    /// String i is bytes[offsets[i] ..< offsets[i + 1]]; `count + 1` entries.
    let offsets: UnsafeBufferPointer<Int>
    var count: Int { max(offsets.count - 1, 0) }
}

/// The worksheet grammar: `sheetData` / `row` / `c` with `v`, `is` (`t`, `r`, `rPh`) and `f`.
/// Everything else (column widths, merged cells, extensions) is skipped.
struct SheetParser: XMLHandler {
    /// Excel holds at most 32,767 characters in a cell; past 1 MB the file is not Excel's.
    static let maxCellBytes = 1 << 20
    /// A row's cells together (each cell may be rewritten, so this is not 16,384 × 1 MB).
    static let maxRowBytes = 64 << 20
    /// Excel's last row is 1,048,576; larger numbers are accepted up to this.
    static let maxRowNumber = 1 << 30

    enum CellType { case number, shared, inline, formulaText, boolean, error, date }

    private(set) var collectsText = false
    var paused = false
    /// `</sheetData>` was read: nothing after it matters.
    private(set) var finished = false

    let cells: RowCells
    var bytes = ByteBuffer(capacity: 1 << 16)
    let shared: SharedStringView

    private var depth = 0
    private var rootClosed = false
    private var inSheetData = false
    private(set) var inRow = false
    private(set) var inCell = false
    private var inValue = false
    private var inInline = false
    private var textDepth = 0
    private var phoneticDepth = 0

    /// The current row's number, or the last row's between rows.
    private(set) var rowNumber = 0
    private(set) var column = -1
    private var cellType = CellType.number
    private var cellStart = 0
    private(set) var width = 0
    /// 1 + the largest column written in this row (blank or not): the slots to clear.
    private var touched = 0

    init(cells: RowCells, shared: SharedStringView) {
        self.cells = cells
        self.shared = shared
    }

    /// The row just completed, for the callback.
    func row() -> SheetRow {
        SheetRow(number: rowNumber, width: width, kinds: cells.kinds, starts: cells.starts, lengths: cells.lengths,
                 rowBytes: bytes.base, sharedBytes: shared.bytes)
    }

    /// Readies the slots for the next row, after the callback has seen this one.
    mutating func clearRow() {
        // SAFETY: touched <= RowCells.maxColumns, the slots' capacity.
        assert(touched <= RowCells.maxColumns)
        if touched > 0 { cells.kinds.update(repeating: CellKind.blank.rawValue, count: touched) }
        touched = 0
        width = 0
        bytes.count = 0
        paused = false
    }

    /// Checks that the part ended where a sheet may end.
    func finish() throws(PartFault) {
        if finished || (rootClosed && !inSheetData) { return }
        throw PartFault("the sheet's XML ends early: the file is damaged or was cut off")
    }

    private mutating func updateCollecting() {
        collectsText = inCell && (inValue || (inInline && textDepth > 0 && phoneticDepth == 0))
    }

    /// Element names are told apart by length first, then by their bytes: this runs for every
    /// tag of the sheet.
    mutating func startElement(_ tag: XMLTag) throws(PartFault) {
        depth += 1
        let name = tag.name
        switch name.count {
        case 1:
            let b = name[0]
            if inCell {
                if b == UInt8(ascii: "v") { inValue = true; updateCollecting() }
                else if b == UInt8(ascii: "t") { if inInline { textDepth += 1; updateCollecting() } }
                else if b == UInt8(ascii: "c") { throw PartFault("the sheet's XML has a cell inside a cell") }
            } else if b == UInt8(ascii: "c") {
                guard inRow else {
                    if inSheetData { throw PartFault("the sheet's XML has a cell outside any row") }
                    return
                }
                try startCell(tag)
            }
        case 2:
            if inCell, XMLBytes.equals(name, "is") { inInline = true; updateCollecting() }
        case 3:
            if inCell {
                if XMLBytes.equals(name, "rPh") { if inInline { phoneticDepth += 1; updateCollecting() } }
                else if XMLBytes.equals(name, "row") { throw PartFault("the sheet's XML has a row inside a cell") }
            } else if XMLBytes.equals(name, "row"), inSheetData {
                guard !inRow else { throw PartFault("the sheet's XML has a row inside a row") }
                try startRow(tag)
            }
        case 9:
            if depth == 2, XMLBytes.equals(name, "sheetData") { inSheetData = true }
        default:
            break
        }
    }

    mutating func endElement(_ name: UnsafeRawBufferPointer) throws(PartFault) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        switch name.count {
        case 1:
            guard inCell else { return }
            let b = name[0]
            if b == UInt8(ascii: "v") { inValue = false; updateCollecting() }
            else if b == UInt8(ascii: "c") { try endCell() }
            else if b == UInt8(ascii: "t") { if textDepth > 0 { textDepth -= 1; updateCollecting() } }
        case 2:
            if inCell, XMLBytes.equals(name, "is") { inInline = false; updateCollecting() }
        case 3:
            if inCell {
                if XMLBytes.equals(name, "rPh") { if phoneticDepth > 0 { phoneticDepth -= 1; updateCollecting() } }
            } else if inRow, XMLBytes.equals(name, "row") {
                inRow = false
                paused = true
            }
        case 9:
            if inSheetData, XMLBytes.equals(name, "sheetData") {
                guard !inRow else { throw PartFault("the sheet's XML closes its data inside a row") }
                inSheetData = false
                finished = true
                paused = true
            }
        default:
            break
        }
    }

    mutating func text(_ raw: UnsafeRawBufferPointer, escaped: Bool) throws(PartFault) {
        if escaped {
            try XMLBytes.appendDecoded(raw, to: &bytes)
        } else if let base = raw.baseAddress {
            // SAFETY: raw's own bytes, read while the scanner's buffer holds them.
            bytes.append(base.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        if bytes.count - cellStart > SheetParser.maxCellBytes { throw PartFault("a cell holds more than 1 MB of text") }
        if bytes.count > SheetParser.maxRowBytes { throw PartFault("a row holds more than 64 MB of text") }
    }

    // MARK: The common cells in one step

    /// Reads a whole cell of the shapes nearly every sheet is made of, `<c …/>`,
    /// `<c …><v>…</v></c>` and `<c …><is><t>…</t></is></c>`, without an event per tag. Any
    /// other shape, or a cell the buffer does not hold whole, is left to the general path
    /// (which reads the same cell the same way, only slower).
    mutating func shortcut(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) throws(PartFault) -> UnsafePointer<UInt8>? {
        // SAFETY: every read is at an address checked to be < end; p is the buffer's '<'.
        guard inRow, !inCell, end - p > 3, p[1] == UInt8(ascii: "c") else { return nil }
        var q = p + 2
        guard XMLBytes.isSpace(q.pointee) || q.pointee == UInt8(ascii: ">") || q.pointee == UInt8(ascii: "/") else { return nil }
        var next = column + 1
        var type = CellType.number
        var empty = false
        while true {
            while q < end, XMLBytes.isSpace(q.pointee) { q += 1 }
            guard q < end else { return nil }
            let b = q.pointee
            if b == UInt8(ascii: ">") { q += 1; break }
            if b == UInt8(ascii: "/") {
                guard q + 1 < end, q[1] == UInt8(ascii: ">") else { return nil }
                q += 2
                empty = true
                break
            }
            let nameStart = q
            while q < end, q.pointee > UInt8(ascii: ">") { q += 1 }
            // A prefixed name, spaces around '=', or the buffer's end: the general path.
            guard q < end, q.pointee == UInt8(ascii: "="), q > nameStart, q + 1 < end else { return nil }
            let quote = q[1]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueStart = q + 2
            guard let valueEnd = XMLBytes.find(quote, valueStart, end) else { return nil }
            if q - nameStart == 1 {
                let value = UnsafeRawBufferPointer(start: valueStart, count: valueEnd - valueStart)
                if nameStart.pointee == UInt8(ascii: "r") {
                    guard let c = SheetParser.referenceColumn(value) else { return nil }
                    next = c
                } else if nameStart.pointee == UInt8(ascii: "t") {
                    type = try SheetParser.cellType(value)
                }
            }
            q = valueEnd + 1
        }
        guard next < RowCells.maxColumns else { return nil }
        var text: UnsafePointer<UInt8>?
        var textEnd = q
        var escaped = false
        var after = q
        if !empty {
            let closing: StaticString
            if XMLBytes.hasPrefix("<v>", q, end) {
                text = q + 3
                closing = "</v></c>"
            } else if XMLBytes.hasPrefix("<is><t>", q, end) {
                text = q + 7
                closing = "</t></is></c>"
            } else if XMLBytes.hasPrefix("</c>", q, end) {
                closing = "</c>"
            } else {
                return nil
            }
            if let from = text {
                var t = from
                while t < end {
                    let b = t.pointee
                    if b == UInt8(ascii: "<") { break }
                    if b == UInt8(ascii: "&") { escaped = true }
                    t += 1
                }
                textEnd = t
            }
            guard XMLBytes.hasPrefix(closing, textEnd, end) else { return nil }
            after = textEnd + closing.utf8CodeUnitCount
        }
        column = next
        if let text, textEnd > text, !escaped {
            // The two commonest cells, finished here: a number's digits are copied as they
            // are, and a shared string's index is read in place.
            if type == .number {
                assert(textEnd <= end)
                if textEnd - text > SheetParser.maxCellBytes { throw PartFault("a cell holds more than 1 MB of text") }
                let start = bytes.count
                bytes.append(text, textEnd - text)
                if bytes.count > SheetParser.maxRowBytes { throw PartFault("a row holds more than 64 MB of text") }
                record(.number, start: start, length: textEnd - text, shared: false)
                return after
            }
            if type == .shared, let index = SheetParser.decimal(UnsafeRawBufferPointer(start: text, count: textEnd - text)),
               index < shared.count {
                let start = shared.offsets[index]
                let length = shared.offsets[index + 1] - start
                record(length > 0 ? .text : .blank, start: start, length: length, shared: true)
                return after
            }
        }
        cellType = type
        cellStart = bytes.count
        if let text, textEnd > text {
            assert(textEnd <= end)
            if textEnd - text > SheetParser.maxCellBytes { throw PartFault("a cell holds more than 1 MB of text") }
            if escaped {
                try XMLBytes.appendDecoded(UnsafeRawBufferPointer(start: text, count: textEnd - text), to: &bytes)
            } else {
                bytes.append(text, textEnd - text)
            }
            if bytes.count > SheetParser.maxRowBytes { throw PartFault("a row holds more than 64 MB of text") }
        }
        try endCell()
        return after
    }

    // MARK: Rows and cells

    private mutating func startRow(_ tag: XMLTag) throws(PartFault) {
        var number = rowNumber + 1
        for attribute in tag.attributes {
            let (name, value) = (attribute.name, attribute.value)
            if XMLBytes.equals(name, "r") {
                guard let n = SheetParser.decimal(value), n >= 1, n <= SheetParser.maxRowNumber else {
                    throw PartFault("a row's number (r=\"\(String(decoding: value, as: UTF8.self))\") is not a row number")
                }
                number = n
            }
        }
        rowNumber = number
        inRow = true
        column = -1
    }

    private mutating func startCell(_ tag: XMLTag) throws(PartFault) {
        var next = column + 1
        var type = CellType.number
        for attribute in tag.attributes {
            let (name, value) = (attribute.name, attribute.value)
            guard name.count == 1 else { continue }
            if name[0] == UInt8(ascii: "r") {
                guard let c = SheetParser.referenceColumn(value) else {
                    throw PartFault("a cell's reference (r=\"\(String(decoding: value, as: UTF8.self))\") names no cell Excel has")
                }
                next = c
            } else if name[0] == UInt8(ascii: "t") {
                type = try SheetParser.cellType(value)
            }
        }
        guard next < RowCells.maxColumns else { throw PartFault("a cell lies beyond column XFD, Excel's last") }
        column = next
        cellType = type
        cellStart = bytes.count
        inCell = true
        inValue = false
        inInline = false
        textDepth = 0
        phoneticDepth = 0
        updateCollecting()
    }

    private mutating func endCell() throws(PartFault) {
        inCell = false
        inValue = false
        inInline = false
        textDepth = 0
        phoneticDepth = 0
        var kind = CellKind.blank
        var start = cellStart
        var length = bytes.count - cellStart
        var flag: UInt8 = 0
        if length > 0 {
            switch cellType {
            case .number:
                kind = .number
            case .date:
                kind = .text
            case .error:
                kind = .error
            case .inline, .formulaText:
                // SAFETY: cellStart ..< bytes.count are this cell's bytes, in the row's buffer.
                assert(cellStart + length <= bytes.count)
                length = XMLBytes.decodeExcelEscapes(bytes.base + cellStart, length)
                bytes.count = cellStart + length
                kind = length > 0 ? .text : .blank
            case .boolean:
                let value = try SheetParser.boolean(bytes.bytes(from: cellStart))
                bytes.count = cellStart
                bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
                length = 1
                kind = .boolean
            case .shared:
                guard let index = SheetParser.decimal(SheetParser.trimmed(bytes.bytes(from: cellStart))), index < shared.count else {
                    throw PartFault("a shared-string cell points to no shared string (\(String(decoding: bytes.bytes(from: cellStart), as: UTF8.self)))")
                }
                bytes.count = cellStart
                start = shared.offsets[index]
                length = shared.offsets[index + 1] - start
                flag = RowCells.sharedFlag
                kind = length > 0 ? .text : .blank
            }
        }
        record(kind, start: start, length: length, shared: flag != 0)
    }

    /// Puts the current cell in its column's slot.
    @inline(__always)
    private mutating func record(_ kind: CellKind, start: Int, length: Int, shared: Bool) {
        // SAFETY: column < RowCells.maxColumns (checked when the cell started).
        assert(column >= 0 && column < RowCells.maxColumns)
        cells.kinds[column] = kind.rawValue | (kind != .blank && shared ? RowCells.sharedFlag : 0)
        cells.starts[column] = start
        cells.lengths[column] = Int32(length)
        if column >= touched { touched = column + 1 }
        if kind != .blank, column >= width { width = column + 1 }
    }

    // MARK: Attribute values

    /// A run of ASCII digits as a number; nil when empty, not all digits, or over ten digits.
    @inline(__always)
    static func decimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count <= 10 else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var n = 0
        // SAFETY: i < bytes.count.
        for i in 0..<bytes.count {
            let d = p[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            n = n &* 10 &+ Int(d)
        }
        return n
    }

    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lower = 0
        var upper = bytes.count
        while lower < upper, XMLBytes.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, XMLBytes.isSpace(bytes[upper - 1]) { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// The 0-based column of a reference such as `AB12` (the row part is not needed).
    @inline(__always)
    static func referenceColumn(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let count = bytes.count
        var n = 0
        var i = 0
        // SAFETY: every index read is < count.
        while i < count, i < 4 {
            let letter = (p[i] & ~0x20) &- UInt8(ascii: "A")
            guard letter < 26 else { break }
            n = n * 26 + Int(letter) + 1
            i += 1
        }
        guard i > 0, i <= 3 else { return nil }
        while i < count {
            guard p[i] &- UInt8(ascii: "0") < 10 else { return nil }
            i += 1
        }
        return n - 1
    }

    static func cellType(_ value: UnsafeRawBufferPointer) throws(PartFault) -> CellType {
        if XMLBytes.equals(value, "s") { return .shared }
        if XMLBytes.equals(value, "n") { return .number }
        if XMLBytes.equals(value, "str") { return .formulaText }
        if XMLBytes.equals(value, "inlineStr") { return .inline }
        if XMLBytes.equals(value, "b") { return .boolean }
        if XMLBytes.equals(value, "e") { return .error }
        if XMLBytes.equals(value, "d") { return .date }
        throw PartFault("a cell has a type (t=\"\(String(decoding: value, as: UTF8.self))\") Excel does not write")
    }

    static func boolean(_ value: UnsafeRawBufferPointer) throws(PartFault) -> Bool {
        let v = trimmed(value)
        if XMLBytes.equals(v, "1") || XMLBytes.equals(v, "true") { return true }
        if XMLBytes.equals(v, "0") || XMLBytes.equals(v, "false") { return false }
        throw PartFault("a true/false cell holds \(String(decoding: value, as: UTF8.self))")
    }
}
