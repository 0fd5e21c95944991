/// Rounding half away from zero (DfE's rule), as a number: the core decides "no change" by the
/// figure as it is shown, without formatting any text.
public enum Rounding {
    /// `value` × 10^places rounded half away from zero, as a whole number of units. Exact for a
    /// ratio when its numerator and denominator are given (a percentage of 16.45 is 16.5, never
    /// 16.4 because of binary fractions; `scale` is 100 for a percentage, 10,000 for a rate per
    /// 10,000). nil for a value that is not finite or too large to count in units.
    public static func units(_ value: Double, places: Int, numerator: Int? = nil, denominator: Int? = nil, scale: Int = 100) -> Int? {
        guard (0...6).contains(places) else { return nil }
        var p10 = 1
        for _ in 0..<places { p10 *= 10 }
        if let n = numerator, let d = denominator, d > 0, n >= 0, scale > 0, scale <= 1_000_000, n <= Int.max / (2 * scale * p10 + 1) {
            // round(scale · p10 · n / d) half away from zero, in integers.
            return (2 * scale * p10 * n + d) / (2 * d)
        }
        let scaled = value * Double(p10)
        guard scaled.isFinite else { return nil }
        // Nudge by a few ulps so 2.675-style binary shortfalls round as written.
        let nudged = scaled + (scaled >= 0 ? 1 : -1) * scaled.magnitude.ulp * 4
        let rounded = nudged.rounded(.toNearestOrAwayFromZero)
        // Beyond ±2^62 a Double cannot be held as a whole Int reliably: no units.
        guard rounded.magnitude < 4.6e18 else { return nil }
        return Int(rounded)
    }
}
