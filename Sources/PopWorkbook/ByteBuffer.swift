import Foundation

/// Owns raw memory and frees it, so structs that cache the pointer need no deinit of their own.
final class RawBytes {
    var pointer: UnsafeMutablePointer<UInt8>

    init(capacity: Int) { pointer = .allocate(capacity: max(capacity, 1)) }

    /// Takes `newPointer` and frees the old memory.
    func replace(with newPointer: UnsafeMutablePointer<UInt8>) {
        pointer.deallocate()
        pointer = newPointer
    }

    deinit { pointer.deallocate() }
}

/// A growable byte array in raw memory: appending a byte is a plain store, with no copy-on-write
/// or exclusivity checks on the parsers' hot paths.
///
/// Copies share memory: each buffer has one owner (a parser or a table) that mutates it.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    var count = 0
    private(set) var capacity: Int
    private let owner: RawBytes

    init(capacity: Int = 4096) {
        owner = RawBytes(capacity: capacity)
        base = owner.pointer
        self.capacity = max(capacity, 1)
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        // SAFETY: the old memory holds `count` initialised bytes and the new one has room for c >= count.
        assert(count <= c)
        grown.update(from: base, count: count)
        owner.replace(with: grown)
        base = grown
        capacity = c
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        reserve(1)
        // SAFETY: reserve(1) made count < capacity.
        assert(count < capacity)
        base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        // SAFETY: reserve(n) made count + n <= capacity; the source holds n bytes (the caller's range).
        assert(count + n <= capacity)
        let to = base + count
        if n <= 16 {
            // Most cell values are a few bytes: a loop beats the call to memmove.
            for i in 0..<n { to[i] = p[i] }
        } else {
            to.update(from: p, count: n)
        }
        count += n
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        for b in bytes { append(b) }
    }

    mutating func append(static text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    mutating func append(string text: String) {
        var text = text
        // SAFETY: withUTF8 hands over the string's own contiguous UTF-8 for the call's length.
        text.withUTF8 { utf8 in
            if let base = utf8.baseAddress { append(base, utf8.count) }
        }
    }

    /// A non-negative whole number's decimal digits.
    mutating func appendDecimal(_ value: Int) {
        assert(value >= 0)
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            // SAFETY: a UInt has at most 20 decimal digits, the tuple's size.
            repeat {
                assert(count < raw.count)
                raw[raw.count - 1 - count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            if let base = raw.baseAddress {
                append(base.assumingMemoryBound(to: UInt8.self) + (raw.count - count), count)
            }
        }
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        reserve(4)
        // SAFETY: reserve(4) left room for the longest UTF-8 sequence.
        assert(count + 4 <= capacity)
        count += ByteBuffer.encodeUTF8(scalar, into: base + count)
    }

    /// Writes `scalar` as UTF-8 (one to four bytes) at `p`; returns how many bytes it took.
    @inline(__always)
    static func encodeUTF8(_ scalar: UInt32, into p: UnsafeMutablePointer<UInt8>) -> Int {
        // SAFETY: callers leave four bytes of room at p.
        switch scalar {
        case 0..<0x80:
            p[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            p[0] = UInt8(0xC0 | (scalar >> 6))
            p[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            p[0] = UInt8(0xE0 | (scalar >> 12))
            p[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            p[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            p[0] = UInt8(0xF0 | ((scalar >> 18) & 0x07))
            p[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            p[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            p[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    /// The bytes from `from` on.
    func bytes(from: Int = 0) -> UnsafeRawBufferPointer {
        // SAFETY: from...count lies inside the initialised bytes.
        assert(from >= 0 && from <= count)
        return UnsafeRawBufferPointer(start: base + from, count: count - from)
    }

    /// Moves bytes from..<count to the front (the tail a scanner held back), dropping the rest.
    mutating func keepTail(from: Int) {
        assert(from >= 0 && from <= count)
        let n = count - from
        // SAFETY: both ranges lie inside the initialised bytes; memmove allows them to overlap.
        if n > 0, from > 0 { memmove(base, base + from, n) }
        count = n
    }
}
