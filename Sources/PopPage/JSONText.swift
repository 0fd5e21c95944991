import PopExtract
import PopMetrics

/// JSON and CSV pieces every machine output shares: quoting, numbers, the population, the
/// lists not supplied and the data-quality list.
public enum JSONText {
    public static func quote(_ s: String) -> String {
        var s = s
        // Most strings need no escaping: they are copied as they are.
        if s.withUTF8({ JSONBytes.plain($0) }) { return "\"" + s + "\"" }
        return escaped(s)
    }

    /// `quote`, one Unicode scalar at a time: the way every string is written that holds a
    /// character JSON (or a terminal) needs escaped.
    static func escaped(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // C0 controls as JSON requires; DEL and C1 too, so no terminal acts on them.
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    public static func number(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    public static func number(_ v: Double?) -> String { v.map(format) ?? "null" }
    public static func bool(_ v: Bool?) -> String { v.map { $0 ? "true" : "false" } ?? "null" }

    /// Shortest text that reads back as the same double (`95.0` stays `95.0`, a valid JSON
    /// number); not finite → null.
    public static func format(_ d: Double) -> String { d.isFinite ? "\(d)" : "null" }

    /// `"population": {…},` and, when none is known, `"population_missing": true,`.
    static func population(_ p: Population, flagMissing: Bool) -> String {
        var out = "  \"population\": {\"age_0_17\": \(number(p.age0to17)), \"age_10_17\": \(number(p.age10to17)), \"source\": \(quote(p.source))},\n"
        if flagMissing && p.isMissing { out += "  \"population_missing\": true,\n" }
        return out
    }

    static func listsNotSupplied(_ missing: [ListKind]) -> String {
        "  \"lists_not_supplied\": [\(missing.map { quote($0.fileName) }.joined(separator: ", "))],\n"
    }

    /// `"data_quality": [ … ]` closing the object. A workbook's entries also name the sheet and
    /// cell. A child's ID is printed only when asked for (`pop metrics --ids`). Written as bytes:
    /// the list can hold hundreds of thousands of entries.
    static func dataQuality(_ issues: [DataQualityIssue], childIDs: Bool = false) -> String {
        var out = JSONBytes(capacity: 64 + issues.count * 200)
        out.append("  \"data_quality\": [\n")
        for (i, q) in issues.enumerated() {
            if i > 0 { out.append(",\n") }
            out.append("    {\"file\": ")
            out.quoted(q.file)
            if let sheet = q.sheet {
                out.append(", \"sheet\": ")
                out.quoted(sheet)
            }
            out.append(", \"line\": ")
            out.integer(q.line)
            out.append(", \"column\": ")
            out.quoted(q.column)
            if let cell = q.cell {
                out.append(", \"cell\": ")
                out.quoted(cell)
            }
            out.append(", \"value\": ")
            out.quoted(childIDs || q.value.isEmpty || !Column.namesSomeone(q.column) ? q.value
                       : q.column == Column.childID ? Words.childIDHidden : Words.nameHidden)
            out.append(", \"problem\": ")
            out.quoted(q.problem)
            out.append("}")
        }
        out.append(issues.isEmpty ? "  ]\n}\n" : "\n  ]\n}\n")
        return out.string
    }

    /// The fields every indicator row carries, as `"key": value` pairs; `basis` only on a row
    /// computed by a fallback definition.
    static func indicatorFields(_ v: IndicatorValue) -> String {
        "\"id\": \(quote(v.id.rawValue)), \"team\": \(v.team.map(quote) ?? "null"), \"numerator\": \(number(v.numerator)), "
            + "\"denominator\": \(number(v.denominator)), \"value\": \(number(v.value)), \"unit\": \(quote(v.unit.rawValue)), "
            + "\"polarity\": \(quote(v.polarity.rawValue)), \"target\": \(number(v.target)), \"variance\": \(number(v.variance)), "
            + "\"rag\": \(v.rag.map { quote($0.rawValue) } ?? "null")" + (v.basis.map { ", \"basis\": \(quote($0))" } ?? "")
    }

    /// `"unavailable": [ … ],`: an indicator (or its team rows, `"team": "*"`) a list could not
    /// give for want of a column.
    static func unavailable(_ list: [Unavailable]) -> String {
        var out = "  \"unavailable\": ["
        out += list.map { u in
            var o = "\n    {\"id\": \(quote(u.id.rawValue)), "
            if u.teamRowsOnly { o += "\"team\": \"*\", " }
            o += "\"file\": \(quote(u.file)), "
            if let sheet = u.sheet { o += "\"sheet\": \(quote(sheet)), " }
            return o + "\"column\": \(quote(u.column))}"
        }.joined(separator: ",")
        return out + (list.isEmpty ? "" : "\n  ") + "],\n"
    }
}

/// JSON text built as UTF-8 bytes, for long lists: a plain string is copied as it is, one that
/// needs escaping goes through `JSONText.escaped`, so the text is the same either way.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Whether UTF-8 text can stand in JSON as it is: no quote, backslash or control character
    /// (C0, DEL, and C1, which is `C2 80`–`C2 9F` in UTF-8).
    @inline(__always)
    static func plain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return false }
            // In UTF-8, C2 followed by 80–9F is a C1 control.
            if b == 0xC2 && i + 1 < n && utf8[i + 1] <= 0x9F { return false }
            i += 1
        }
        return true
    }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func quoted(_ s: String) {
        var s = s
        let done = s.withUTF8 { u -> Bool in
            guard JSONBytes.plain(u) else { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: u)
            bytes.append(0x22)
            return true
        }
        if !done { bytes.append(contentsOf: JSONText.escaped(s).utf8) }
    }

    mutating func integer(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    /// `JSONText.number`'s text, as bytes.
    mutating func number(_ v: Int?) {
        if let v { integer(v) } else { append("null") }
    }

    mutating func number(_ v: Double?) {
        guard let v, v.isFinite else { return append("null") }
        bytes.append(contentsOf: v.description.utf8)
    }

    /// `    {` + `JSONText.indicatorFields` + `JSONText.intervalFields` + `}`: one row of
    /// `pop metrics`' indicators.
    mutating func indicatorRow(_ v: IndicatorValue) {
        append("    {\"id\": ")
        quoted(v.id.rawValue)
        append(", \"team\": ")
        if let team = v.team { quoted(team) } else { append("null") }
        append(", \"numerator\": ")
        number(v.numerator)
        append(", \"denominator\": ")
        number(v.denominator)
        append(", \"value\": ")
        number(v.value)
        append(", \"unit\": ")
        quoted(v.unit.rawValue)
        append(", \"polarity\": ")
        quoted(v.polarity.rawValue)
        append(", \"target\": ")
        number(v.target)
        append(", \"variance\": ")
        number(v.variance)
        append(", \"rag\": ")
        if let rag = v.rag { quoted(rag.rawValue) } else { append("null") }
        if let basis = v.basis {
            append(", \"basis\": ")
            quoted(basis)
        }
        if v.unit == .percent {
            let ci = v.confidenceInterval
            append(", \"ci_low\": ")
            number(ci?.low)
            append(", \"ci_high\": ")
            number(ci?.high)
        }
        append("}")
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// CSV cells.
public enum CSVText {
    /// A field quoted where RFC 4180 needs it; control characters other than line breaks shown
    /// visibly (CSV has no escape for them, and CSV is often read in a terminal).
    public static func field(_ raw: String) -> String {
        let s = Words.visible(raw)
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + String(s.flatMap { $0 == "\"" ? "\"\"" : String($0) }) + "\""
        }
        return s
    }

    public static func cell(_ v: Int?) -> String { v.map(String.init) ?? "" }
    public static func cell(_ v: Double?) -> String { v.map(JSONText.format) ?? "" }

    public static func row(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\n" }

    /// The cells every indicator row carries (the basis of a fallback definition last).
    static func indicatorCells(_ v: IndicatorValue) -> [String] {
        [v.id.rawValue, v.team ?? "", cell(v.numerator), cell(v.denominator), cell(v.value), v.unit.rawValue, v.polarity.rawValue,
         cell(v.target), cell(v.variance), v.rag?.rawValue ?? ""]
    }
}
