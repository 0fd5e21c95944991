import Testing
import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
import PopPage
import PopReference
import PopTestSupport

let demoFolder = TestPaths.demo

func day(_ s: String) -> Day { DateParser.parse(s).day! }

func readBytes(_ path: String) -> [UInt8]? { TestPaths.bytes(path) }

func snapshot(_ month: String, _ asAt: String) throws -> Snapshot {
    let extract = try ExtractReader.read(folder: demoFolder + "/" + month, asAt: day(asAt))
    let targets = try TargetsFile.read(path: demoFolder + "/targets.csv")
    return Engine.compute(extract, asAt: day(asAt), population: Population(age0to17: 96_920, source: "report figure"), targets: targets)
}

/// The council-wide row's numerator and denominator.
func fraction(_ s: Snapshot, _ id: IndicatorID) -> (Int?, Int?) {
    let v = s.value(id)
    return (v?.numerator, v?.denominator)
}

@Suite struct DemoJanuaryTests {
    /// Barnet's published January 2019 page, figure by figure (data contract definitions).
    @Test func reproducesThePublishedJanuaryPage() throws {
        let s = try snapshot("2019-01", "2019-01-31")
        func shown(_ id: IndicatorID) -> String { Display.value(s.value(id)!) }
        // MASH / front door
        #expect(s.value("mash.contacts")?.numerator == 1_365)
        #expect(s.value("mash.contacts_ytd")?.numerator == 13_738)
        #expect(s.value("mash.referrals")?.numerator == 249)
        #expect(s.value("mash.referrals_ytd")?.numerator == 2_888)
        #expect(shown("mash.referral_rate_ytd") == "298.0")
        #expect(fraction(s, "mash.rereferrals_ytd") == (620, 2_888))     // 21%
        #expect(s.value("mash.source.police")?.numerator == 1_000)
        // Assessments, S47
        #expect(s.value("asmt.completed")?.numerator == 290)
        #expect(fraction(s, "asmt.within_45wd") == (251, 290))
        #expect(shown("asmt.within_45wd") == "86.6%")
        #expect(fraction(s, "asmt.child_seen") == (279, 290))
        #expect(shown("asmt.child_seen") == "96.2%")
        #expect(s.value("s47.started")?.numerator == 46)
        // Children in need
        #expect(s.value("cin.plans")?.numerator == 548)
        #expect(fraction(s, "cin.visits_in_time") == (395, 548))         // 72%
        // Child protection
        #expect(s.value("cp.children")?.numerator == 159)
        #expect(shown("cp.rate") == "16.4")
        #expect(s.value("cp.category.emotional")?.numerator == 84)
        #expect(s.value("cp.category.neglect")?.numerator == 56)
        #expect(s.value("cp.category.physical")?.numerator == 17)
        #expect(s.value("cp.category.sexual")?.numerator == 2)
        #expect(s.value("cp.category.multiple")?.numerator == 0)
        #expect(s.value("cp.starts_ytd")?.numerator == 194)
        #expect(s.value("cp.ended_ytd")?.numerator == 196)
        #expect(fraction(s, "cp.ended_2y_ytd") == (3, 196))
        #expect(shown("cp.ended_2y_ytd") == "1.5%")
        #expect(fraction(s, "cp.under5") == (49, 159))
        #expect(fraction(s, "cp.visits_in_time") == (113, 159))           // 71%
        #expect(fraction(s, "cp.visits_in_time_u5") == (38, 49))          // 78%
        #expect(fraction(s, "cp.seen_alone") == (66, 159))                // 42%
        #expect(fraction(s, "cp.open_2y") == (0, 159))
        // Children in care
        #expect(s.value("cla.children")?.numerator == 316)
        #expect(shown("cla.rate") == "32.6")
        #expect(s.value("cla.legal.ico")?.numerator == 52)
        #expect(s.value("cla.legal.co")?.numerator == 126)
        #expect(s.value("cla.legal.s20")?.numerator == 120)
        #expect(shown("cla.placements_3plus") == "9.5%")
        #expect(fraction(s, "cla.long_term_stability") == (74, 129))
        #expect(shown("cla.long_term_stability") == "57.4%")
        #expect(fraction(s, "cla.visits_in_time") == (281, 316))          // 89%
        #expect(shown("cla.health_assessments") == "96.4%")
        #expect(shown("cla.dental") == "65.6%")
        #expect(s.value("cla.uasc")?.numerator == 62)
        #expect(shown("cla.placed_in_borough") == "47.5%")
        // Care leavers
        #expect(s.value("cl.total")?.numerator == 265)
        #expect(s.value("cl.age.18")?.numerator == 79)
        #expect(s.value("cl.age.19")?.numerator == 77)
        #expect(s.value("cl.age.20")?.numerator == 52)
        #expect(s.value("cl.age.21")?.numerator == 28)
        #expect(s.value("cl.age.22_over")?.numerator == 29)
        #expect(shown("cl.eet_19_21") == "67.5%")
        #expect(shown("cl.suitable_19_21") == "96.2%")
        #expect(shown("cl.in_touch") == "88.7%")
        #expect(s.value("cl.higher_education")?.numerator == 23)
        // Youth offending
        #expect(s.value("yot.open")?.numerator == 65)
        #expect(s.value("yot.fte")?.numerator == 8)
        #expect(s.value("yot.custody_ytd")?.numerator == 5)
        #expect(fraction(s, "yot.intensive") == (15, 48))                 // 31%
        #expect(fraction(s, "yot.gang") == (39, 65))                      // 60%
        #expect(fraction(s, "yot.ete") == (14, 25))                       // 56%
        // Targets from the demo's targets file
        let cpVisits = try #require(s.value("cp.visits_in_time"))
        #expect(cpVisits.target == 95 && cpVisits.rag == .red)
        #expect(Display.variance(cpVisits.variance!) == "(25.2%)")
        #expect(s.value("yot.custody_ytd")?.rag == .red)
        #expect(s.value("cla.placements_3plus")?.rag == .green)
        #expect(s.value("cla.long_term_stability")?.rag == .amber)
        // The demo is clean: nothing for the data-quality list.
        #expect(s.dataQuality.isEmpty)
    }

