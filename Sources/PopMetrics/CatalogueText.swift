/// The indicator catalogue as Markdown, for docs/indicators.md and `pop indicators`.
public enum CatalogueText {
    public static func markdown() -> String {
        var out = ""
        for service in Service.allCases {
            out += "## \(service.title)\n\n"
            out += "| id | indicator | unit | better when | by team | what it measures |\n"
            out += "| --- | --- | --- | --- | --- | --- |\n"
            for d in Catalogue.definitions where d.service == service {
                let better = switch d.polarity { case .high: "higher"; case .low: "lower"; case .none: "(monitored)" }
                let unit = switch d.unit {
                case .count: "count"
                case .percent: d.isBreakdown ? "count and %" : "%"
                case .per_10k: "per 10,000"
                case .per_100k: "per 100,000"
                }
                let lists = d.lists.map(\.fileName).joined(separator: ", ")
                out += "| `\(d.id)` | \(d.title) | \(unit) | \(better) | \(d.byTeam ? "yes" : "") | \(d.definition) (\(lists)) |\n"
            }
            out += "\n"
        }
        return out
    }
}
