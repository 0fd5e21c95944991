import PopCalendar
import PopMetrics
import PopPage

/// The board pack: a month's pages as the council's committee papers carry them.
public enum Pack {
    static let cells = RowFormat(marks: .unicode)

    /// The month's pack as one self-contained HTML file: a cover, then a page per service with
    /// its indicators against the two months before, target, variance, RAG and neighbours, a
    /// chart per headline indicator, breakdowns, team tables and the month's commentary. No
    /// script and no network: the policy forbids both, so nothing in the data can run.
    /// A month that is not stored gives a pack that says so.
    public static func html(_ data: PackData, month: YearMonth) -> String {
        var m = Markup()
        m.raw("<!DOCTYPE html>")
        m.open("html", [("lang", "en-GB")])
        m.open("head")
        m.void("meta", [("charset", "utf-8")])
        m.void("meta", [("http-equiv", "Content-Security-Policy"), ("content", "default-src 'none'; style-src 'unsafe-inline'")])
        m.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        m.element("title", Words.packTitle(council: data.council, month: month))
        m.open("style")
        m.raw(Style.pack(council: data.council, month: month, demo: data.demo))
        m.close("style")
        m.close("head")
        m.open("body")
        m.open("main")
        if let page = MonthPack(data, month) {
            cover(page, into: &m)
            for service in Service.allCases { servicePage(service, page, into: &m) }
        } else {
            m.open("section", [("class", "sheet cover")])
            m.element("p", [("class", "council")], data.council)
            m.element("h1", Words.performanceOnAPage)
            m.element("p", [("class", "missing")], Words.notStored(month))
            m.close("section")
        }
        m.close("main")
        m.close("body")
        m.close("html")
        return m.text
    }

    // MARK: the cover

    static func cover(_ p: MonthPack, into m: inout Markup) {
        let asAt = p.snapshot.asAt
        m.open("section", [("class", "sheet cover"), ("id", "cover"), ("aria-labelledby", "cover-title")])
        m.element("p", [("class", "council")], p.data.council)
        m.element("h1", [("id", "cover-title")], Words.performanceOnAPage)
        m.element("p", [("class", "month")], Words.monthName(p.month))
        m.element("p", [("class", "basis")], Words.asAt(asAt))
        m.element("p", [("class", "basis")], Words.population(p.snapshot.population, withSource: true))
        m.element("p", [("class", "basis")], Words.neighbourBasis(p.data.statistic, asAt: asAt))
        if p.data.demo { m.element("p", [("class", "demo")], Words.demoData) }
        m.element("p", [("class", "notes")], Words.packNotes(previous: p.previousMonth, baseline: p.baseline))
        m.element("p", [("class", "key")], markup: Escape.html(Words.Heading.key) + ": " + RAG.allCases.map { r in
            "<span>" + Markup.inline("span", [("class", "rag \(r.rawValue)")], cells.marks.rag(r)) + " " + Escape.html(Words.ragMeaning(r)) + "</span>"
        }.joined(separator: " "))
        m.open("div", [("class", "glance")])
        for service in Service.allCases { glance(service, p, into: &m) }
        m.close("div")
        m.close("section")
    }

    /// A service's headlines on the cover: figure, RAG and change, its caption a link to its page.
    static func glance(_ service: Service, _ p: MonthPack, into m: inout Markup) {
        let rows = p.headlines(service)
        m.open("table")
        m.element("caption", markup: Markup.inline("a", [("href", "#\(serviceID(service))")], service.title))
        m.open("thead")
        m.open("tr")
        m.element("th", [("scope", "col")], Words.Heading.indicator)
        m.element("th", [("scope", "col")], Words.shortMonth(p.month))
        m.element("th", [("scope", "col")], Words.Heading.rag)
        m.element("th", [("scope", "col")], Words.Heading.change)
        m.close("tr")
        m.close("thead")
        m.open("tbody")
        if rows.isEmpty {
            m.open("tr")
            m.element("td", [("colspan", "4"), ("class", "missing")], Words.notSuppliedSentence(service, missing: p.snapshot.missingLists))
            m.close("tr")
        }
        for r in rows {
            m.open("tr")
            m.element("th", [("scope", "row")], r.definition.shortTitle)
            m.element("td", cells.latest(r))
            ragCell(r, into: &m)
            m.element("td", cells.arrowChange(r))
            m.close("tr")
        }
        m.close("tbody")
        m.close("table")
    }

