/// Is a percentage more than noise? Its 95% interval, whether a month's change could be chance,
/// and where each team lies on the council's funnel. Numbers only; PopPage words them.

/// An interval in percent (or, for a change, in percentage points).
public struct Interval: Sendable, Equatable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

extension IndicatorValue {
    /// The Wilson 95% interval of a percentage (`Wilson.interval`), in percent; nil for other
    /// units, without a base, or for a share that is not a proportion (a numerator above its
    /// denominator).
    public var confidenceInterval: Interval? {
        guard unit == .percent, let n = numerator, let d = denominator, let w = Wilson.interval(successes: n, trials: d) else { return nil }
        return Interval(low: w.low, high: w.high)
    }
}

/// A month's change in a percentage against chance: the difference in points and its Newcombe
/// 95% interval.
public struct ChangeTest: Sendable, Equatable {
    public let difference: Double
    public let interval: Interval
    /// The interval covers zero: the change is within noise.
    public var withinNoise: Bool { Newcombe.coversZero((difference, interval.low, interval.high)) }

    /// This month's proportion against last month's; nil unless both are proportions with a base.
    public static func between(_ now: IndicatorValue, _ before: IndicatorValue?) -> ChangeTest? {
        guard now.unit == .percent, let before, before.unit == .percent, let x1 = now.numerator, let n1 = now.denominator,
              let x2 = before.numerator, let n2 = before.denominator,
              let d = Newcombe.difference(x1: x1, n1: n1, x2: x2, n2: n2) else { return nil }
        return ChangeTest(difference: d.difference, interval: Interval(low: d.low, high: d.high))
    }
}

extension PageRow {
    /// This month's Wilson 95% interval (percentages only).
    public var interval: Interval? { current.confidenceInterval }
    /// The change against last month tested against chance (percentages only).
    public var changeTest: ChangeTest? { ChangeTest.between(current, previous) }
}

/// One team on the council's funnel plot: its cases, its percentage and where it lies.
public struct FunnelPoint: Sendable, Equatable {
    public let team: String
    public let cases: Int
    public let value: Double
    public let position: Funnel.Position
}

extension Funnel {
    /// Every team with a percentage and at least one case, placed against the funnel around the
    /// council's figure `p0`; nil without a council figure.
    public static func points(council p0: Double?, teams: [IndicatorValue]) -> [FunnelPoint]? {
        guard let p0, p0.isFinite else { return nil }
        return teams.compactMap { t in
            guard let team = t.team, t.unit == .percent, let n = t.denominator, n > 0, let v = t.value, v.isFinite else { return nil }
            return FunnelPoint(team: team, cases: n, value: v, position: outside(value: v, p0: p0, n: n))
        }
    }
}
