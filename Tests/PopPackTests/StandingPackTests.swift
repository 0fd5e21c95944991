import Testing
import PopCalendar
import PopMetrics
import PopPage
@testable import PopPack

/// The board pack's headline table carries where the council stands: the SN figure labelled
/// with its statistic, England, the region, the rank among every council and the band.
@Suite struct StandingPackTests {
    @Test func theFiguresTableShowsEnglandRegionRankAndBand() throws {
        // Repeat plans YTD this January: 20 of 194 = 10.3% (lower is better). Eight other councils'
        // 2017-18 figures: 10 and 10.1 are better, so it ranks 3rd of 9: band B (3 > 9/4, ≤ 9/2).
        var benchmarks = demoPack.benchmarks
        for (code, v) in [("201", 10.0), ("202", 10.1), ("203", 12), ("204", 15), ("205", 18), ("206", 20), ("207", 20), ("208", 25)] {
            benchmarks.append(Benchmark(indicator: "cp.repeat_ytd", period: "2017-18", what: code, value: v, source: "DfE test"))
        }
        benchmarks += [Benchmark(indicator: "cp.repeat_ytd", period: "2017-18", what: "england", value: 20.2, source: "DfE test"),
                       Benchmark(indicator: "cp.repeat_ytd", period: "2017-18", what: "region", value: 15.8, source: "DfE test")]
        let data = PackData(council: "Barnet", demo: true, snapshots: Array(demoPack.snapshots.values), targets: demoPack.targets,
                            benchmarks: benchmarks, neighbourCodes: [], statistic: .median, comments: [:], councilCode: "302")
        let html = Pack.html(data, month: january)
        #expect(html.contains("<th scope=\"col\">SN median</th>") && html.contains("<th scope=\"col\">England rank</th>")
                && html.contains("<th scope=\"col\">Band</th>"))
        let row = try #require(html.components(separatedBy: "<tr>").first { $0.contains(">Repeat CP plans YTD</th>") })
        #expect(row.contains("<td>20.2%</td>") && row.contains("<td>15.8%</td>") && row.contains("<td>3 of 9</td>") && row.contains("<td>B</td>"))
        #expect(HTMLCheck.problems(html).isEmpty)
    }
}
