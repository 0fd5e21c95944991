import Testing
import PopMetrics

/// A percentage as the papers print a proportion: to 4 decimal places, in ten-thousandths
/// (6.2408% → 0.0624 → 624), rounded half away from zero.
private func printed(_ percent: Double) -> Int { Int((percent * 100).rounded()) }

@Suite struct WilsonTests {
    /// z² = 1.959963984540054² = 3.841459.
    @Test func noTrialsIsNoInterval() {
        #expect(Wilson.interval(successes: 0, trials: 0) == nil)
        #expect(Wilson.interval(successes: 3, trials: 2) == nil)     // not a proportion
        #expect(Wilson.interval(successes: -1, trials: 2) == nil)
        #expect(Wilson.interval(successes: 1, trials: 2, z: -1) == nil)
        #expect(Wilson.interval(successes: 1, trials: 2, z: .nan) == nil)
    }

    /// n = 1. At x = 0 the limits are 0 and z²/(n + z²) = 3.841459 / 4.841459 = 0.793451: 79.35%.
    /// At x = 1, by symmetry, 1 − 0.793451 = 0.206549 and 1: 20.65% to 100%.
    @Test func oneTrial() throws {
        let none = try #require(Wilson.interval(successes: 0, trials: 1))
        #expect(none.low == 0)
        #expect(printed(none.high) == 7935)
        let one = try #require(Wilson.interval(successes: 1, trials: 1))
        #expect(printed(one.low) == 2065)
        #expect(one.high == 100)
    }

    /// Newcombe (1998, single proportion) Table I, method 3 (score without continuity
    /// correction), as printed to 4 places, and reproduced by R's ratesci tests:
    /// 81/263 → 0.2553 to 0.3662; 15/148 → 0.0624 to 0.1605; 0/20 → 0.0000 to 0.1611;
    /// 1/29 → 0.0061 to 0.1718.
    /// By hand for 81/263: (81 + z²/2)/(263 + z²) = 82.920729 / 266.841459 = 0.310749 is the
    /// centre; z·√(81·182/263 + z²/4)/(263 + z²) = 1.959964 × √57.013597 / 266.841459 = 0.055461
    /// the half width: 0.255289 to 0.366210. For 0/20: z²/(20 + z²) = 3.841459 / 23.841459 = 0.161125.
    @Test func newcombesTableOne() throws {
        let cases: [(x: Int, n: Int, low: Int, high: Int)] = [(81, 263, 2553, 3662), (15, 148, 624, 1605), (0, 20, 0, 1611), (1, 29, 61, 1718)]
        for c in cases {
            let w = try #require(Wilson.interval(successes: c.x, trials: c.n))
            #expect(printed(w.low) == c.low, "\(c.x)/\(c.n)")
            #expect(printed(w.high) == c.high, "\(c.x)/\(c.n)")
        }
        // None of n is exactly 0 below, all of n exactly 100 above: never a trace beyond.
        #expect(Wilson.interval(successes: 0, trials: 20)?.low == 0)
        #expect(Wilson.interval(successes: 20, trials: 20)?.high == 100)
        // 20/20 mirrors 0/20: 1 − 0.161125 = 0.838875.
        #expect(Wilson.interval(successes: 20, trials: 20).map { printed($0.low) } == 8389)
    }

    /// Large n: 5,000 of 10,000. The centre (5000 + z²/2)/(10000 + z²) is exactly 0.5; the half
    /// width z·√(2500 + z²/4)/(10000 + z²) = 1.959964 × 50.009602 / 10003.841459 = 0.0097979,
    /// within a hair of the normal approximation 1.96 × 0.005 = 0.0098: 49.0202% to 50.9798%.
    @Test func largeSamplesAgreeWithTheNormalApproximation() throws {
        let w = try #require(Wilson.interval(successes: 5_000, trials: 10_000))
        #expect(abs(w.low - 49.0202) < 0.00005)
        #expect(abs(w.high - 50.9798) < 0.00005)
        #expect(abs((w.low + w.high) / 2 - 50) < 1e-9)
    }

    /// A smaller z gives a narrower interval: z = 1 for 1/2 is (0.5 + 0.25)/(1.5) ± √(0.125 + 0.0625)/1.5
    /// = 0.5 ± 0.288675: 21.13% to 78.87%.
    @Test func zIsHonoured() throws {
        let w = try #require(Wilson.interval(successes: 1, trials: 2, z: 1))
        #expect(printed(w.low) == 2113 && printed(w.high) == 7887)
    }
}

