import Testing
import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
import PopTestSupport

@Suite struct ScaleDemoTests {
    static let population = Population(age0to17: 96_920, age10to17: 38_000, source: "test")

    func files(_ e: DemoExtract) -> [(name: String, bytes: [UInt8])] { e.files.map { ($0.name, Array($0.text.utf8)) } }

    @Test func aCouncilIsTheSameForTheSameSeedAndPrefixedWithItsCode() {
        let a = ScaleDemo.council(7, months: 10, seed: 11)
        let b = ScaleDemo.council(7, months: 10, seed: 11)
        #expect(a.files.map(\.text) == b.files.map(\.text))
        let list7 = a.files.first { $0.name == "list7.csv" }!.text
        let firstRow = list7.split(separator: "\r\n")[1]
        #expect(firstRow.hasPrefix("C007-BN"))
        #expect(firstRow.contains(",C007 "))
        #expect(ScaleDemo.councilCode(1) == "C001")
        #expect(ScaleDemo.councilCode(1234) == "C1234")
    }

    /// Two councils in one extract: every count is the sum of the two councils' own counts, and
    /// teams stay apart by their prefix. A longer history (22 months) holds more rows and
    /// changes no figure, as the engine keeps only what R needs.
    @Test func councilsInOneExtractAddUp() throws {
        let r = ScaleDemo.asAt
        let one = ScaleDemo.council(1, months: 22, seed: 5), two = ScaleDemo.council(2, months: 22, seed: 5)
        let shortOne = ScaleDemo.council(1, months: 10, seed: 5)
        func snapshot(_ fs: [(name: String, bytes: [UInt8])]) throws -> Snapshot {
            var rows = MonthRows(asAt: r)
            try ExtractReader.read(files: fs, asAt: r, into: &rows)
            return Engine.compute(rows, population: ScaleDemoTests.population)
        }
        // Both councils' lists, the second without its header rows.
        var combined: [(name: String, bytes: [UInt8])] = []
        for (a, b) in zip(files(one), files(two)) {
            let body = b.bytes.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false)[1]
            combined.append((a.name, a.bytes + Array(body)))
        }
        let s1 = try snapshot(files(one)), s2 = try snapshot(files(two)), both = try snapshot(combined)
        let short = try snapshot(files(shortOne))
        for id: IndicatorID in ["mash.contacts", "mash.contacts_ytd", "mash.referrals_ytd", "asmt.completed", "cin.children", "cp.children",
                   "cp.starts_ytd", "cla.children", "cl.total", "yot.open"] {
            let a = try #require(s1.value(id)?.numerator), b = try #require(s2.value(id)?.numerator)
            #expect(both.value(id)?.numerator == a + b, "\(id)")
            #expect(short.value(id)?.numerator == a, "\(id) with 10 months of history")
        }
        for id: IndicatorID in ["mash.rereferrals_ytd", "cp.visits_in_time", "cla.visits_in_time"] {
            let a = try #require(s1.value(id)), b = try #require(s2.value(id))
            #expect(both.value(id)?.numerator == a.numerator! + b.numerator!, "\(id)")
            #expect(both.value(id)?.denominator == a.denominator! + b.denominator!, "\(id)")
        }
        #expect(both.value("cp.children", team: "C002 Intervention & Planning Team 1")?.numerator
                == s2.value("cp.children", team: "C002 Intervention & Planning Team 1")?.numerator)
        #expect(both.dataQuality.isEmpty)
    }

    /// Streaming a folder into the month's rows and reading it whole first give the same figures.
    @Test func streamingAndReadingWholeAgree() throws {
        let r = day("2019-01-31")
        let folder = TestPaths.demo + "/2019-01"
        let streamed = try Engine.compute(folder: folder, asAt: r, population: ScaleDemoTests.population)
        let whole = Engine.compute(try ExtractReader.read(folder: folder, asAt: r), asAt: r, population: ScaleDemoTests.population)
        #expect(streamed.values == whole.values)
        #expect(streamed.dataQuality == whole.dataQuality)
        #expect(streamed.values.count == 445)
    }
}
