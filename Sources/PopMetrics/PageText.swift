import PopExtract

/// The performance page as plain text: each service's indicators with value, target, variance
/// and RAG (symbol and letter, never colour alone).
public enum PageText {
    public static func render(_ s: Snapshot, council: String, populationNote: String) -> String {
        var out = "\(council) · performance as at \(s.asAt.annexA) · \(populationNote)\n"
        for service in Service.allCases {
            let defs = Catalogue.definitions.filter { $0.service == service }
            out += "\n" + service.title.uppercased() + "\n"
            let rows = defs.compactMap { d in s.value(d.id).map { (d, $0) } }
            if rows.isEmpty {
                let lists = Set(defs.flatMap(\.lists)).sorted().map(\.fileName).joined(separator: ", ")
                out += "  not supplied: the extract has no \(lists)\n"
                continue
            }
            for (d, v) in rows {
                var line = d.isBreakdown
                    ? "    " + pad(d.title, 36) + leftPad(v.numerator.map(Display.grouped) ?? "–", 8) + leftPad(Display.value(v), 9)
                    : "  " + pad(d.title, 46) + leftPad(Display.value(v), 9)
                if let t = v.target {
                    line += "  target " + leftPad(Display.value(IndicatorValue(id: v.id, team: nil, numerator: nil, denominator: nil,
                                                                             value: t, unit: v.unit, polarity: v.polarity)), 6)
                    if let variance = v.variance { line += "  " + leftPad(Display.variance(variance, targetIsZero: t == 0), 8) }
                    if let rag = v.rag { line += "  " + symbol(rag) + " " + rag.letter }
                }
                out += line + "\n"
            }
        }
        if !s.dataQuality.isEmpty { out += "\n\(s.dataQuality.count) data-quality notes (pop metrics lists them)\n" }
        return out
    }

    public static func symbol(_ r: RAG) -> String {
        switch r { case .green: "✔"; case .amber: "◆"; case .red: "✖" }
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    static func leftPad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
}
