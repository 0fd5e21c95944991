import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopStore

/// One stored month's page, assembled from the store: its heading, its figures and their rows
/// against last month, the targets, the neighbours and the commentary.
public struct ReportPage {
    public let heading: ReportHeading
    public let snapshot: Snapshot
    public let rows: [PageRow]

    /// The page of `month` (the latest stored when nil), with team rows when `teams` is set and
    /// the data-quality entries when `dataQuality` is (only JSON prints them).
    public static func load(_ store: Store, month: YearMonth?, teams: Bool, dataQuality: Bool = false) throws(PopError) -> ReportPage {
        let months = try storing("reading the stored months") { try store.months() }
        guard let latest = months.last else { throw PopError(.notFound, "the database holds no months yet: use pop import") }
        let wanted = month ?? latest
        guard months.contains(wanted) else {
            throw PopError(.notFound, "\(wanted) is not stored; stored months: \(months.map(\.description).joined(separator: ", "))")
        }
        return try storing("reading \(wanted)") {
            guard let current = try store.month(wanted, dataQuality: dataQuality) else { throw PopError(.store, "\(wanted) could not be read") }
            let previous = try store.month(wanted.adding(-1))
            let statistic = try store.neighbourStatistic()
            let council = try store.setting(.council) ?? ""
            let rows = PageModel.rows(current: current.snapshot, previous: previous?.snapshot, targets: try store.targets(),
                                      benchmarks: try store.benchmarks(), neighbourCodes: try store.neighbours(of: council), statistic: statistic,
                                      commentary: try store.comments(month: wanted), teams: teams, council: council)
            let name = Words.council(name: try store.councilName(), code: council)
            let heading = ReportHeading(council: name, asAt: current.snapshot.asAt, previousMonth: previous?.month,
                                        population: current.snapshot.population, statistic: statistic, demo: try store.isDemo(),
                                        replacements: current.replacements, dataQualityNotes: current.dataQualityCount)
            return ReportPage(heading: heading, snapshot: current.snapshot, rows: rows)
        }
    }

    public func render(_ format: OutputFormat) -> String { ReportText.render(format, heading, snapshot, rows) }
}
