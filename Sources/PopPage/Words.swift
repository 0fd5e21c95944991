import PopCalendar
import PopExtract
import PopMetrics

/// The sentences and names pop shows, in one place.
public enum Words {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]

    /// "31 January 2019".
    public static func longDate(_ d: Day) -> String { "\(d.dayOfMonth) \(monthNames[d.month - 1]) \(d.year)" }
    /// "January 2019".
    public static func monthName(_ m: YearMonth) -> String { "\(monthNames[m.month - 1]) \(m.year)" }
    /// "Jan 19".
    public static func shortMonth(_ m: YearMonth) -> String {
        String(monthNames[m.month - 1].prefix(3)) + " " + (m.year % 100 < 10 ? "0" : "") + String(m.year % 100)
    }

    /// Why a service has no figures: "the extract has no list7.csv".
    public static func notSupplied(_ service: Service, missing: [ListKind]) -> String {
        "the extract has no " + service.lists.filter { missing.contains($0) }.map(\.fileName).joined(separator: ", ")
    }

    /// The council's name for a title: its name once known (from the settings or the SN
    /// groupings), else its code, else how to set it.
    public static func council(name: String?, code: String?) -> String {
        if let name, !name.isEmpty { return name }
        if let code, !code.isEmpty { return "Council \(code)" }
        return "Council (not set: pop settings --council NAME)"
    }

    /// "12 data-quality notes".
    public static func dataQualityNotes(_ n: Int) -> String {
        "\(Display.grouped(n)) data-quality note\(n == 1 ? "" : "s")"
    }

    /// "not available: list9 has no Latest Pathway Plan Review Date", and from a workbook
    /// "… (sheet List 9 - Care Leavers)".
    public static func unavailable(_ u: Unavailable) -> String {
        let list = u.list?.rawValue ?? u.sheet.map { "sheet \($0)" } ?? (u.file.hasSuffix(".csv") ? String(u.file.dropLast(4)) : u.file)
        let sheet = u.list != nil ? u.sheet.map { " (sheet \($0))" } ?? "" : ""
        return "not available: \(list) has no \(u.column)" + sheet
    }

    /// "SN mean 2017-18".
    public static func neighbourLabel(_ sn: NeighbourComparison) -> String { "SN \(sn.statistic.rawValue) \(sn.period)" }

    /// "SN mean (2017-18)", for a title: which statistic and which year the page compares with.
    public static func neighbourBasis(_ statistic: NeighbourStatistic, asAt: Day) -> String {
        "SN \(statistic.rawValue) (\(Benchmark.defaultPeriod(for: asAt)))"
    }

    /// "pop 0–17 96,920", or that there is none.
    public static func population(_ p: Population, withSource: Bool) -> String {
        guard let n = p.age0to17 else { return "population missing" }
        return "pop 0–17 \(Display.grouped(n))" + (withSource ? " (\(p.source))" : "")
    }

    public static func direction(_ d: Direction) -> String { d.rawValue }

    /// How the unit reads in the indicator list.
    public static func unit(_ d: IndicatorDefinition) -> String {
        switch d.unit {
        case .count: "count"
        case .percent: d.isBreakdown ? "count and %" : "%"
        case .per_10k: "per 10,000"
        case .per_100k: "per 100,000"
        case .average: "average"
        }
    }

    public static func better(_ p: Polarity) -> String {
        switch p {
        case .high: "higher"
        case .low: "lower"
        case .none: "(monitored)"
        }
    }
}

extension Words {
    /// Where a population came from, as the month records it.
    public static func populationGiven(_ group: PopulationEstimate.AgeGroup) -> String {
        group == .age0to17 ? "0–17 from --population" : "10–17 from --population-10-17"
    }

    public static func populationStored(_ group: PopulationEstimate.AgeGroup, source: String) -> String {
        (group == .age0to17 ? "0–17: " : "10–17: ") + source
    }

    public static let populationMissing = "missing: give --population for rates"
}

extension Words {
    /// The council's row at the foot of a team table.
    public static let allTeams = "All teams"

    /// The longest commentary an indicator's month takes (about a page of a board paper): pages
    /// draw in bounded time whatever a database holds.
    public static let commentLimit = 2_000

    /// A comment cut to the limit for showing (one written before the limit may be longer).
    public static func shownComment(_ text: String) -> String {
        text.count <= commentLimit ? text : String(text.prefix(commentLimit)) + "…"
    }
}

