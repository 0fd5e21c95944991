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
    /// Text while `collectsText`: `raw` still holds entity references when `escaped`; a CDATA
    /// section arrives with `escaped` false. An entity reference is never split across calls.
    mutating func text(_ raw: UnsafeRawBufferPointer, escaped: Bool) throws(PartFault)
}

/// A start tag: its local name and the raw bytes of its attributes.
struct XMLTag {
    let name: UnsafeRawBufferPointer
    let attributes: UnsafeRawBufferPointer
    let selfClosing: Bool

    /// Calls `body` with each attribute's local name and raw (still escaped) value.
    func forEachAttribute(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(PartFault) -> Void) throws(PartFault) {
        guard let base = attributes.baseAddress else { return }
        let start = base.assumingMemoryBound(to: UInt8.self)
        let end = start + attributes.count
        var p = start
        while true {
            while p < end, XMLBytes.isSpace(p.pointee) { p += 1 }
            if p >= end { return }
            let nameStart = p
            while p < end, p.pointee != UInt8(ascii: "="), !XMLBytes.isSpace(p.pointee) { p += 1 }
            let nameEnd = p
            while p < end, XMLBytes.isSpace(p.pointee) { p += 1 }
            guard p < end, p.pointee == UInt8(ascii: "="), nameEnd > nameStart else { throw PartFault("a tag's attributes are malformed") }
            p += 1
            while p < end, XMLBytes.isSpace(p.pointee) { p += 1 }
            guard p < end, p.pointee == UInt8(ascii: "\"") || p.pointee == UInt8(ascii: "'") else {
                throw PartFault("an attribute value is not quoted")
            }
            let quote = p.pointee
            p += 1
            let valueStart = p
            while p < end, p.pointee != quote { p += 1 }
            guard p < end else { throw PartFault("an attribute value is not closed") }
            // SAFETY: nameStart..<nameEnd and valueStart..<p lie inside `attributes`, which the
            // scanner cut from the buffer it was given; both are read before that buffer moves on.
            assert(nameStart >= start && nameEnd <= end && valueStart >= start && p <= end)
            try body(XMLBytes.localName(UnsafeRawBufferPointer(start: nameStart, count: nameEnd - nameStart)),
                     UnsafeRawBufferPointer(start: valueStart, count: p - valueStart))
            p += 1
        }
    }
}

/// A small pull scanner over XML bytes that may arrive in pieces.
///
/// It knows just enough XML for SpreadsheetML: start, end and empty tags with quoted
/// attributes, text, entity and character references, CDATA, comments and processing
/// instructions. A DOCTYPE (and so any ENTITY declaration) is refused, never expanded.
enum XMLScanner {
    /// The longest tag, comment, CDATA section or processing instruction held back whole while
    /// waiting for the rest of it; longer is refused rather than grown without end.
    static let maxMarkupBytes = 1 << 20

