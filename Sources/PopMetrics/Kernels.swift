import PopCalendar
import PopExtract

/// An indicator as the catalogue declares it: what it is, and which shared kernel computes it
/// over which cohort.
struct Measure: Sendable {
    /// One definition, or one per group for a breakdown.
    let definitions: [IndicatorDefinition]
    let compute: @Sendable (Cohorts, Population) -> [IndicatorValue]
    /// For a visit indicator: the children behind its figure, each with the days since their
    /// last visit, exactly as it counts them.
    let visitList: (@Sendable (Cohorts) -> [ChildVisit])?

    init(definitions: [IndicatorDefinition], compute: @escaping @Sendable (Cohorts, Population) -> [IndicatorValue],
         visitList: (@Sendable (Cohorts) -> [ChildVisit])? = nil) {
        self.definitions = definitions
        self.compute = compute
        self.visitList = visitList
    }
}

/// The handful of shared kernels every indicator is built from.
enum Kernel {
    /// A count of rows (or of children, for a cohort already one row per child); per team too
    /// when `team` is given.
    static func count<Row>(_ def: IndicatorDefinition, _ rows: [Row], team: ((Row) -> String)?) -> [IndicatorValue] {
        var out = [countValue(def, team: nil, rows.count)]
        if let team {
            for (name, t) in byTeam(rows, team, test: { _ in true }) { out.append(countValue(def, team: name, t.denominator)) }
        }
        return out
    }

    /// The share of a cohort meeting a test, as a percentage. A row whose test cannot be decided
    /// (nil: a value it needs is unreadable) leaves numerator and denominator alike.
    static func share<Row>(_ def: IndicatorDefinition, _ rows: [Row], team: ((Row) -> String)?, test: (Row) -> Bool?) -> [IndicatorValue] {
        var n = 0, d = 0
        for r in rows {
            guard let ok = test(r) else { continue }
            d += 1
            if ok { n += 1 }
        }
        var out = [percentValue(def, team: nil, n, d)]
        if let team {
            for (name, t) in byTeam(rows, team, test: test) { out.append(percentValue(def, team: name, t.numerator, t.denominator)) }
        }
        return out
    }

    /// `per` × count / population; no value when the population is missing or zero.
    static func rate(_ def: IndicatorDefinition, count: Int, population: Int?, per: Double) -> [IndicatorValue] {
        let value: Double? = population.flatMap { $0 > 0 ? per * Double(count) / Double($0) : nil }
        return [IndicatorValue(id: def.id, team: nil, numerator: count, denominator: population, value: value,
                               unit: def.unit, polarity: def.polarity)]
    }

    /// 100 × numerator / denominator for two separately counted flows.
    static func ratio(_ def: IndicatorDefinition, _ numerator: Int, _ denominator: Int) -> [IndicatorValue] {
        [percentValue(def, team: nil, numerator, denominator)]
    }

    /// Where a row falls in a breakdown: a group; the base but no group (a blank value, which is
    /// not bad); or out of numerator and denominator alike (an unreadable value).
    enum Placement {
        case group(String)
        case noGroup
        case unreadable
    }

    /// Every group of a breakdown, zeros included: group count as numerator, the base (rows not
    /// left out as unreadable) as denominator, the share as value; per team too when `team` is
    /// given (a team is listed when it has a row).
    static func breakdown<Row>(_ defs: [(group: String, def: IndicatorDefinition)], _ rows: [Row], team: ((Row) -> String)? = nil,
                               classify: (Row) -> Placement) -> [IndicatorValue] {
        var counts: [String: Int] = [:]
        var base = 0
        var teams: [String: (counts: [String: Int], base: Int)] = [:]
        for r in rows {
            let place = classify(r)
            if let team {
                var t = teams[team(r), default: ([:], 0)]
                if case .group(let g) = place { t.counts[g, default: 0] += 1 }
                if case .unreadable = place {} else { t.base += 1 }
                teams[team(r)] = t
            }
            switch place {
            case .unreadable: continue
            case .noGroup: base += 1
            case .group(let g):
                base += 1
                counts[g, default: 0] += 1
            }
        }
        var out = breakdown(defs, counts: counts, base: base)
        for name in teams.keys.sorted() {
            guard let t = teams[name] else { continue }
            out += defs.map { percentValue($0.def, team: name, t.counts[$0.group] ?? 0, t.base) }
        }
        return out
    }

