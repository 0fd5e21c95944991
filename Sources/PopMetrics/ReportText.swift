import PopCalendar
import PopExtract

/// What a report page says about itself: whose, when, against what.
public struct ReportHeading: Sendable {
    public let council: String
    public let asAt: Day
    public let previousMonth: YearMonth?
    public let populationNote: String
    public let neighbourNote: String
    public let demo: Bool
    public let replacements: Int

    public init(council: String, asAt: Day, previousMonth: YearMonth?, populationNote: String, neighbourNote: String, demo: Bool,
                replacements: Int = 0) {
        self.council = council
        self.asAt = asAt
        self.previousMonth = previousMonth
        self.populationNote = populationNote
        self.neighbourNote = neighbourNote
        self.demo = demo
        self.replacements = replacements
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]

    public static func longDate(_ d: Day) -> String { "\(d.dayOfMonth) \(monthNames[d.month - 1]) \(d.year)" }
    public static func monthName(_ m: YearMonth) -> String { "\(monthNames[m.month - 1]) \(m.year)" }

    var title: String {
        "\(council) · performance as at \(ReportHeading.longDate(asAt)) · \(populationNote) · \(neighbourNote)" + (demo ? " · DEMO DATA" : "")
    }

    var comparedWith: String {
        previousMonth.map { "Compared with \(ReportHeading.monthName($0))" } ?? "No previous month stored: no change shown"
    }
}

/// `pop report` in its four formats.
public enum ReportText {
    // MARK: cells

    public static func change(_ r: PageRow) -> String {
        guard let c = r.change else { return "–" }
        let sign = c > 0 ? "+" : c < 0 ? "-" : ""
        switch r.current.unit {
        case .percent: return sign + Display.decimal(abs(c)) + " pts"
        case .count:
            let rel = r.relativeChange.map { " (" + ($0 > 0 ? "+" : $0 < 0 ? "-" : "") + Display.decimal(abs($0)) + "%)" } ?? ""
            return sign + Display.grouped(Int(abs(c).rounded())) + rel
        case .per_10k, .per_100k:
            let rel = r.relativeChange.map { " (" + ($0 > 0 ? "+" : $0 < 0 ? "-" : "") + Display.decimal(abs($0)) + "%)" } ?? ""
            return sign + Display.decimal(abs(c)) + rel
        }
    }

    static func plain(_ x: Double, _ unit: MeasureUnit) -> String {
        unit == .count ? Display.grouped(Int(x.rounded())) : Display.decimal(x) + (unit == .percent ? "%" : "")
    }

    public static func target(_ r: PageRow) -> String { r.current.target.map { plain($0, r.current.unit) } ?? "" }

    public static func variance(_ r: PageRow) -> String {
        r.current.variance.map { Display.variance($0, targetIsZero: r.current.target == 0) } ?? ""
    }

    public static func rag(_ r: PageRow) -> String { r.current.rag.map { PageText.symbol($0) + " " + $0.letter } ?? "" }

    public static func neighbour(_ r: PageRow) -> String {
        guard let sn = r.neighbours else { return "" }
        return plain(sn.value, r.current.unit)
    }

    public static func versusNeighbours(_ r: PageRow) -> String {
        guard let sn = r.neighbours, let d = sn.difference else { return "" }
        let word = sn.better.map { $0 ? " better" : " worse" } ?? ""
        return (d > 0 ? "+" : d < 0 ? "-" : "") + Display.decimal(abs(d)) + word
    }

    public static func rank(_ r: PageRow) -> String {
        guard let sn = r.neighbours, let rank = sn.rank, let of = sn.rankedAmong else { return "" }
        return "\(rank) of \(of)"
    }

    static func value(_ r: PageRow) -> String {
        r.definition.isBreakdown ? "\(r.current.numerator.map(Display.grouped) ?? "–") (\(Display.value(r.current)))" : Display.value(r.current)
    }

