import Foundation

/// What the scanner reports to: the sheet, shared-strings and small-part readers.
///
/// Names are local names (any `prefix:` removed), so Strict and transitional OOXML, and any
/// namespace prefix a writer chose, read alike.
protocol XMLHandler {
    /// Whether text between tags is wanted now. Unwanted text is skipped without being decoded,
    /// and never held back across chunks.
    var collectsText: Bool { get }
    /// Set when the scanner should return at once after the current tag (a row is complete, or
    /// the part holds nothing more of interest).
    var paused: Bool { get }
    mutating func startElement(_ tag: XMLTag) throws(PartFault)
    mutating func endElement(_ localName: UnsafeRawBufferPointer) throws(PartFault)
    /// Text while `collectsText`. When `escaped`, `raw` may hold entity and character
    /// references still to decode (never one split across calls); otherwise it is literal (it
    /// holds no '&', or it is a CDATA section).
    mutating func text(_ raw: UnsafeRawBufferPointer, escaped: Bool) throws(PartFault)
    /// Offered each '<' before the general path: a handler may read a whole construct it
    /// knows (the sheet's common cell shapes) and return where it ends, or return nil to let
    /// the scanner go on as usual. It must read nothing past `end`.
    mutating func shortcut(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) throws(PartFault) -> UnsafePointer<UInt8>?
}

extension XMLHandler {
    @inline(__always)
    mutating func shortcut(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) throws(PartFault) -> UnsafePointer<UInt8>? { nil }
}

/// One attribute: its local name and raw (still escaped) value.
struct XMLAttribute {
    var name: UnsafeRawBufferPointer
    var value: UnsafeRawBufferPointer
}

/// A start tag: its local name and its attributes, valid only while the handler is called.
struct XMLTag {
    let name: UnsafeRawBufferPointer
    let attributes: UnsafeBufferPointer<XMLAttribute>
    let selfClosing: Bool
}

/// A small pull scanner over XML bytes that may arrive in pieces.
///
/// It knows just enough XML for SpreadsheetML: start, end and empty tags with quoted
/// attributes, text, entity and character references, CDATA, comments and processing
/// instructions. A DOCTYPE (and so any ENTITY declaration) is refused, never expanded.
/// Each tag is read in one pass that finds its end and its attributes together.
struct XMLScanner {
    /// The longest tag, comment, CDATA section or processing instruction held back whole while
    /// waiting for the rest of it; longer is refused rather than grown without end.
    static let maxMarkupBytes = 1 << 20

    /// Where a tag's attributes are recorded; grows for a tag with many (bounded by the
    /// tag's own size, itself bounded by maxMarkupBytes).
    private var attributes: UnsafeMutablePointer<XMLAttribute>
    private var attributeCapacity = 16
    private let owner: AttributeStorage

    init() {
        owner = AttributeStorage(capacity: attributeCapacity)
        attributes = owner.pointer
    }

    private enum TagScan { case complete(UnsafePointer<UInt8>), incomplete }

