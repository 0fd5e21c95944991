/// Values keyed by a cell's raw bytes. Code, team and worker columns hold a handful of
/// spellings repeated on every row: looking them up by bytes means a String is made once per
/// spelling, not once per cell.
struct ByteMemo<Value> {
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var values: [Value] = []
    /// Open addressing: index into `values`, or -1 for an empty slot. Kept at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private func matches(_ i: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        guard ends[i] - start == key.count else { return false }
        if key.isEmpty { return true }
        return arena.withUnsafeBytes { all in memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    func find(_ key: UnsafeRawBufferPointer) -> Value? {
        let mask = slots.count - 1
        var s = ByteMemo.hash(key) & mask
        while true {
            let v = Int(slots[s])
            if v < 0 { return nil }
            if matches(v, key) { return values[v] }
            s = (s + 1) & mask
        }
    }

    mutating func insert(_ key: UnsafeRawBufferPointer, _ value: Value) {
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
