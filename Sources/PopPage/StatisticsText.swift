import PopMetrics

/// The words and numbers of "is it real?" and "where the council stands": intervals, the
/// change tested against chance, the funnel, ranks and quartile bands.
extension JSONText {
    /// `, "ci_low": …, "ci_high": …` on a percentage row (the Wilson 95% interval in percent; null
    /// without a base); nothing on a row of another unit, so those rows read as before.
    static func intervalFields(_ v: IndicatorValue) -> String {
        guard v.unit == .percent else { return "" }
        let ci = v.confidenceInterval
        return ", \"ci_low\": \(number(ci?.low)), \"ci_high\": \(number(ci?.high))"
    }

    /// A report row's standing and noise fields: the published figures it is compared with
    /// (`published_period`, `england`, `region`), its rank among all English councils (`rank`,
    /// `rank_of`) and quartile `band`; on a percentage row, whether the month's change is within
    /// noise (null without last month's figure).
    static func standingFields(_ r: PageRow) -> String {
        let s = r.standing
        var out = ", \"published_period\": \(s.map { quote($0.period) } ?? "null"), \"england\": \(number(s?.england)), "
            + "\"region\": \(number(s?.region)), \"rank\": \(number(s?.rank)), \"rank_of\": \(number(s?.rankOf)), "
            + "\"band\": \(s?.band.map { quote($0.rawValue) } ?? "null")"
        if r.current.unit == .percent { out += ", \"within_noise\": \(bool(r.changeTest?.withinNoise))" }
        return out
    }
}

extension RowFormat {
    /// A percentage's 95% interval in whole percent: "28–63"; "" without one.
    public func interval(_ v: IndicatorValue?) -> String {
        guard let ci = v?.confidenceInterval else { return "" }
        return Display.decimal(ci.low, places: 0) + "–" + Display.decimal(ci.high, places: 0)
    }

    /// A team's change as the team table shows it: the arrow and its size, or "within noise"
    /// when the interval of the change covers zero (a council row keeps its arrow: `noise: false`).
    public func changeOrNoise(_ r: PageRow, noise: Bool = true) -> String {
        if noise, r.change != nil, r.changeTest?.withinNoise == true { return Words.withinNoise }
        return arrowChange(r)
    }

    /// "England 22.6"; "" when not published.
    public func england(_ r: PageRow) -> String { r.standing?.england.map { Display.plain($0, r.current.unit) } ?? "" }

    /// The council's region's figure; "" when not published.
    public func region(_ r: PageRow) -> String { r.standing?.region.map { Display.plain($0, r.current.unit) } ?? "" }

    /// Rank among all English councils: "45 of 152"; "" when not ranked.
    public func nationalRank(_ r: PageRow) -> String {
        guard let s = r.standing, let rank = s.rank, let of = s.rankOf else { return "" }
        return "\(rank) of \(of)"
    }

    /// The quartile band letter; "" when not ranked.
    public func band(_ r: PageRow) -> String { r.standing?.band?.rawValue ?? "" }
}

extension Words {
    /// A team's change that could be chance alone.
    public static let withinNoise = "within noise"

    /// The council's change tested as the team table tests each team's: "Change +2.2 points, 95%
    /// interval -1.0 to +5.4: within noise", or "… : more than noise".
    public static func changeTest(_ t: ChangeTest) -> String {
        func signed(_ x: Double) -> String { (x > 0 ? "+" : x < 0 ? "-" : "") + Display.decimal(x.magnitude) }
        return "Change \(signed(t.difference)) points, 95% interval \(signed(t.interval.low)) to \(signed(t.interval.high)): "
            + (t.withinNoise ? withinNoise : "more than noise")
    }

    /// "England 22.6 · region 20.1 · rank 45 of 152 councils, band B (2017-18)".
    public static func standing(_ s: Standing, unit: MeasureUnit) -> String {
        var parts: [String] = []
        if let e = s.england { parts.append("England \(Display.plain(e, unit))") }
        if let r = s.region { parts.append("region \(Display.plain(r, unit))") }
        if let rank = s.rank, let of = s.rankOf {
            parts.append("rank \(rank) of \(of) councils" + (s.band.map { ", band \($0.rawValue)" } ?? ""))
        }
        return parts.joined(separator: " · ") + " (\(s.period))"
    }

    /// What a quartile band means, for a key.
    public static let bandKey = "Band: quartile among English councils, A the best quarter (1 = best by polarity; ties share the better rank)."

    /// A chart whose value axis does not start at zero says so.
    public static let fittedAxis = "axis fitted, not from 0"

    /// The funnel plot's legend parts.
    public static let funnelCouncil = "council"
    public static let funnel95 = "95%"
    public static let funnel998 = "99.8%"
    public static let funnelCases = "cases"
    /// Under the funnel: which teams lie outside and what the marks mean.
    public static func funnelNote(outside: [String]) -> String {
        outside.isEmpty ? "No team lies outside the 99.8% limits."
            : "Outside the 99.8% limits: " + outside.joined(separator: ", ") + "."
    }

    /// A column heading of the team table: the interval.
    public static let intervalHeading = "95% interval"
    public static let overdueHeading = "Overdue"
    public static let dueSoonHeading = "Due ≤5 wd"
}