    static func breakdown(_ defs: [(group: String, def: IndicatorDefinition)], counts: [String: Int], base: Int) -> [IndicatorValue] {
        defs.map { percentValue($0.def, team: nil, counts[$0.group] ?? 0, base) }
    }

    static func countValue(_ def: IndicatorDefinition, team: String?, _ n: Int) -> IndicatorValue {
        IndicatorValue(id: def.id, team: team, numerator: n, denominator: nil, value: Double(n), unit: def.unit, polarity: def.polarity)
    }

    /// numerator ÷ denominator (children per social worker); no value for a zero denominator.
    static func averageValue(_ def: IndicatorDefinition, team: String?, _ n: Int, _ d: Int) -> IndicatorValue {
        IndicatorValue(id: def.id, team: team, numerator: n, denominator: d, value: d > 0 ? Double(n) / Double(d) : nil,
                       unit: .average, polarity: def.polarity)
    }

    static func percentValue(_ def: IndicatorDefinition, team: String?, _ n: Int, _ d: Int) -> IndicatorValue {
        IndicatorValue(id: def.id, team: team, numerator: n, denominator: d, value: d > 0 ? 100 * Double(n) / Double(d) : nil,
                       unit: .percent, polarity: def.polarity)
    }

    /// Each team's (numerator, denominator) of a test, teams in name order; a team is listed
    /// when it has a row, whether or not the test could be decided for it. Tallied in one pass:
    /// grouping copies of the rows cost time and memory in proportion to the open cases.
    ///
    /// Teams are told apart by their bytes while tallying (a cheap hash, not a String's), then
    /// spellings that are equal as Strings (canonically equivalent Unicode) are joined under
    /// the first one met, as a String-keyed dictionary would have kept them.
    static func byTeam<Row>(_ rows: [Row], _ team: (Row) -> String, test: (Row) -> Bool?) -> [(String, (numerator: Int, denominator: Int))] {
        var numbers = ByteNumbering()
        var names: [String] = []
        var tallies: [(numerator: Int, denominator: Int)] = []
        for r in rows {
            let ok = test(r)
            var name = team(r)
            let n = Int(name.withUTF8 { numbers.number(UnsafeRawBufferPointer($0)) })
            if n == names.count {
                names.append(name)
                tallies.append((0, 0))
            }
            if ok != nil { tallies[n].denominator += 1 }
            if ok == true { tallies[n].numerator += 1 }
        }
        var joined: [String: (numerator: Int, denominator: Int)] = [:]
        for (name, t) in zip(names, tallies) {
            let sum = joined[name, default: (0, 0)]
            joined[name] = (sum.numerator + t.numerator, sum.denominator + t.denominator)
        }
        return joined.keys.sorted().map { ($0, joined[$0]!) }
    }
}

/// Whole-month bands of time before R (data contract, "Time bands"): with edges of 3 and 6
/// months, band 0 is a start after addMonths(R, −3), band 1 one in (addMonths(R, −6),
/// addMonths(R, −3)], band 2 one on or before addMonths(R, −6). The bands never overlap and
/// cover every start up to R.
struct MonthBands {
    /// addMonths(R, −edge) for each edge, latest first.
    let bounds: [Day]
    let asAt: Day

    init(asAt: Day, edges: [Int]) {
        self.asAt = asAt
        bounds = edges.map { asAt.addingMonths(-$0) }
    }

    /// The band of a start; nil for a start after R.
    func band(_ start: Day) -> Int? {
        guard start <= asAt else { return nil }
        for (i, b) in bounds.enumerated() where start > b { return i }
        return bounds.count
    }
}

/// Bands of a whole number (working days, years) by the last value of each band but the
/// last: with limits 25, 40 and 45, band 0 is ≤ 25, band 1 is 26–40, band 2 is 41–45, band 3 ≥ 46.
func countBand(_ n: Int, upTo limits: [Int]) -> Int {
    for (i, limit) in limits.enumerated() where n <= limit { return i }
    return limits.count
}
