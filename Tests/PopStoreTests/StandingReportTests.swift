import Foundation
import Testing
import PopCalendar
import PopExtract
import PopMetrics
import PopStore
import PopReference
import PopApp
import PopPage

/// Where the council stands, through the report and the council's choice, from a store.
@Suite(.serialized) struct StandingReportTests {
    /// A month of four percentages and a count, and typed published figures for eight other
    /// councils (and our own, 302, which is never ranked against our monthly figure):
    ///   cp.repeat_ytd (low) 12% among 10 12 12 15 18 20 20 25: ties with both 12s, rank 2 of 9, A
    ///   cla.placements_3plus (low) 16% among the same: 4 better, rank 5 of 9, C (5 > 9/2)
    ///   cl.eet_19_21 (high) 15% among the same: 15 ties, 18 20 20 25 better, rank 5 of 9, C
    ///   cp.open_2y (low) 15% among the same: 10 12 12 better, ties 15, rank 4 of 9, B (4 ≤ 4.5)
    static func store() throws -> Store {
        let store = try Store(path: temporaryFolder() + "/pop.sqlite")
        let asAt = day("31/01/2019")
        func pc(_ id: IndicatorID, _ n: Int, _ polarity: Polarity) -> IndicatorValue {
            IndicatorValue(id: id, team: nil, numerator: n, denominator: 100, value: Double(n), unit: .percent, polarity: polarity)
        }
        let values = [pc("cp.repeat_ytd", 12, .low), pc("cla.placements_3plus", 16, .low), pc("cl.eet_19_21", 15, .high), pc("cp.open_2y", 15, .low),
                      IndicatorValue(id: "cp.children", team: nil, numerator: 159, denominator: nil, value: 159, unit: .count, polarity: .none)]
        try store.importMonth(Snapshot(asAt: asAt, population: Population(), values: values, dataQuality: [], missingLists: []), visits: [],
                              source: "test", importedAt: "t")
        var typed = "indicator,period,what,value,source\n"
        for id in ["cp.repeat_ytd", "cla.placements_3plus", "cl.eet_19_21", "cp.open_2y"] {
            for (code, v) in [("201", 10), ("202", 12), ("203", 12), ("204", 15), ("205", 18), ("206", 20), ("207", 20), ("208", 25), ("302", 1)] {
                typed += "\(id),2017-18,\(code),\(v),typed\n"
            }
            typed += "\(id),2017-18,england,20.2,typed\n\(id),2017-18,region,15.8,typed\n"
        }
        try store.addBenchmarks(try ReferenceFiles.typedBenchmarks(name: "typed.csv", text: typed))
        try store.setSetting(.council, "302")
        return store
    }

    @Test func theReportCarriesRankRankOfAndBand() throws {
        let page = try ReportPage.load(try Self.store(), month: YearMonth(year: 2019, month: 1)!, teams: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data((page.render(.json) ?? "").utf8)) as? [String: Any])
        let rows = try #require(object["indicators"] as? [[String: Any]])
        func row(_ id: String) throws -> [String: Any] { try #require(rows.first { $0["id"] as? String == id }) }
        let expected: [(String, Int, String)] = [("cp.repeat_ytd", 2, "A"), ("cla.placements_3plus", 5, "C"), ("cl.eet_19_21", 5, "C"),
                                                 ("cp.open_2y", 4, "B")]
        for (id, rank, band) in expected {
            let r = try row(id)
            #expect(r["rank"] as? Int == rank && r["rank_of"] as? Int == 9 && r["band"] as? String == band, "\(id)")
            #expect(r["england"] as? Double == 20.2 && r["region"] as? Double == 15.8 && r["published_period"] as? String == "2017-18")
            #expect(r["ci_low"] is Double && r["ci_high"] is Double && r["within_noise"] is NSNull, "\(id)")   // no last month
            #expect(r["sn"] is NSNull)   // no neighbours set: the SN object is as it was
        }
        // A count: no interval fields, and nothing published for it.
        let count = try row("cp.children")
        #expect(count["ci_low"] == nil && count["within_noise"] == nil && count["rank"] is NSNull && count["band"] is NSNull)
        // The text and CSV say the same.
        // (wide enough for every column: text is laid out for a width)
        let text = page.render(.text, width: 300) ?? ""
        let repeatLine = try #require(text.split(separator: "\n").first { $0.contains("Repeat CP plans YTD") })
        #expect(repeatLine.split(separator: " ").suffix(6) == ["20.2%", "15.8%", "2", "of", "9", "A"], "\(repeatLine)")
        #expect(text.contains(Words.bandKey))
        let csv = (page.render(.csv) ?? "").split(separator: "\n")
        #expect(csv[0].contains(",published_period,england,region,rank,rank_of,band,ci_low,ci_high"))
        #expect(csv.contains { $0.hasPrefix("cp.open_2y,") && $0.contains(",2017-18,20.2,15.8,4,9,B,") })
    }

