import PopCalendar
import PopExtract
import PopMetrics

/// What a report page says about itself: whose, when, against what.
public struct ReportHeading: Sendable {
    public let council: String
    public let asAt: Day
    public let previousMonth: YearMonth?
    public let population: Population
    public let statistic: NeighbourStatistic
    public let demo: Bool
    public let replacements: Int
    /// How many data-quality notes the month's import made.
    public let dataQualityNotes: Int

    public init(council: String, asAt: Day, previousMonth: YearMonth?, population: Population, statistic: NeighbourStatistic, demo: Bool,
                replacements: Int = 0, dataQualityNotes: Int = 0) {
        self.council = council
        self.asAt = asAt
        self.previousMonth = previousMonth
        self.population = population
        self.statistic = statistic
        self.demo = demo
        self.replacements = replacements
        self.dataQualityNotes = dataQualityNotes
    }

    var title: String {
        "\(council) · performance as at \(Words.longDate(asAt)) · \(Words.population(population, withSource: true)) · "
            + Words.neighbourBasis(statistic, asAt: asAt) + (demo ? " · DEMO DATA" : "")
    }

    var comparedWith: String {
        Words.comparedWith(previousMonth)
            + (replacements > 0 ? " · this month was re-imported \(replacements)×" : "")
            + (dataQualityNotes > 0 ? " · " + Words.dataQualityNotes(dataQualityNotes) + " (listed by pop report --format json and by d in the dashboard)" : "")
    }
}

/// `pop report` in its formats.
public enum ReportText {
    static let cells = RowFormat(marks: .unicode)

    public static func render(_ format: OutputFormat, _ h: ReportHeading, _ s: Snapshot, _ rows: [PageRow]) -> String {
        switch format {
        case .text: Words.visible(text(h, rows, missing: s.missingLists))
        case .markdown: Words.visible(markdown(h, rows, missing: s.missingLists))
        case .csv: csv(rows)
        case .json: json(h, s, rows)
        }
    }

    static func grouped(_ rows: [PageRow]) -> [(Service, [PageRow])] {
        Service.allCases.map { s in (s, rows.filter { $0.definition.service == s }) }
    }

    static func pad(_ s: String, _ n: Int) -> String { Display.padRight(s, n) }
    static func left(_ s: String, _ n: Int) -> String { Display.padLeft(s, n) }

    public static func text(_ h: ReportHeading, _ rows: [PageRow], missing: [ListKind]) -> String {
        var out = h.title + "\n" + h.comparedWith + "\n"
        for (service, rs) in grouped(rows) {
            out += "\n" + service.title.uppercased() + "\n"
            if rs.isEmpty {
                out += "  not supplied: " + Words.notSupplied(service, missing: missing) + "\n"
                continue
            }
            out += "  " + pad("Indicator", 46) + left("Value", 14) + left("Last month", 14) + left("Change", 16) + left("Target", 8)
                + left("Variance", 10) + "  RAG  " + left("SN", 7) + left("vs SN", 14) + left("Rank", 9)
                + left("England", 9) + left("Region", 9) + left("Eng. rank", 11) + left("Band", 6) + "\n"
            for r in rs {
                if let u = r.unavailable {
                    out += "  " + pad(r.definition.title, 46) + "  " + Words.unavailable(u) + "\n"
                    continue
                }
                out += "  " + pad((r.definition.isBreakdown ? "  " : "") + r.definition.title, 46) + left(cells.latest(r), 14)
                    + left(cells.previous(r), 14) + left(cells.signedChange(r), 16) + left(cells.target(r), 8) + left(cells.variance(r), 10)
                    + "  " + pad(cells.rag(r), 5) + left(cells.neighbour(r), 7) + left(cells.versusNeighbours(r), 14) + left(cells.rank(r), 9)
                    + left(cells.england(r), 9) + left(cells.region(r), 9) + left(cells.nationalRank(r), 11) + left(cells.band(r), 6) + "\n"
                if let c = r.commentary { out += "      Comment: \(c)\n" }
            }
        }
        out += "\n\(cells.marks.ragLegend(long: true)). Change in points for percentages.\n"
        if rows.contains(where: { $0.standing?.band != nil }) { out += Words.bandKey + "\n" }
        return out
    }

