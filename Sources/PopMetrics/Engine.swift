import PopCalendar
import PopExtract

/// Computes every indicator of an extract as at a reporting date.
public enum Engine {
    public static func compute(_ extract: Extract, asAt: Day, population: Population,
                               calendar: WorkingCalendar = .englandAndWales, targets: TargetSet = TargetSet()) -> Snapshot {
        let cohorts = Cohorts(extract: extract, asAt: asAt, calendar: calendar)
        var values: [IndicatorValue] = []
        for m in Catalogue.measures {
            // A list not supplied means no data for its indicators, never zeros.
            guard m.definitions[0].lists.allSatisfy(extract.supplies) else { continue }
            values += m.compute(cohorts, population)
        }
        for i in values.indices { targets.judge(&values[i], asAt: asAt) }
        let missing = ListKind.allCases.filter { !extract.supplies($0) }
        return Snapshot(asAt: asAt, population: population, values: values,
                        dataQuality: extract.dataQuality + cohorts.warnings, missingLists: missing)
    }
}