    /// Scans `buffer`, reporting to `handler`, and returns how many bytes it used. The unused
    /// tail (an unfinished tag, or a split entity reference in wanted text) must be offered
    /// again, with more bytes after it, on the next call. With `final` there are no more bytes:
    /// an unfinished construct is an error. Returns early when the handler pauses.
    mutating func scan<H: XMLHandler>(_ buffer: UnsafeRawBufferPointer, final: Bool, into handler: inout H) throws(PartFault) -> Int {
        guard let raw = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let start = raw.assumingMemoryBound(to: UInt8.self)
        let end = start + buffer.count
        var p = start
        // SAFETY: every pointer read below is at an address checked to be < end, and p starts
        // at the buffer's first byte; each range handed on lies between start and end.
        while p < end {
            if p.pointee != UInt8(ascii: "<") {
                if !handler.collectsText {
                    guard let lt = XMLBytes.find(UInt8(ascii: "<"), p, end) else { return buffer.count }
                    p = lt
                    continue
                }
                // Wanted text: find its end, noting whether it holds a reference to decode.
                var q = p
                var escaped = false
                let near = min(end, p + 64)
                while q < near {
                    let b = q.pointee
                    if b == UInt8(ascii: "<") { break }
                    if b == UInt8(ascii: "&") { escaped = true }
                    q += 1
                }
                if q == near, q < end {
                    q = XMLBytes.find(UInt8(ascii: "<"), q, end) ?? end
                    escaped = true
                }
                var upTo = q
                // An entity reference cut by the chunk's end waits for the rest of it.
                if q == end, !final, escaped, let amp = XMLBytes.unfinishedReference(p, end) { upTo = amp }
                assert(upTo <= end)
                if upTo > p { try handler.text(UnsafeRawBufferPointer(start: p, count: upTo - p), escaped: escaped) }
                if upTo < q || q == end { return upTo - start }
                p = q
                continue
            }
            if let after = try handler.shortcut(p, end) {
                assert(after > p && after <= end)
                p = after
                if handler.paused { return p - start }
                continue
            }
            // Markup at p: decide which kind from the bytes after '<'.
            guard end - p >= 2 else {
                if final { throw PartFault("the XML ends inside a tag") }
                return p - start
            }
            let next = p[1]
            if XMLBytes.isNameStart(next) {
                switch try startTag(p, end, &handler) {
                case .complete(let after):
                    p = after
                    if handler.paused { return p - start }
                case .incomplete:
                    if final { throw PartFault("the XML ends inside a tag") }
                    return try XMLScanner.holdBack(p, start, end)
                }
            } else if next == UInt8(ascii: "/") {
                switch try endTag(p, end, &handler) {
                case .complete(let after):
                    p = after
                    if handler.paused { return p - start }
                case .incomplete:
                    if final { throw PartFault("the XML ends inside a tag") }
                    return try XMLScanner.holdBack(p, start, end)
                }
            } else if next == UInt8(ascii: "?") {
                guard let close = XMLBytes.find("?>", p + 2, end) else {
                    if final { throw PartFault("the XML ends inside a processing instruction") }
                    return try XMLScanner.holdBack(p, start, end)
                }
                p = close + 2
            } else if next == UInt8(ascii: "!") {
                if XMLBytes.hasPrefix("<!--", p, end) {
                    guard let close = XMLBytes.find("-->", p + 4, end) else {
                        if final { throw PartFault("the XML ends inside a comment") }
                        return try XMLScanner.holdBack(p, start, end)
                    }
                    p = close + 3
                } else if XMLBytes.hasPrefix("<![CDATA[", p, end) {
                    guard let close = XMLBytes.find("]]>", p + 9, end) else {
                        if final { throw PartFault("the XML ends inside a CDATA section") }
                        return try XMLScanner.holdBack(p, start, end)
                    }
                    if handler.collectsText, close > p + 9 {
                        assert(close <= end)
                        try handler.text(UnsafeRawBufferPointer(start: p + 9, count: close - (p + 9)), escaped: false)
                    }
                    p = close + 3
                } else if !final, end - p < 9, XMLBytes.couldStart(p, end) {
                    // Too few bytes yet to tell a comment or CDATA from anything else.
                    return p - start
                } else {
                    throw PartFault("the XML has a DOCTYPE or ENTITY declaration, which pop refuses to read")
                }
            } else {
                throw PartFault("the XML has a '<' that starts no tag")
            }
        }
        return buffer.count
    }

