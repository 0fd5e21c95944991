import PopCalendar
import PopExtract
import PopMetrics

/// `pop metrics` output (data contract, section 6): one JSON object, or CSV rows.
public enum MetricsOutput {
    /// The snapshot as one JSON object; `childIDs` names children in the data-quality list.
    public static func json(_ s: Snapshot, childIDs: Bool = false) -> String {
        var out = "{\n"
        out += "  \"as_at\": \(JSONText.quote(s.asAt.iso)),\n"
        out += JSONText.population(s.population, flagMissing: true)
        out += JSONText.listsNotSupplied(s.missingLists)
        out += "  \"indicators\": [\n"
        // Written as bytes: tens of thousands of rows at 10M (the text `indicatorFields` and
        // `intervalFields` give, which a test checks row by row).
        var rows = JSONBytes(capacity: s.values.count * 240)
        for (i, v) in s.values.enumerated() {
            if i > 0 { rows.append(",\n") }
            rows.indicatorRow(v)
        }
        out += rows.string
        out += "\n  ],\n"
        out += JSONText.unavailable(s.unavailable)
        return out + JSONText.dataQuality(s.dataQuality, childIDs: childIDs)
    }

    public static let csvHeader = "id,team,numerator,denominator,value,unit,polarity,target,variance,rag"

    /// The same rows as CSV; each ends with its `basis` (empty for most rows).
    public static func csv(_ s: Snapshot) -> String {
        csvHeader + ",basis\n" + s.values.map { CSVText.row(CSVText.indicatorCells($0) + [$0.basis ?? ""]) }.joined()
    }
}
