import Foundation
import Testing
import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
@testable import PopStore
import PopReference
import PopApp
import PopPage
import PopTestSupport

let projectFolder = TestPaths.project
let shared = TestPaths.referenceData

func day(_ s: String) -> Day { DateParser.parse(s).day! }

func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "pop-store-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func demoMonth(_ month: String) throws -> (Snapshot, [ChildVisit], Extract) {
    let asAt = YearMonth(month)!.last
    let extract = try ExtractReader.read(folder: projectFolder + "/Fixtures/demo/" + month, asAt: asAt)
    let s = Engine.compute(extract, asAt: asAt, population: Population(age0to17: 96_920, source: "report figure"))
    return (s, VisitList.children(extract, asAt: asAt), extract)
}

@Suite(.serialized) struct StoreTests {
    @Test func monthsRoundTripThroughARealFile() throws {
        let path = temporaryFolder() + "/nested/pop.sqlite"
        let (jan, visits, _) = try demoMonth("2019-01")
        do {
            let store = try Store(path: path)
            #expect(try store.importMonth(jan, visits: visits, source: "test", importedAt: "2026-11-23T00:00:00Z").replaced == false)
        }
        let reopened = try Store(path: path)
        #expect(try reopened.months() == [YearMonth(year: 2019, month: 1)!])
        let back = try #require(try reopened.month(YearMonth(year: 2019, month: 1)!))
        #expect(back.snapshot.values == jan.values)
        #expect(back.snapshot.asAt == day("31/01/2019"))
        #expect(back.snapshot.population == jan.population)
        // The drill-down: CP visit rows for Intervention & Planning Team 6, most overdue first.
        let ip6 = try reopened.visits(month: YearMonth(year: 2019, month: 1)!, indicator: "cp.visits_in_time", team: "Intervention & Planning Team 6")
        #expect(ip6.count == 29)
        #expect(ip6.filter(\.inTime).count == 13)
        #expect(ip6.first!.overdueBy >= ip6.last!.overdueBy)
    }

    @Test func databaseIsReadableByItsOwnerOnly() throws {
        let folder = temporaryFolder() + "/pop"
        let path = folder + "/pop.sqlite"
        _ = try Store(path: path)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func reimportReplacesTheMonthAndSaysSo() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        let store = try Store(path: path)
        let (jan, visits, extract) = try demoMonth("2019-01")
        try store.importMonth(jan, visits: visits, source: "first", importedAt: "t1")
        // A corrected extract: the same month computed with another population.
        let corrected = Engine.compute(extract, asAt: jan.asAt, population: Population(age0to17: 89_038, source: "ONS mid-2018"))
        let outcome = try store.importMonth(corrected, visits: visits, source: "second", importedAt: "t2")
        #expect(outcome.replaced && outcome.version == 2 && outcome.lostIndicators.isEmpty)
        let january = YearMonth(year: 2019, month: 1)!
        let back = try #require(try store.month(january))
        #expect(back.replacements == 1 && back.source == "second" && back.version == 2)
        #expect(back.snapshot.population.age0to17 == 89_038)
        #expect(back.snapshot.values.count == jan.values.count)   // replaced, not added to
        // Nothing stored is lost: the first import is kept, and comes back in one step.
        let versions = try store.versions()
        #expect(versions.map(\.version) == [1, 2] && versions.map(\.current) == [false, true] && versions.map(\.source) == ["first", "second"])
        try store.restore(january, version: 1)
        let restored = try #require(try store.month(january))
        #expect(restored.version == 1 && restored.snapshot.population.age0to17 == 96_920 && restored.snapshot.values == jan.values)
        #expect(try store.visits(month: january, indicator: "cp.visits_in_time").count == 159)
        #expect(throws: StoreError.self) { try store.restore(january, version: 3) }
        // A re-import that loses indicators says which.
        let withoutCareLeavers = Snapshot(asAt: jan.asAt, population: jan.population, values: jan.values.filter { !$0.id.rawValue.hasPrefix("cl.") },
                                          dataQuality: [], missingLists: [.list9])
        let lost = try store.importMonth(withoutCareLeavers, visits: visits, source: "third", importedAt: "t3").lostIndicators
        #expect(lost.contains("cl.in_touch") && lost.contains("cl.total") && !lost.contains("cp.children"))
    }

