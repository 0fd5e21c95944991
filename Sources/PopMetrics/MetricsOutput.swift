import PopCalendar
import PopExtract

/// `pop metrics` output (data contract, section 6): one JSON object, or CSV rows.
public enum MetricsOutput {
    public static func json(_ s: Snapshot) -> String {
        var out = "{\n"
        out += "  \"as_at\": \(quote(s.asAt.iso)),\n"
        let p = s.population
        out += "  \"population\": {\"age_0_17\": \(number(p.age0to17)), \"age_10_17\": \(number(p.age10to17)), \"source\": \(quote(p.source))},\n"
        if p.isMissing { out += "  \"population_missing\": true,\n" }
        out += "  \"lists_not_supplied\": [\(s.missingLists.map { quote($0.fileName) }.joined(separator: ", "))],\n"
        out += "  \"indicators\": [\n"
        out += s.values.map { v in
            "    {\"id\": \(quote(v.id)), \"team\": \(v.team.map(quote) ?? "null"), \"numerator\": \(number(v.numerator)), "
                + "\"denominator\": \(number(v.denominator)), \"value\": \(number(v.value)), \"unit\": \(quote(v.unit.rawValue)), "
                + "\"polarity\": \(quote(v.polarity.rawValue)), \"target\": \(number(v.target)), \"variance\": \(number(v.variance)), "
                + "\"rag\": \(v.rag.map { quote($0.rawValue) } ?? "null")}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        out += "  \"data_quality\": [\n"
        out += s.dataQuality.map { q in
            "    {\"file\": \(quote(q.file)), \"line\": \(q.line), \"column\": \(quote(q.column)), \"value\": \(quote(q.value)), \"problem\": \(quote(q.problem))}"
        }.joined(separator: ",\n")
        out += s.dataQuality.isEmpty ? "  ]\n}\n" : "\n  ]\n}\n"
        return out
    }

    public static let csvHeader = "id,team,numerator,denominator,value,unit,polarity,target,variance,rag"

    public static func csv(_ s: Snapshot) -> String {
        var out = csvHeader + "\n"
        for v in s.values {
            let cells = [v.id, v.team ?? "", cell(v.numerator), cell(v.denominator), cell(v.value), v.unit.rawValue,
                         v.polarity.rawValue, cell(v.target), cell(v.variance), v.rag?.rawValue ?? ""]
            out += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    static func cell(_ v: Int?) -> String { v.map(String.init) ?? "" }
    static func cell(_ v: Double?) -> String { v.map(format) ?? "" }

    static func number(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    static func number(_ v: Double?) -> String { v.map(format) ?? "null" }

    /// Shortest text that reads back as the same double; whole numbers without ".0" noise kept
    /// as JSON numbers (`95.0` stays `95.0`, a valid JSON number).
    static func format(_ d: Double) -> String { d.isFinite ? "\(d)" : "null" }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    public static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
        }
        return s
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
