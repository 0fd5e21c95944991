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
        var unavailable: [Unavailable] = []
        for m in Catalogue.measures {
            let def = m.definitions[0]
            guard let (missing, basis) = columns(def, rows) else { continue }
            // A template that lacks a column costs only the indicators that need it: they are
            // listed as unavailable, never shown as zero.
            if !missing.isEmpty {
                for d in m.definitions {
                    for need in missing {
                        let origin = rows.origin(need.list)
                        unavailable.append(Unavailable(id: d.id, list: need.list, file: origin.file, sheet: origin.sheet, column: need.column))
                    }
                }
                continue
            }
            var computed = m.compute(cohorts, population)
            if let basis { for i in computed.indices { computed[i].basis = basis } }
            if let team = def.teamColumn, !rows.has(team.list, team.column) {
                computed.removeAll { $0.team != nil }
                let origin = rows.origin(team.list)
                for d in m.definitions {
                    unavailable.append(Unavailable(id: d.id, teamRowsOnly: true, list: team.list, file: origin.file, sheet: origin.sheet, column: team.column))
                }
            }
            values += computed
        }
        for i in values.indices { targets.judge(&values[i], asAt: rows.asAt) }
        let missingLists = ListKind.allCases.filter { !rows.supplies($0) }
        return Snapshot(asAt: rows.asAt, population: population, values: values,
                        dataQuality: rows.dataQuality + cohorts.warnings, missingLists: missingLists, unavailable: unavailable)
    }

    /// Whether the extract can give an indicator: nil when a list it reads was not supplied (or
    /// a local column is absent) — it is absent; else the columns it needs that are missing
    /// (it is unavailable unless that is empty) and the column it falls back on, if it does.
    static func columns(_ def: IndicatorDefinition, _ rows: MonthRows) -> (missing: [ColumnNeed], basis: String?)? {
        // A list not supplied means no data for its indicators, never zeros.
        guard def.lists.allSatisfy(rows.supplies) else { return nil }
        if def.needs.contains(where: { $0.local && !rows.has($0.list, $0.column) }) { return nil }
        // A column only the team rows group by costs only the team rows.
        var missing = def.needs.filter { need in
            !need.local && (need != def.teamColumn || def.readsTeamColumn) && !rows.has(need.list, need.column)
        }
        var basis: String?
        if let f = def.fallback, missing.contains(f.replaces), rows.has(f.instead.list, f.instead.column) {
            missing.removeAll { $0 == f.replaces }
            basis = f.instead.column
        }
        return (missing, basis)
    }
}