@Suite struct NewcombeTests {
    /// Newcombe (1998, difference of proportions) Table II, method 10, examples (a)–(h), printed
    /// to 4 places. Example (d) is also in R's ratesci tests (moverci type "wilson": −0.0381,
    /// 0.1926). By hand for (a) 56/70 − 48/80, from the Wilson intervals 0.691834–0.876953 and
    /// 0.490455–0.700382: low = 0.2 − √(0.108166² + 0.100382²) = 0.2 − 0.147570 = 0.052430;
    /// high = 0.2 + √(0.076953² + 0.109545²) = 0.2 + 0.133872 = 0.333872.
    /// For (c) 6/7 − 2/7, from 0.486872–0.974320 and 0.082219–0.641066: low = 0.571429 −
    /// √(0.370271² + 0.355351²) = 0.058229; high = 0.571429 + √(0.117178² + 0.203495²) = 0.806250.
    /// For (e) 0/10 − 0/20: low = 0 − (0/20's upper limit 0.161125), high = 0/10's upper limit,
    /// z²/(10 + z²) = 3.841459 / 13.841459 = 0.277533.
    @Test func newcombesTableTwo() throws {
        let cases: [(x1: Int, n1: Int, x2: Int, n2: Int, d: Int, low: Int, high: Int)] = [
            (56, 70, 48, 80, 2000, 524, 3339),     // (a)
            (9, 10, 3, 10, 6000, 1705, 8090),      // (b)
            (6, 7, 2, 7, 5714, 582, 8062),         // (c)
            (5, 56, 0, 29, 893, -381, 1926),       // (d)
            (0, 10, 0, 20, 0, -1611, 2775),        // (e)
            (0, 10, 0, 10, 0, -2775, 2775),        // (f)
            (10, 10, 0, 20, 10000, 6791, 10000),   // (g)
            (10, 10, 0, 10, 10000, 6075, 10000),   // (h)
        ]
        for c in cases {
            let r = try #require(Newcombe.difference(x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2))
            let label = "\(c.x1)/\(c.n1) − \(c.x2)/\(c.n2)"
            #expect(printed(r.difference) == c.d, "\(label)")
            #expect(printed(r.low) == c.low, "\(label)")
            #expect(printed(r.high) == c.high, "\(label)")
        }
    }

    @Test func noTrialsIsNoDifference() {
        #expect(Newcombe.difference(x1: 0, n1: 0, x2: 1, n2: 2) == nil)
        #expect(Newcombe.difference(x1: 1, n1: 2, x2: 0, n2: 0) == nil)
        #expect(Newcombe.difference(x1: 3, n1: 2, x2: 1, n2: 2) == nil)
    }

    /// The small team: 80% (8 of 10) last month, 66.7% (4 of 6) this month. From the
    /// Wilson intervals 0.299993–0.903229 (4/6) and 0.490162–0.943318 (8/10): the change is
    /// −0.133333, low = −0.133333 − √(0.366673² + 0.143318²) = −0.527020, high = −0.133333 +
    /// √(0.236562² + 0.309838²) = 0.256488. It covers zero: within noise.
    /// 60 of 100 after 80 of 100: Wilson 0.502003–0.690599 and 0.711171–0.866633; low = −0.2 −
    /// √(0.097997² + 0.066633²) = −0.318505, high = −0.2 + √(0.090599² + 0.088829²) = −0.073119:
    /// entirely below zero, a real fall.
    @Test func withinNoiseIsAnIntervalCoveringZero() throws {
        let small = try #require(Newcombe.difference(x1: 4, n1: 6, x2: 8, n2: 10))
        #expect(printed(small.low) == -5270 && printed(small.high) == 2565)
        #expect(Newcombe.coversZero(small))
        let large = try #require(Newcombe.difference(x1: 60, n1: 100, x2: 80, n2: 100))
        #expect(printed(large.low) == -3185 && printed(large.high) == -731)
        #expect(!Newcombe.coversZero(large))
        // The order of the two proportions only mirrors the interval.
        let mirrored = try #require(Newcombe.difference(x1: 8, n1: 10, x2: 4, n2: 6))
        #expect(abs(mirrored.low + small.high) < 1e-9 && abs(mirrored.high + small.low) < 1e-9)
        // An end exactly on zero counts as covering it.
        #expect(Newcombe.coversZero((difference: 1, low: 0, high: 2)))
        #expect(!Newcombe.coversZero((difference: 1, low: 0.001, high: 2)))
    }
}

