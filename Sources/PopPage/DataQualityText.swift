import PopExtract
import PopMetrics

/// The grouped data-quality list (`pop check`, the dashboard's view), for people and scripts.
public enum DataQualityText {
    /// "List 7 Child Protection" or "list7.csv" or "sheet List 7".
    public static func place(_ g: DataQualityGroup) -> String {
        let where_ = g.sheet.map { "\(g.file), sheet \($0)" } ?? g.file
        return where_ + (g.list.map { " (\($0.title))" } ?? "")
    }

    /// Where one entry is: `line 12`, or `row 12, cell J12` in a workbook.
    public static func position(_ q: DataQualityIssue) -> String {
        if q.sheet != nil { return "row \(q.line)" + (q.cell.map { ", cell \($0)" } ?? "") }
        return "line \(q.line)"
    }

    public static func kind(_ k: DataQualityGroup.Kind) -> String {
        switch k {
        case .missingColumn: "missing column"
        case .entry(let k): k == .other ? "other" : k.rawValue
        }
    }

    /// One group as a line of text: what, where, how many, which indicators.
    public static func summary(_ g: DataQualityGroup) -> String {
        var s = "\(kind(g.kind)): \(g.column)"
        if !g.value.isEmpty { s += " \"\(g.value)\"" }
        if case .missingColumn = g.kind { return s + " — " + (g.affects.isEmpty ? "no indicator reads it" : "unavailable: " + g.affects.map(\.rawValue).joined(separator: ", ")) }
        s += " — \(Display.grouped(g.count)) row\(g.count == 1 ? "" : "s") (\(g.first.map(position).joined(separator: "; "))\(g.count > g.first.count ? "; …" : ""))"
        return s
    }

    /// One line of the grouped list: a place (file or sheet and list), a group under it, or a
    /// detail of the group (its problem, the indicators it affects).
    public struct Line: Sendable, Equatable {
        public enum Level: Sendable, Equatable { case place, group, detail }
        public let level: Level
        public let text: String
        /// The group's kind, for a group line (so a view can mark missing columns).
        public let kind: DataQualityGroup.Kind?

        public var indented: String {
            switch level {
            case .place: text
            case .group: "  " + text
            case .detail: "    " + text
            }
        }
    }

    /// "12 problems in 2 groups".
    public static func total(_ groups: [DataQualityGroup]) -> String {
        let total = groups.reduce(0) { $0 + $1.count }
        return "\(Display.grouped(total)) problem\(total == 1 ? "" : "s") in \(groups.count) group\(groups.count == 1 ? "" : "s")"
    }

    /// The groups as lines under their places, as `pop check` prints them and the dashboard shows them.
    public static func lines(_ groups: [DataQualityGroup]) -> [Line] {
        var out: [Line] = []
        var last = ""
        for g in groups {
            let p = place(g)
            if p != last {
                out.append(Line(level: .place, text: Words.visible(p), kind: nil))
                last = p
            }
            out.append(Line(level: .group, text: Words.visible(summary(g)), kind: g.kind))
            if case .entry = g.kind {
                out.append(Line(level: .detail, text: Words.visible(g.problem), kind: nil))
                if !g.affects.isEmpty {
                    let shown = g.affects.prefix(8).map(\.rawValue).joined(separator: ", ")
                    out.append(Line(level: .detail, text: "affects: " + shown + (g.affects.count > 8 ? " and \(g.affects.count - 8) more" : ""), kind: nil))
                }
            }
        }
        return out
    }

    public static func text(_ groups: [DataQualityGroup], source: String) -> String {
        guard !groups.isEmpty else { return Words.visible("\(source): no data-quality problems found.\n") }
        var out = Words.visible("\(source): \(total(groups))") + "\n"
        for line in lines(groups) { out += (line.level == .place ? "\n" : "") + line.indented + "\n" }
        return out
    }

    public static let csvHeader = "file,sheet,list,column,kind,value,count,first,affects,problem"

    public static func csv(_ groups: [DataQualityGroup]) -> String {
        csvHeader + "\n" + groups.map { g in
            CSVText.row([g.file, g.sheet ?? "", g.list?.rawValue ?? "", g.column, kind(g.kind), g.value, String(g.count),
                         g.first.map(position).joined(separator: "; "), g.affects.map(\.rawValue).joined(separator: " "), g.problem])
        }.joined()
    }

    public static func json(_ groups: [DataQualityGroup], source: String) -> String {
        let q = JSONText.quote
        var out = "{\n  \"source\": \(q(source)),\n  \"problems\": \(groups.reduce(0) { $0 + $1.count }),\n  \"groups\": ["
        out += groups.map { g in
            var o = "\n    {\"file\": \(q(g.file)), \"sheet\": \(g.sheet.map(q) ?? "null"), \"list\": \(g.list.map { q($0.rawValue) } ?? "null"), "
            o += "\"column\": \(q(g.column)), \"kind\": \(q(kind(g.kind))), \"value\": \(q(g.value)), \"count\": \(g.count), \"first\": ["
            o += g.first.map { f in "{\"line\": \(f.line)" + (f.cell.map { ", \"cell\": \(q($0))" } ?? "") + "}" }.joined(separator: ", ")
            o += "], \"affects\": [\(g.affects.map { q($0.rawValue) }.joined(separator: ", "))], \"problem\": \(q(g.problem))}"
            return o
        }.joined(separator: ",")
        return out + (groups.isEmpty ? "" : "\n  ") + "]\n}\n"
    }
}
