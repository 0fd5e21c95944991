import PopCalendar
import PopMetrics

/// Everything the board pack prints, as values: the stored months' figures, the targets, the
/// neighbours' figures and the commentary, compared as the dashboard and `pop report` compare
/// them. No visit list is here, so no child ID or worker name can reach the pack.
public typealias PackData = PageHistory

extension PageHistory {
    /// An indicator's council-wide value in a month (nil when the month or the figure is missing).
    func value(_ id: IndicatorID, _ month: YearMonth, team: String? = nil) -> IndicatorValue? {
        guard let s = snapshots[month] else { return nil }
        return team.map { s.value(id, team: $0) } ?? s.value(id)
    }
}

/// One month's pack, worked out once: its rows by indicator and the months the tables show.
struct MonthPack {
    let data: PackData
    let month: YearMonth
    let snapshot: Snapshot
    let rows: [PageRow]
    /// The month and the two before it, latest first: the columns of the pack's tables.
    let columns: [YearMonth]
    /// The months a chart spans: the twelve before the month and the month, oldest first.
    let chartMonths: [YearMonth]

    static let chartLength = 13

    init?(_ data: PackData, _ month: YearMonth) {
        guard let s = data.snapshots[month] else { return nil }
        self.data = data
        self.month = month
        snapshot = s
        rows = data.rows(month)
        columns = [month, month.adding(-1), month.adding(-2)]
        chartMonths = (0..<MonthPack.chartLength).reversed().map { month.adding(-$0) }
    }

    var previousMonth: YearMonth? { data.snapshots[month.adding(-1)] == nil ? nil : month.adding(-1) }

    /// The baseline the page's "since" figures compare with, when there is one for this month.
    var baseline: YearMonth? { data.baseline(for: month) }

    /// The council-wide row of an indicator.
    func row(_ id: IndicatorID) -> PageRow? { rows.first { $0.current.id == id && $0.current.team == nil } }

    /// The council-wide rows of a service's indicators in catalogue order, headlines apart.
    func serviceRows(_ service: Service) -> (headlines: [PageRow], others: [PageRow], breakdowns: [PageRow]) {
        let headlines = service.headlines.compactMap { row($0.id) }
        let rest = Catalogue.definitions.filter { $0.service == service && $0.headline == nil }.compactMap { row($0.id) }
        return (headlines, rest.filter { !$0.definition.isBreakdown }, rest.filter(\.definition.isBreakdown))
    }

    /// The service's indicators with team rows this month, in catalogue order.
    func teamIndicators(_ service: Service) -> [IndicatorDefinition] {
        Catalogue.definitions.filter { d in d.service == service && d.byTeam && rows.contains { $0.current.id == d.id && $0.current.team != nil } }
    }

    /// An indicator's team rows this month, by team name, then the council's row.
    func teamRows(_ id: IndicatorID) -> (teams: [PageRow], council: PageRow?) {
        let teams = rows.filter { $0.current.id == id && $0.current.team != nil }.sorted { ($0.current.team ?? "") < ($1.current.team ?? "") }
        return (teams, row(id))
    }

    /// A service's headline indicators present this month (its slide lists these).
    func headlines(_ service: Service) -> [PageRow] { service.headlines.compactMap { row($0.id) } }
}

/// Breakdown rows in runs under one heading ("Category of abuse": emotional, neglect, …).
func breakdownGroups(_ rows: [PageRow]) -> [(heading: String, rows: [PageRow])] {
    var out: [(heading: String, rows: [PageRow])] = []
    for r in rows {
        let heading = r.definition.breakdownHeading ?? ""
        if let last = out.last, last.heading == heading {
            out[out.count - 1].rows.append(r)
        } else {
            out.append((heading, [r]))
        }
    }
    return out
}
