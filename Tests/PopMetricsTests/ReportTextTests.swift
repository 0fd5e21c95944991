import Foundation
import Testing
import PopCalendar
import PopExtract
import PopMetrics
@testable import PopPage
import PopReference
import PopTestSupport

/// `pop report`'s text and Markdown: "n of N" beside every percentage, team names on team rows,
/// text laid out for a width, the change since a baseline.
@Suite struct ReportTextTests {
    static let comment = "Visits within 4 weeks are at 97%. The service has recruited four social workers and expects the backlog in "
        + "Intervention and Planning to clear by March, when the figure should pass 90% for the first time this year."

    static let page: (heading: ReportHeading, snapshot: Snapshot, rows: [PageRow]) = {
        let targets = try! TargetsFile.read(path: TestPaths.demo + "/targets.csv")
        let benchmarks = try! ReferenceFiles.typedBenchmarks(path: TestPaths.demo + "/benchmarks.csv")
        let rows = PageModel.rows(current: BaselineTests.january, previous: BaselineTests.december, targets: targets, benchmarks: benchmarks,
                                  neighbourCodes: [], statistic: .mean, commentary: ["cp.visits_in_time": comment], teams: true,
                                  baseline: BaselineTests.february)
        let heading = ReportHeading(council: "Barnet", asAt: BaselineTests.january.asAt, previousMonth: YearMonth("2018-12"),
                                    population: BaselineTests.january.population, statistic: .mean, demo: true, baseline: YearMonth("2018-02"))
        return (heading, BaselineTests.january, rows)
    }()

    func text(_ width: Int) -> String { ReportText.render(.text, Self.page.heading, Self.page.snapshot, Self.page.rows, width: width) ?? "" }
    func markdown() -> String { ReportText.render(.markdown, Self.page.heading, Self.page.snapshot, Self.page.rows) ?? "" }

    func line(_ text: String, _ containing: String) throws -> String {
        try #require(text.split(separator: "\n").first { $0.contains(containing) }.map(String.init), "no line with \(containing)")
    }

    /// 113 of 159 children visited in time: 71.1%; December 115 of 167: 68.9%. Neglect is 56 of
    /// the 159 children on plans: 35.2%.
    @Test func nOfNBesideEveryPercentage() throws {
        for out in [text(200), markdown()] {
            let visits = try line(out, "CP visits in time (10 working days)")
            #expect(visits.contains("71.1% (113 of 159)") && visits.contains("68.9% (115 of 167)"), "\(visits)")
            #expect(try line(out, "Neglect").contains("56 of 159 (35.2%)"))
            #expect(try line(out, "Children on CP plans").contains("159"))
            // Every percentage figure of a computed row has its count beside it.
            for r in Self.page.rows where r.current.unit == .percent && r.unavailable == nil && r.current.team == nil && !r.definition.isBreakdown {
                guard let n = r.current.numerator, let d = r.current.denominator else { continue }
                let l = try line(out, r.definition.title)
                #expect(l.contains("\(Display.value(r.current)) (\(Display.grouped(n)) of \(Display.grouped(d)))"), "\(l)")
            }
        }
    }

    @Test func teamRowsCarryTheirTeamInEveryFormat() throws {
        let teams = Self.page.rows.filter { $0.current.team != nil }
        #expect(teams.count > 50)
        let csv = ReportText.render(.csv, Self.page.heading, Self.page.snapshot, Self.page.rows) ?? ""
        let json = ReportText.render(.json, Self.page.heading, Self.page.snapshot, Self.page.rows) ?? ""
        for (out, start) in [(text(240), "  CP visits"), (markdown(), "| CP visits")] {
            // The team's row under its indicator names the team and shows its own figure.
            #expect(out.split(separator: "\n").contains { $0.contains("Team: Intervention & Planning Team 6") && $0.contains("44.8% (13 of 29)") })
            // No row repeats an indicator's title for a team any more: each title heads one row.
            let titles = out.split(separator: "\n").filter { $0.hasPrefix(start) && $0.contains("CP visits in time (10 working days)") }
            #expect(titles.count == 1, "\(titles)")
        }
        // Every team row, in every format, names its team.
        let outputs = [("text", text(240)), ("markdown", markdown())]
        for r in teams {
            guard let team = r.current.team else { continue }
            let shown = Display.value(r.current)
            for (name, out) in outputs {
                let lines = out.split(separator: "\n").filter { $0.contains("Team: \(team)") && $0.contains(shown) }
                #expect(!lines.isEmpty, "\(name): no row for \(team) with \(shown) (\(r.current.id))")
            }
            #expect(csv.contains(",\(CSVText.field(team)),"))
            #expect(json.contains("\"team\": \(JSONText.quote(team))"))
        }
    }