    // MARK: a service's page

    static func serviceID(_ s: Service) -> String { "service-" + Escape.identifier(s.rawValue) }

    static func servicePage(_ service: Service, _ p: MonthPack, into m: inout Markup) {
        let id = serviceID(service)
        m.open("section", [("class", "sheet service"), ("id", id), ("aria-labelledby", "\(id)-title")])
        m.open("header", [("class", "page-head")])
        m.element("p", [("class", "council")], p.data.council)
        m.element("h2", [("id", "\(id)-title")], service.title)
        m.element("p", [("class", "when")], Words.pageHeading(p.snapshot.asAt))
        if p.data.demo { m.element("p", [("class", "demo")], Words.demoData) }
        m.close("header")
        let (headlines, others, breakdowns) = p.serviceRows(service)
        if headlines.isEmpty && others.isEmpty && breakdowns.isEmpty {
            m.element("p", [("class", "missing")], Words.notSuppliedSentence(service, missing: p.snapshot.missingLists))
            m.close("section")
            return
        }
        figuresTable(service, headlines: headlines, others: others, p, into: &m)
        if !breakdowns.isEmpty { breakdownTable(service, breakdowns, p, into: &m) }
        if !headlines.isEmpty {
            m.open("div", [("class", "charts")])
            for (i, r) in headlines.enumerated() { chart(i + 1, r, p, id: "\(id)-chart\(i + 1)", into: &m) }
            m.close("div")
        }
        let teams = p.teamIndicators(service)
        if !teams.isEmpty {
            m.open("div", [("class", "team-tables")])
            for def in teams { teamTable(def, p, into: &m) }
            m.close("div")
        }
        // Commentary on indicators without a chart, after the tables they belong to.
        let commented = (others + breakdowns).filter { $0.commentary != nil }
        if !commented.isEmpty {
            m.open("div", [("class", "comments")])
            m.element("h3", Words.Heading.dataComments)
            for r in commented { comment(r, into: &m) }
            m.close("div")
        }
        m.close("section")
    }

    /// Every indicator of the service but its breakdowns: headlines first, then the facts and figures.
    static func figuresTable(_ service: Service, headlines: [PageRow], others: [PageRow], _ p: MonthPack, into m: inout Markup) {
        m.open("table", [("class", "figures")])
        m.element("caption", Words.indicatorsCaption(service, p.month))
        m.open("thead")
        m.open("tr")
        m.element("th", [("scope", "col")], Words.Heading.indicator)
        for month in p.columns { m.element("th", [("scope", "col")], Words.shortMonth(month)) }
        let headings = [Words.Heading.change] + (p.baseline.map { [Words.sinceBaselineHeading($0)] } ?? [])
            + [Words.Heading.target, Words.Heading.variance, Words.Heading.rag, Words.Heading.neighbours + " " + p.data.statistic.rawValue,
               Words.Heading.neighbourRank, Words.Heading.england, Words.Heading.region, Words.Heading.englandRank, Words.Heading.band]
        for h in headings { m.element("th", [("scope", "col")], h) }
        m.close("tr")
        m.close("thead")
        for (heading, rows) in [(Words.Heading.headlines, headlines), (Words.Heading.facts, others)] where !rows.isEmpty {
            m.open("tbody")
            m.open("tr")
            m.element("th", [("scope", "rowgroup"), ("colspan", "\(1 + p.columns.count + headings.count)")], heading)
            m.close("tr")
            for r in rows { figuresRow(r, p, into: &m) }
            m.close("tbody")
        }
        m.close("table")
    }