    static func previous(_ r: PageRow) -> String {
        guard let p = r.previous else { return "–" }
        return r.definition.isBreakdown ? "\(p.numerator.map(Display.grouped) ?? "–") (\(Display.value(p)))" : Display.value(p)
    }

    static func grouped(_ rows: [PageRow]) -> [(Service, [PageRow])] {
        Service.allCases.map { s in (s, rows.filter { $0.definition.service == s }) }
    }

    static func pad(_ s: String, _ n: Int) -> String { Display.padRight(s, n) }
    static func left(_ s: String, _ n: Int) -> String { Display.padLeft(s, n) }

    // MARK: formats

    public static func text(_ h: ReportHeading, _ rows: [PageRow], missing: [ListKind]) -> String {
        var out = h.title + "\n" + h.comparedWith + (h.replacements > 0 ? " · this month was re-imported \(h.replacements)×" : "") + "\n"
        for (service, rs) in grouped(rows) {
            out += "\n" + service.title.uppercased() + "\n"
            if rs.isEmpty {
                out += "  not supplied: " + notSupplied(service, missing) + "\n"
                continue
            }
            out += "  " + pad("Indicator", 46) + left("Value", 14) + left("Last month", 14) + left("Change", 16) + left("Target", 8)
                + left("Variance", 10) + "  RAG  " + left("SN", 7) + left("vs SN", 14) + left("Rank", 9) + "\n"
            for r in rs {
                out += "  " + pad((r.definition.isBreakdown ? "  " : "") + r.definition.title, 46) + left(value(r), 14) + left(previous(r), 14)
                    + left(change(r), 16) + left(target(r), 8) + left(variance(r), 10) + "  " + pad(rag(r), 5) + left(neighbour(r), 7)
                    + left(versusNeighbours(r), 14) + left(rank(r), 9) + "\n"
                if let c = r.commentary { out += "      Comment: \(c)\n" }
            }
        }
        out += "\nRAG: ✔ G met target · ◆ A within tolerance · ✖ R missed. Change in points for percentages.\n"
        return out
    }