    /// The council by name, old code or new code, as the loaded files name it; a beginning that
    /// fits several is refused naming them; the title shows the name. Choosing another council
    /// derives its SN figures and region from the stored publications, and choosing the first
    /// again gives back exactly what the import stored.
    @Test func theCouncilByNameOrEitherCodeAndItsFiguresDerivedAgain() throws {
        let store = try Store(path: temporaryFolder() + "/pop.sqlite")
        let (jan, visits, _) = try demoMonth("2019-01")
        try store.importMonth(jan, visits: visits, source: "demo", importedAt: "t")
        // Before any reference data, an old code is taken as it is; a name cannot be.
        #expect(try CouncilSetting.choose("302", store: store).note != nil)
        #expect(throws: PopError.self) { try CouncilSetting.choose("Barnet", store: store) }
        _ = try ReferenceImport.benchmarks([shared + "/sn_model_2025_wide.csv", shared + "/ees/d3_cpps_subsequent_plan_2013_to_2025.csv"],
                                           into: store)
        let imported = try store.benchmarks(indicator: "cp.repeat_ytd")
        for text in ["Barnet", "barnet", "302", "E09000003", "e09000003"] {
            let c = try CouncilSetting.choose(text, store: store).council
            #expect(c.code == "302" && c.name == "Barnet" && c.newCode == "E09000003" && c.regionCode == "E13000002", "\(text)")
        }
        #expect(try store.councilName() == "Barnet")
        let ambiguous = try #require(throws: PopError.self) { try CouncilSetting.choose("Bar", store: store) }
        #expect(ambiguous.message.contains("Barnet (302)") && ambiguous.message.contains("Barnsley (370)"))
        #expect(throws: PopError.self) { try CouncilSetting.choose("Atlantis", store: store) }
        // Bristol's name as DfE writes it, found without its punctuation.
        #expect(try CouncilSetting.choose("bristol city of", store: store).council.code == "801")

        // Blackpool (890, North West): the SN mean of its ten neighbours' published 2017-18 figures,
        // and the North West's figure as its region's.
        let outcome = try CouncilSetting.choose("Blackpool", store: store)
        #expect(outcome.rederived > 0 && outcome.council.regionCode == "E12000002")
        let neighbours = try store.neighbours(of: "890")
        let all = try store.benchmarks(indicator: "cp.repeat_ytd").filter { $0.period == "2017-18" }
        let theirs = neighbours.compactMap { n in all.first { $0.what == n }?.value }
        #expect(theirs.count == 10)
        let mean = try #require(all.first { $0.what == "sn_mean" }?.value)
        #expect(abs(mean - theirs.reduce(0, +) / Double(theirs.count)) < 1e-9)
        let northWest = try #require(all.first { $0.what == "region:E12000002" }?.value)
        #expect(all.first { $0.what == "region" }?.value == northWest && northWest != imported.first { $0.period == "2017-18" && $0.what == "region" }?.value)
        #expect(try ReportPage.load(store, month: nil, teams: false).heading.council == "Blackpool")
        _ = try CouncilSetting.choose("E09000003", store: store)
        let back = try store.benchmarks(indicator: "cp.repeat_ytd")
        #expect(back.map { "\($0.period) \($0.what) \($0.value) \($0.source)" } == imported.map { "\($0.period) \($0.what) \($0.value) \($0.source)" })
    }
}
