import Testing
import PopCalendar
@testable import PopMetrics

/// Where the council stands (England, region, rank among every council, quartile band), how a
/// month's change is tested against chance, and where teams lie on the funnel: worked by hand.
@Suite struct StandingTests {
    static func value(_ v: Double?, _ id: IndicatorID = "cp.repeat_ytd", unit: MeasureUnit = .percent, polarity: Polarity = .low,
                      n: Int? = nil, d: Int? = nil, team: String? = nil) -> IndicatorValue {
        IndicatorValue(id: id, team: team, numerator: n, denominator: d, value: v, unit: unit, polarity: polarity)
    }

    static func published(_ values: [(String, Double)], period: String = "2017-18", id: IndicatorID = "cp.repeat_ytd") -> [Benchmark] {
        values.map { Benchmark(indicator: id, period: period, what: $0.0, value: $0.1, source: "DfE test.csv") }
    }

    /// Eight other councils: 10, 12, 12, 15, 18, 20, 20, 25 (lower is better), England 20.2, the
    /// region 15.8, and our own published 9.9 (never ranked against our monthly figure).
    static let others: [(String, Double)] = [("201", 10), ("202", 12), ("203", 12), ("204", 15), ("205", 18), ("206", 20), ("207", 20),
                                             ("208", 25), ("302", 9.9), ("england", 20.2), ("region", 15.8), ("sn_mean", 16.3)]

    @Test func ranksShareTiesAndBandsMeetTheirBoundaries() throws {
        let b = Self.published(Self.others)
        // 9 ranked (8 others and us): A is rank ≤ 2.25, B ≤ 4.5, C ≤ 6.75, D the rest.
        let cases: [(Double, Int, QuartileBand)] = [
            (9, 1, .A),     // best of all
            (10, 1, .A),    // tied with the best: shares rank 1
            (11, 2, .A),    // one better (10)
            (12, 2, .A),    // tied with 12 and 12: one better, rank 2
            (13, 4, .B),    // 10, 12, 12 better
            (15, 4, .B),    // tied with 15: rank 4 ≤ 4.5
            (16, 5, .C),    // 4 better: 5 > 4.5
            (20, 6, .C),    // 10, 12, 12, 15, 18 better; tied with both 20s: 6 ≤ 6.75
            (21, 8, .D),    // 7 better
            (30, 9, .D),    // last
        ]
        for (mine, rank, band) in cases {
            let s = try #require(PageModel.standing(Self.value(mine), benchmarks: b, period: "2017-18", council: "302"))
            #expect(s.rank == rank && s.rankOf == 9 && s.band == band, "\(mine): \(String(describing: s.rank)) \(String(describing: s.band))")
            #expect(s.england == 20.2 && s.region == 15.8 && s.period == "2017-18")
        }
        // High polarity turns the order round: 26 beats everyone; 12 has 15, 18, 20, 20 and 25 above it.
        let high = try #require(PageModel.standing(Self.value(26, polarity: .high), benchmarks: b, period: "2017-18", council: "302"))
        #expect(high.rank == 1 && high.band == .A)
        let twelve = try #require(PageModel.standing(Self.value(12, polarity: .high), benchmarks: b, period: "2017-18", council: "302"))
        #expect(twelve.rank == 6 && twelve.band == .C)
        // Polarity none ranks the highest first, as high.
        let none = try #require(PageModel.standing(Self.value(12, polarity: .none), benchmarks: b, period: "2017-18", council: "302"))
        #expect(none.rank == 6)
        // Another council chosen: our 302 is then one of the others (10 ranked).
        let other = try #require(PageModel.standing(Self.value(9.95), benchmarks: b, period: "2017-18", council: "201"))
        #expect(other.rank == 2 && other.rankOf == 9)   // 201 (10) left out; 302 (9.9) better
    }

    /// The latest published year at or before the month's comparison year; without a value of
    /// our own, England and region are still shown, unranked; nothing published, no standing.
    @Test func periodsAndWhatIsMissing() throws {
        let b = Self.published(Self.others) + Self.published([("201", 50), ("england", 99)], period: "2018-19")
            + Self.published([("201", 1), ("202", 2), ("england", 3)], period: "2016-17")
        let jan19 = try #require(PageModel.standing(Self.value(11), benchmarks: b, period: "2017-18", council: "302"))
        #expect(jan19.period == "2017-18" && jan19.rank == 2)
        let later = try #require(PageModel.standing(Self.value(11), benchmarks: b, period: "2019-20", council: "302"))
        #expect(later.period == "2018-19" && later.england == 99 && later.region == nil && later.rank == 1 && later.rankOf == 2)
        let blank = try #require(PageModel.standing(Self.value(nil), benchmarks: b, period: "2017-18", council: "302"))
        #expect(blank.england == 20.2 && blank.rank == nil && blank.band == nil)
        #expect(PageModel.standing(Self.value(11), benchmarks: b, period: "2015-16", council: "302") == nil)
        #expect(PageModel.standing(Self.value(11), benchmarks: Self.published([("sn_mean", 3)]), period: "2017-18", council: "302") == nil)
    }