    @Test func textWrapsToTheWidth() throws {
        for width in [40, 60, 80, 100, 140] {
            let out = text(width)
            let long = out.split(separator: "\n").filter { $0.count > width }.map(String.init)
            #expect(long.isEmpty, "at \(width): \(long)")
            // The comment is all there, wrapped with a hanging indent.
            let words = out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            #expect(words.contains(Self.comment), "at \(width)")
            #expect(try line(out, "Comment: Visits").hasPrefix("      Comment: "))
        }
        // At 100 columns some columns make way, and the report says which and what width shows them.
        let narrow = text(100)
        #expect(try line(narrow, "Left out at 100 characters:").contains("--width"))
        #expect(!(try line(narrow, "CP visits in time (10").contains("68.9%")))     // last month makes way first
        #expect(try line(narrow, "CP visits in time (10").contains("71.1% (113 of 159)"))
        #expect(try line(narrow, "CP visits in time (10").contains("✖ R"))
        // Wide enough, every column is there and nothing is said about it.
        let wide = text(260)
        #expect(!wide.contains("Left out"))
        let visits = try line(wide, "CP visits in time (10 working days)")
        #expect(visits.contains("68.9% (115 of 167)") && visits.contains("+2.2 pts") && visits.contains("-9.2 pts worsening")
                && visits.contains("95.0%") && visits.contains("(25.2%)") && visits.contains("✖ R"))
        // A title longer than its column wraps under itself rather than being cut (its figure
        // sits on its first line: take it out and the name reads whole).
        for width in [40, 60] {
            let lines = text(width).split(separator: "\n")
            let at = try #require(lines.firstIndex { $0.contains("Team:") && $0.contains("44.8% (13 of 29)") }, "at \(width)")
            #expect(lines[at + 1].hasPrefix("      "), "a wrapped label keeps its indent and two more")
            let name = lines[at...].prefix(5).map { $0.replacingOccurrences(of: "44.8% (13 of 29)", with: "") }
                .joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(name.hasPrefix(width == 40 ? "Team: Interventi on & Planning Team 6" : "Team: Intervention & Planning Team 6"), "\(name)")
        }
    }

    @Test func sinceTheBaselineInEveryFormat() throws {
        let wide = text(260)
        #expect(wide.contains("change since the baseline, February 2018"))
        #expect(try line(wide, "Indicator").contains("Since Feb 18"))
        let md = markdown()
        #expect(try line(md, "| Indicator").contains("Since Feb 18"))
        #expect(try line(md, "CP visits in time (10 working days)").contains("-9.2 pts worsening"))
        #expect(try line(md, "Repeat CP plans").contains("-0.5 pts improving"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data((ReportText.render(.json, Self.page.heading, Self.page.snapshot,
                                                                                                         Self.page.rows) ?? "").utf8)) as? [String: Any])
        #expect(json["baseline"] as? String == "2018-02")
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        let visits = try #require(indicators.first { $0["id"] as? String == "cp.visits_in_time" && $0["team"] is NSNull })
        #expect(abs((visits["since_baseline"] as? Double ?? 0) - (100.0 * 113 / 159 - 100.0 * 130 / 162)) < 1e-9)
        #expect(visits["since_baseline_direction"] as? String == "worsening")
        #expect(abs((visits["baseline_value"] as? Double ?? 0) - 100.0 * 130 / 162) < 1e-9)
        let csv = ReportText.render(.csv, Self.page.heading, Self.page.snapshot, Self.page.rows) ?? ""
        #expect(csv.hasPrefix(ReportText.csvHeader) && ReportText.csvHeader.hasSuffix(",since_baseline,since_baseline_relative,since_baseline_direction"))
        let f = JSONText.format
        #expect(try line(csv, "cp.children,,").hasSuffix(",2018-02,\(f(162)),\(f(-3)),\(f(-100.0 * 3 / 162)),down"))
        // No baseline: no column, no sentence, null fields.
        let none = ReportHeading(council: "Barnet", asAt: BaselineTests.january.asAt, previousMonth: YearMonth("2018-12"),
                                 population: BaselineTests.january.population, statistic: .mean, demo: true)
        let plainRows = PageModel.rows(current: BaselineTests.january, previous: BaselineTests.december, targets: TargetSet([]), benchmarks: [],
                                       neighbourCodes: [], statistic: .mean, commentary: [:])
        let plain = ReportText.render(.text, none, BaselineTests.january, plainRows, width: 260) ?? ""
        #expect(!plain.contains("Since") && !plain.contains("baseline"))
        #expect((ReportText.render(.json, none, BaselineTests.january, plainRows) ?? "").contains("\"baseline\": null"))
        #expect(ReportText.render(.xlsx, none, BaselineTests.january, plainRows) == nil)
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(Words.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(Words.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(Words.wrap("first\nsecond line\r\nthird", width: 20) == ["first", "second line", "third"])
        #expect(Words.wrapped("aa bb cc", width: 6, first: "> ", rest: "  ") == "> aa\n  bb\n  cc")
    }
}
