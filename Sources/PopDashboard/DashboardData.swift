import PopCalendar
import PopExtract
import PopMetrics

/// Everything the dashboard shows, loaded once: every stored month's page rows. The child-level
/// visit lists are not here: they load on demand, as an effect (see `Effect.loadVisits`).
public struct DashboardData: Sendable {
    /// The stored months, targets, neighbours' figures, commentary and baseline the page rows
    /// are computed from (as the board pack computes them).
    public private(set) var stored: PageHistory
    public var council: String { stored.council }
    public var demo: Bool { stored.demo }
    public var snapshots: [YearMonth: Snapshot] { stored.snapshots }
    public var benchmarks: [Benchmark] { stored.benchmarks }
    public var statistic: NeighbourStatistic { stored.statistic }
    public var comments: [YearMonth: [IndicatorID: String]] { stored.comments }
    /// The stored months, oldest first.
    public let months: [YearMonth]
    /// How many data-quality entries each month's import noted (the entries load when shown).
    public let dataQualityCounts: [YearMonth: Int]
    /// The council's teams grouped into services (`pop teams import`): the workforce page pools
    /// its teams by service. Empty when no teams file is stored.
    public let teamServices: TeamServices
    /// Each month's page rows, computed once (a frame only reads them).
    private var pages: [YearMonth: [PageRow]] = [:]
    /// Where each indicator's rows (council and teams) sit in a month's page rows, so a frame
    /// finds a figure without searching the month's thousands.
    private var rowIndex: [YearMonth: [IndicatorID: [Int]]] = [:]

    public init(council: String, demo: Bool, snapshots: [Snapshot], targets: TargetSet, benchmarks: [Benchmark], neighbourCodes: [String],
                statistic: NeighbourStatistic, comments: [YearMonth: [IndicatorID: String]], dataQualityCounts: [YearMonth: Int]? = nil,
                councilCode: String = "", baseline: YearMonth? = nil, teamServices: TeamServices = .none) {
        let stored = PageHistory(council: council, demo: demo, snapshots: snapshots, targets: targets, benchmarks: benchmarks,
                                 neighbourCodes: neighbourCodes, statistic: statistic, comments: comments, councilCode: councilCode,
                                 baseline: baseline)
        self.stored = stored
        self.teamServices = teamServices
        months = stored.snapshots.keys.sorted()
        // Data held in memory (tests, an extract read directly) carries its entries: count them.
        self.dataQualityCounts = dataQualityCounts ?? stored.snapshots.mapValues(\.dataQuality.count)
        // Each month's rows are computed alone, so the months share the cores (start-up time
        // grows with the months stored).
        let computed = Parallel.map(months) { stored.rows($0) }
        for (m, rows) in zip(months, computed) {
            pages[m] = rows
            index(m)
        }
    }

    private mutating func index(_ m: YearMonth) {
        var byID: [IndicatorID: [Int]] = [:]
        for (i, r) in (pages[m] ?? []).enumerated() { byID[r.current.id, default: []].append(i) }
        rowIndex[m] = byID
    }

    /// An indicator's rows in a month: the council's and its teams'.
    private func indexed(_ id: IndicatorID, _ month: YearMonth) -> [PageRow] {
        guard let rows = pages[month], let at = rowIndex[month]?[id] else { return [] }
        return at.map { rows[$0] }
    }

    /// An indicator's figure in a month: the council's, or one team's; nil when the month has
    /// none (or the extract could not give it).
    public func value(_ id: IndicatorID, team: String? = nil, _ month: YearMonth) -> IndicatorValue? {
        row(id, team: team, month).flatMap { $0.unavailable == nil ? $0.current : nil }
    }

    /// An indicator's team rows in a month, in the order computed.
    public func teamValues(_ id: IndicatorID, _ month: YearMonth) -> [IndicatorValue] {
        indexed(id, month).filter { $0.current.team != nil }.map(\.current)
    }

    /// The stored months up to `month`, the last `count` of them, oldest first.
    public func months(through month: YearMonth, count: Int) -> [YearMonth] { Array(months.filter { $0 <= month }.suffix(count)) }

    public func dataQualityCount(_ month: YearMonth) -> Int { dataQualityCounts[month] ?? 0 }

    /// Page rows of a month (council and team rows), compared with the month before.
    public func rows(_ month: YearMonth) -> [PageRow] { pages[month] ?? [] }

    /// The council-wide row of an indicator in a month.
    public func row(_ id: IndicatorID, _ month: YearMonth) -> PageRow? { row(id, team: nil, month) }

    /// One team's row of an indicator in a month (the council's when `team` is nil).
    public func row(_ id: IndicatorID, team: String?, _ month: YearMonth) -> PageRow? {
        guard let rows = pages[month], let at = rowIndex[month]?[id] else { return nil }
        // Compared where they lie: a row is copied out only when it is the one asked for.
        return at.first { rows[$0].current.team == team }.map { rows[$0] }
    }

    /// The baseline a month's rows compare with: set, stored and before the month.
    public func baseline(for month: YearMonth) -> YearMonth? { stored.baseline(for: month) }

    /// Records a saved comment (the store has it already) so the page shows it.
    public mutating func setComment(month: YearMonth, indicator: IndicatorID, text: String) {
        stored.setComment(month: month, indicator: indicator, text: text)
        pages[month] = stored.rows(month)
        index(month)
    }

    /// An indicator's council-wide value in each stored month up to `month`, oldest first.
    public func history(_ id: IndicatorID, through month: YearMonth, count: Int? = nil) -> [(YearMonth, IndicatorValue?)] {
        var ms = months.filter { $0 <= month }
        if let count { ms = Array(ms.suffix(count)) }
        return ms.map { m in (m, value(id, m)) }
    }

    /// A target's value for a month (for chart lines).
    public func target(_ id: IndicatorID, at month: YearMonth) -> Double? { stored.target(id, at: month) }

    /// A service's headline indicators the month has: computed, or not available for want of a
    /// column (shown as such, never as a figure).
    public func headlines(_ service: Service, _ month: YearMonth) -> [IndicatorDefinition] {
        guard let s = snapshots[month] else { return [] }
        // Through the index of the month's rows: the snapshot's own look-up scans every value.
        return service.headlines.filter { d in value(d.id, month) != nil || s.unavailable.contains { $0.id == d.id && !$0.teamRowsOnly } }
    }
}