    /// Reads the start tag at p (`<name attr="value" ...>` or `.../>`) and reports it.
    @inline(__always)
    private mutating func startTag<H: XMLHandler>(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ handler: inout H) throws(PartFault) -> TagScan {
        // SAFETY: p + 1 < end (the caller checked two bytes); every later read is at q < end,
        // and the ranges recorded lie between p and the '>' found before end.
        assert(p + 1 < end)
        var q = p + 1
        let local = XMLBytes.qualifiedName(&q, end)
        let nameEnd = q
        var count = 0
        var selfClosing = false
        var close = q
        while true {
            while q < end, XMLBytes.isSpace(q.pointee) { q += 1 }
            guard q < end else { return .incomplete }
            let b = q.pointee
            if b == UInt8(ascii: ">") { close = q; break }
            if b == UInt8(ascii: "/") {
                guard q + 1 < end else { return .incomplete }
                guard q[1] == UInt8(ascii: ">") else { throw PartFault("a tag's attributes are malformed") }
                selfClosing = true
                close = q + 1
                break
            }
            guard q > nameEnd, XMLBytes.isSpace((q - 1).pointee) || (q - 1).pointee == UInt8(ascii: "\"")
                || (q - 1).pointee == UInt8(ascii: "'") else {
                throw PartFault("a tag's attributes are malformed")
            }
            // An attribute: name, '=', quoted value.
            let nameStart = q
            let attributeLocal = XMLBytes.qualifiedName(&q, end)
            let attributeEnd = q
            while q < end, XMLBytes.isSpace(q.pointee) { q += 1 }
            guard q < end else { return .incomplete }
            guard q.pointee == UInt8(ascii: "="), attributeEnd > nameStart else { throw PartFault("a tag's attributes are malformed") }
            q += 1
            while q < end, XMLBytes.isSpace(q.pointee) { q += 1 }
            guard q < end else { return .incomplete }
            let quote = q.pointee
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw PartFault("an attribute value is not quoted") }
            q += 1
            let valueStart = q
            guard let valueEnd = XMLBytes.find(quote, q, end) else { return .incomplete }
            q = valueEnd + 1
            if count == attributeCapacity { growAttributes() }
            // SAFETY: count < attributeCapacity after growing; the record's ranges lie before valueEnd < end.
            assert(count < attributeCapacity && valueEnd < end)
            attributes[count] = XMLAttribute(
                name: UnsafeRawBufferPointer(start: attributeLocal, count: attributeEnd - attributeLocal),
                value: UnsafeRawBufferPointer(start: valueStart, count: valueEnd - valueStart))
            count += 1
        }
        assert(nameEnd <= close && close < end)
        let tag = XMLTag(name: UnsafeRawBufferPointer(start: local, count: nameEnd - local),
                         attributes: UnsafeBufferPointer(start: attributes, count: count), selfClosing: selfClosing)
        try handler.startElement(tag)
        if selfClosing { try handler.endElement(tag.name) }
        return .complete(close + 1)
    }

    /// Reads the end tag at p (`</name>`, space allowed before '>') and reports it.
    @inline(__always)
    private func endTag<H: XMLHandler>(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ handler: inout H) throws(PartFault) -> TagScan {
        // SAFETY: p + 2 <= end (the caller checked two bytes); every read is at q < end.
        assert(p + 2 <= end)
        var q = p + 2
        let local = XMLBytes.qualifiedName(&q, end)
        let nameEnd = q
        while q < end, XMLBytes.isSpace(q.pointee) { q += 1 }
        guard q < end else { return .incomplete }
        guard q.pointee == UInt8(ascii: ">"), nameEnd > p + 2 else { throw PartFault("an end tag is malformed") }
        assert(nameEnd < end)
        try handler.endElement(UnsafeRawBufferPointer(start: local, count: nameEnd - local))
        return .complete(q + 1)
    }

    private mutating func growAttributes() {
        let grown = UnsafeMutablePointer<XMLAttribute>.allocate(capacity: attributeCapacity * 2)
        // SAFETY: the old storage holds attributeCapacity initialised records; the new one twice that room.
        grown.initialize(from: attributes, count: attributeCapacity)
        owner.replace(with: grown)
        attributes = grown
        attributeCapacity *= 2
    }

    /// Leaves the unfinished construct at `p` for the next call, unless it is already too long.
    private static func holdBack(_ p: UnsafePointer<UInt8>, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) throws(PartFault) -> Int {
        if end - p > maxMarkupBytes { throw PartFault("the XML has a tag, comment or CDATA section longer than 1 MB") }
        return p - start
    }
}

/// Owns the scanner's attribute records and frees them.
final class AttributeStorage {
    var pointer: UnsafeMutablePointer<XMLAttribute>

