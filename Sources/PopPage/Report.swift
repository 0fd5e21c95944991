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
    /// The baseline month the rows' "since" figures compare with; nil when none is in use.
    public let baseline: YearMonth?

    public init(council: String, asAt: Day, previousMonth: YearMonth?, population: Population, statistic: NeighbourStatistic, demo: Bool,
                replacements: Int = 0, dataQualityNotes: Int = 0, baseline: YearMonth? = nil) {
        self.council = council
        self.asAt = asAt
        self.previousMonth = previousMonth
        self.population = population
        self.statistic = statistic
        self.demo = demo
        self.replacements = replacements
        self.dataQualityNotes = dataQualityNotes
        self.baseline = baseline
    }

    var title: String {
        "\(council) · performance as at \(Words.longDate(asAt)) · \(Words.population(population, withSource: true)) · "
            + Words.neighbourBasis(statistic, asAt: asAt) + (demo ? " · DEMO DATA" : "")
    }

    var comparedWith: String {
        Words.comparedWith(previousMonth, baseline: baseline)
            + (replacements > 0 ? " · this month was re-imported \(replacements)×" : "")
            + (dataQualityNotes > 0 ? " · " + Words.dataQualityNotes(dataQualityNotes) + " (listed by pop report --format json and by d in the dashboard)" : "")
    }
}

/// `pop report` in its formats.
public enum ReportText {
    static let cells = RowFormat(marks: .unicode)
    /// The width text is wrapped to when nothing says otherwise (no terminal).
    public static let defaultWidth = 100
    /// The narrowest width text is laid out for.
    public static let minimumWidth = 40

    /// The page in a text format; nil for a format that is not text (xlsx: `Pack.workbook`).
    /// Text is laid out for `width` characters.
    public static func render(_ format: OutputFormat, _ h: ReportHeading, _ s: Snapshot, _ rows: [PageRow], width: Int = defaultWidth) -> String? {
        switch format {
        case .text: Words.visible(text(h, rows, missing: s.missingLists, width: width))
        case .markdown: Words.visible(markdown(h, rows, missing: s.missingLists))
        case .csv: csv(rows)
        case .json: json(h, s, rows)
        case .xlsx: nil
        }
    }

    static func grouped(_ rows: [PageRow]) -> [(Service, [PageRow])] {
        Service.allCases.map { s in (s, rows.filter { $0.definition.service == s }) }
    }

    /// The report's columns: the label, the figure (always), then the others in the order a
    /// narrow width gives them up: the band, rank in England, region, England, vs SN, rank, SN,
    /// last month, since the baseline, variance, target, change, RAG.
    static func table(_ baseline: YearMonth?) -> TextTable {
        typealias C = TextTable.Column
        return TextTable(columns: [
            C(Words.Heading.indicator, rightAligned: false), C(Words.Heading.value), C(Words.Heading.lastMonth, priority: 5),
            C(Words.Heading.change, priority: 1), C(baseline.map(Words.sinceBaselineHeading) ?? Words.Heading.since, priority: 4),
            C(Words.Heading.target, priority: 2), C(Words.Heading.variance, priority: 3), C(Words.Heading.rag, rightAligned: false, priority: 0),
            C(Words.Heading.neighbours, priority: 6), C(Words.Heading.versusNeighbours, priority: 8), C(Words.Heading.rank, priority: 7),
            C(Words.Heading.england, priority: 9), C(Words.Heading.region, priority: 10), C(Words.Heading.englandRank, priority: 11),
            C(Words.Heading.band, rightAligned: false, priority: 12),
        ])
    }

    /// A page row as the report's table row. Team rows carry their team's name; breakdown
    /// groups and team rows sit under their indicator (indented in text, after "… " in Markdown).
    static func tableRow(_ r: PageRow, markdown: Bool) -> TextTable.Row {
        let under = r.definition.isBreakdown || r.current.team != nil
        let name = r.current.team.map(Words.teamLabel) ?? r.definition.title
        let label = (under ? (markdown ? "… " : "  ") : "") + name
        if let u = r.unavailable { return .spanning(label, Words.unavailable(u)) }
        return .cells([label, cells.latestCounted(r), cells.previousCounted(r), cells.signedChange(r), cells.baselineChange(r), cells.target(r),
                       cells.variance(r), cells.rag(r), cells.neighbour(r), cells.versusNeighbours(r), cells.rank(r),
                       cells.england(r), cells.region(r), cells.nationalRank(r), cells.band(r)])
    }

