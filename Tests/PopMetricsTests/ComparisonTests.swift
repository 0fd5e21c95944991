import Foundation
import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
import PopPage
import PopReference
import PopTestSupport

@Suite struct ComparisonTests {
    @Test func varianceAndRAGAgainstTarget() {
        // 113 of 159 = 71.07% against 95%: 100 × (71.07 − 95) / 95 = −25.19%, red.
        let v = 100.0 * 113 / 159
        #expect(abs(Comparison.variance(value: v, target: 95) - (-25.1903)) < 0.0001)
        #expect(Comparison.rag(value: v, target: 95, tolerance: 10, polarity: .high) == .red)
        // 89% against 95%: −6.3%, within the 10% tolerance: amber. Exactly on target: green.
        #expect(Comparison.rag(value: 89, target: 95, tolerance: 10, polarity: .high) == .amber)
        #expect(Comparison.rag(value: 95, target: 95, tolerance: 10, polarity: .high) == .green)
        // Low polarity: 9.5% against 11.5% meets it; 12.5% misses by 8.7% (amber); 13% by 13.0% (red).
        #expect(Comparison.rag(value: 9.5, target: 11.5, tolerance: 10, polarity: .low) == .green)
        #expect(Comparison.rag(value: 12.5, target: 11.5, tolerance: 10, polarity: .low) == .amber)
        #expect(Comparison.rag(value: 13, target: 11.5, tolerance: 10, polarity: .low) == .red)
        // A target of 0: variance is the plain difference, and there is no amber.
        #expect(Comparison.variance(value: 5, target: 0) == 5)
        #expect(Comparison.rag(value: 1, target: 0, tolerance: 10, polarity: .low) == .red)
        #expect(Comparison.rag(value: 0, target: 0, tolerance: 10, polarity: .low) == .green)
        #expect(Comparison.rag(value: 50, target: 40, tolerance: 10, polarity: .none) == nil)
    }

    @Test func theTargetInForceIsTheLatestEffectiveOne() throws {
        let targets = TargetSet([
            Target(indicator: "cp.visits_in_time", value: 90, effectiveFrom: day("01/04/2017")),
            Target(indicator: "cp.visits_in_time", value: 95, effectiveFrom: day("01/04/2018")),
        ])
        #expect(targets.target(for: "cp.visits_in_time", at: day("31/03/2018"))?.value == 90)
        #expect(targets.target(for: "cp.visits_in_time", at: day("01/04/2018"))?.value == 95)
        #expect(targets.target(for: "cp.visits_in_time", at: day("31/03/2017")) == nil)
        // Team rows are judged against the same target.
        let s = try compute([.list7: ChildProtectionTests.list7], targets: targets.targets)
        #expect(s.value("cp.visits_in_time")?.rag == .red)                        // 3 of 5 = 60%
        #expect(s.value("cp.visits_in_time", team: "T3")?.rag == .green)          // 1 of 1
        #expect(s.value("cp.visits_in_time", team: "T3")?.target == 95)
    }