    init(capacity: Int) { pointer = .allocate(capacity: capacity) }

    func replace(with newPointer: UnsafeMutablePointer<XMLAttribute>) {
        pointer.deallocate()
        pointer = newPointer
    }

    deinit { pointer.deallocate() }
}

/// Byte tests and searches shared by the scanner and the part readers.
enum XMLBytes {
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    @inline(__always)
    static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }

    /// A byte that may continue a name: anything but space, '/', '>', '=', quotes and '<'.
    @inline(__always)
    static func isNameByte(_ b: UInt8) -> Bool {
        b > UInt8(ascii: ">") || !(isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<"))
    }

    /// Moves q past the name at q (`prefix:local` or `local`), stopping at end, and returns
    /// where its local part starts (namespaces are told apart by local name only).
    @inline(__always)
    static func qualifiedName(_ q: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var local = q
        while q < end {
            let b = q.pointee
            if b > UInt8(ascii: ">") { q += 1; continue }
            if b == UInt8(ascii: ":") { q += 1; local = q; continue }
            if !isNameByte(b) { break }
            q += 1
        }
        return local
    }

    /// The first `byte` in from..<end. Most searches in a sheet end within a few bytes, where
    /// a plain loop beats a library call; longer ones go to memchr.
    @inline(__always)
    static func find(_ byte: UInt8, _ from: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var p = from
        let near = min(end, from + 24)
        // SAFETY: p < near <= end, inside the caller's buffer.
        while p < near {
            if p.pointee == byte { return p }
            p += 1
        }
        guard p < end else { return nil }
        // SAFETY: memchr reads p..<end, which the caller's buffer holds.
        return memchr(p, Int32(byte), end - p).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The first occurrence of `needle` in from..<end.
    static func find(_ needle: StaticString, _ from: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        let n = needle.utf8CodeUnitCount
        let first = needle.utf8Start.pointee
        var p = from
        while end - p >= n, let hit = find(first, p, end - (n - 1)) {
            // SAFETY: hit + n <= end, as hit < end - (n - 1).
            assert(hit + n <= end)
            if memcmp(hit, needle.utf8Start, n) == 0 { return hit }
            p = hit + 1
        }
        return nil
    }

    static func hasPrefix(_ prefix: StaticString, _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard end - p >= n else { return false }
        // SAFETY: p..<p+n is inside the buffer (checked above).
        return memcmp(p, prefix.utf8Start, n) == 0
    }

    /// Whether the bytes at p (fewer than a CDATA opener) could still begin `<!--` or `<![CDATA[`.
    static func couldStart(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        let n = end - p
        // SAFETY: both compare only the n bytes the buffer holds at p.
        return (n < 4 && memcmp(p, StaticString("<!--").utf8Start, n) == 0)
            || (n < 9 && memcmp(p, StaticString("<![CDATA[").utf8Start, n) == 0)
    }

    /// Whether `bytes` spell `s`. Names here are a few bytes: a loop beats memcmp's call.
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard bytes.count == n else { return false }
        let other = s.utf8Start
        // SAFETY: both sides hold n bytes.
        for i in 0..<n where bytes[i] != other[i] { return false }
        return true
    }

    /// The position of a '&' near the end of p..<end with no ';' after it: an entity reference
    /// cut by the chunk's end.
    static func unfinishedReference(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        // References are short: only the last dozen bytes can hold an unfinished one.
        // SAFETY: reads q - 1 for q from end down to floor + 1, all inside p..<end.
        assert(p <= end)
        var q = end
        let floor = max(p, end - 12)
        while q > floor {
            q -= 1
            let b = q.pointee
            if b == UInt8(ascii: ";") { return nil }
            if b == UInt8(ascii: "&") { return q }
        }
        return nil
    }

    /// Appends `raw` to `out` with entity and character references decoded.
    static func appendDecoded(_ raw: UnsafeRawBufferPointer, to out: inout ByteBuffer) throws(PartFault) {
        // SAFETY: p, amp and semi stay inside start..<end, the bytes of `raw`.
        guard let base = raw.baseAddress, !raw.isEmpty else { return }
        let start = base.assumingMemoryBound(to: UInt8.self)
        let end = start + raw.count
        var p = start
        while p < end {
            guard let amp = find(UInt8(ascii: "&"), p, end) else {
                out.append(p, end - p)
                return
            }
            if amp > p { out.append(p, amp - p) }
            guard let semi = find(UInt8(ascii: ";"), amp + 1, min(end, amp + 12)) else {
                throw PartFault("the XML has a '&' that starts no entity reference")
            }
            // SAFETY: amp+1 ..< semi lies inside raw.
            assert(semi < end)
            let name = UnsafeRawBufferPointer(start: amp + 1, count: semi - (amp + 1))
            if equals(name, "amp") { out.append(UInt8(ascii: "&")) }
            else if equals(name, "lt") { out.append(UInt8(ascii: "<")) }
            else if equals(name, "gt") { out.append(UInt8(ascii: ">")) }
            else if equals(name, "quot") { out.append(UInt8(ascii: "\"")) }
            else if equals(name, "apos") { out.append(UInt8(ascii: "'")) }
            else if name.first == UInt8(ascii: "#") {
                guard let scalar = characterReference(UnsafeRawBufferPointer(rebasing: name[1...])) else {
                    throw PartFault("the XML has a character reference to no character it allows")
                }
                out.appendUTF8(scalar)
            } else {
                throw PartFault("the XML uses an entity it does not define (&\(String(decoding: name, as: UTF8.self));)")
            }
            p = semi + 1
        }
    }

    /// The character of `#NN` / `#xHH` (without the '#'), when XML 1.0 allows it.
    static func characterReference(_ digits: UnsafeRawBufferPointer) -> UInt32? {
        var value: UInt32 = 0
        var hex = false
        var rest = digits[...]
        if rest.first == UInt8(ascii: "x") { hex = true; rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 8 else { return nil }
        for b in rest {
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: d = UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + d
        }
        return isXMLChar(value) ? value : nil
    }

    /// XML 1.0's Char production.
    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }

    /// Decodes Excel's `_xHHHH_` escapes in place (a UTF-16 unit each; `_x005F_` is an
    /// underscore) and returns the new length, never longer than the old.
    static func decodeExcelEscapes(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        // SAFETY: memchr reads p..<p+count, the bytes the caller owns.
        guard count >= 7, memchr(p, Int32(UInt8(ascii: "_")), count) != nil else { return count }
        var read = 0
        var write = 0
        while read < count {
            if let unit = escapeUnit(p, read, count) {
                var scalar = UInt32(unit)
                var used = 7
                if (0xD800...0xDBFF).contains(unit), let low = escapeUnit(p, read + 7, count), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    used = 14
                } else if (0xD800...0xDFFF).contains(unit) {
                    scalar = 0xFFFD
                }
                // SAFETY: a scalar takes at most 4 UTF-8 bytes and the escape just read took 7 or
                // 14, so write + 4 <= read + used <= count: the write stays behind the read.
                assert(write + 4 <= read + used)
                write += ByteBuffer.encodeUTF8(scalar, into: p + write)
                read += used
            } else {
                // SAFETY: write <= read < count.
                assert(write <= read && read < count)
                p[write] = p[read]
                write += 1
                read += 1
            }
        }
        return write
    }

    /// The UTF-16 unit of an `_xHHHH_` escape at p[i], if one is there.
    private static func escapeUnit(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ count: Int) -> UInt16? {
        guard i + 7 <= count else { return nil }
        // SAFETY: i ..< i+7 is inside p ..< p+count (checked above).
        guard p[i] == UInt8(ascii: "_"), p[i + 1] == UInt8(ascii: "x") || p[i + 1] == UInt8(ascii: "X"),
              p[i + 6] == UInt8(ascii: "_") else { return nil }
        var unit: UInt16 = 0
        for k in 2..<6 {
            let b = p[i + k]
            let d: UInt16
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt16(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt16(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt16(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            unit = unit << 4 | d
        }
        return unit
    }
}
