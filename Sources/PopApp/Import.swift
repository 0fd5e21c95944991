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
        /// Indicators the extract could not give, for want of a column.
        public let unavailable: [Unavailable]
        /// Indicators computed by a fallback definition, and from which column.
        public let fallbacks: [(IndicatorID, String)]

        /// "imported January 2019 (as at 2019-01-31): 185 figures, …".
        public var summary: String {
            "\(replaced ? "replaced" : "imported") \(Words.monthName(month)) (as at \(asAt.iso)): \(figures) figures, "
                + "\(notes) data-quality notes; population \(population.source)"
                + (replaced ? "; the import it replaces is kept as an earlier version (pop months, pop restore)" : "")
        }

        /// What the import could not give, and the loud warning when indicators the month had
        /// before are no longer there.
        public var warnings: [String] {
            var out: [String] = []
            for u in unavailable {
                out.append("\(u.id)\(u.teamRowsOnly ? " (team rows)" : ""): " + Words.unavailable(u))
            }
            for (id, basis) in fallbacks { out.append("\(id): computed from \(basis) (this template has no Latest Date of Contact)") }
            if !lost.isEmpty {
                out.append("WARNING: this import has no figures for \(lost.count) indicator\(lost.count == 1 ? "" : "s") the month had before: "
                    + lost.map(\.rawValue).joined(separator: ", ") + ". pop restore \(month) \(version - 1) brings the earlier import back.")
            }
            return out
        }
    }

    /// Reads and checks everything before the database is touched: a refused extract changes nothing.
    /// `codes` is a codes file given for this import; without one, the stored codes file applies.
    public static func run(extract: String, asAt: Day, population: Int?, population10to17: Int?, codes: String?, strict: Bool,
                           store path: String) throws(PopError) -> Result {
        try PopulationSource.check(age0to17: population, age10to17: population10to17)
        var codeMap = try Inputs.codes(codes)
        // The stored codes file is read from the store, which opening would create: only when it exists.
        if codes == nil, Store.exists(path) { codeMap = try Inputs.storedCodes(try Database.open(path)) }
        let rows = try Inputs.monthRows(extract: extract, asAt: asAt, options: ReadOptions(codes: codeMap))
        let preview = Engine.compute(rows, population: Population())
        if strict { try Inputs.checkStrict(preview) }
        let store = try Database.open(path)
        let pop = try PopulationSource.resolve(age0to17: population, age10to17: population10to17, asAt: asAt, store: store)
        let snapshot = Engine.compute(rows, population: pop)
        let outcome = try storing("storing \(YearMonth(asAt))") {
            try store.importMonth(snapshot, visits: VisitList.children(rows), workers: WorkerList.workers(rows), source: extract, importedAt: Clock.now())
        }
        return Result(month: YearMonth(asAt), asAt: asAt, version: outcome.version, replaced: outcome.replaced, lost: outcome.lostIndicators,
                      figures: snapshot.values.count, notes: snapshot.dataQuality.count, population: pop, unavailable: snapshot.unavailable,
                      fallbacks: snapshot.values.filter { $0.basis != nil && $0.team == nil }.map { ($0.id, $0.basis ?? "") })
    }
}
