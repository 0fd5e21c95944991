import PopMetrics
import PopPage
import PopStore

/// `pop benchmarks show`: an indicator's stored benchmarks by year.
public enum BenchmarkTable {
    public static func text(_ indicator: IndicatorID, store: Store) throws(PopError) -> String {
        guard let def = Catalogue.definition(indicator) else { throw PopError(.notFound, "\"\(indicator)\" is not an indicator pop knows") }
        return try storing("reading benchmarks") {
            let council = try store.setting(.council) ?? ""
            let neighbours = try store.neighbours(of: council)
            let all = try store.benchmarks(indicator: indicator)
            guard !all.isEmpty else { return "no benchmarks for \(indicator): load them with pop benchmarks import\n" }
            var out = "\(def.title) (\(indicator)) · council \(council) · \(neighbours.count) statistical neighbours\n"
            out += "period    SN mean  SN median  England   Region  Council  Rank       Eng. rank   Band\n"
            for period in Set(all.map(\.period)).sorted() {
                let rows = all.filter { $0.period == period }
                func v(_ what: String) -> String { rows.first { $0.what == what }.map { Display.decimal($0.value) } ?? "–" }
                var rank = "–", national = "–", band = "–"
                if let mine = rows.first(where: { $0.what == council })?.value {
                    let value = IndicatorValue(id: indicator, team: nil, numerator: nil, denominator: nil, value: mine, unit: def.unit, polarity: def.polarity)
                    if let c = PageModel.neighbourComparison(value, benchmarks: rows, period: period, neighbourCodes: neighbours, statistic: .mean),
                       let r = c.rank, let of = c.rankedAmong { rank = "\(r) of \(of)" }
                    if let s = PageModel.standing(value, benchmarks: rows, period: period, council: council), let r = s.rank, let of = s.rankOf {
                        national = "\(r) of \(of)"
                        band = s.band?.rawValue ?? "–"
                    }
                }
                out += "\(period)  " + [v("sn_mean"), v("sn_median"), v("england"), v("region"), v(council)].map { Display.padLeft($0, 9) }.joined()
                    + "  " + Display.padRight(rank, 11) + Display.padRight(national, 12) + band + "\n"
            }
            let sources = Set(all.filter { $0.what.hasPrefix("sn_") }.map(\.source)).sorted()
            return out + "SN sources: " + sources.joined(separator: "; ") + "\n"
        }
    }
}
