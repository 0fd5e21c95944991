import PopCalendar

/// Month-on-month direction: by polarity where there is one, up or down where there is none.
public enum Direction: String, Sendable {
    case improving, worsening, noChange = "no change", up, down
}

/// A published or typed benchmark: a statistical-neighbour figure, England, a region, or one
/// council's published value, for one indicator and one year ending 31 March.
public struct Benchmark: Sendable, Equatable {
    public let indicator: IndicatorID
    /// The year ending 31 March, as councils write it: "2017-18".
    public let period: String
    /// `sn_mean`, `sn_median`, `england`, `region`, or a council's old LA code ("302").
    public let what: String
    public let value: Double
    public let source: String

    public init(indicator: IndicatorID, period: String, what: String, value: Double, source: String) {
        self.indicator = indicator
        self.period = period
        self.what = what
        self.value = value
        self.source = source
    }

    /// "2017-18" for the year ending 31 March 2018.
    public static func period(yearEnding y: Int) -> String {
        let next = y % 100
        return "\(y - 1)-\(next < 10 ? "0" : "")\(next)"
    }

    /// The year a period ends in: "2017-18" → 2018.
    public static func yearEnding(_ period: String) -> Int? {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let start = Int(parts[0]) else { return nil }
        return start + 1
    }

    /// The latest year that ended before the month's financial year began (January 2019 → 2017-18).
    public static func defaultPeriod(for asAt: Day) -> String { period(yearEnding: asAt.financialYearStart.year) }
}

/// Which statistical-neighbour figure the page shows.
public enum NeighbourStatistic: String, Sendable {
    case mean, median

    var what: String { self == .mean ? "sn_mean" : "sn_median" }
}

/// The statistical-neighbour comparison of one indicator for one month.
public struct NeighbourComparison: Sendable, Equatable {
    public let statistic: NeighbourStatistic
    public let period: String
    public let value: Double
    public let source: String
    /// The council's value less the SN figure.
    public let difference: Double?
    /// Better than the neighbours by polarity; nil for polarity none or no value.
    public let better: Bool?
    /// The council's rank among its neighbours with data (1 = best; for polarity none, 1 = highest).
    public let rank: Int?
    public let rankedAmong: Int?
}

/// One indicator row of the page: this month, last month, target and neighbours.
public struct PageRow: Sendable {
    public let definition: IndicatorDefinition
    public let current: IndicatorValue
    public let previous: IndicatorValue?
    /// Points for percentages; the plain difference for counts and rates.
    public let change: Double?
    /// Per cent of last month's value, for counts and rates.
    public let relativeChange: Double?
    public let direction: Direction?
    public let neighbours: NeighbourComparison?
    public let commentary: String?
    /// Set when the month's extract could not give the indicator (a column is missing): the
    /// row is shown as not available, never as a figure.
    public var unavailable: Unavailable? = nil
    /// Where the council stands among all English councils on the published figures (council
    /// rows only; nil without published figures for the indicator).
    public var standing: Standing? = nil
    /// The change since the baseline month (the improvement plan's "since Ofsted"); nil when no
    /// baseline is set, the baseline is not before this month, or it has no figure to compare.
    public var baseline: BaselineComparison? = nil
}

/// This month against a baseline month's stored figure: the change and its direction, worked
/// out as the change against last month is.
public struct BaselineComparison: Sendable, Equatable {
    public let month: YearMonth
    /// The figure stored for the baseline month.
    public let value: IndicatorValue
    /// Points for percentages; the plain difference for counts and rates.
    public let change: Double?
    /// Per cent of the baseline's value, for counts and rates.
    public let relativeChange: Double?
    public let direction: Direction?
}

