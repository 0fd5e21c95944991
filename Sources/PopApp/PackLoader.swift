import PopCalendar
import PopMetrics
import PopPage
import PopPack
import PopStore

/// The board pack's data, read from the store: the month and the twelve before it (what its
/// charts span), the targets, the neighbours' figures and the month's commentary. Visit lists
/// are never read, so no child ID or worker name can reach the pack.
public enum PackLoader {
    /// `dataQuality` reads the month's data-quality entries too (the workbook lists them; the
    /// pack does not).
    public static func load(_ store: Store, month: YearMonth, dataQuality: Bool = false) throws(PopError) -> PackData {
        let months = try storing("reading the stored months") { try store.months() }
        guard months.contains(month) else {
            let stored = months.isEmpty ? "none yet: use pop import" : months.map(\.description).joined(separator: ", ")
            throw PopError(.notFound, "\(month) is not stored; stored months: \(stored)")
        }
        let first = month.adding(-12)
        return try storing("reading \(month) and the twelve months before it") {
            var snapshots: [Snapshot] = []
            for m in months where m >= first && m <= month {
                if let stored = try store.month(m, dataQuality: dataQuality && m == month) { snapshots.append(stored.snapshot) }
            }
            // The baseline's figures, for the "since" column, when it is older than the charts reach.
            let baseline = try ReportPage.baseline(store, before: month)
            if let b = baseline, b.month < first { snapshots.append(b.snapshot) }
            let council = try store.setting(.council) ?? ""
            return PackData(council: Words.council(name: try store.councilName(), code: council), demo: try store.isDemo(),
                            snapshots: snapshots, targets: try store.targets(), benchmarks: try store.benchmarks(),
                            neighbourCodes: try store.neighbours(of: council), statistic: try store.neighbourStatistic(),
                            comments: [month: try store.comments(month: month)], councilCode: council, baseline: baseline?.month)
        }
    }
}
