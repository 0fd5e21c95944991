import Foundation
import Testing
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
@testable import PopPack

let february = YearMonth(year: 2018, month: 2)!

/// The demo's months with its baseline, February 2018, as the demo database sets it.
let baselinePack = PackData(council: "Barnet", demo: true, snapshots: Array(demoPack.snapshots.values), targets: demoPack.targets,
                            benchmarks: demoPack.benchmarks, neighbourCodes: [], statistic: .mean, comments: demoPack.comments, baseline: february)

@Suite struct PackBaselineTests {
    /// January against February 2018: CP visits 113 of 159 (71.1%) against 130 of 162 (80.2%),
    /// down 9.2 points, worsening; repeat plans 20 of 194 against 21 of 194, down 0.5 points,
    /// improving (lower is better).
    @Test func theSinceColumnAndSentences() throws {
        let html = Pack.html(baselinePack, month: january)
        #expect(HTMLCheck.problems(html).isEmpty, "\(HTMLCheck.problems(html).prefix(5))")
        let cp = section(html, .cp)
        #expect(cp.contains("<th scope=\"col\">Since Feb 18</th>"))
        // the row-group headings span the extra column: the label, three months and eleven columns
        #expect(cp.contains("colspan=\"15\""), "the row-group headings span the extra column")
        let visits = try #require(cp.components(separatedBy: "<tr>").first { $0.contains(">CP visits in time (10 working days)<") })
        #expect(visits.contains("<td>-9.2 pts <span class=\"dir\">worsening</span></td>"), "\(visits)")
        let repeats = try #require(cp.components(separatedBy: "<tr>").first { $0.contains(">Repeat CP plans YTD<") })
        #expect(repeats.contains("<td>-0.5 pts <span class=\"dir\">improving</span></td>"))
        #expect(html.contains(Escape.html("Since Feb 18: the change since February 2018, the baseline.")))

        let slides = Pack.slides(baselinePack, month: january, agenda: [.indicator("cp.visits_in_time"), .service(.cp)])
        #expect(HTMLCheck.problems(slides).isEmpty)
        #expect(slides.contains("<p>since February 2018 ▼ 9.2 points (from 80.2%) (worsening)</p>"))
        #expect(slides.contains("<th scope=\"col\">Since Feb 18</th>"))

        // No baseline, or a month not after it: no column and no sentence.
        for (data, month) in [(demoPack, january), (baselinePack, february)] {
            let page = Pack.html(data, month: month)
            #expect(!page.contains("Since Feb 18") && !page.contains("colspan=\"15\"") && page.contains("colspan=\"14\""))
            #expect(!Pack.slides(data, month: month).contains("since February 2018"))
        }
    }

    /// The loader's baseline may be older than the thirteen months the charts reach; it is still
    /// compared with, and never charted.
    @Test func aBaselineOlderThanTheCharts() throws {
        let months = demoPack.snapshots.values.filter { YearMonth($0.asAt) >= YearMonth(year: 2018, month: 6)! || YearMonth($0.asAt) == february }
        let data = PackData(council: "Barnet", demo: true, snapshots: Array(months), targets: demoPack.targets, benchmarks: [], neighbourCodes: [],
                            statistic: .mean, comments: [:], baseline: february)
        let html = Pack.html(data, month: january)
        #expect(section(html, .cp).contains("-9.2 pts"))
        #expect(HTMLCheck.problems(html).isEmpty)
    }
}