    /// The data-quality list of a stored month never holds a child's ID.
    @Test func storedDataQualityHoldsNoChildIDs() throws {
        let store = try Store(path: temporaryFolder() + "/pop.sqlite")
        let (jan, visits, _) = try demoMonth("2019-01")
        let withIDs = jan.dataQuality.filter { $0.column == "Child Unique ID" && !$0.value.isEmpty }
        try store.importMonth(Snapshot(asAt: jan.asAt, population: jan.population, values: jan.values,
                                       dataQuality: jan.dataQuality + [DataQualityIssue(file: "list7.csv", line: 9, column: "Child Unique ID",
                                                                                       value: "BN999999", problem: "the same child is also on line 12")],
                                       missingLists: []), visits: visits, source: "t", importedAt: "t")
        let month = YearMonth(year: 2019, month: 1)!
        let stored = try store.dataQuality(month)
        #expect(stored.count == jan.dataQuality.count + 1)
        // The page loads without the entries (a month may hold tens of thousands), with their count.
        let page = try #require(try store.month(month))
        #expect(page.snapshot.dataQuality.isEmpty && page.dataQualityCount == stored.count)
        #expect(try #require(try store.month(month, dataQuality: true)).snapshot.dataQuality == stored)
        #expect(stored.allSatisfy { $0.column != "Child Unique ID" || $0.value.isEmpty })
        #expect(withIDs.count == jan.dataQuality.filter { $0.column == "Child Unique ID" && !$0.value.isEmpty }.count)
    }

    @Test func environmentDecidesWhereTheDatabaseLives() {
        #expect(Store.location(explicit: "/x/a.sqlite", environment: ["POP_DB": "/y"]) == "/x/a.sqlite")
        #expect(Store.location(explicit: nil, environment: ["POP_DB": "/y/p.sqlite", "XDG_DATA_HOME": "/z"]) == "/y/p.sqlite")
        #expect(Store.location(explicit: nil, environment: ["XDG_DATA_HOME": "/z", "HOME": "/h"]) == "/z/pop/pop.sqlite")
        #expect(Store.location(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/pop/pop.sqlite")
        // An empty HOME is not a home: pop will not make /.local/share/pop.
        #expect(Store.location(explicit: nil, environment: ["HOME": ""]) == nil)
        #expect(Store.location(explicit: nil, environment: [:]) == nil)
    }

    @Test func twoWritersAtOnceBothLand() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        let (dec, decVisits, _) = try demoMonth("2018-12")
        let (jan, janVisits, _) = try demoMonth("2019-01")
        let a = try Store(path: path), b = try Store(path: path)
        let errors = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                if i == 0 { try a.importMonth(dec, visits: decVisits, source: "a", importedAt: "t") } else { try b.importMonth(jan, visits: janVisits, source: "b", importedAt: "t") }
            } catch { errors.mutate { $0.append("\(error)") } }
        }
        #expect(errors.value.isEmpty)
        #expect(try a.months().map(\.description) == ["2018-12", "2019-01"])
        #expect(try a.month(YearMonth(year: 2018, month: 12)!)?.snapshot.values == dec.values)
    }

    @Test func commentaryIsKeptWithTheMonth() throws {
        let store = try Store(path: temporaryFolder() + "/pop.sqlite")
        let jan = YearMonth(year: 2019, month: 1)!
        try store.setComment(month: jan, indicator: "cp.visits_in_time", text: "Visits within 4 weeks are at 97%.", at: "t")
        #expect(try store.comments(month: jan) == ["cp.visits_in_time": "Visits within 4 weeks are at 97%."])
        try store.setComment(month: jan, indicator: "cp.visits_in_time", text: "", at: "t")
        #expect(try store.comments(month: jan).isEmpty)
    }
}