@Suite struct FunnelTests {
    /// A council at 80% and five teams. The standard error at n cases is √(80 × 20 / n):
    ///
    /// | team | n | % | se | 95% limits (±1.96 se) | 99.8% limits (±3.09 se) | position |
    /// | A | 20 | 60 | √80 = 8.944 | 62.469–97.531 | 52.362–100 (107.638 clamped) | outside 95% |
    /// | B | 50 | 70 | √32 = 5.657 | 68.913–91.087 | 62.520–97.480 | inside |
    /// | C | 100 | 93 | 4 | 72.160–87.840 | 67.640–92.360 | outside 99.8% |
    /// | D | 10 | 50 | √160 = 12.649 | 55.208–100 (104.792) | 40.914–100 (119.086) | outside 95% |
    /// | E | 200 | 75 | √8 = 2.828 | 74.456–85.544 | 71.260–88.740 | inside |
    @Test func aHandWorkedSetOfTeams() {
        func close(_ a: (low: Double, high: Double), _ low: Double, _ high: Double) -> Bool {
            abs(a.low - low) < 0.0005 && abs(a.high - high) < 0.0005
        }
        #expect(close(Funnel.limits(p0: 80, n: 20, z: Funnel.z95), 62.469, 97.531))
        #expect(close(Funnel.limits(p0: 80, n: 20, z: Funnel.z998), 52.362, 100))
        #expect(close(Funnel.limits(p0: 80, n: 50, z: Funnel.z95), 68.913, 91.087))
        #expect(close(Funnel.limits(p0: 80, n: 50, z: Funnel.z998), 62.520, 97.480))
        #expect(close(Funnel.limits(p0: 80, n: 100, z: Funnel.z95), 72.160, 87.840))
        #expect(close(Funnel.limits(p0: 80, n: 100, z: Funnel.z998), 67.640, 92.360))
        #expect(close(Funnel.limits(p0: 80, n: 10, z: Funnel.z95), 55.208, 100))
        #expect(close(Funnel.limits(p0: 80, n: 10, z: Funnel.z998), 40.914, 100))
        #expect(close(Funnel.limits(p0: 80, n: 200, z: Funnel.z95), 74.456, 85.544))
        #expect(close(Funnel.limits(p0: 80, n: 200, z: Funnel.z998), 71.260, 88.740))
        #expect(Funnel.outside(value: 60, p0: 80, n: 20) == .outside95)
        #expect(Funnel.outside(value: 70, p0: 80, n: 50) == .inside)
        #expect(Funnel.outside(value: 93, p0: 80, n: 100) == .outside998)
        #expect(Funnel.outside(value: 50, p0: 80, n: 10) == .outside95)
        #expect(Funnel.outside(value: 75, p0: 80, n: 200) == .inside)
        // Far below as well as far above: 60% of 100 is under 67.640.
        #expect(Funnel.outside(value: 60, p0: 80, n: 100) == .outside998)
    }

    @Test func limitsAreInclusiveAndClamped() {
        // On a limit is inside it.
        let l95 = Funnel.limits(p0: 50, n: 100, z: Funnel.z95)
        #expect(Funnel.outside(value: l95.high, p0: 50, n: 100) == .inside)
        #expect(Funnel.outside(value: l95.low, p0: 50, n: 100) == .inside)
        let l998 = Funnel.limits(p0: 50, n: 100, z: Funnel.z998)
        #expect(Funnel.outside(value: l998.high, p0: 50, n: 100) == .outside95)
        // 95% of 10: se = √(95 × 5 / 10) = 6.8920; 95 + 3.09 × 6.8920 = 116.296 is clamped to
        // 100, 95 − 21.296 = 73.704.
        let high = Funnel.limits(p0: 95, n: 10, z: Funnel.z998)
        #expect(high.high == 100 && abs(high.low - 73.704) < 0.0005)
        // A council at 0%: the normal approximation has no width there.
        #expect(Funnel.limits(p0: 0, n: 10, z: Funnel.z95) == (low: 0, high: 0))
        // No cases, or no council figure: nothing can be told from chance.
        #expect(Funnel.limits(p0: 80, n: 0, z: Funnel.z95) == (low: 0, high: 100))
        #expect(Funnel.limits(p0: .nan, n: 10, z: Funnel.z95) == (low: 0, high: 100))
        #expect(Funnel.outside(value: 0, p0: 80, n: 0) == .inside)
        #expect(Funnel.outside(value: .nan, p0: 80, n: 10) == .inside)
    }
}