    static func figuresRow(_ r: PageRow, _ p: MonthPack, into m: inout Markup) {
        m.open("tr")
        m.element("th", [("scope", "row")], r.definition.title)
        for (i, month) in p.columns.enumerated() {
            let v: IndicatorValue? = i == 0 ? r.current : i == 1 ? r.previous : p.data.value(r.current.id, month)
            figureCell(v, bold: i == 0, into: &m)
        }
        let direction = r.direction.map(Words.direction) ?? ""
        m.element("td", markup: Escape.html(cells.signedChange(r)) + (direction.isEmpty ? "" : " " + Markup.inline("span", [("class", "dir")], direction)))
        if p.baseline != nil {
            // The change since the baseline, its direction set apart as last month's is.
            let word = r.baseline?.direction.map(Words.direction) ?? ""
            m.element("td", markup: Escape.html(cells.signedBaselineChange(r)) + (word.isEmpty ? "" : " " + Markup.inline("span", [("class", "dir")], word)))
        }
        m.element("td", r.current.target == nil ? Words.monitored : cells.target(r))
        m.element("td", cells.variance(r))
        ragCell(r, into: &m)
        m.element("td", cells.neighbour(r))
        m.element("td", cells.rank(r))
        m.element("td", cells.england(r))
        m.element("td", cells.region(r))
        m.element("td", cells.nationalRank(r))
        m.element("td", cells.band(r))
        m.close("tr")
    }

    /// A figure, with "n of N" beneath a percentage.
    static func figureCell(_ v: IndicatorValue?, bold: Bool, into m: inout Markup) {
        let figure = Escape.html(cells.value(v))
        let of = cells.nOfN(v)
        m.element("td", markup: (bold ? "<b>\(figure)</b>" : figure) + (of.isEmpty ? "" : " " + Markup.inline("span", [("class", "n")], of)))
    }

    static func ragCell(_ r: PageRow, into m: inout Markup) {
        m.element("td", r.current.rag.map { [("class", "rag \($0.rawValue)")] } ?? [], cells.rag(r))
    }

    /// Each breakdown under its heading: the number and share in the month and the two before.
    static func breakdownTable(_ service: Service, _ rows: [PageRow], _ p: MonthPack, into m: inout Markup) {
        m.open("table", [("class", "breakdowns")])
        m.element("caption", Words.breakdownsCaption(service, p.month))
        m.open("thead")
        m.open("tr")
        m.element("th", [("scope", "col"), ("rowspan", "2")], Words.Heading.group)
        for month in p.columns { m.element("th", [("scope", "colgroup"), ("colspan", "2")], Words.shortMonth(month)) }
        m.close("tr")
        m.open("tr")
        for _ in p.columns {
            m.element("th", [("scope", "col")], Words.Heading.number)
            m.element("th", [("scope", "col")], Words.Heading.share)
        }
        m.close("tr")
        m.close("thead")
        for group in breakdownGroups(rows) {
            m.open("tbody")
            m.open("tr")
            m.element("th", [("scope", "rowgroup"), ("colspan", "7")], group.heading)
            m.close("tr")
            for r in group.rows {
                m.open("tr")
                m.element("th", [("scope", "row")], r.definition.title)
                for (i, month) in p.columns.enumerated() {
                    let v: IndicatorValue? = i == 0 ? r.current : i == 1 ? r.previous : p.data.value(r.current.id, month)
                    m.element("td", v?.numerator.map(Display.grouped) ?? "–")
                    m.element("td", cells.value(v))
                }
                m.close("tr")
            }
            m.close("tbody")
        }
        m.close("table")
    }