    @Test func reproducesNovemberAndDecember() throws {
        let nov = try snapshot("2018-11", "2018-11-30")
        let dec = try snapshot("2018-12", "2018-12-31")
        #expect(nov.value("mash.contacts")?.numerator == 1_567)
        #expect(dec.value("mash.contacts")?.numerator == 1_224)
        #expect(nov.value("mash.referrals")?.numerator == 345)
        #expect(dec.value("mash.referrals")?.numerator == 248)
        #expect(nov.value("cp.children")?.numerator == 178)
        #expect(dec.value("cp.children")?.numerator == 167)
        #expect(nov.value("cla.children")?.numerator == 321)
        #expect(dec.value("cla.children")?.numerator == 323)
        // The report's cumulative plan starts and ends.
        #expect(nov.value("cp.starts_ytd")?.numerator == 178)
        #expect(dec.value("cp.starts_ytd")?.numerator == 190)
        #expect(nov.value("cp.ended_ytd")?.numerator == 161)
        #expect(dec.value("cp.ended_ytd")?.numerator == 184)
    }

    @Test func cpTeamsMatchTheReportsVisitTable() throws {
        let s = try snapshot("2019-01", "2019-01-31")
        let ip6 = try #require(s.value("cp.visits_in_time", team: "Intervention & Planning Team 6"))
        #expect((ip6.numerator, ip6.denominator) == (13, 29))
        let ip4 = try #require(s.value("cp.visits_in_time", team: "Intervention & Planning Team 4"))
        #expect((ip4.numerator, ip4.denominator) == (12, 21))
        #expect(s.value("cp.children", team: "Intervention & Planning Team 3")?.numerator == 28)
    }
}

@Suite struct DemoFixtureTests {
    /// The committed fixtures are exactly what the simulator writes today.
    @Test func fixturesAreTheSimulatorsOutput() throws {
        let extracts = DemoBorough.extracts()
        #expect(extracts.map(\.month.description) == ["2018-02", "2018-03", "2018-04", "2018-05", "2018-06", "2018-07", "2018-08",
                                                     "2018-09", "2018-10", "2018-11", "2018-12", "2019-01"])
        for e in extracts {
            #expect(e.asAt == e.month.last)
            for f in e.files {
                let onDisk = readBytes(demoFolder + "/\(e.month)/\(f.name)")
                #expect(onDisk == Array(f.text.utf8), "Fixtures/demo/\(e.month)/\(f.name) differs: run `swift run pop demo generate --out Fixtures/demo`")
            }
        }
        #expect(readBytes(demoFolder + "/targets.csv") == Array(DemoBorough.targetsCSV.utf8))
    }

    @Test func anotherSeedGivesAnotherBoroughWithTheSameFigures() throws {
        let a = DemoBorough.extracts(seed: 7).last!, b = DemoBorough.extracts(seed: 7).last!
        #expect(a.files.map(\.text) == b.files.map(\.text))
        #expect(a.files.map(\.text) != DemoBorough.extracts().last!.files.map(\.text))
    }

    /// A child on a plan (or in care) at one month end is still listed the next month, with the
    /// same start, unless the plan ended in between; last visits never go backwards.
    @Test func consecutiveMonthsAreConsistent() throws {
        let months = DemoBorough.months
        var previous: (Day, Extract)?
        for m in months {
            let e = try ExtractReader.read(folder: demoFolder + "/\(m)", asAt: m.last)
            if let (prevDay, prev) = previous {
                let now = Dictionary(e.rows(ChildProtectionPlan.self)!.map { ($0.child, $0) }, uniquingKeysWith: { a, _ in a })
                for p in prev.rows(ChildProtectionPlan.self)! where p.end.isBlank {
                    let later = try #require(now[p.child], "\(p.child) on a plan at \(prevDay) is missing from \(m)")
                    #expect(later.start == p.start)
                    if let e = later.end.day { #expect(e > prevDay && e <= m.last) }
                    if let before = p.lastVisit.day, let after = later.lastVisit.day { #expect(after >= before) }
                }
                let care = Dictionary(e.rows(ChildInCare.self)!.map { ($0.child, $0) }, uniquingKeysWith: { a, _ in a })
                for c in prev.rows(ChildInCare.self)! where c.ceased.isBlank {
                    let later = try #require(care[c.child], "\(c.child) in care at \(prevDay) is missing from \(m)")
                    #expect(later.started == c.started)
                    if let before = c.lastVisit.day, let after = later.lastVisit.day { #expect(after >= before) }
                }
            }
            previous = (m.last, e)
        }
    }
}
