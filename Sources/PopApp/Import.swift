import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopStore

/// `pop import`: check an extract, compute its month and store it, all or nothing.
public enum MonthImport {
    public struct Result: Sendable {
        public let month: YearMonth
        public let asAt: Day
        public let version: Int
        public let replaced: Bool
        /// Indicators the import it replaced had and this one has not.
        public let lost: [IndicatorID]
        public let figures: Int
        public let notes: Int
        public let population: Population

        /// "imported January 2019 (as at 2019-01-31): 185 figures, …".
        public var summary: String {
            "\(replaced ? "replaced" : "imported") \(Words.monthName(month)) (as at \(asAt.iso)): \(figures) figures, "
                + "\(notes) data-quality notes; population \(population.source)"
                + (replaced ? "; the import it replaces is kept as an earlier version (pop months, pop restore)" : "")
        }

        /// A loud warning when indicators the month had are no longer there.
        public var warning: String? {
            lost.isEmpty ? nil : "WARNING: this import has no figures for \(lost.count) indicator\(lost.count == 1 ? "" : "s") the month had before: "
                + lost.map(\.rawValue).joined(separator: ", ") + ". pop restore \(month) \(version - 1) brings the earlier import back."
        }
    }

    /// Reads and checks everything before the database is touched: a refused extract changes nothing.
    public static func run(extract: String, asAt: Day, population: Int?, population10to17: Int?, store path: String) throws(PopError) -> Result {
        try PopulationSource.check(age0to17: population, age10to17: population10to17)
        let rows = try Inputs.monthRows(extract: extract, asAt: asAt)
        let store = try Database.open(path)
        let pop = try PopulationSource.resolve(age0to17: population, age10to17: population10to17, asAt: asAt, store: store)
        let snapshot = Engine.compute(rows, population: pop)
        let outcome = try storing("storing \(YearMonth(asAt))") {
            try store.importMonth(snapshot, visits: VisitList.children(rows), source: extract, importedAt: Clock.now())
        }
        return Result(month: YearMonth(asAt), asAt: asAt, version: outcome.version, replaced: outcome.replaced, lost: outcome.lostIndicators,
                      figures: snapshot.values.count, notes: snapshot.dataQuality.count, population: pop)
    }
}
