import PopCalendar
import PopExtract

public enum RAG: String, Sendable, CaseIterable {
    case green, amber, red
}

/// A council's target for one indicator, in force from a date.
public struct Target: Sendable, Equatable {
    public let indicator: IndicatorID
    public let value: Double
    /// Amber when the variance misses by no more than this many per cent (default 10).
    public let amberTolerance: Double
    public let effectiveFrom: Day
    public let note: String

    public init(indicator: IndicatorID, value: Double, amberTolerance: Double = 10, effectiveFrom: Day, note: String = "") {
        self.indicator = indicator
        self.value = value
        self.amberTolerance = amberTolerance
        self.effectiveFrom = effectiveFrom
        self.note = note
    }
}

/// Variance, meets-target and RAG (data contract, section 5).
public enum Comparison {
    /// 100 × (value − target) / target; the plain difference when the target is 0.
    public static func variance(value: Double, target: Double) -> Double {
        target == 0 ? value - target : 100 * (value - target) / target
    }

    public static func meetsTarget(value: Double, target: Double, polarity: Polarity) -> Bool? {
        switch polarity {
        case .high: value >= target
        case .low: value <= target
        case .none: nil
        }
    }

    /// Green when it meets target; amber when it misses by no more than the tolerance; red
    /// otherwise. A target of 0 has no amber. None for polarity none.
    public static func rag(value: Double, target: Double, tolerance: Double, polarity: Polarity) -> RAG? {
        guard let meets = meetsTarget(value: value, target: target, polarity: polarity) else { return nil }
        if meets { return .green }
        if target == 0 { return .red }
        return abs(variance(value: value, target: target)) <= tolerance ? .amber : .red
    }
}

/// Targets by indicator; the one in force at a date is the latest effective on or before it.
public struct TargetSet: Sendable {
    public private(set) var targets: [Target]

    public init(_ targets: [Target] = []) {
        self.targets = targets.sorted { ($0.indicator, $0.effectiveFrom) < ($1.indicator, $1.effectiveFrom) }
    }

    public func target(for indicator: IndicatorID, at day: Day) -> Target? {
        targets.last { $0.indicator == indicator && $0.effectiveFrom <= day }
    }

    /// Adds target, variance and RAG to a value (team rows are judged against the same target).
    public func judge(_ v: inout IndicatorValue, asAt: Day) {
        guard let t = target(for: v.id, at: asAt) else { return }
        v.target = t.value
        guard let value = v.value else { return }
        v.variance = Comparison.variance(value: value, target: t.value)
        v.rag = Comparison.rag(value: value, target: t.value, tolerance: t.amberTolerance, polarity: v.polarity)
    }
}