    /// Scans `buffer`, reporting to `handler`, and returns how many bytes it used. The unused
    /// tail (an unfinished tag, or a split entity reference in wanted text) must be offered
    /// again, with more bytes after it, on the next call. With `final` there are no more bytes:
    /// an unfinished construct is an error. Returns early when the handler pauses.
    static func scan<H: XMLHandler>(_ buffer: UnsafeRawBufferPointer, final: Bool, into handler: inout H) throws(PartFault) -> Int {
        guard let raw = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let start = raw.assumingMemoryBound(to: UInt8.self)
        let end = start + buffer.count
        var p = start
        while p < end {
            if p.pointee != UInt8(ascii: "<") {
                // SAFETY: memchr reads p..<end, inside the buffer.
                assert(p >= start && p < end)
                let lt = memchr(p, Int32(UInt8(ascii: "<")), end - p).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) }
                let textEnd = lt ?? end
                if handler.collectsText {
                    var upTo = textEnd
                    // An entity reference cut by the chunk's end waits for the rest of it.
                    if lt == nil, !final, let amp = XMLBytes.unfinishedReference(p, end) { upTo = amp }
                    if upTo > p {
                        // SAFETY: p..<upTo lies inside the buffer (upTo <= end).
                        assert(upTo <= end)
                        try handler.text(UnsafeRawBufferPointer(start: p, count: upTo - p), escaped: true)
                    }
                    if upTo < textEnd { return upTo - start }
                }
                p = textEnd
                continue
            }
            // Markup at p: decide which kind from the bytes after '<'.
            let available = end - p
            guard available >= 2 else {
                if final { throw PartFault("the XML ends inside a tag") }
                return p - start
            }
            // SAFETY: available >= 2, so p[1] is inside the buffer.
            assert(p + 1 < end)
            switch p[1] {
            case UInt8(ascii: "/"):
                guard let close = XMLBytes.find(UInt8(ascii: ">"), p + 2, end) else {
                    if final { throw PartFault("the XML ends inside a tag") }
                    return try holdBack(p, start, end)
                }
                var nameEnd = close
                while nameEnd > p + 2, XMLBytes.isSpace((nameEnd - 1).pointee) { nameEnd -= 1 }
                // SAFETY: p+2 ... nameEnd lies between '<' and '>', inside the buffer.
                assert(nameEnd >= p + 2 && nameEnd <= end)
                try handler.endElement(XMLBytes.localName(UnsafeRawBufferPointer(start: p + 2, count: nameEnd - (p + 2))))
                p = close + 1
                if handler.paused { return p - start }
            case UInt8(ascii: "?"):
                guard let close = XMLBytes.find("?>", p + 2, end) else {
                    if final { throw PartFault("the XML ends inside a processing instruction") }
                    return try holdBack(p, start, end)
                }
                p = close + 2
            case UInt8(ascii: "!"):
                if XMLBytes.hasPrefix("<!--", p, end) {
                    guard let close = XMLBytes.find("-->", p + 4, end) else {
                        if final { throw PartFault("the XML ends inside a comment") }
                        return try holdBack(p, start, end)
                    }
                    p = close + 3
                } else if XMLBytes.hasPrefix("<![CDATA[", p, end) {
                    guard let close = XMLBytes.find("]]>", p + 9, end) else {
                        if final { throw PartFault("the XML ends inside a CDATA section") }
                        return try holdBack(p, start, end)
                    }
                    if handler.collectsText, close > p + 9 {
                        // SAFETY: p+9 ..< close lies inside the buffer (close was found in it).
                        assert(close <= end)
                        try handler.text(UnsafeRawBufferPointer(start: p + 9, count: close - (p + 9)), escaped: false)
                    }
                    p = close + 3
                } else if !final, available < 9, XMLBytes.couldStart(p, end) {
                    // Too few bytes yet to tell a comment or CDATA from anything else.
                    return try holdBack(p, start, end)
                } else {
                    throw PartFault("the XML has a DOCTYPE or ENTITY declaration, which pop refuses to read")
                }
            default:
                guard XMLBytes.isNameStart(p[1]) else { throw PartFault("the XML has a '<' that starts no tag") }
                var q = p + 1
                while q < end, XMLBytes.isNameByte(q.pointee) { q += 1 }
                let nameEnd = q
                // The tag's end is the first '>' outside a quoted attribute value.
                var close: UnsafePointer<UInt8>?
                while q < end {
                    let b = q.pointee
                    if b == UInt8(ascii: ">") { close = q; break }
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        guard let quote = XMLBytes.find(b, q + 1, end) else { break }
                        q = quote + 1
                        continue
                    }
                    if b == UInt8(ascii: "<") { throw PartFault("the XML has a '<' inside a tag") }
                    q += 1
                }
                guard let close else {
                    if final { throw PartFault("the XML ends inside a tag") }
                    return try holdBack(p, start, end)
                }
                let selfClosing = close > nameEnd && (close - 1).pointee == UInt8(ascii: "/")
                let attributesEnd = selfClosing ? close - 1 : close
                // SAFETY: p+1 ..< nameEnd and nameEnd ..< attributesEnd lie between '<' and '>',
                // inside the buffer.
                assert(nameEnd <= attributesEnd && attributesEnd <= end)
                let tag = XMLTag(name: XMLBytes.localName(UnsafeRawBufferPointer(start: p + 1, count: nameEnd - (p + 1))),
                                 attributes: UnsafeRawBufferPointer(start: nameEnd, count: attributesEnd - nameEnd),
                                 selfClosing: selfClosing)
                try handler.startElement(tag)
                if selfClosing { try handler.endElement(tag.name) }
                p = close + 1
                if handler.paused { return p - start }
            }
        }
        return buffer.count
    }

    /// Leaves the unfinished construct at `p` for the next call, unless it is already too long.
    private static func holdBack(_ p: UnsafePointer<UInt8>, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) throws(PartFault) -> Int {
        if end - p > maxMarkupBytes { throw PartFault("the XML has a tag, comment or CDATA section longer than 1 MB") }
        return p - start
    }
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
        !(isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<"))
    }

    /// The part of a name after its namespace prefix.
    @inline(__always)
    static func localName(_ name: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        // Names are short: a backward walk beats a library call.
        var i = name.count
        while i > 0 {
            if name[i - 1] == UInt8(ascii: ":") { return UnsafeRawBufferPointer(rebasing: name[i...]) }
            i -= 1
        }
        return name
    }

    @inline(__always)
    static func find(_ byte: UInt8, _ from: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        guard from < end else { return nil }
        // SAFETY: memchr reads from..<end, which the caller's buffer holds.
        return memchr(from, Int32(byte), end - from).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
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

    static func equals(_ bytes: UnsafeRawBufferPointer, _ s: StaticString) -> Bool {
        guard bytes.count == s.utf8CodeUnitCount else { return false }
        guard let base = bytes.baseAddress else { return true }
        // SAFETY: both sides hold bytes.count bytes.
        return memcmp(base, s.utf8Start, bytes.count) == 0
    }

    /// The position of a '&' near the end of p..<end with no ';' after it: an entity reference
    /// cut by the chunk's end.
    static func unfinishedReference(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        // References are short: only the last dozen bytes can hold an unfinished one.
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