@Suite struct ReferenceDataTests {
    /// Barnet's ten 2025 neighbours' children-looked-after rates for 2024-25, read from the DfE
    /// file by hand: Waltham Forest 47, Reading 70, Harrow 29, Redbridge 38, Merton 31,
    /// Croydon 58, Lewisham 71, Hillingdon 41, Haringey 61, Ealing 33. Sum 479: mean 47.9.
    /// Sorted 29 31 33 38 41 | 47 58 61 70 71: median (41 + 47) / 2 = 44. England 67, Outer
    /// London 43; Barnet's 37 has seven neighbours above it: 8th of 11 (for a monitored
    /// indicator, 1 is the highest).
    @Test func barnetsNeighboursForTheChildrenLookedAfterRate() throws {
        let groups = try ReferenceFiles.neighbourGroups(path: shared + "/sn_model_2025_wide.csv")
        let barnet = try #require(groups.neighbours["302"])
        #expect(barnet == ["320", "870", "310", "317", "315", "306", "209", "312", "309", "307"])
        #expect(groups.names["302"] == "Barnet")
        let published = try ReferenceFiles.publication(path: shared + "/ees/cla_number_and_rate_per_10k_children.csv") { _, _ in nil }
        let benchmarks = ReferenceFiles.benchmarks(from: published, council: "302", neighbours: barnet)
        let period = benchmarks.filter { $0.indicator == "cla.rate" && $0.period == "2024-25" }
        #expect(period.first { $0.what == "sn_mean" }?.value == 47.9)
        #expect(period.first { $0.what == "sn_median" }?.value == 44)
        #expect(period.first { $0.what == "england" }?.value == 67)
        #expect(period.first { $0.what == "region" }?.value == 43)
        #expect(period.first { $0.what == "302" }?.value == 37)
        let mine = IndicatorValue(id: "cla.rate", team: nil, numerator: nil, denominator: nil, value: 37, unit: .per_10k, polarity: .none)
        let sn = try #require(PageModel.neighbourComparison(mine, benchmarks: period, period: "2024-25", neighbourCodes: barnet, statistic: .median))
        #expect(sn.value == 44 && sn.difference == -7 && sn.better == nil)
        #expect(sn.rank == 8 && sn.rankedAmong == 11)
    }

    /// Every council's published rate per 10,000 is its count over its population, rounded half
    /// away from zero to a whole number. (Regional rows are not: DfE rounds their counts.)
    @Test func publishedRatesRecomputeForEveryCouncil() throws {
        var rows: [[String]] = []
        try CSVFile(path: shared + "/ees/cla_number_and_rate_per_10k_children.csv").forEachRecord { r in
            rows.append((0..<r.count).map { r.trimmed($0) })
            return true
        }
        let header = rows.removeFirst()
        let level = header.firstIndex(of: "geographic_level")!, count = header.firstIndex(of: "children_count")!
        let population = header.firstIndex(of: "population_estimate")!, rate = header.firstIndex(of: "rate_per_10000")!
        var checked = 0, suppressed = 0
        for r in rows where r[level] == "Local authority" {
            guard let c = Int(r[count]), let p = Int(r[population]), let published = Int(r[rate]) else {
                #expect(ReferenceFiles.suppressed.contains(r[rate].lowercased()) || ReferenceFiles.suppressed.contains(r[count].lowercased()))
                suppressed += 1
                continue
            }
            #expect(Display.decimal(10_000 * Double(c) / Double(p), places: 0, numerator: c, denominator: p, scale: 10_000) == String(published),
                    "\(r)")
            checked += 1
        }
        #expect(checked > 2_000)
    }

    @Test func suppressedValuesAreMissingNeverZero() throws {
        let published = try ReferenceFiles.publication(path: shared + "/ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv") { _, _ in nil }
        // Barnet's 2024 no-further-action figures are "u": its re-referral rate is still there.
        #expect(published.contains { $0.indicator == "mash.rereferrals_ytd" && $0.code == "302" && $0.period == "2023-24" && $0.value == 13.2 })
        #expect(!published.contains { $0.value == 0 && $0.indicator == "mash.rereferrals_ytd" && $0.code == "886" && $0.period == "2023-24" })
        #expect(ReferenceFiles.number("c") == nil && ReferenceFiles.number("low") == nil && ReferenceFiles.number(" 1,234 ") == 1234)
    }

    @Test func populationFileLoads() throws {
        let estimates = try ReferenceFiles.populations(path: shared + "/ees/ons_mid-year_population_estimates_2012_to_2024.csv")
        // The data contract: Barnet's mid-2018 0–17 estimate is 89,038.
        #expect(estimates.first { $0.code == "302" && $0.year == 2018 && $0.ageGroup == .age0to17 }?.value == 89_038)
    }
}

/// A value shared between threads.
final class Locked<T>: @unchecked Sendable {
    private var v: T
    private let lock = NSLock()
    init(_ v: T) { self.v = v }
    var value: T { lock.lock(); defer { lock.unlock() }; return v }
    func mutate(_ f: (inout T) -> Void) { lock.lock(); f(&v); lock.unlock() }
}
