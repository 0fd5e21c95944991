import PopCalendar

/// The stored months and what each month's page is compared with: last month, the targets in
/// force, the neighbours' figures, the month's commentary and the baseline. The dashboard and
/// the board pack take their page rows from here, so their figures are one computation.
public struct PageHistory: Sendable {
    public let council: String
    public let demo: Bool
    public let snapshots: [YearMonth: Snapshot]
    public let targets: TargetSet
    public let benchmarks: [Benchmark]
    public let neighbourCodes: [String]
    public let statistic: NeighbourStatistic
    /// Our council's old LA code: left out when the council is ranked among all councils.
    public let councilCode: String
    public private(set) var comments: [YearMonth: [IndicatorID: String]]
    /// The baseline month the "since" figures compare with; nil when none is set.
    public let baseline: YearMonth?

    public init(council: String, demo: Bool, snapshots: [Snapshot], targets: TargetSet, benchmarks: [Benchmark], neighbourCodes: [String],
                statistic: NeighbourStatistic, comments: [YearMonth: [IndicatorID: String]], councilCode: String = "",
                baseline: YearMonth? = nil) {
        self.council = council
        self.demo = demo
        var map: [YearMonth: Snapshot] = [:]
        for s in snapshots { map[YearMonth(s.asAt)] = s }
        self.snapshots = map
        self.targets = targets
        self.benchmarks = benchmarks
        self.neighbourCodes = neighbourCodes
        self.statistic = statistic
        self.councilCode = councilCode
        self.comments = comments
        self.baseline = baseline
    }

    /// A month's page rows, council and team rows, compared with the month before.
    public func rows(_ month: YearMonth) -> [PageRow] {
        guard let s = snapshots[month] else { return [] }
        return PageModel.rows(current: s, previous: snapshots[month.adding(-1)], targets: targets, benchmarks: benchmarks,
                              neighbourCodes: neighbourCodes, statistic: statistic, commentary: comments[month] ?? [:], teams: true,
                              council: councilCode, baseline: baseline.flatMap { snapshots[$0] })
    }

    /// The baseline a month's page compares with: set, stored and before the month.
    public func baseline(for month: YearMonth) -> YearMonth? {
        guard let b = baseline, b < month, snapshots[b] != nil else { return nil }
        return b
    }

    /// The target in force at the end of a month (for chart lines).
    public func target(_ id: IndicatorID, at month: YearMonth) -> Double? { targets.target(for: id, at: month.last)?.value }

    /// Records a saved comment (the store has it already); an empty text removes it.
    public mutating func setComment(month: YearMonth, indicator: IndicatorID, text: String) {
        comments[month, default: [:]][indicator] = text.isEmpty ? nil : text
    }
}