extension Words {
    /// Text made safe to show: a control character (C0 but line breaks, DEL, C1) would move a
    /// terminal's cursor, set its title or clear it, so each is shown as a visible symbol
    /// instead (`␛` for ESC, `␇` for BEL, `�` for a C1 control). Tabs become spaces. The one
    /// sanitiser for everything pop prints for people: reports, messages, the screen.
    public static func visible(_ s: String, keepLineBreaks: Bool = true) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if keepLineBreaks && (u == "\n" || u == "\r") { out.append(u); continue }
            out.append(isControl(u) ? picture(u) : u)
        }
        return String(out)
    }

    /// One character, as `visible` shows it.
    public static func visible(_ ch: Character) -> Character {
        guard ch.unicodeScalars.contains(where: { isControl($0) }) else { return ch }
        return Character(picture(ch.unicodeScalars.first!))
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7F...0x9F).contains(u.value) }

    static func picture(_ u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0x09: " "
        case 0x00..<0x20: Unicode.Scalar(0x2400 + u.value)!   // the Control Pictures block: ␀ … ␟
        case 0x7F: "\u{2421}"                                  // ␡
        default: "\u{FFFD}"
        }
    }
}

extension Words {
    /// What a RAG means, for a key: "met target".
    public static func ragMeaning(_ r: RAG) -> String {
        switch r {
        case .green: "met target"
        case .amber: "within tolerance"
        case .red: "missed"
        }
    }

    /// "Compared with December 2018", or why no change is shown.
    public static func comparedWith(_ previous: YearMonth?) -> String {
        previous.map { "Compared with \(monthName($0))" } ?? "No previous month stored: no change shown"
    }
}

// MARK: the board pack and its slides

extension Words {
    public static let performanceOnAPage = "Performance on a page"
    public static let demoData = "DEMO DATA"

    /// "Performance on a page (31 January 2019)", as the council's pack heads each service's page.
    public static func pageHeading(_ asAt: Day) -> String { "\(performanceOnAPage) (\(longDate(asAt)))" }

    /// "as at 31 January 2019".
    public static func asAt(_ d: Day) -> String { "as at \(longDate(d))" }

    /// The pack's title: "Barnet · Performance on a page · January 2019".
    public static func packTitle(council: String, month: YearMonth) -> String {
        "\(council) · \(performanceOnAPage) · \(monthName(month))"
    }

    /// The slides' title: "Barnet · Improvement board · January 2019".
    public static func slidesTitle(council: String, month: YearMonth) -> String { "\(council) · Improvement board · \(monthName(month))" }

    /// The running footer's left part: "Barnet · January 2019".
    public static func footer(council: String, month: YearMonth) -> String { "\(council) · \(monthName(month))" }

    /// The words around the page counters of a running footer: "page" 3 "of" 12.
    public static let pageCounter = (page: "page ", of: " of ")

    /// "slide 4 of 36".
    public static func slideCounter(_ n: Int, of total: Int) -> String { "slide \(n) of \(total)" }

    /// The keys that move the slides, for the first slide's footer.
    public static let slideKeys = "→ PgDn Space next · ← PgUp back · Home End first and last · b blank"

    /// Headings of the pack's tables.
    public enum Heading {
        public static let indicator = "Indicator"
        public static let change = "Change"
        public static let target = "Target"
        public static let latest = "Latest"
        public static let variance = "Variance"
        public static let rag = "RAG"
        public static let neighbours = "SN"
        public static let neighbourRank = "SN rank"
        public static let england = "England"
        public static let region = "Region"
        public static let englandRank = "England rank"
        public static let band = "Band"
        public static let team = "Team"
        public static let number = "No."
        public static let share = "%"
        public static let group = "Group"
        public static let headlines = "Headline indicators"
        public static let facts = "Facts and figures"
        public static let atAGlance = "At a glance"
        public static let dataComments = "Data comments"
        public static let key = "Key"
    }

    /// A target cell with no target: the council's pack writes "Monitor".
    public static let monitored = "Monitor"

    /// The cover's note on how change and variance read.
    public static func packNotes(previous: YearMonth?) -> String {
        comparedWith(previous) + ". Change in points for percentages. Variance is the distance from target as a share of the target, "
            + "in brackets when it falls short. SN rank: 1 is best among the statistical neighbours. England rank: this month's figure "
            + "among every English council's latest published one. " + bandKey
    }

