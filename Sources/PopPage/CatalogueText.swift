import PopMetrics

/// The indicator catalogue as Markdown, for docs/indicators.md and `pop indicators`.
public enum CatalogueText {
    public static func markdown() -> String {
        var out = ""
        for service in Service.allCases {
            out += "## \(service.title)\n\n"
            out += "| id | indicator | unit | better when | by team | what it measures |\n"
            out += "| --- | --- | --- | --- | --- | --- |\n"
            for d in Catalogue.definitions where d.service == service {
                let lists = d.lists.map(\.fileName).joined(separator: ", ")
                out += "| `\(d.id)` | \(d.title) | \(Words.unit(d)) | \(Words.better(d.polarity)) | \(d.byTeam ? "yes" : "") | \(d.definition) (\(lists)) |\n"
            }
            out += "\n"
        }
        return out
    }
}