/// Builds page rows: the comparisons of data contract section 5.
public enum PageModel {
    /// `baseline`, when given, is the baseline month's stored snapshot: each row then carries its
    /// change since that month. A baseline that is not before `current`'s month is no baseline
    /// for it, and is left out.
    public static func rows(current: Snapshot, previous: Snapshot?, targets: TargetSet, benchmarks: [Benchmark],
                            neighbourCodes: [String], statistic: NeighbourStatistic, commentary: [IndicatorID: String],
                            teams: Bool = false, council: String = "", baseline: Snapshot? = nil) -> [PageRow] {
        let previousByKey = Dictionary((previous?.values ?? []).map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let base = baseline.flatMap { YearMonth($0.asAt) < YearMonth(current.asAt) ? $0 : nil }
        let baseMonth = base.map { YearMonth($0.asAt) }
        let baseByKey = Dictionary((base?.values ?? []).map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let byIndicator = Dictionary(grouping: benchmarks, by: \.indicator)
        let computed: [PageRow] = current.values.compactMap { value in
            guard teams || value.team == nil, let def = Catalogue.definition(value.id) else { return nil }
            var judged = value
            targets.judge(&judged, asAt: current.asAt)
            let before = previousByKey[key(value)]
            let (change, relative, direction) = compare(judged, before)
            let sn = value.team == nil
                ? neighbourComparison(judged, benchmarks: byIndicator[value.id] ?? [], period: Benchmark.defaultPeriod(for: current.asAt),
                                      neighbourCodes: neighbourCodes, statistic: statistic)
                : nil
            var row = PageRow(definition: def, current: judged, previous: before, change: change, relativeChange: relative,
                              direction: direction, neighbours: sn, commentary: value.team == nil ? commentary[value.id] : nil)
            if value.team == nil {
                row.standing = standing(judged, benchmarks: byIndicator[value.id] ?? [], period: Benchmark.defaultPeriod(for: current.asAt),
                                        council: council)
            }
            if let baseMonth, let then = baseByKey[key(value)] {
                let (c, r, d) = compare(judged, then)
                row.baseline = BaselineComparison(month: baseMonth, value: then, change: c, relativeChange: r, direction: d)
            }
            return row
        }
        // Indicators the extract could not give keep their place on the page, marked so.
        let missing: [PageRow] = current.unavailable.filter { !$0.teamRowsOnly }.reduce(into: [Unavailable]()) { seen, u in
            if !seen.contains(where: { $0.id == u.id }) { seen.append(u) }
        }.compactMap { u in
            guard let def = Catalogue.definition(u.id) else { return nil }
            let blank = IndicatorValue(id: u.id, team: nil, numerator: nil, denominator: nil, value: nil, unit: def.unit, polarity: def.polarity)
            var row = PageRow(definition: def, current: blank, previous: previousByKey[key(blank)], change: nil, relativeChange: nil, direction: nil,
                              neighbours: nil, commentary: commentary[u.id])
            row.unavailable = u
            return row
        }
        guard !missing.isEmpty else { return computed }
        let order = Dictionary(Catalogue.definitions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return (computed + missing).enumerated().sorted { a, b in
            let x = order[a.element.definition.id] ?? 0, y = order[b.element.definition.id] ?? 0
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    static func key(_ v: IndicatorValue) -> String { v.id.rawValue + "\u{1F}" + (v.team ?? "") }

    /// Change against last month, and its direction.
    public static func compare(_ now: IndicatorValue, _ before: IndicatorValue?) -> (Double?, Double?, Direction?) {
        guard let a = now.value, let b = before?.value else { return (nil, nil, nil) }
        let change = a - b
        let relative: Double? = now.unit == .percent || b == 0 ? nil : 100 * change / b
        let direction: Direction
        // No change when it rounds to 0.0, as it is shown (half away from zero, 1 place).
        if Rounding.units(abs(change), places: 1) == 0 {
            direction = .noChange
        } else {
            switch now.polarity {
            case .high: direction = change > 0 ? .improving : .worsening
            case .low: direction = change < 0 ? .improving : .worsening
            case .none: direction = change > 0 ? .up : .down
            }
        }
        return (change, relative, direction)
    }

    /// The SN figure for the latest period at or before `period` that has one.
    public static func neighbourComparison(_ v: IndicatorValue, benchmarks: [Benchmark], period: String, neighbourCodes: [String],
                                           statistic: NeighbourStatistic) -> NeighbourComparison? {
        let wanted = Benchmark.yearEnding(period) ?? Int.max
        let candidates = benchmarks.filter { $0.what == statistic.what && (Benchmark.yearEnding($0.period) ?? Int.max) <= wanted }
        guard let sn = candidates.max(by: { (Benchmark.yearEnding($0.period) ?? 0) < (Benchmark.yearEnding($1.period) ?? 0) }) else { return nil }
        let difference = v.value.map { $0 - sn.value }
        var better: Bool?
        if let d = difference, d != 0 {
            switch v.polarity {
            case .high: better = d > 0
            case .low: better = d < 0
            case .none: better = nil
            }
        }
        let codes = Set(neighbourCodes)
        let theirs = benchmarks.filter { $0.period == sn.period && codes.contains($0.what) }.map(\.value)
        var rank: Int?, among: Int?
        if let mine = v.value, !theirs.isEmpty {
            (rank, among) = Ranking.rank(value: mine, among: theirs, polarity: v.polarity)
        }
        return NeighbourComparison(statistic: statistic, period: sn.period, value: sn.value, source: sn.source, difference: difference,
                                   better: better, rank: rank, rankedAmong: among)
    }

    /// SN mean and median of the neighbours that have a value (suppressed values are missing,
    /// never zero).
    public static func neighbourStatistics(_ values: [Double]) -> (mean: Double, median: Double)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let n = sorted.count
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        return (sorted.reduce(0, +) / Double(n), median)
    }
}