    public static func text(_ h: ReportHeading, _ rows: [PageRow], missing: [ListKind], width: Int = defaultWidth) -> String {
        let width = max(minimumWidth, width)
        var out = Words.wrapped(h.title, width: width) + "\n" + Words.wrapped(h.comparedWith, width: width) + "\n"
        let table = table(h.baseline)
        let fit = table.fit(rows.map { tableRow($0, markdown: false) }, width: width)
        for (service, rs) in grouped(rows) {
            out += "\n" + service.title.uppercased() + "\n"
            if rs.isEmpty {
                out += Words.wrapped("not supplied: " + Words.notSupplied(service, missing: missing), width: width, first: "  ", rest: "    ") + "\n"
                continue
            }
            out += table.header(fit) + "\n"
            for r in rs {
                out += table.lines(tableRow(r, markdown: false), fit).joined(separator: "\n") + "\n"
                if let c = r.commentary {
                    let indent = "      "
                    out += Words.wrapped(Words.commentLabel + c, width: width, first: indent,
                                         rest: indent + String(repeating: " ", count: Words.commentLabel.count)) + "\n"
                }
            }
        }
        out += "\n" + Words.wrapped("\(cells.marks.ragLegend(long: true)). Change in points for percentages.", width: width) + "\n"
        if rows.contains(where: { $0.standing?.band != nil }) { out += Words.wrapped(Words.bandKey, width: width) + "\n" }
        if !fit.leftOut.isEmpty {
            out += Words.wrapped(Words.columnsLeftOut(fit.leftOut.map { table.columns[$0].heading }, width: width, needed: fit.needed), width: width) + "\n"
        }
        return out
    }

    public static func markdown(_ h: ReportHeading, _ rows: [PageRow], missing: [ListKind]) -> String {
        var out = "# " + h.title + "\n\n" + h.comparedWith + "\n"
        let table = table(h.baseline)
        let all = rows.map { tableRow($0, markdown: true) }
        for (service, rs) in grouped(rows) {
            out += "\n## \(service.title)\n\n"
            if rs.isEmpty {
                out += "Not supplied: " + Words.notSupplied(service, missing: missing) + "\n"
                continue
            }
            out += table.markdown(rs.map { tableRow($0, markdown: true) }, columnsOf: all)
            let comments = rs.compactMap { r in r.commentary.map { "- **\(r.definition.title)**: \(MarkdownText.text($0))" } }
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
        + ",baseline,baseline_value,since_baseline,since_baseline_relative,since_baseline_direction"

    public static func csv(_ rows: [PageRow]) -> String {
        csvHeader + "\n" + rows.filter { $0.unavailable == nil }.map { r in
            let sn = r.neighbours, b = r.baseline
            return CSVText.row(CSVText.indicatorCells(r.current) + [
                CSVText.cell(r.previous?.value), CSVText.cell(r.change), CSVText.cell(r.relativeChange), r.direction.map(Words.direction) ?? "",
                sn.map(Words.neighbourLabel) ?? "", CSVText.cell(sn?.value), CSVText.cell(sn?.difference),
                sn?.better.map { $0 ? "better" : "worse" } ?? "", CSVText.cell(sn?.rank), CSVText.cell(sn?.rankedAmong), r.commentary ?? "",
                r.standing?.period ?? "", CSVText.cell(r.standing?.england), CSVText.cell(r.standing?.region), CSVText.cell(r.standing?.rank),
                CSVText.cell(r.standing?.rankOf), r.standing?.band?.rawValue ?? "", CSVText.cell(r.interval?.low), CSVText.cell(r.interval?.high),
                b?.month.description ?? "", CSVText.cell(b?.value.value), CSVText.cell(b?.change), CSVText.cell(b?.relativeChange),
                b?.direction.map(Words.direction) ?? "",
            ])
        }.joined()
    }

    public static func json(_ h: ReportHeading, _ s: Snapshot, _ rows: [PageRow]) -> String {
        let q = JSONText.quote
        var out = "{\n  \"council\": \(q(h.council)),\n  \"as_at\": \(q(s.asAt.iso)),\n  \"month\": \(q(YearMonth(s.asAt).description)),\n"
        out += "  \"previous_month\": \(h.previousMonth.map { q($0.description) } ?? "null"),\n"
        out += "  \"baseline\": \(h.baseline.map { q($0.description) } ?? "null"),\n  \"demo\": \(h.demo),\n"
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
            let b = r.baseline
            o += ", \"baseline_value\": \(JSONText.number(b?.value.value)), \"since_baseline\": \(JSONText.number(b?.change)), "
            o += "\"since_baseline_relative\": \(JSONText.number(b?.relativeChange)), "
            o += "\"since_baseline_direction\": \(b?.direction.map { q(Words.direction($0)) } ?? "null")"
            return o + ", \"commentary\": \(r.commentary.map(q) ?? "null")}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        out += JSONText.unavailable(s.unavailable)
        return out + JSONText.dataQuality(s.dataQuality)
    }
}