    /// A headline indicator's chart over 13 months, its figure box (target, latest, variance, SN)
    /// as the council's pack sets it beside each chart, and the month's comment.
    static func chart(_ n: Int, _ r: PageRow, _ p: MonthPack, id: String, into m: inout Markup) {
        let def = r.definition
        let points = p.chartMonths.map { (month: $0, value: p.data.value(def.id, $0)) }
        let chart = TrendChart(definition: def, points: points, targets: p.chartMonths.map { p.data.target(def.id, at: $0) },
                               neighbours: r.neighbours, id: id)
        m.open("figure", [("aria-labelledby", "\(id)-heading")])
        m.element("h3", [("id", "\(id)-heading")], Words.chartHeading(n, def))
        chart.draw(into: &m)
        var legend = [Markup.inline("span", [], Words.chartCaption(months: points.count, first: p.chartMonths[0], last: p.month)
            + " · " + chart.axisText)]
        if let t = r.current.target {
            legend.append("<span><span class=\"key-target\"></span>\(Escape.html(Words.targetLine(Display.plain(t, def.unit))))</span>")
        }
        if let sn = r.neighbours {
            legend.append("<span><span class=\"key-sn\"></span>\(Escape.html(Words.neighbourLine(sn, cells.neighbour(r))))</span>")
        }
        m.element("p", [("class", "legend")], markup: legend.joined(separator: " "))
        // The figure box, one row as the council's pack sets it under each chart.
        let of = cells.nOfN(r.current)
        let box: [(String, String, [(String, String)])] = [
            (Words.Heading.target, r.current.target == nil ? Words.monitored : cells.target(r), []),
            (Words.Heading.latest, cells.value(r.current) + (of.isEmpty ? "" : " (\(of))"), []),
            (Words.Heading.variance, cells.variance(r), []),
            (Words.Heading.rag, cells.rag(r), r.current.rag.map { [("class", "rag \($0.rawValue)")] } ?? []),
            (Words.Heading.neighbours, cells.neighbour(r) + (cells.rank(r).isEmpty ? "" : " (\(cells.rank(r)))"), []),
        ]
        m.open("table", [("class", "box")])
        m.element("caption", [("class", "unseen")], Words.chartHeading(n, def))
        m.open("thead")
        m.open("tr")
        for (label, _, _) in box { m.element("th", [("scope", "col")], label) }
        m.close("tr")
        m.close("thead")
        m.open("tbody")
        m.open("tr")
        for (_, value, attrs) in box { m.element("td", attrs, value) }
        m.close("tr")
        m.close("tbody")
        m.close("table")
        if r.commentary != nil { comment(r, into: &m, titled: false) }
        m.close("figure")
    }

    /// The month's comment on an indicator, as typed (escaped, line breaks kept).
    static func comment(_ r: PageRow, into m: inout Markup, titled: Bool = true) {
        guard let text = r.commentary else { return }
        let label = titled ? "\(Words.Heading.dataComments) – \(r.definition.title)" : Words.Heading.dataComments
        m.element("p", [("class", "comment")], markup: Markup.inline("b", [], label) + " " + Escape.html(text))
    }

    /// An indicator by team: each team's figure in the month and the two before ("n of N" beside
    /// each percentage), the change and, against the target, variance and RAG; all teams last.
    static func teamTable(_ def: IndicatorDefinition, _ p: MonthPack, into m: inout Markup) {
        let (teams, council) = p.teamRows(def.id)
        let judged = council?.current.target != nil
        m.open("div", [("class", "team")])
        m.open("table", [("class", "teams")])
        m.element("caption", Words.teamsCaption(def, p.month))
        m.open("thead")
        m.open("tr")
        m.element("th", [("scope", "col")], Words.Heading.team)
        for month in p.columns { m.element("th", [("scope", "col")], Words.shortMonth(month)) }
        m.element("th", [("scope", "col")], Words.Heading.change)
        if judged {
            m.element("th", [("scope", "col")], Words.Heading.variance)
            m.element("th", [("scope", "col")], Words.Heading.rag)
        }
        m.close("tr")
        m.close("thead")
        func line(_ r: PageRow, name: String, total: Bool = false) {
            m.open("tr", total ? [("class", "total")] : [])
            m.element("th", [("scope", "row")], name)
            for (i, month) in p.columns.enumerated() {
                let v: IndicatorValue? = i == 0 ? r.current : i == 1 ? r.previous : p.data.value(def.id, month, team: r.current.team)
                figureCell(v, bold: i == 0, into: &m)
            }
            m.element("td", cells.arrowChange(r))
            if judged {
                m.element("td", cells.variance(r))
                ragCell(r, into: &m)
            }
            m.close("tr")
        }
        // All teams last, in the body: a table footer would repeat on every printed page.
        m.open("tbody")
        for r in teams { line(r, name: r.current.team ?? "") }
        if let council { line(council, name: Words.allTeams, total: true) }
        m.close("tbody")
        m.close("table")
        let notes = (def.visitRule.map { [Words.visitRule($0)] } ?? []) + (def.unit == .percent ? [Words.teamsNote] : [])
        if !notes.isEmpty { m.element("p", [("class", "note")], notes.joined(separator: " ")) }
        m.close("div")
    }
}