    public static func markdown(_ h: ReportHeading, _ rows: [PageRow], missing: [ListKind]) -> String {
        var out = "# " + h.title + "\n\n" + h.comparedWith + "\n"
        for (service, rs) in grouped(rows) {
            out += "\n## \(service.title)\n\n"
            if rs.isEmpty {
                out += "Not supplied: " + Words.notSupplied(service, missing: missing) + "\n"
                continue
            }
            out += "| Indicator | Value | Last month | Change | Target | Variance | RAG | SN | vs SN | Rank | England | Region | Eng. rank | Band |\n"
            out += "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n"
            for r in rs {
                let row = [(r.definition.isBreakdown ? "… " : "") + r.definition.title, cells.latest(r), cells.previous(r), cells.signedChange(r),
                           cells.target(r), cells.variance(r), cells.rag(r), cells.neighbour(r), cells.versusNeighbours(r), cells.rank(r),
                           cells.england(r), cells.region(r), cells.nationalRank(r), cells.band(r)]
                out += "| " + row.map { cell in String(cell.flatMap { $0 == "|" ? "\\|" : String($0) }) }.joined(separator: " | ") + " |\n"
            }
            let comments = rs.compactMap { r in r.commentary.map { "- **\(r.definition.title)**: \($0)" } }
            if !comments.isEmpty { out += "\nData comments:\n\n" + comments.joined(separator: "\n") + "\n" }
        }
        let labels = Set(rows.compactMap { $0.neighbours.map { "\(Words.neighbourLabel($0)): \($0.source)" } }).sorted()
        if !labels.isEmpty { out += "\nStatistical neighbours: " + labels.joined(separator: "; ") + "\n" }
        if rows.contains(where: { $0.standing?.band != nil }) { out += "\n" + Words.bandKey + "\n" }
        return out
    }

    public static let csvHeader = MetricsOutput.csvHeader
        + ",previous,change,relative_change,direction,sn_label,sn_value,sn_difference,sn_better,sn_rank,sn_of,commentary"
        + ",published_period,england,region,rank,rank_of,band,ci_low,ci_high"

    public static func csv(_ rows: [PageRow]) -> String {
        csvHeader + "\n" + rows.filter { $0.unavailable == nil }.map { r in
            let sn = r.neighbours
            return CSVText.row(CSVText.indicatorCells(r.current) + [
                CSVText.cell(r.previous?.value), CSVText.cell(r.change), CSVText.cell(r.relativeChange), r.direction.map(Words.direction) ?? "",
                sn.map(Words.neighbourLabel) ?? "", CSVText.cell(sn?.value), CSVText.cell(sn?.difference),
                sn?.better.map { $0 ? "better" : "worse" } ?? "", CSVText.cell(sn?.rank), CSVText.cell(sn?.rankedAmong), r.commentary ?? "",
                r.standing?.period ?? "", CSVText.cell(r.standing?.england), CSVText.cell(r.standing?.region), CSVText.cell(r.standing?.rank),
                CSVText.cell(r.standing?.rankOf), r.standing?.band?.rawValue ?? "", CSVText.cell(r.interval?.low), CSVText.cell(r.interval?.high),
            ])
        }.joined()
    }

    public static func json(_ h: ReportHeading, _ s: Snapshot, _ rows: [PageRow]) -> String {
        let q = JSONText.quote
        var out = "{\n  \"council\": \(q(h.council)),\n  \"as_at\": \(q(s.asAt.iso)),\n  \"month\": \(q(YearMonth(s.asAt).description)),\n"
        out += "  \"previous_month\": \(h.previousMonth.map { q($0.description) } ?? "null"),\n  \"demo\": \(h.demo),\n"
        out += JSONText.population(s.population, flagMissing: false)
        out += JSONText.listsNotSupplied(s.missingLists)
        out += "  \"indicators\": [\n"
        out += rows.filter { $0.unavailable == nil }.map { r in
            var o = "    {" + JSONText.indicatorFields(r.current) + JSONText.intervalFields(r.current)
            o += ", \"previous\": \(JSONText.number(r.previous?.value)), \"change\": \(JSONText.number(r.change)), "
            o += "\"relative_change\": \(JSONText.number(r.relativeChange)), \"direction\": \(r.direction.map { q(Words.direction($0)) } ?? "null"), \"sn\": "
            if let sn = r.neighbours {
                o += "{\"statistic\": \(q(sn.statistic.rawValue)), \"period\": \(q(sn.period)), \"value\": \(JSONText.number(sn.value)), "
                o += "\"source\": \(q(sn.source)), \"difference\": \(JSONText.number(sn.difference)), \"better\": \(JSONText.bool(sn.better)), "
                o += "\"rank\": \(JSONText.number(sn.rank)), \"of\": \(JSONText.number(sn.rankedAmong))}"
            } else {
                o += "null"
            }
            o += JSONText.standingFields(r)
            return o + ", \"commentary\": \(r.commentary.map(q) ?? "null")}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        out += JSONText.unavailable(s.unavailable)
        return out + JSONText.dataQuality(s.dataQuality)
    }
}
