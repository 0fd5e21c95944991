import PopCalendar
import PopExtract

/// Computes every indicator of an extract as at a reporting date.
public enum Engine {
    /// Streams the extract folder's lists through the reporting date's windows and computes.
    public static func compute(folder: String, asAt: Day, population: Population, calendar: WorkingCalendar = .englandAndWales,
                               targets: TargetSet = TargetSet()) throws(ExtractError) -> Snapshot {
        var rows = MonthRows(asAt: asAt)
        try ExtractReader.read(folder: folder, asAt: asAt, into: &rows)
        return compute(rows, population: population, calendar: calendar, targets: targets)
    }

    /// Computes from an extract already read in full.
    public static func compute(_ extract: Extract, asAt: Day, population: Population,
                               calendar: WorkingCalendar = .englandAndWales, targets: TargetSet = TargetSet()) -> Snapshot {
        compute(MonthRows(extract, asAt: asAt), population: population, calendar: calendar, targets: targets)
    }

    public static func compute(_ rows: MonthRows, population: Population, calendar: WorkingCalendar = .englandAndWales,
                               targets: TargetSet = TargetSet()) -> Snapshot {
        let cohorts = Cohorts(rows: rows, calendar: calendar)
        var values: [IndicatorValue] = []
        for m in Catalogue.measures {
            // A list not supplied means no data for its indicators, never zeros.
            guard m.definitions[0].lists.allSatisfy(rows.supplies) else { continue }
            values += m.compute(cohorts, population)
        }
        for i in values.indices { targets.judge(&values[i], asAt: rows.asAt) }
        let missing = ListKind.allCases.filter { !rows.supplies($0) }
        return Snapshot(asAt: rows.asAt, population: population, values: values,
                        dataQuality: rows.dataQuality + cohorts.warnings, missingLists: missing)
    }
}