    /// The SN rank is `Ranking.rank` among the neighbours: ties share the better rank.
    @Test func neighbourRankUsesRanking() throws {
        let b = Self.published(Self.others)
        let sn = try #require(PageModel.neighbourComparison(Self.value(12), benchmarks: b, period: "2017-18",
                                                            neighbourCodes: ["201", "202", "203", "204"], statistic: .mean))
        #expect(sn.rank == 2 && sn.rankedAmong == 5 && sn.value == 16.3)
    }

    /// Page rows carry the standing on the council's row only.
    @Test func pageRowsCarryTheStanding() throws {
        let snapshot = Snapshot(asAt: DateParser.parse("31/01/2019").day!, population: Population(),
                                values: [Self.value(11, n: 11, d: 100), Self.value(20, n: 2, d: 10, team: "T1")], dataQuality: [], missingLists: [])
        let rows = PageModel.rows(current: snapshot, previous: nil, targets: TargetSet([]), benchmarks: Self.published(Self.others),
                                  neighbourCodes: [], statistic: .mean, commentary: [:], teams: true, council: "302")
        #expect(rows.first { $0.current.team == nil }?.standing?.rank == 2)
        #expect(rows.first { $0.current.team == "T1" }?.standing == nil)
    }

    /// A month's change against chance, from the two months' counts (Newcombe's interval).
    @Test func changeWithinNoiseOrNot() throws {
        // A team of 12 at 9 (75%) after 6 of 10 (60%): +15 points, but the interval covers zero.
        let small = try #require(ChangeTest.between(Self.value(75, n: 9, d: 12), Self.value(60, n: 6, d: 10)))
        #expect(abs(small.difference - 15) < 1e-9 && small.interval.low < 0 && small.interval.high > 0 && small.withinNoise)
        // 900 of 1,000 after 800 of 1,000: +10 points, interval clear of zero.
        let large = try #require(ChangeTest.between(Self.value(90, n: 900, d: 1000), Self.value(80, n: 800, d: 1000)))
        #expect(large.interval.low > 0 && !large.withinNoise)
        // No last month, a count, or no base: nothing to test.
        #expect(ChangeTest.between(Self.value(75, n: 9, d: 12), nil) == nil)
        #expect(ChangeTest.between(Self.value(5, unit: .count, n: 5), Self.value(4, unit: .count, n: 4)) == nil)
        #expect(ChangeTest.between(Self.value(nil, n: 0, d: 0), Self.value(60, n: 6, d: 10)) == nil)
        // The interval of a percentage; none for a count or a share above 100%.
        let ci = try #require(Self.value(75, n: 9, d: 12).confidenceInterval)
        #expect(ci.low < 75 && ci.high > 75)
        #expect(Self.value(5, unit: .count, n: 5).confidenceInterval == nil)
        #expect(Self.value(120, n: 12, d: 10).confidenceInterval == nil)
    }

    /// The funnel around a council at 70%, worked by hand (σ = √(70 × 30 / n)):
    /// n 25: σ 9.165, 95% 52.0–88.0, 99.8% 41.7–98.3: 40% is outside 99.8%.
    /// n 100: σ 4.583, 95% 61.0–79.0, 99.8% 55.8–84.2: 60% is outside 95% only.
    /// n 10: σ 14.49, 95% 41.6–98.4: 90% is inside. n 400: σ 2.291, 95% 65.5–74.5, 99.8% 62.9–77.1: 75% outside 95%.
    @Test func teamsOnTheFunnel() throws {
        let teams = [Self.value(40, n: 10, d: 25, team: "A"), Self.value(60, n: 60, d: 100, team: "B"), Self.value(90, n: 9, d: 10, team: "C"),
                     Self.value(75, n: 300, d: 400, team: "D"), Self.value(nil, n: 0, d: 0, team: "E")]
        let points = try #require(Funnel.points(council: 70, teams: teams))
        #expect(points.map(\.team) == ["A", "B", "C", "D"])   // E has no cases
        #expect(points.map(\.position) == [.outside998, .outside95, .inside, .outside95])
        let l25 = Funnel.limits(p0: 70, n: 25, z: Funnel.z998)
        #expect(abs(l25.low - 41.68) < 0.01 && abs(l25.high - 98.32) < 0.01)
        let l100 = Funnel.limits(p0: 70, n: 100, z: Funnel.z95)
        #expect(abs(l100.low - 61.02) < 0.01 && abs(l100.high - 78.98) < 0.01)
        #expect(Funnel.points(council: nil, teams: teams) == nil)
    }
}
