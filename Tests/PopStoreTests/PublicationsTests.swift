import Foundation
import Testing
import PopExtract
import PopMetrics
import PopPage
@testable import PopReference
import PopTestSupport

private let ees = TestPaths.referenceData + "/ees"

/// Barnet's (and every council's) 0–17 population by old code and mid-year, from the ONS file.
private let populations: [String: Int] = {
    var known: [String: Int] = [:]
    let estimates = (try? ReferenceFiles.populations(path: ees + "/ons_mid-year_population_estimates_2012_to_2024.csv")) ?? []
    for e in estimates where e.ageGroup == .age0to17 { known["\(e.code)|\(e.year)"] = e.value }
    return known
}()

private func population(_ code: String, _ year: Int) -> Int? { populations["\(code)|\(year)"] }

/// A file's rows as text cells keyed by header (normalised as the reader does: lower case).
private func rawRows(_ file: String) throws -> [[String: String]] {
    var rows: [[String]] = []
    try CSVFile(path: ees + "/" + file).forEachRecord { r in
        rows.append((0..<r.count).map { r.trimmed($0) })
        return true
    }
    let header = rows.removeFirst().map(Publications.key)
    return rows.map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
}

@Suite struct PublicationsTests {
    /// What each declared publication maps to, by name.
    @Test func theTableMapsEachPublicationToItsIndicators() {
        let expected: [String: [IndicatorID]] = [
            "Children looked after: numbers and rates per 10,000 children": ["cla.rate"],
            "Children in need: referrals and re-referrals": ["mash.rereferrals_ytd", "mash.referral_rate_ytd"],
            "Child protection plans which are a second or subsequent plan": ["cp.repeat_ytd"],
            "Children in need at 31 March": ["cin.rate"],
            "Child protection plans at 31 March by length of time": ["cp.open_2y"],
            "Children's social work workforce": ["wf.agency", "wf.caseload"],
            "Children looked after: placement stability": ["cla.long_term_stability", "cla.placements_3plus"],
            "Care leavers: activity": ["cl.eet_19_21"],
            "Care leavers: accommodation": ["cl.suitable_19_21"],
            "Children looked after: health outcomes": ["cla.health_assessments", "cla.dental"],
        ]
        #expect(Publications.all.count == expected.count)
        for p in Publications.all { #expect(p.rows.map(\.indicator) == expected[p.name], "\(p.name)") }
        // The counts-only figures are rates per 10,000 children; the rest are read as published.
        let rates = Publications.all.flatMap(\.rows).filter { if case .perTenThousandChildren = $0.value { true } else { false } }
        #expect(rates.map(\.indicator) == ["mash.referral_rate_ytd", "cin.rate"])
        // Every indicator a publication gives is in the catalogue (the workforce's since workforce.csv).
        let missing = Publications.all.flatMap(\.rows).map(\.indicator).filter { Catalogue.definition($0) == nil }
        #expect(missing == [])
    }

    /// A row never reads a column its publication's file may lack: whatever it filters on and
    /// reads its value from is among the columns that recognise the publication.
    @Test func rowsReadOnlyColumnsThatRecogniseTheirPublication() {
        for p in Publications.all {
            let recognising = Set(p.columns.map(Publications.key))
            for r in p.rows {
                for c in r.columnsRead { #expect(recognising.contains(Publications.key(c)), "\(p.name): \(r.indicator) reads \(c)") }
            }
        }
    }

    /// Every EES file shipped (but the population estimates, which are not a publication of
    /// figures) imports, gives the indicators expected of it and no figure twice.
    @Test func everyShippedFileImports() throws {
        let expected: [String: (indicators: Set<IndicatorID>, notInCatalogue: [IndicatorID])] = [
            "b1_children_in_need_2013_to_2025.csv": (["cin.rate"], []),
            "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv": (["mash.rereferrals_ytd", "mash.referral_rate_ytd"], []),
            "cla_number_and_rate_per_10k_children.csv": (["cla.rate"], []),
            "csww_indicators_2017_to_2025.csv": (["wf.agency", "wf.caseload"], []),
            "d3_cpps_subsequent_plan_2013_to_2025.csv": (["cp.repeat_ytd"], []),
            "d5_cpps_at31march_by_duration_2013_to_2025.csv": (["cp.open_2y"], []),
            "la_care_leavers_activity.csv": (["cl.eet_19_21"], []),
            "la_cla_placement_stability.csv": (["cla.long_term_stability", "cla.placements_3plus"], []),
        ]
        let files = try FileManager.default.contentsOfDirectory(atPath: ees).filter { $0.hasSuffix(".csv") && !$0.hasPrefix("ons_mid-year_population") }
        #expect(Set(files) == Set(expected.keys), "a shipped file the test does not know, or one it expects missing")
        for file in files.sorted() {
            let read = try ReferenceFiles.publicationImport(path: ees + "/" + file, population: population)
            let want = try #require(expected[file])
            #expect(Set(read.values.map(\.indicator)) == want.indicators, "\(file)")
            #expect(read.notInCatalogue == want.notInCatalogue, "\(file)")
            #expect(read.values.allSatisfy { $0.value.isFinite && $0.source == "DfE \(file)" }, "\(file)")
            // England, regions and councils all present where there are figures; a rate made
            // from counts only for councils (children in need has no other figure).
            if !want.indicators.isEmpty {
                let levels: Set<PublishedValue.Level> = file.hasPrefix("b1_") ? [.council] : [.national, .regional, .council]
                #expect(Set(read.values.map(\.level)) == levels, "\(file)")
                #expect(read.values.contains { $0.level == .council && $0.code == "302" && $0.newCode == "E09000003" }, "\(file)")
            }
            var seen: Set<String> = []
            for v in read.values {
                let key = "\(v.indicator)|\(v.period)|\(v.level)|\(v.code)"
                #expect(seen.insert(key).inserted, "\(file): \(key) twice")
            }
        }
        // The care leavers' file matches the activity and the accommodation entries alike (same
        // columns); only the activity labels are in it.
        let activity = try ReferenceFiles.publicationImport(path: ees + "/la_care_leavers_activity.csv", population: population)
        #expect(activity.publications == ["Care leavers: activity", "Care leavers: accommodation"])
    }

    /// The workforce figures are read once wf.agency and wf.caseload are indicators: with every
    /// id taken as known, Barnet's 2025 row gives agency 20.7% and caseload 14.1 as published.
    @Test func workforceRowsComeAliveWithTheirIndicators() throws {
        let t = try ReferenceFiles.table(CSVFile(path: ees + "/csww_indicators_2017_to_2025.csv"))
        let read = try Publications.read(file: "csww_indicators_2017_to_2025.csv", t, population: population, isIndicator: { _ in true })
        #expect(read.notInCatalogue.isEmpty)
        let barnet = read.values.filter { $0.code == "302" && $0.period == "2024-25" }
        #expect(barnet.first { $0.indicator == "wf.agency" }?.value == 20.7)
        #expect(barnet.first { $0.indicator == "wf.caseload" }?.value == 14.1)
        #expect(read.values.first { $0.level == .national && $0.indicator == "wf.agency" && $0.period == "2024-25" }?.value == 12.7)
    }

    // MARK: published figures recomputed from their counts (Barnet, old code 302)

    /// Care leavers aged 19–21 in education, employment or training: "Total in education,
    /// employment or training" over "Total", to a whole percent as DfE publishes it. 2024-25:
    /// 171 of 268 = 63.81% → 64; 2023-24: 170 of 248 = 68.55% → 69.
    @Test func barnetsCareLeaversInEducationEmploymentOrTraining() throws {
        let rows = try rawRows("la_care_leavers_activity.csv").filter { $0["old_la_code"] == "302" && $0["care_leaver_age"] == "19 to 21 years" }
        let read = try ReferenceFiles.publication(path: ees + "/la_care_leavers_activity.csv", population: population)
        var checked = 0
        for year in Set(rows.compactMap { $0["time_period"] }).sorted() {
            let ofYear = rows.filter { $0["time_period"] == year }
            let eet = try #require(ofYear.first { $0["breakdown"] == "Total in education, employment or training" })
            let total = try #require(ofYear.first { $0["breakdown"] == "Total" })
            let (n, d) = (try #require(Int(eet["care_leaver_count"] ?? "")), try #require(Int(total["care_leaver_count"] ?? "")))
            let recomputed = Display.decimal(100 * Double(n) / Double(d), places: 0, numerator: n, denominator: d)
            #expect(recomputed == eet["care_leaver_percent"], "\(year)")
            let period = Benchmark.period(yearEnding: try #require(Int(year)))
            #expect(read.first { $0.code == "302" && $0.period == period && $0.indicator == "cl.eet_19_21" }?.value == Double(recomputed), "\(year)")
            checked += 1
        }
        #expect(checked == 5)
        #expect(read.first { $0.code == "302" && $0.period == "2024-25" && $0.indicator == "cl.eet_19_21" }?.value == 64)
        #expect(read.first { $0.code == "302" && $0.period == "2023-24" && $0.indicator == "cl.eet_19_21" }?.value == 69)
    }

    /// Placement stability, each share of its own cohort's "Total children". 2024-25: 53 of 84
    /// under-16s in care 2½ years lived with the same carer 2 years = 63.10% → 63; 33 of 343
    /// children in care on 31 March had 3 or more placements = 9.62% → 10.
    @Test func barnetsPlacementStability() throws {
        let rows = try rawRows("la_cla_placement_stability.csv").filter { $0["old_la_code"] == "302" }
        let read = try ReferenceFiles.publication(path: ees + "/la_cla_placement_stability.csv", population: population)
        let cohorts: [(IndicatorID, String, String)] = [
            ("cla.long_term_stability", "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
             "Living with the same carer for at least 2 years"),
            ("cla.placements_3plus", "CLA on 31 March", "With 3 or more placements during the year"),
        ]
        var checked = 0
        for year in Set(rows.compactMap { $0["time_period"] }).sorted() {
            for (id, group, label) in cohorts {
                let ofGroup = rows.filter { $0["time_period"] == year && $0["cla_group"] == group }
                let part = try #require(ofGroup.first { $0["placement_stability"] == label })
                let total = try #require(ofGroup.first { $0["placement_stability"] == "Total children" })
                let (n, d) = (try #require(Int(part["children_count"] ?? "")), try #require(Int(total["children_count"] ?? "")))
                let recomputed = Display.decimal(100 * Double(n) / Double(d), places: 0, numerator: n, denominator: d)
                #expect(recomputed == part["children_percent"], "\(id) \(year)")
                let period = Benchmark.period(yearEnding: try #require(Int(year)))
                #expect(read.first { $0.code == "302" && $0.period == period && $0.indicator == id }?.value == Double(recomputed), "\(id) \(year)")
                checked += 1
            }
        }
        #expect(checked == 10)
        #expect(read.first { $0.code == "302" && $0.period == "2024-25" && $0.indicator == "cla.long_term_stability" }?.value == 63)
        #expect(read.first { $0.code == "302" && $0.period == "2024-25" && $0.indicator == "cla.placements_3plus" }?.value == 10)
    }

    /// CP plans open 2 years or more at 31 March: `2_years_or_more` over `CPP_At31`, to 1 place.
    /// 2023-24: 9 of 253 = 3.557% → 3.6. Suppressed years (2024-25: "c") give no figure at all.
    @Test func barnetsPlansOpenTwoYearsOrMore() throws {
        let rows = try rawRows("d5_cpps_at31march_by_duration_2013_to_2025.csv").filter { $0["old_la_code"] == "302" }
        let read = try ReferenceFiles.publication(path: ees + "/d5_cpps_at31march_by_duration_2013_to_2025.csv", population: population)
        var checked = 0, suppressed = 0
        for r in rows {
            let period = Benchmark.period(yearEnding: try #require(Int(r["time_period"] ?? "")))
            let published = read.first { $0.code == "302" && $0.period == period && $0.indicator == "cp.open_2y" }
            guard let n = Int(r["2_years_or_more"] ?? ""), let d = Int(r["cpp_at31"] ?? "") else {
                #expect(published == nil, "\(period)")
                suppressed += 1
                continue
            }
            let recomputed = Display.decimal(100 * Double(n) / Double(d), places: 1, numerator: n, denominator: d)
            #expect(Double(recomputed) == Double(r["2_years_or_more_percent"] ?? ""), "\(period)")
            #expect(published?.value == Double(recomputed), "\(period)")
            checked += 1
        }
        #expect(checked == 7 && suppressed == 6)
        #expect(read.first { $0.code == "302" && $0.period == "2023-24" && $0.indicator == "cp.open_2y" }?.value == 3.6)
        #expect(!read.contains { $0.code == "302" && $0.period == "2024-25" && $0.indicator == "cp.open_2y" })
    }

    /// Re-referrals within 12 months: `rereferral_count` over `referral_count`, to 1 place, every
    /// year of Barnet's (2018-19: 654 of 3,436 = 19.03% → 19.0, published "19"), as imported for mash.rereferrals_ytd.
    @Test func barnetsRereferralsFromTheirCounts() throws {
        let rows = try rawRows("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").filter { $0["old_la_code"] == "302" }
        let read = try ReferenceFiles.publication(path: ees + "/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", population: population)
        var checked = 0
        for r in rows {
            let period = Benchmark.period(yearEnding: try #require(Int(r["time_period"] ?? "")))
            let published = read.first { $0.code == "302" && $0.period == period && $0.indicator == "mash.rereferrals_ytd" }
            guard let n = Int(r["rereferral_count"] ?? ""), let d = Int(r["referral_count"] ?? "") else {
                #expect(published == nil || Double(r["rereferral_percent"] ?? "") != nil, "\(period)")
                continue
            }
            let recomputed = Display.decimal(100 * Double(n) / Double(d), places: 1, numerator: n, denominator: d)
            #expect(Double(recomputed) == Double(r["rereferral_percent"] ?? ""), "\(period)")
            #expect(published?.value == Double(recomputed), "\(period)")
            checked += 1
        }
        #expect(checked == rows.count && checked >= 12)
    }

    /// Second or subsequent CP plans: `CPP_subsequent` over `CPP_start`, to 1 place, every year
    /// of Barnet's, as imported for cp.repeat_ytd.
    @Test func barnetsSubsequentPlansFromTheirCounts() throws {
        let rows = try rawRows("d3_cpps_subsequent_plan_2013_to_2025.csv").filter { $0["old_la_code"] == "302" }
        let read = try ReferenceFiles.publication(path: ees + "/d3_cpps_subsequent_plan_2013_to_2025.csv", population: population)
        var checked = 0
        for r in rows {
            let period = Benchmark.period(yearEnding: try #require(Int(r["time_period"] ?? "")))
            let published = read.first { $0.code == "302" && $0.period == period && $0.indicator == "cp.repeat_ytd" }
            guard let n = Int(r["cpp_subsequent"] ?? ""), let d = Int(r["cpp_start"] ?? "") else {
                #expect(published == nil, "\(period)")
                continue
            }
            let recomputed = Display.decimal(100 * Double(n) / Double(d), places: 1, numerator: n, denominator: d)
            #expect(Double(recomputed) == Double(r["cpp_subsequent_percent"] ?? ""), "\(period)")
            #expect(published?.value == Double(recomputed), "\(period)")
            checked += 1
        }
        #expect(checked >= 10)
    }

    /// The workforce's published rates from its counts, every year: agency headcount over agency
    /// and in-post headcount (2024-25: 50 of 50 + 191 = 20.75% → 20.7), and cases per case-holding
    /// FTE (1,526 / 108.6 = 14.05 → 14.1).
    @Test func barnetsWorkforceRatesFromTheirCounts() throws {
        let rows = try rawRows("csww_indicators_2017_to_2025.csv").filter { $0["old_la_code"] == "302" }
        let t = try ReferenceFiles.table(CSVFile(path: ees + "/csww_indicators_2017_to_2025.csv"))
        let read = try Publications.read(file: "csww", t, population: population, isIndicator: { _ in true }).values
        for r in rows {
            let period = Benchmark.period(yearEnding: try #require(Int(r["time_period"] ?? "")))
            let agency = try #require(Int(r["agency_headcount"] ?? "")), inPost = try #require(Int(r["inpost_headcount"] ?? ""))
            let rate = Display.decimal(100 * Double(agency) / Double(agency + inPost), places: 1, numerator: agency, denominator: agency + inPost)
            #expect(Double(rate) == Double(r["agency_rate_headcount"] ?? ""), "\(period)")
            #expect(read.first { $0.code == "302" && $0.period == period && $0.indicator == "wf.agency" }?.value == Double(rate), "\(period)")
            let cases = try #require(Double(r["cases"] ?? "")), holders = try #require(Double(r["case_holders_fte"] ?? ""))
            let caseload = Display.decimal(cases / holders, places: 1)
            #expect(Double(caseload) == Double(r["caseload_fte"] ?? ""), "\(period)")
            #expect(read.first { $0.code == "302" && $0.period == period && $0.indicator == "wf.caseload" }?.value == Double(caseload), "\(period)")
        }
        #expect(rows.count == 9)
    }

    /// Counts-only files: the rate is 10,000 × count / the mid-year population before the year
    /// ending 31 March. 2018-19 with Barnet's mid-2018 0–17 estimate, 89,038: 3,436 referrals →
    /// 385.903; 1,923 children in need at 31 March 2019 → 215.975. Without a population, no rate.
    @Test func countsBecomeRatesPerTenThousandChildren() throws {
        let referrals = try ReferenceFiles.publication(path: ees + "/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", population: population)
        let rate = try #require(referrals.first { $0.code == "302" && $0.period == "2018-19" && $0.indicator == "mash.referral_rate_ytd" })
        #expect(abs(rate.value - 385.903) < 0.0005)
        #expect(!referrals.contains { $0.level != .council && $0.indicator == "mash.referral_rate_ytd" })
        let cin = try ReferenceFiles.publication(path: ees + "/b1_children_in_need_2013_to_2025.csv", population: population)
        let cinRate = try #require(cin.first { $0.code == "302" && $0.period == "2018-19" && $0.indicator == "cin.rate" })
        #expect(abs(cinRate.value - 215.975) < 0.0005)
        let none = try ReferenceFiles.publication(path: ees + "/b1_children_in_need_2013_to_2025.csv") { _, _ in nil }
        #expect(none.isEmpty)
    }

    // MARK: publications not shipped, from their described columns

    /// Care leavers' accommodation: 19–21 × "Accommodation considered suitable" is
    /// cl.suitable_19_21, for England, a region and Barnet (by old and new code); a suppressed
    /// figure is missing; 17–18 and the unsuitable share are not it; the activity row finds
    /// nothing here.
    @Test func careLeaversAccommodation() throws {
        let text = """
        time_period,geographic_level,region_code,old_la_code,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent
        2025,National,,,,19 to 21 years,Accommodation considered suitable,30000,88
        2025,Regional,E13000002,,,19 to 21 years,Accommodation considered suitable,2000,87
        2025,Local authority,E13000002,302,E09000003,19 to 21 years,Accommodation considered suitable,241,90
        2025,Local authority,E13000002,302,E09000003,19 to 21 years,Accommodation considered unsuitable,10,4
        2025,Local authority,E13000002,302,E09000003,19 to 21 years,Total,268,100
        2025,Local authority,E13000002,302,E09000003,17 to 18 years,Accommodation considered suitable,80,90
        2024,Local authority,E13000002,302,E09000003,19 to 21 years,Accommodation considered suitable,c,c
        2025,Local authority,E13000002,303,E09000004,19 to 21 years,accommodation  considered SUITABLE,100,91.5
        """
        let read = try ReferenceFiles.publicationImport(name: "care_leavers_accommodation.csv", text: text, population: population)
        #expect(read.publications == ["Care leavers: activity", "Care leavers: accommodation"])
        #expect(read.notInCatalogue.isEmpty)
        let got = read.values.map { "\($0.indicator) \($0.period) \($0.level) \($0.code) \($0.newCode) \($0.value)" }
        #expect(got == [
            "cl.suitable_19_21 2024-25 national england  88.0",
            "cl.suitable_19_21 2024-25 regional E13000002  87.0",
            "cl.suitable_19_21 2024-25 council 302 E09000003 90.0",
            // Labels compare without regard to case or runs of spaces.
            "cl.suitable_19_21 2024-25 council 303 E09000004 91.5",
        ])
    }

    /// Children looked after's health outcomes: the all-ages health-assessment characteristic ×
    /// "Had their annual health assessment" is cla.health_assessments, × "Had their teeth checked
    /// by a dentist" cla.dental; another characteristic or breakdown is neither.
    @Test func childrenLookedAftersHealthOutcomes() throws {
        let text = """
        time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic,breakdown,children_count,children_percent
        2025,Reporting year,National,E92000001,England,,,,,,Health assessments: Children looked after all ages,Had their annual health assessment,52000,91
        2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,E09000003,Barnet,Health assessments: Children looked after all ages,Had their annual health assessment,230,94
        2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,E09000003,Barnet,Health assessments: Children looked after all ages,Had their teeth checked by a dentist,200,82
        2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,E09000003,Barnet,Health assessments: Children looked after all ages,Total,245,100
        2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,E09000003,Barnet,Health assessments: Children looked after aged 5 and under,Had their annual health assessment,20,95
        2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,303,E09000004,Bexley,Health assessments: Children looked after all ages,Had their teeth checked by a dentist,x,x
        """
        let read = try ReferenceFiles.publicationImport(name: "cla_health.csv", text: text, population: population)
        #expect(read.publications == ["Children looked after: health outcomes"])
        let got = read.values.map { "\($0.indicator) \($0.period) \($0.code) \($0.value)" }
        #expect(got == ["cla.health_assessments 2024-25 england 91.0", "cla.health_assessments 2024-25 302 94.0", "cla.dental 2024-25 302 82.0"])
    }

    // MARK: recognition and errors

    /// A file whose columns match a publication but none of whose lines any row takes gives
    /// nothing, without error (here: the care leavers' columns, only 17–18-year-olds).
    @Test func aRecognisedFileWithNothingForPopImportsNothing() throws {
        let text = """
        time_period,geographic_level,old_la_code,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent
        2025,Local authority,302,E09000003,17 to 18 years,Accommodation considered suitable,80,90
        2025,Local authority,302,E09000003,17 to 18 years,"Total in education, employment or training",55,62
        """
        let read = try ReferenceFiles.publicationImport(name: "seventeen.csv", text: text, population: population)
        #expect(read.values.isEmpty)
        #expect(read.publications.count == 2)
    }

    @Test func aFileMatchingNoPublicationIsAnErrorNamingIt() throws {
        let error = try #require(throws: ExtractError.self) {
            try ReferenceFiles.publication(path: ees + "/ons_mid-year_population_estimates_2012_to_2024.csv", population: population)
        }
        #expect(error.file == "ons_mid-year_population_estimates_2012_to_2024.csv")
        #expect(error.message.hasPrefix("not a publication pop knows"))
        let other = try #require(throws: ExtractError.self) {
            try ReferenceFiles.publicationImport(name: "mystery.csv", text: "time_period,geographic_level,x\n2025,National,1\n", population: population)
        }
        #expect(other.file == "mystery.csv")
    }

    /// A recognised file still needs its time period and level; a period is a year (`2025`) or a
    /// year written as two (`202425`, ending 2025), anything else an error at its line.
    @Test func periodsAndLevels() throws {
        let missing = try #require(throws: ExtractError.self) {
            try ReferenceFiles.publicationImport(name: "nolevel.csv", text: "time_period,CPP_subsequent_percent\n2025,20\n", population: population)
        }
        #expect(missing.file == "nolevel.csv" && missing.column == "geographic_level")
        let text = """
        time_period,geographic_level,old_la_code,CPP_subsequent_percent
        202425,Local authority,302,21.5
        2025,Local authority district,302,30
        """
        let read = try ReferenceFiles.publicationImport(name: "periods.csv", text: text, population: population).values
        #expect(read.map { "\($0.period) \($0.code) \($0.value)" } == ["2024-25 302 21.5"])
        let bad = try #require(throws: ExtractError.self) {
            try ReferenceFiles.publicationImport(name: "bad.csv", text: "time_period,geographic_level,CPP_subsequent_percent\n2025/26,National,1\n", population: population)
        }
        #expect(bad.line == 2 && bad.column == "time_period")
    }
}
