/// Is a figure more than noise, and where does a council stand among others? Interval estimates
/// for the page's percentages, control limits for a team funnel plot, ranks and quartile bands.
/// Numbers only: every result is a percentage (0–100), percentage points, a rank or a band.

/// The Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, "Two-sided confidence
/// intervals for the single proportion", method 3). With p = x/n:
///
///     (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
///
/// Unlike the textbook p ± z·√(p(1 − p)/n) it stays within 0–100% and is not of zero width at
/// 0 of n or n of n, which is what a small team's 0 of 3 needs.
public enum Wilson {
    /// The normal quantile for a two-sided 95% interval, Φ⁻¹(0.975), to double precision.
    public static let z95 = 1.959963984540054

    /// The interval for `successes` of `trials`, as percentages clamped to 0–100. nil when there
    /// are no trials (no proportion), when `successes` is not within 0…`trials`, or when `z` is
    /// negative or not finite.
    public static func interval(successes: Int, trials: Int, z: Double = Wilson.z95) -> (low: Double, high: Double)? {
        guard trials > 0, successes >= 0, successes <= trials, z.isFinite, z >= 0 else { return nil }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let scale = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / scale
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / scale
        // At 0 of n (n of n) the closed form gives exactly 0 (1); floating point can leave a
        // trace either side of it, so those ends are set, not computed.
        let low = successes == 0 ? 0 : max(0, centre - half)
        let high = successes == trials ? 1 : min(1, centre + half)
        return (100 * low, 100 * high)
    }
}

/// Newcombe's hybrid score interval for the difference of two independent proportions p1 − p2
/// (Newcombe 1998, "Interval estimation for the difference between independent proportions",
/// method 10), built from each proportion's Wilson interval (l1, u1) and (l2, u2):
///
///     low  = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)
///     high = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)
///
/// It needs no iteration, and it neither overshoots −1…1 nor collapses to zero width at 0 of n.
public enum Newcombe {
    /// p1 − p2 and its interval, in percentage points (−100…100). nil when either proportion has
    /// no trials or is not a proportion (see `Wilson.interval`).
    public static func difference(x1: Int, n1: Int, x2: Int, n2: Int, z: Double = Wilson.z95)
        -> (difference: Double, low: Double, high: Double)? {
        guard let w1 = Wilson.interval(successes: x1, trials: n1, z: z),
              let w2 = Wilson.interval(successes: x2, trials: n2, z: z) else { return nil }
        let (l1, u1, l2, u2) = (w1.low, w1.high, w2.low, w2.high)
        let p1 = 100 * Double(x1) / Double(n1), p2 = 100 * Double(x2) / Double(n2)
        let d = p1 - p2
        let below = ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let above = ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
        return (d, d - below, d + above)
    }

    /// True when the interval contains 0 (its ends included): the change is within noise.
    public static func coversZero(_ interval: (difference: Double, low: Double, high: Double)) -> Bool {
        interval.low <= 0 && 0 <= interval.high
    }
}

/// Control limits for a funnel plot of proportions (Spiegelhalter 2005, "Funnel plots for
/// comparing institutional performance"), by the normal approximation: around the council's
/// figure p0, for a team of n cases,
///
///     p0 ± z·√(p0(100 − p0)/n)     (p0 and the limits in percent)
///
/// clamped to 0–100%. z = 1.96 and 3.09 as Spiegelhalter and the issue give them, for about 95%
/// and 99.8% of teams lying inside when they differ from the council by chance alone.
public enum Funnel {
    /// About 95% of chance variation lies inside.
    public static let z95 = 1.96
    /// About 99.8% of chance variation lies inside: a team outside is "alarming" in Spiegelhalter's terms.
    public static let z998 = 3.09

    /// Where a team's figure lies against the council's funnel.
    public enum Position: String, Sendable, CaseIterable {
        /// Within the 95% limits (on a limit counts as within).
        case inside
        /// Outside the 95% limits, within the 99.8% limits.
        case outside95
        /// Outside the 99.8% limits.
        case outside998
    }

    /// The limits around `p0`, a percentage (0–100; values beyond are taken as 0 or 100), for a
    /// team of `n` cases, in percent. With no cases, or no council figure (`p0` not finite),
    /// nothing can be told from chance: the limits are the whole scale, 0–100.
    public static func limits(p0: Double, n: Int, z: Double) -> (low: Double, high: Double) {
        guard n > 0, p0.isFinite, z.isFinite else { return (0, 100) }
        let p = min(max(p0, 0), 100)
        let half = abs(z) * (p * (100 - p) / Double(n)).squareRoot()
        return (max(0, p - half), min(100, p + half))
    }

    /// Where a team's `value` (a percentage, of `n` cases) lies against the funnel around `p0`.
    /// A value that is not a number is never outside.
    public static func outside(value: Double, p0: Double, n: Int) -> Position {
        let wide = limits(p0: p0, n: n, z: z998)
        if value < wide.low || value > wide.high { return .outside998 }
        let narrow = limits(p0: p0, n: n, z: z95)
        if value < narrow.low || value > narrow.high { return .outside95 }
        return .inside
    }
}

/// A council's quartile band among the councils ranked: A is the best quarter.
public enum QuartileBand: String, Sendable, CaseIterable {
    case A, B, C, D
}

/// Ranks and quartile bands as DfE's LAIT gives them: councils with a value, best first by
/// polarity (highest first for polarity none); ties share the better rank (competition ranking,
/// "1224", R's `rank(ties.method = "min")`).
public enum Ranking {
    /// The rank of `value` among `others` (the other councils' values, not including this one)
    /// and how many are ranked, this council included. A value that is not a number among
    /// `others` is a council without a value: it is not ranked. A `value` that is not a number
    /// is no better than anyone: it ranks last.
    public static func rank(value: Double, among others: [Double], polarity: Polarity) -> (rank: Int, of: Int) {
        let ranked = others.filter { !$0.isNaN }
        let of = ranked.count + 1
        if value.isNaN { return (of, of) }
        let better = ranked.filter { polarity == .low ? $0 < value : $0 > value }.count
        return (better + 1, of)
    }

    /// The quartile band of `rank` among `n` ranked: A when rank ≤ n/4, B when rank ≤ n/2, C when
    /// rank ≤ 3n/4, D otherwise, each compared exactly (no rounding of n/4). A rank below 1 is
    /// taken as 1 and one above n as n; with nobody ranked (n ≤ 0) the band is D.
    public static func band(rank: Int, of n: Int) -> QuartileBand {
        guard n > 0 else { return .D }
        let r = min(max(rank, 1), n)
        // For whole r and n > 0: r·4 ≤ n ⇔ r ≤ ⌊n/4⌋, r·2 ≤ n ⇔ r ≤ ⌊n/2⌋, and r·4 ≤ 3n ⇔
        // (n − r)·4 ≥ n ⇔ n − r ≥ ⌈n/4⌉. Written so, no product can overflow.
        if r <= n / 4 { return .A }
        if r <= n / 2 { return .B }
        if n - r >= n / 4 + (n % 4 == 0 ? 0 : 1) { return .C }
        return .D
    }
}
