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
            let baseline = try ReportPage.baseline(store, before: wanted)
            let statistic = try store.neighbourStatistic()
            let council = try store.setting(.council) ?? ""
            let rows = PageModel.rows(current: current.snapshot, previous: previous?.snapshot, targets: try store.targets(),
                                      benchmarks: try store.benchmarks(), neighbourCodes: try store.neighbours(of: council), statistic: statistic,
                                      commentary: try store.comments(month: wanted), teams: teams, council: council, baseline: baseline?.snapshot)
            let name = Words.council(name: try store.councilName(), code: council)
            let heading = ReportHeading(council: name, asAt: current.snapshot.asAt, previousMonth: previous?.month,
                                        population: current.snapshot.population, statistic: statistic, demo: try store.isDemo(),
                                        replacements: current.replacements, dataQualityNotes: current.dataQualityCount,
                                        baseline: baseline?.month)
            return ReportPage(heading: heading, snapshot: current.snapshot, rows: rows)
        }
    }

    /// The page in a text format, text laid out for `width` characters; nil for xlsx (`ReportWorkbook`).
    public func render(_ format: OutputFormat, width: Int = ReportText.defaultWidth) -> String? {
        ReportText.render(format, heading, snapshot, rows, width: width)
    }

    /// The stored baseline month's figures, when a baseline is set, stored, and before `month`
    /// (a month is not compared with itself or a later one).
    public static func baseline(_ store: Store, before month: YearMonth) throws -> StoredMonth? {
        guard let b = try store.baseline(), b < month else { return nil }
        return try store.month(b)
    }
}