    public static func markdown(_ h: ReportHeading, _ rows: [PageRow], missing: [ListKind]) -> String {
        var out = "# " + h.title + "\n\n" + h.comparedWith + (h.replacements > 0 ? " · this month was re-imported \(h.replacements)×" : "") + "\n"
        for (service, rs) in grouped(rows) {
            out += "\n## \(service.title)\n\n"
            if rs.isEmpty {
                out += "Not supplied: " + notSupplied(service, missing) + "\n"
                continue
            }
            out += "| Indicator | Value | Last month | Change | Target | Variance | RAG | SN | vs SN | Rank |\n"
            out += "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n"
            for r in rs {
                let cells = [(r.definition.isBreakdown ? "… " : "") + r.definition.title, value(r), previous(r), change(r), target(r),
                             variance(r), rag(r), neighbour(r), versusNeighbours(r), rank(r)]
                out += "| " + cells.map { $0.replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |\n"
            }
            let comments = rs.compactMap { r in r.commentary.map { "- **\(r.definition.title)**: \($0)" } }
            if !comments.isEmpty { out += "\nData comments:\n\n" + comments.joined(separator: "\n") + "\n" }
        }
        let labels = Set(rows.compactMap { $0.neighbours.map { "\($0.label): \($0.source)" } }).sorted()
        if !labels.isEmpty { out += "\nStatistical neighbours: " + labels.joined(separator: "; ") + "\n" }
        return out
    }

    public static let csvHeader = MetricsOutput.csvHeader
        + ",previous,change,relative_change,direction,sn_label,sn_value,sn_difference,sn_better,sn_rank,sn_of,commentary"

    public static func csv(_ rows: [PageRow]) -> String {
        var out = csvHeader + "\n"
        for r in rows {
            let v = r.current, sn = r.neighbours
            let cells: [String] = [
                v.id, v.team ?? "", MetricsOutput.cell(v.numerator), MetricsOutput.cell(v.denominator), MetricsOutput.cell(v.value),
                v.unit.rawValue, v.polarity.rawValue, MetricsOutput.cell(v.target), MetricsOutput.cell(v.variance), v.rag?.rawValue ?? "",
                MetricsOutput.cell(r.previous?.value), MetricsOutput.cell(r.change), MetricsOutput.cell(r.relativeChange),
                r.direction?.rawValue ?? "", sn?.label ?? "", MetricsOutput.cell(sn?.value), MetricsOutput.cell(sn?.difference),
                sn?.better.map { $0 ? "better" : "worse" } ?? "", sn?.rank.map(String.init) ?? "", sn?.rankedAmong.map(String.init) ?? "",
                r.commentary ?? "",
            ]
            out += cells.map(MetricsOutput.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    public static func json(_ h: ReportHeading, _ s: Snapshot, _ rows: [PageRow]) -> String {
        let q = MetricsOutput.quote
        var out = "{\n  \"council\": \(q(h.council)),\n  \"as_at\": \(q(s.asAt.iso)),\n  \"month\": \(q(YearMonth(s.asAt).description)),\n"
        out += "  \"previous_month\": \(h.previousMonth.map { q($0.description) } ?? "null"),\n  \"demo\": \(h.demo),\n"
        let p = s.population
        out += "  \"population\": {\"age_0_17\": \(MetricsOutput.number(p.age0to17)), \"age_10_17\": \(MetricsOutput.number(p.age10to17)), \"source\": \(q(p.source))},\n"
        out += "  \"lists_not_supplied\": [\(s.missingLists.map { q($0.fileName) }.joined(separator: ", "))],\n"
        out += "  \"indicators\": [\n"
        out += rows.map { r in
            let v = r.current
            var o = "    {\"id\": \(q(v.id)), \"team\": \(v.team.map(q) ?? "null"), \"numerator\": \(MetricsOutput.number(v.numerator)), "
            o += "\"denominator\": \(MetricsOutput.number(v.denominator)), \"value\": \(MetricsOutput.number(v.value)), \"unit\": \(q(v.unit.rawValue)), "
            o += "\"polarity\": \(q(v.polarity.rawValue)), \"target\": \(MetricsOutput.number(v.target)), \"variance\": \(MetricsOutput.number(v.variance)), "
            o += "\"rag\": \(v.rag.map { q($0.rawValue) } ?? "null"), \"previous\": \(MetricsOutput.number(r.previous?.value)), "
            o += "\"change\": \(MetricsOutput.number(r.change)), \"relative_change\": \(MetricsOutput.number(r.relativeChange)), "
            o += "\"direction\": \(r.direction.map { q($0.rawValue) } ?? "null"), \"sn\": "
            if let sn = r.neighbours {
                o += "{\"statistic\": \(q(sn.statistic.rawValue)), \"period\": \(q(sn.period)), \"value\": \(MetricsOutput.number(sn.value)), "
                o += "\"source\": \(q(sn.source)), \"difference\": \(MetricsOutput.number(sn.difference)), "
                o += "\"better\": \(sn.better.map { $0 ? "true" : "false" } ?? "null"), \"rank\": \(MetricsOutput.number(sn.rank)), "
                o += "\"of\": \(MetricsOutput.number(sn.rankedAmong))}"
            } else {
                o += "null"
            }
            return o + ", \"commentary\": \(r.commentary.map(q) ?? "null")}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"data_quality\": [\n"
        out += s.dataQuality.map { d in
            "    {\"file\": \(q(d.file)), \"line\": \(d.line), \"column\": \(q(d.column)), \"value\": \(q(d.value)), \"problem\": \(q(d.problem))}"
        }.joined(separator: ",\n")
        out += (s.dataQuality.isEmpty ? "" : "\n") + "  ]\n}\n"
        return out
    }

    static func notSupplied(_ service: Service, _ missing: [ListKind]) -> String {
        let lists = Set(Catalogue.definitions.filter { $0.service == service }.flatMap(\.lists)).sorted().filter { missing.contains($0) }
        return "the extract has no " + lists.map(\.fileName).joined(separator: ", ")
    }
}