    @Test func targetsFileErrorsNameLineAndColumn() throws {
        func write(_ text: String) -> String {
            let path = NSTemporaryDirectory() + "pop-targets-\(UInt32.random(in: 0...UInt32.max)).csv"
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return path
        }
        let good = try TargetsFile.read(path: write("indicator,target,amber_tolerance,effective_from\ncp.visits_in_time,95,,2018-04-01\nyot.custody_ytd,0,5,01/04/2018\n"))
        #expect(good.targets.count == 2)
        #expect(good.target(for: "yot.custody_ytd", at: day("31/01/2019"))?.amberTolerance == 5)
        #expect(good.target(for: "cp.visits_in_time", at: day("31/01/2019"))?.amberTolerance == 10)
        let badName = write("indicator,target,amber_tolerance,effective_from\ncp.visits,95,,2018-04-01\n")
        #expect(throws: ExtractError(file: badName.split(separator: "/").last.map(String.init)!, line: 2, column: "indicator",
                                     message: "\"cp.visits\" is not an indicator pop knows")) { try TargetsFile.read(path: badName) }
        let badNumber = write("indicator,target,effective_from\ncp.visits_in_time,lots,2018-04-01\n")
        #expect(throws: ExtractError.self) { try TargetsFile.read(path: badNumber) }
        let noColumn = write("indicator,value\n")
        #expect(throws: ExtractError.self) { try TargetsFile.read(path: noColumn) }
    }

    @Test func displayRoundsHalfAwayFromZero() {
        // 329 / 2000 = 16.45% exactly: half away from zero gives 16.5 (binary 16.45 is 16.4499…).
        #expect(Display.decimal(100.0 * 329 / 2000, numerator: 329, denominator: 2000) == "16.5")
        #expect(Display.decimal(16.45) == "16.5")
        #expect(Display.decimal(-0.25) == "-0.3")
        #expect(Display.decimal(2.675, places: 2) == "2.68")
        #expect(Display.decimal(100.0 * 113 / 159, numerator: 113, denominator: 159) == "71.1")
        #expect(Display.decimal(10_000.0 * 2888 / 96920, numerator: 2888, denominator: 96920, scale: 10_000) == "298.0")
        #expect(Display.grouped(13738) == "13,738")
        #expect(Display.grouped(999) == "999")
        #expect(Display.variance(-25.19) == "(25.2%)")
        #expect(Display.variance(7.5) == "7.5%")
        #expect(Display.variance(5, targetIsZero: true) == "5.0")
    }
}

@Suite struct OutputTests {
    @Test func jsonHasTheContractsShape() throws {
        let s = try compute([.list7: ChildProtectionTests.list7], targets: [Target(indicator: "cp.visits_in_time", value: 95, effectiveFrom: day("01/04/2018"))])
        let json = MetricsOutput.json(s)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["as_at"] as? String == "2019-01-31")
        let population = try #require(object["population"] as? [String: Any])
        #expect(population["age_0_17"] as? Int == 10_000)
        let rows = try #require(object["indicators"] as? [[String: Any]])
        let visits = try #require(rows.first { $0["id"] as? String == "cp.visits_in_time" && $0["team"] is NSNull })
        #expect(visits["numerator"] as? Int == 3 && visits["denominator"] as? Int == 5)
        #expect(visits["value"] as? Double == 60)
        #expect(visits["unit"] as? String == "percent" && visits["polarity"] as? String == "high")
        #expect(visits["rag"] as? String == "red")
        #expect(abs((visits["variance"] as? Double ?? 0) - (100 * (60.0 - 95) / 95)) < 1e-9)
        let count = try #require(rows.first { $0["id"] as? String == "cp.children" && $0["team"] is NSNull })
        #expect(count["denominator"] is NSNull && count["value"] as? Double == 6)
        let quality = try #require(object["data_quality"] as? [[String: Any]])
        #expect(quality.contains { $0["file"] as? String == "list7.csv" && $0["line"] as? Int == 9 && $0["value"] as? String == "31/02/2019" })
    }

    @Test func csvHasTheContractsHeaderAndEmptyCellsForNulls() throws {
        let s = try compute([.list7: ChildProtectionTests.list7])
        let lines = MetricsOutput.csv(s).split(separator: "\n").map(String.init)
        // The contract's header, each row ending with its basis (empty but for a fallback definition).
        #expect(lines[0] == "id,team,numerator,denominator,value,unit,polarity,target,variance,rag,basis")
        #expect(lines.contains("cp.children,,6,,6.0,count,none,,,,"))
        #expect(lines.contains("cp.visits_in_time,T3,1,1,100.0,percent,high,,,,"))
    }

    @Test func quotingKeepsCommasAndQuotes() {
        #expect(CSVText.field("Smith, J") == "\"Smith, J\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(JSONText.quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }
}

@Suite struct DocumentationTests {
    /// docs/indicators.md carries the catalogue exactly as the code declares it.
    @Test func indicatorsPageMatchesTheCatalogue() throws {
        let text = try #require(TestPaths.text(TestPaths.project + "/docs/indicators.md"))
        #expect(text.hasSuffix(CatalogueText.markdown()), "regenerate the tables: swift run pop indicators")
    }
}
