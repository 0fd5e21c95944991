import PopCalendar

/// SplitMix64: small, fast and the same on every machine, so the demo is reproducible by seed.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// Uniform in the closed range.
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }

    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func day(_ from: Day, _ to: Day) -> Day { to < from ? from : from + below(to - from + 1) }

    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    mutating func shuffle<T>(_ xs: inout [T]) {
        guard xs.count > 1 else { return }
        for i in stride(from: xs.count - 1, to: 0, by: -1) { xs.swapAt(i, below(i + 1)) }
    }

    /// `k` distinct indices of `0..<n`, in random order.
    mutating func sample(_ n: Int, _ k: Int) -> [Int] {
        var all = Array(0..<n)
        shuffle(&all)
        return Array(all.prefix(k))
    }

    /// Picks from weighted options.
    mutating func weighted<T>(_ options: [(T, Int)]) -> T {
        let total = options.reduce(0) { $0 + $1.1 }
        var r = below(total)
        for (v, w) in options {
            if r < w { return v }
            r -= w
        }
        return options[options.count - 1].0
    }
}

/// A stable hash of a few numbers, for per-month attributes that must not depend on the order
/// things were generated in.
func demoHash(_ parts: Int...) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for p in parts {
        h ^= UInt64(bitPattern: Int64(p))
        h = h &* 0x100_0000_01B3
        h ^= h >> 29
    }
    return h
}

func demoChance(_ p: Double, _ parts: Int...) -> Bool {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for x in parts {
        h ^= UInt64(bitPattern: Int64(x))
        h = h &* 0x100_0000_01B3
        h ^= h >> 29
    }
    h = h &* 0x94D0_49BB_1331_11EB
    h ^= h >> 31
    return Double(h >> 11) / Double(1 << 53) < p
}