@Suite struct RankingTests {
    /// Values 10, 20, 20, 30. High polarity: 30 is 1st, the two 20s share 2nd, 10 is 4th (no
    /// 3rd). Low polarity: 10 1st, 20s 2nd, 30 4th. Polarity none ranks as high.
    @Test func tiesShareTheBetterRank() {
        let values: [Double] = [10, 20, 20, 30]
        func ranks(_ polarity: Polarity) -> [Int] {
            values.indices.map { i in
                var others = values
                others.remove(at: i)
                let r = Ranking.rank(value: values[i], among: others, polarity: polarity)
                #expect(r.of == 4)
                return r.rank
            }
        }
        #expect(ranks(.high) == [4, 2, 2, 1])
        #expect(ranks(.low) == [1, 2, 2, 4])
        #expect(ranks(.none) == [4, 2, 2, 1])
    }

    @Test func councilsWithoutAValueAreNotRanked() {
        // 20 among 30 and a suppressed figure: 2nd of 2.
        #expect(Ranking.rank(value: 20, among: [.nan, 30], polarity: .high) == (rank: 2, of: 2))
        // Alone: 1st of 1.
        #expect(Ranking.rank(value: 20, among: [], polarity: .low) == (rank: 1, of: 1))
        // No value of its own: last.
        #expect(Ranking.rank(value: .nan, among: [1, 2], polarity: .high) == (rank: 3, of: 3))
    }

    /// A is rank ≤ n/4, B ≤ n/2, C ≤ 3n/4, D the rest, exactly:
    /// n = 4: 1 | 2 | 3 | 4.
    /// n = 10: n/4 = 2.5, n/2 = 5, 3n/4 = 7.5: 1–2 A, 3–5 B, 6–7 C, 8–10 D.
    /// n = 11: 2.75, 5.5, 8.25: 1–2 A, 3–5 B, 6–8 C, 9–11 D.
    /// n = 153: 38.25, 76.5, 114.75: 1–38 A, 39–76 B, 77–114 C, 115–153 D.
    @Test func bandBoundaries() {
        func bands(_ n: Int) -> String { (1...n).map { Ranking.band(rank: $0, of: n).rawValue }.joined() }
        #expect(bands(4) == "ABCD")
        #expect(bands(10) == "AABBBCCDDD")
        #expect(bands(11) == "AABBBCCCDDD")
        let edges: [(Int, QuartileBand)] = [(1, .A), (38, .A), (39, .B), (76, .B), (77, .C), (114, .C), (115, .D), (153, .D)]
        for (rank, band) in edges { #expect(Ranking.band(rank: rank, of: 153) == band, "rank \(rank) of 153") }
        #expect(bands(153).filter { $0 == "A" }.count == 38)
        // Small n: 1 of 1 is D (1 > 1/4 … 1 > 3/4); of 2, 1st is B (1 ≤ 1), 2nd D (2 > 1.5).
        #expect(bands(1) == "D")
        #expect(bands(2) == "BD")
        #expect(bands(3) == "BCD")
        // Outside 1…n: taken as the nearest rank; nobody ranked is D.
        #expect(Ranking.band(rank: 0, of: 10) == .A && Ranking.band(rank: 12, of: 10) == .D && Ranking.band(rank: 1, of: 0) == .D)
    }

    /// Ties at a boundary: of ten, 50 40 40 30 …, the two 40s are both 2nd, so both are in A
    /// although the second of them stands in 3rd place.
    @Test func tiedCouncilsShareABand() {
        let values: [Double] = [50, 40, 40, 30, 25, 20, 15, 10, 5, 1]
        let r = Ranking.rank(value: 40, among: [50, 40, 30, 25, 20, 15, 10, 5, 1], polarity: .high)
        #expect(r == (rank: 2, of: values.count))
        #expect(Ranking.band(rank: r.rank, of: r.of) == .A)
        #expect(Ranking.band(rank: 3, of: 10) == .B)
    }
}
