import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
@testable import PopPage
import PopReference
import PopTestSupport

/// A demo month computed from its committed extract.
func demoSnapshot(_ month: String) throws -> Snapshot {
    let m = try #require(YearMonth(month))
    let extract = try ExtractReader.read(folder: TestPaths.demo + "/\(month)", asAt: m.last)
    return Engine.compute(extract, asAt: m.last, population: Population(age0to17: 96_920, age10to17: 38_000, source: "report figure"))
}

/// Change since a baseline, worked by hand from two fixture months: February 2018 (the demo's
/// earliest, its baseline) and January 2019.
///
/// | indicator | Feb 2018 | Jan 2019 | since Feb 2018 |
/// | --- | --- | --- | --- |
/// | cp.visits_in_time (high) | 130 of 162 = 80.2469% | 113 of 159 = 71.0692% | −9.1777 pts, worsening |
/// | cp.repeat_ytd (low) | 31 of 194 = 15.9794% | 22 of 194 = 11.3402% | −4.6392 pts, improving |
/// | cp.children (none) | 162 | 159 | −3 (−3/162 = −1.85%), down |
/// | cla.children (none) | 307 | 316 | +9 (+9/307 = +2.93%), up |
/// | cp.visits_in_time, Intervention & Planning Team 6 | 14 of 19 = 73.6842% | 13 of 29 = 44.8276% | −28.8566 pts, worsening |
@Suite struct BaselineTests {
    static let february = try! demoSnapshot("2018-02")
    static let december = try! demoSnapshot("2018-12")
    static let january = try! demoSnapshot("2019-01")

    func rows(baseline: Snapshot?, current: Snapshot = january, previous: Snapshot? = december) -> [PageRow] {
        PageModel.rows(current: current, previous: previous, targets: TargetSet([]), benchmarks: [], neighbourCodes: [], statistic: .mean,
                       commentary: [:], teams: true, baseline: baseline)
    }

    func row(_ rows: [PageRow], _ id: IndicatorID, team: String? = nil) throws -> PageRow {
        try #require(rows.first { $0.current.id == id && $0.current.team == team })
    }

    @Test func changeSinceTheBaselineByPolarity() throws {
        let page = rows(baseline: BaselineTests.february)
        let feb = try #require(YearMonth("2018-02"))

        let visits = try #require(try row(page, "cp.visits_in_time").baseline)
        #expect(visits.month == feb)
        #expect(visits.value.numerator == 130 && visits.value.denominator == 162)
        #expect(abs((visits.change ?? 0) - (100.0 * 113 / 159 - 100.0 * 130 / 162)) < 1e-9)
        #expect(abs((visits.change ?? 0) - (-9.1777)) < 0.0001)
        #expect(visits.relativeChange == nil)            // points for percentages, no relative change
        #expect(visits.direction == .worsening)

        let repeats = try #require(try row(page, "cp.repeat_ytd").baseline)
        // 20 of 194 against February's 21 of 194: one plan fewer, −0.5155 points.
        #expect(abs((repeats.change ?? 0) - (100.0 * 20 / 194 - 100.0 * 21 / 194)) < 1e-9)
        #expect(abs((repeats.change ?? 0) - (-0.5155)) < 0.0001)
        #expect(repeats.direction == .improving)         // lower is better

        let cp = try #require(try row(page, "cp.children").baseline)
        #expect(cp.change == -3)
        #expect(abs((cp.relativeChange ?? 0) - (-100.0 * 3 / 162)) < 1e-9)
        #expect(cp.direction == .down)                    // monitored: up or down

        let cla = try #require(try row(page, "cla.children").baseline)
        #expect(cla.change == 9 && cla.direction == .up)

        let team = try #require(try row(page, "cp.visits_in_time", team: "Intervention & Planning Team 6").baseline)
        #expect(abs((team.change ?? 0) - (100.0 * 13 / 29 - 100.0 * 18 / 22)) < 1e-9)
        #expect(team.direction == .worsening)

        // Last month's comparison is untouched by the baseline.
        let plain = rows(baseline: nil)
        #expect(try row(plain, "cp.visits_in_time").change == (try row(page, "cp.visits_in_time").change))
        #expect(plain.allSatisfy { $0.baseline == nil })
    }

    /// The words: signed change with its direction, the short and long sentences.
    @Test func theWordsOfTheChange() throws {
        let page = rows(baseline: BaselineTests.february)
        let cells = RowFormat(marks: .unicode)
        let visits = try row(page, "cp.visits_in_time")
        #expect(cells.baselineChange(visits) == "-9.2 pts worsening")
        #expect(cells.baselineArrow(visits) == "▼ 9.2")
        #expect(cells.baselineSentence(visits) == "since February 2018 ▼ 9.2 points (from 80.2%)")
        #expect(cells.baselineSentence(visits, short: true) == "since Feb 18 ▼ 9.2 (from 80.2%)")
        #expect(cells.baselineChange(try row(page, "cp.repeat_ytd")) == "-0.5 pts improving")
        #expect(cells.baselineChange(try row(page, "cp.children")) == "-3 (-1.9%) down")
        #expect(cells.baselineChange(try row(page, "cla.children")) == "+9 (+2.9%) up")
        #expect(Words.sinceBaselineHeading(try #require(YearMonth("2018-02"))) == "Since Feb 18")
        // Without a baseline there is nothing to say.
        #expect(cells.baselineChange(try row(rows(baseline: nil), "cp.children")) == "")
    }

    /// A baseline at or after the month is no baseline for it.
    @Test func aBaselineNotBeforeTheMonthIsLeftOut() {
        #expect(rows(baseline: BaselineTests.january).allSatisfy { $0.baseline == nil })
        #expect(rows(baseline: BaselineTests.january, current: BaselineTests.december, previous: nil).allSatisfy { $0.baseline == nil })
        #expect(rows(baseline: BaselineTests.december).contains { $0.baseline != nil })
    }

    /// A change that rounds to nothing carries no sign.
    @Test func aChangeThatRoundsToNothingHasNoSign() throws {
        let cells = RowFormat(marks: .unicode)
        #expect(cells.signed(0.04, nil, .percent) == "0.0 pts")
        #expect(cells.signed(-0.04, nil, .percent) == "0.0 pts")
        #expect(cells.signed(0.05, nil, .percent) == "+0.1 pts")
        #expect(cells.signed(-3, -1.85, .count) == "-3 (-1.9%)")
        #expect(cells.signed(0, 0, .count) == "0 (0.0%)")
    }
}