    /// "Child protection: every indicator, January 2019".
    public static func indicatorsCaption(_ service: Service, _ month: YearMonth) -> String {
        "\(service.title): every indicator, \(monthName(month)) and the two months before"
    }

    /// "Child protection: breakdowns (number and share), January 2019 and the two months before".
    public static func breakdownsCaption(_ service: Service, _ month: YearMonth) -> String {
        "\(service.title): breakdowns (number and share), \(monthName(month)) and the two months before"
    }

    /// "CP visits in time (10 working days) by team, January 2019 and the two months before".
    public static func teamsCaption(_ d: IndicatorDefinition, _ month: YearMonth) -> String {
        "\(d.title) by team, \(monthName(month)) and the two months before"
    }

    /// What "n of N" counts in a team table.
    public static let teamsNote = "Beside each percentage: how many of how many."

    /// "Chart 3 – CP visits in time (10 working days)".
    public static func chartHeading(_ n: Int, _ d: IndicatorDefinition) -> String { "Chart \(n) – \(d.title)" }

    /// What a chart spans: "13 months, Jan 18 to Jan 19".
    public static func chartCaption(months: Int, first: YearMonth, last: YearMonth) -> String {
        "\(months) months, \(shortMonth(first)) to \(shortMonth(last))"
    }

    /// A month with no stored figure, in a chart's text alternative.
    public static let noFigure = "no figure"

    /// "Axis from 0 to 100%".
    public static func axisRange(from low: String, to high: String) -> String { "Axis from \(low) to \(high)" }

    /// A chart's text alternative: every month's figure, the target, the SN figure and the axis.
    public static func chartDescription(_ d: IndicatorDefinition, points: [(YearMonth, String?)], target: String?, neighbour: String?,
                                        axis: String) -> String {
        var out = "\(d.title), monthly"
        if let first = points.first?.0, let last = points.last?.0 { out += " from \(shortMonth(first)) to \(shortMonth(last))" }
        out += ": " + points.map { "\(shortMonth($0.0)) \($0.1 ?? noFigure)" }.joined(separator: "; ") + "."
        if let target { out += " Target \(target)." }
        if let neighbour { out += " \(neighbour)." }
        return out + " \(axis)."
    }

    /// The legend entry of a chart's target line: "target 95.0%".
    public static func targetLine(_ target: String) -> String { "target \(target)" }

    /// The legend entry of a chart's SN line: "SN mean 2017-18 41.2".
    public static func neighbourLine(_ sn: NeighbourComparison, _ value: String) -> String { "\(neighbourLabel(sn)) \(value)" }

    /// A service with no figures this month: "Not supplied: the extract has no list7.csv".
    public static func notSuppliedSentence(_ service: Service, missing: [ListKind]) -> String {
        "Not supplied: " + notSupplied(service, missing: missing)
    }

    /// "last month 68.9%", on a slide.
    public static func lastMonth(_ value: String) -> String { "last month \(value)" }

    /// " points" after a change in a percentage, on a slide.
    public static func changeUnit(_ unit: MeasureUnit) -> String { unit == .percent ? " points" : "" }

    /// "target 95.0%", on a slide; "Monitor: no target" when there is none.
    public static func slideTarget(_ target: String?) -> String { target.map { "target \($0)" } ?? "\(monitored): no target" }

    /// The sparkline's label on a slide: "13 months".
    public static func months(_ n: Int) -> String { "\(n) months" }
}

extension Words {
    /// A month asked for that the database does not hold.
    public static func notStored(_ month: YearMonth) -> String { "\(monthName(month)) is not stored." }

    /// An indicator or service with no figure in the month, on a slide.
    public static let notSuppliedThisMonth = "Not supplied in this month's extract."
}

extension Words {
    /// A sparkline's range, which it spans from its lowest to its highest figure: "lowest 501, highest 548".
    public static func sparkRange(low: String, high: String) -> String { "lowest \(low), highest \(high)" }
}

extension Words {
    /// A visit indicator's rule, under its team table: "In time: within 10 working days of the
    /// last visit (or of the start, when none is recorded)."
    public static func visitRule(_ rule: VisitRule) -> String {
        "In time: within \(rule.limit) \(rule.days == .working ? "working days" : "days") of the last visit (or of the start, when none is recorded)."
    }
}
