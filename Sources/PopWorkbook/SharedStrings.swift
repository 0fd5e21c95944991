/// The workbook's shared-string table, read once: every string's UTF-8 bytes end to end, and
/// where each starts.
struct SharedStrings {
    /// Past this much text the table is refused: no real workbook comes near it, and it keeps a
    /// crafted file from taking the machine's memory.
    static let maxTextBytes = 1 << 30
    /// Likewise for the number of strings (each costs an offset even when empty).
    static let maxCount = 1 << 26

    var text = ByteBuffer(capacity: 1 << 16)
    /// String i is text[offsets[i] ..< offsets[i + 1]].
    var offsets: [Int] = [0]

    var count: Int { offsets.count - 1 }
}

/// `sst` / `si` with `t`, rich-text runs `r` / `t`, and phonetic runs `rPh` (left out, as
/// Excel leaves them out of the cell's value).
struct SharedStringsParser: XMLHandler {
    private(set) var collectsText = false
    let paused = false
    var table = SharedStrings()

    private var depth = 0
    private var rootClosed = false
    private var inItem = false
    private var textDepth = 0
    private var phoneticDepth = 0
    private var itemStart = 0

    private mutating func updateCollecting() {
        collectsText = inItem && textDepth > 0 && phoneticDepth == 0
    }

    mutating func startElement(_ tag: XMLTag) throws(PartFault) {
        depth += 1
        let name = tag.name
        if XMLBytes.equals(name, "si"), depth == 2 {
            inItem = true
            textDepth = 0
            phoneticDepth = 0
            itemStart = table.text.count
        } else if inItem, XMLBytes.equals(name, "t") {
            textDepth += 1
        } else if inItem, XMLBytes.equals(name, "rPh") {
            phoneticDepth += 1
        }
        updateCollecting()
    }

    mutating func endElement(_ name: UnsafeRawBufferPointer) throws(PartFault) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        if inItem, XMLBytes.equals(name, "si"), depth == 1 {
            inItem = false
            let length = table.text.count - itemStart
            // SAFETY: itemStart ..< text.count are this item's bytes.
            assert(itemStart + length <= table.text.count)
            table.text.count = itemStart + XMLBytes.decodeExcelEscapes(table.text.base + itemStart, length)
            guard table.offsets.count <= SharedStrings.maxCount else {
                throw PartFault("the shared strings hold more than 67 million strings")
            }
            table.offsets.append(table.text.count)
        } else if inItem, XMLBytes.equals(name, "t") {
            if textDepth > 0 { textDepth -= 1 }
        } else if inItem, XMLBytes.equals(name, "rPh") {
            if phoneticDepth > 0 { phoneticDepth -= 1 }
        }
        updateCollecting()
    }

    mutating func text(_ raw: UnsafeRawBufferPointer, escaped: Bool) throws(PartFault) {
        if escaped {
            try XMLBytes.appendDecoded(raw, to: &table.text)
        } else if let base = raw.baseAddress {
            // SAFETY: raw's own bytes, read while the scanner's buffer holds them.
            table.text.append(base.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        if table.text.count - itemStart > SheetParser.maxCellBytes { throw PartFault("a shared string holds more than 1 MB of text") }
        if table.text.count > SharedStrings.maxTextBytes { throw PartFault("the shared strings hold more than 1 GB of text") }
    }

    func finish() throws(PartFault) {
        guard rootClosed else { throw PartFault("the shared strings' XML ends early: the file is damaged or was cut off") }
    }
}

/// The elements of a small part (workbook, relationships), with their attributes decoded.
struct PartElements: XMLHandler {
    struct Element {
        let name: String
        let depth: Int
        let attributes: [String: String]
    }

    let collectsText = false
    let paused = false
    var elements: [Element] = []
    private var depth = 0
    private var rootClosed = false
    private var scratch = ByteBuffer(capacity: 256)

    mutating func startElement(_ tag: XMLTag) throws(PartFault) {
        depth += 1
        var attributes: [String: String] = [:]
        for attribute in tag.attributes {
            scratch.count = 0
            try XMLBytes.appendDecoded(attribute.value, to: &scratch)
            attributes[String(decoding: attribute.name, as: UTF8.self)] = String(decoding: scratch.bytes(), as: UTF8.self)
        }
        elements.append(Element(name: String(decoding: tag.name, as: UTF8.self), depth: depth, attributes: attributes))
    }

    mutating func endElement(_ name: UnsafeRawBufferPointer) throws(PartFault) {
        depth -= 1
        if depth == 0 { rootClosed = true }
    }

    mutating func text(_ raw: UnsafeRawBufferPointer, escaped: Bool) throws(PartFault) {}

    /// Reads `bytes` whole; a UTF-8 byte-order mark is skipped and UTF-16 refused.
    static func parse(_ bytes: [UInt8]) throws(PartFault) -> [Element] {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw PartFault("a part is in UTF-16, which pop does not read")
        }
        let skip = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var handler = PartElements()
        let result: Result<Void, PartFault> = bytes.withUnsafeBytes { raw in
            do throws(PartFault) {
                var scanner = XMLScanner()
                _ = try scanner.scan(UnsafeRawBufferPointer(rebasing: raw[skip...]), final: true, into: &handler)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        guard handler.rootClosed else { throw PartFault("a part's XML ends early") }
        return handler.elements
    }
}
