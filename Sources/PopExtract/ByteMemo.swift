/// Values keyed by a cell's raw bytes. Code, team and worker columns hold a handful of
/// spellings repeated on every row: looking them up by bytes means a String is made once per
/// spelling, not once per cell.
public struct ByteMemo<Value> {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var values: [Value] = []
    /// Open addressing: index into `values`, or -1 for an empty slot. Kept at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    /// Length and the first and last eight bytes, mixed: constant time whatever the key's
    /// length. Keys that share those still land apart after the byte comparison.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        let n = key.count
        var a: UInt64 = 0, b: UInt64 = 0
        if n >= 8 {
            a = key.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            b = key.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else {
            for i in 0..<n { a = a << 8 | UInt64(key[i]) }
        }
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private func matches(_ i: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        guard ends[i] - start == key.count else { return false }
        if key.isEmpty { return true }
        return arena.withUnsafeBytes { all in memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    public init() {}

    public var count: Int { values.count }

    public func find(_ key: UnsafeRawBufferPointer) -> Value? {
        let mask = slots.count - 1
        var s = ByteMemo.hash(key) & mask
        while true {
            let v = Int(slots[s])
            if v < 0 { return nil }
            if matches(v, key) { return values[v] }
            s = (s + 1) & mask
        }
    }

    public mutating func insert(_ key: UnsafeRawBufferPointer, _ value: Value) {
        if (values.count + 1) * 2 > slots.count { grow() }
        arena.append(contentsOf: key)
        ends.append(arena.count)
        values.append(value)
        place(values.count - 1, hash: ByteMemo.hash(key))
    }

    private mutating func place(_ index: Int, hash: Int) {
        let mask = slots.count - 1
        var s = hash & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(index)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for i in values.indices {
            let start = i == 0 ? 0 : ends[i - 1]
            let h = arena.withUnsafeBytes { ByteMemo.hash(UnsafeRawBufferPointer(rebasing: $0[start..<ends[i]])) }
            place(i, hash: h)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
