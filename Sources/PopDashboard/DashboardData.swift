import PopCalendar
import PopExtract
import PopMetrics

/// Everything the dashboard shows, loaded once: every stored month's page rows.
public struct DashboardData: Sendable {
    public let council: String
    public let demo: Bool
    public let months: [YearMonth]
    public let snapshots: [YearMonth: Snapshot]
    public let targets: TargetSet
    public let benchmarks: [Benchmark]
    public let neighbourCodes: [String]
    public let statistic: NeighbourStatistic
    public private(set) var comments: [YearMonth: [String: String]]
    /// Each month's page rows, computed once (a frame only reads them).
    private var pages: [YearMonth: [PageRow]] = [:]
    /// The child-level visit list of a month, indicator and team (from the store).
    public let visits: @Sendable (YearMonth, String, String) -> [ChildVisit]

    public init(council: String, demo: Bool, snapshots: [Snapshot], targets: TargetSet, benchmarks: [Benchmark], neighbourCodes: [String],
                statistic: NeighbourStatistic, comments: [YearMonth: [String: String]],
                visits: @escaping @Sendable (YearMonth, String, String) -> [ChildVisit]) {
        self.council = council
        self.demo = demo
        var map: [YearMonth: Snapshot] = [:]
        for s in snapshots { map[YearMonth(s.asAt)] = s }
        self.snapshots = map
        months = map.keys.sorted()
        self.targets = targets
        self.benchmarks = benchmarks
        self.neighbourCodes = neighbourCodes
        self.statistic = statistic
        self.comments = comments
        self.visits = visits
        for m in months { pages[m] = computeRows(m) }
    }

    /// Page rows of a month (council and team rows), compared with the month before.
    public func rows(_ month: YearMonth) -> [PageRow] { pages[month] ?? [] }

    private func computeRows(_ month: YearMonth) -> [PageRow] {
        guard let s = snapshots[month] else { return [] }
        return PageModel.rows(current: s, previous: snapshots[month.adding(-1)], targets: targets, benchmarks: benchmarks,
                              neighbourCodes: neighbourCodes, statistic: statistic, commentary: comments[month] ?? [:], teams: true)
    }

    /// Records a saved comment (the store has it already) so the page shows it.
    public mutating func setComment(month: YearMonth, indicator: String, text: String) {
        comments[month, default: [:]][indicator] = text.isEmpty ? nil : text
        pages[month] = computeRows(month)
    }

    /// An indicator's council-wide value in each stored month up to `month`, oldest first.
    public func history(_ id: String, through month: YearMonth, count: Int? = nil) -> [(YearMonth, IndicatorValue?)] {
        var ms = months.filter { $0 <= month }
        if let count { ms = Array(ms.suffix(count)) }
        return ms.map { m in (m, snapshots[m]?.value(id)) }
    }

    /// A target's value for a month (for chart lines).
    public func target(_ id: String, at month: YearMonth) -> Double? { targets.target(for: id, at: month.last)?.value }
}

/// The indicators each service's panel and slides lead with.
public enum Headlines {
    public static func ids(_ s: Service) -> [String] {
        switch s {
        case .mash: ["mash.contacts", "mash.referrals", "mash.referral_rate_ytd", "mash.rereferrals_ytd", "mash.decision_1wd"]
        case .assessments: ["asmt.completed", "asmt.within_45wd", "s47.started", "icpc.within_15wd"]
        case .cin: ["cin.plans", "cin.visits_in_time"]
        case .cp: ["cp.children", "cp.rate", "cp.visits_in_time", "cp.repeat_ytd", "cp.open_2y"]
        case .cla: ["cla.children", "cla.rate", "cla.visits_in_time", "cla.placements_3plus", "cla.long_term_stability"]
        case .careLeavers: ["cl.total", "cl.eet_19_21", "cl.suitable_19_21", "cl.in_touch"]
        case .yot: ["yot.open", "yot.fte", "yot.custody_ytd", "yot.ete"]
        }
    }

    /// Short names for the panels, as the council's page words them.
    public static func panelTitle(_ id: String) -> String {
        [
            "mash.contacts": "Contacts", "mash.referrals": "Referrals", "mash.referral_rate_ytd": "Referrals /10k YTD",
            "mash.rereferrals_ytd": "Re-referrals YTD", "mash.decision_1wd": "Decisions in 1 wd", "asmt.completed": "Completed",
            "asmt.within_45wd": "In 45 working days", "s47.started": "S47 enquiries", "icpc.within_15wd": "ICPC in 15 wd",
            "cin.plans": "On CIN plans", "cin.visits_in_time": "Visits in time", "cp.children": "Children on plans",
            "cp.rate": "Rate per 10k", "cp.visits_in_time": "Visits in time", "cp.repeat_ytd": "Repeat plans YTD",
            "cp.open_2y": "Plans 2+ years", "cla.children": "Children in care", "cla.rate": "Rate per 10k",
            "cla.visits_in_time": "Visits in time", "cla.placements_3plus": "3+ placements", "cla.long_term_stability": "Stability 2 yrs",
            "cl.total": "Care leavers", "cl.eet_19_21": "EET (19–21)", "cl.suitable_19_21": "Suitably housed", "cl.in_touch": "In touch",
            "yot.open": "Open cases", "yot.fte": "First-time entrants", "yot.custody_ytd": "Custody YTD", "yot.ete": "ETE at order end",
        ][id] ?? Catalogue.definition(id)?.title ?? id
    }

    /// The indicators with a child-level visit list behind them.
    public static let visitIndicators: Set<String> = ["cp.visits_in_time", "cin.visits_in_time", "cla.visits_in_time"]
}
