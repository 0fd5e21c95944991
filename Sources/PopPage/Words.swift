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

    /// "not available: list9 has no Latest Pathway Plan Review Date".
    public static func unavailable(_ u: Unavailable) -> String {
        let list = u.sheet.map { "sheet \($0)" } ?? (u.file.hasSuffix(".csv") ? String(u.file.dropLast(4)) : u.file)
        return "not available: \(list) has no \(u.column)"
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
