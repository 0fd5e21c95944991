import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

@Suite struct ChildProtectionTests {
    static let list7 = """
        Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team
        P1,,01/12/2018,Neglect,17/01/2019,Yes,,,0,T1
        P2,31/01/2014,01/06/2018,Emotional abuse,16/01/2019,No,31/07/2018,,1,T1
        P3,01/02/2014,31/01/2017,Physical,01/01/2017,,30/07/2018,,,T2
        P4,01/01/2010,31/01/2017,Neglect,,,,31/01/2019,,T2
        X,01/01/2012,01/10/2018,Sexual,30/01/2019,Yes,,,0,T1
        X,01/01/2012,01/11/2018,Sexual abuse,20/01/2019,Yes,,,0,T3
        X,01/01/2012,01/12/2018,Neglect,,,,15/01/2019,0,T4
        P6,01/01/2008,01/09/2018,Neglect,31/02/2019,Yes,,,0,T1
        P7,01/01/2008,soon,Neglect,,,,,0,T1
        P8,01/01/2009,01/01/2018,Emotional,,,,01/04/2018,0,T2
        P9,01/01/2011,01/04/2018,e) Multiple,29/01/2019,a) Yes,01/10/2018,,x3,T1

        """

    @Test func childrenOnPlansAtR() throws {
        let s = try compute([.list7: Self.list7])
        // Open at R: P1, P2, P3, X (its 1 November row: the latest open start; the closed December
        // row never hides it), P6, P9. P4 ended on R itself; P7's start is unreadable.
        #expect(s.count("cp.children") == 6)
        #expect(s.value("cp.children", team: "T1")?.numerator == 4)
        #expect(s.value("cp.children", team: "T3")?.numerator == 1)   // X's standing row
        #expect(s.value("cp.children", team: "T4") == nil)
        #expect(s.value("cp.rate")?.value == 6)                       // 10,000 × 6 / 10,000
        #expect(s.nd("cp.category.neglect") == (2, 6))
        #expect(s.nd("cp.category.emotional") == (1, 6))
        #expect(s.nd("cp.category.physical") == (1, 6))
        #expect(s.nd("cp.category.sexual") == (1, 6))
        #expect(s.nd("cp.category.multiple") == (1, 6))
        // X's earlier open row is a warning naming the row that stands.
        #expect(s.dataQuality.contains { $0.line == 6 && $0.value == "X" && $0.problem.contains("line 7") })
        #expect(s.dataQuality.contains { $0.line == 10 && $0.value == "soon" })
    }

    @Test func flowsInTheYearToDate() throws {
        let s = try compute([.list7: Self.list7])
        // Starts from 1 April 2018: P1, P2, X ×3, P6, P9 (1 April itself).
        #expect(s.count("cp.starts_ytd") == 7)
        // Previous plans ≥ 1: only P2; P9's "x3" is unreadable and left out.
        #expect(s.nd("cp.repeat_ytd") == (1, 6))
        // Ends: P4 (R), X's December row, P8 (1 April).
        #expect(s.count("cp.ended_ytd") == 3)
        // P4 ran 31/01/2017 → 31/01/2019 = 730 days.
        #expect(s.nd("cp.ended_2y_ytd") == (1, 3))
        // P3 started 730 days before R.
        #expect(s.nd("cp.open_2y") == (1, 6))
    }

    @Test func agesVisitsAndReviews() throws {
        let s = try compute([.list7: Self.list7])
        // Under 5: P1 (unborn: blank date of birth) and P3 (4); P2 turns 5 on R.
        #expect(s.nd("cp.under5") == (2, 6))
        // Within 10 working days of R: P1 (17 Jan: 10), X (Sun 20 Jan: 9), P9 (29 Jan).
        // P2 (16 Jan: 11) is late; P3's visit predates its plan, so its start counts: late.
        // P6's visit date is unreadable: left out of this indicator only.
        #expect(s.nd("cp.visits_in_time") == (3, 5))
        #expect(s.nd("cp.visits_in_time", team: "T1") == (2, 3))
        #expect(s.nd("cp.visits_in_time", team: "T2") == (0, 1))
        #expect(s.nd("cp.visits_in_time", team: "T3") == (1, 1))
        #expect(s.nd("cp.visits_in_time_u5") == (1, 2))
        // Seen alone: P1, X, P6, P9 (a) Yes); P3's blank is not yes.
        #expect(s.nd("cp.seen_alone") == (4, 6))
        // Reviews: P1 no review, R ≤ 01/03/2019; P2 R ≤ 31/01/2019 (6 months after 31/07/2018);
        // P3 overdue (30/07/2018 + 6 months = 30/01/2019); X no review, R ≤ 01/02/2019;
        // P6 no review and 01/09/2018 + 3 months has passed; P9 R ≤ 01/04/2019.
        #expect(s.nd("cp.reviews_in_time") == (4, 6))
    }
}

@Suite struct ChildrenInCareTests {
    static let list8 = """
        Child Unique ID,Date of Birth,Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),Date Started to be Looked After,Child's Legal Status,Date of Latest Statutory Review,Date of Last Social Work Visit,Date of Last Health Assessment,Date of Last Dental Check,Number of Placements in the Last 12 months,Date Ceased to be Looked After,Start Date of Most Recent Placement,Placement Location,Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months,Allocated Team
        C1,01/02/2003,N,31/07/2016,C2,01/09/2018,20/12/2018,01/02/2018,31/01/2018,3,,31/01/2017,In,1,CIC1
        C2,31/01/2003,N,01/01/2015,V2,31/07/2018,19/12/2018,,15/06/2018,,,01/02/2017,Out,,CIC1
        C3,29/02/2008,Y,01/08/2016,C1 - Interim care order,,,31/01/2019,31/01/2019,2,,,a) In,0,CIC2
        C4,01/01/2018,N,10/01/2019,C1,,,,,1,,10/01/2019,In borough,,CIC2
        C5,01/01/2010,N,01/01/2016,C2,,,,,1,31/01/2019,,In,,CIC3
        C6,01/01/2010,N,01/01/2019,C2,,,,,1,15/01/2019,,In,,CIC3
        C7,01/01/2010,N,01/01/2016,E1,01/12/2018,30/01/2019,01/06/2018,,5,,01/06/2018,maybe,x,CIC3

        """

    @Test func childrenInCareAndTheirIndicators() throws {
        let s = try compute([.list8: Self.list8])
        // In care at R: C1, C2, C3, C4, C7 (C5 ceased on R; C6 in January).
        #expect(s.count("cla.children") == 5)
        #expect(s.value("cla.rate")?.value == 5)
        #expect(s.nd("cla.legal.ico") == (2, 5))
        #expect(s.nd("cla.legal.co") == (1, 5))
        #expect(s.nd("cla.legal.s20") == (1, 5))
        #expect(s.nd("cla.legal.po") == (1, 5))
        #expect(s.nd("cla.legal.epo") == (0, 5))
        #expect(s.nd("cla.placements_3plus") == (2, 5))             // C1 (3), C7 (5); C2's blank is 0
        // Under 16 and in care since addMonths(R, −30) = 31/07/2016: C1 (15, started that day)
        // and C7; C2 turns 16 on R; C3 started a day late. C1's placement began on
        // addMonths(R, −24) = 31/01/2017: stable. C7 moved in June 2018.
        #expect(s.nd("cla.long_term_stability") == (1, 2))
        // Within 42 days: C1 (20/12/2018 is 42 days), C4 (no visit: started 21 days ago), C7.
        // C2 (43 days) and C3 (no visit since 2016) are late.
        #expect(s.nd("cla.visits_in_time") == (3, 5))
        #expect(s.nd("cla.visits_in_time", team: "CIC1") == (1, 2))
        #expect(s.nd("cla.visits_in_time", team: "CIC3") == (1, 1))
        // In care 12 months (started by 31/01/2018): C1, C2, C3, C7. Health in (31/01/2018, R]:
        // C1 (1 Feb 2018), C3 (R itself), C7. Dental: C2, C3; C1's 31/01/2018 is a day too old.
        #expect(s.nd("cla.health_assessments") == (3, 4))
        #expect(s.nd("cla.dental") == (2, 4))
        // Reviews: C1, C2 (31/07/2018 + 6 months = R), C4 (15 working days since start), C7;
        // C3 has had none since 2016.
        #expect(s.nd("cla.reviews_in_time") == (4, 5))
        #expect(s.count("cla.uasc") == 1)
        // Missing: C1; C7's "x" is unreadable and left out.
        #expect(s.nd("cla.missing") == (1, 4))
        // In borough: C1, C3 ("a) In"), C4 ("In borough"); C2 out; C7's "maybe" left out.
        #expect(s.nd("cla.placed_in_borough") == (3, 4))
        #expect(s.dataQuality.contains { $0.line == 8 && $0.column == Column.claLocation })
    }
}

@Suite struct CareLeaverTests {
    static let list9 = """
        Child Unique ID,Date of Birth,Latest Date of Contact,Latest Pathway Plan Review Date,Suitability of Accommodation,Activity Status
        L1,29/02/2000,01/02/2018,01/08/2018,Suitable,F1
        L2,31/01/2000,31/01/2018,31/07/2018,Unsuitable,G5
        L3,01/02/1997,,,Accommodation is considered suitable,P2
        L4,01/01/1996,15/01/2019,15/01/2019,,
        L5,,01/06/2018,x,Suitable,F3
        L1,29/02/2000,01/01/2019,01/01/2019,Suitable,F1 - Full-time higher education

        """

    @Test func careLeaversByAgeAndOutcome() throws {
        let s = try compute([.list9: Self.list9])
        #expect(s.count("cl.total") == 5)                // L1 counted once: its later line stands
        // Ages at R: L1 18 (born 29 February, no birthday yet), L2 19 (birthday on R), L3 21,
        // L4 23. L5 has no date of birth: an unknown age, in no band, but blank is not bad, so
        // L5 stays in the base of all 5 care leavers.
        #expect(s.nd("cl.age.17_under") == (0, 5))
        #expect(s.nd("cl.age.18") == (1, 5))
        #expect(s.nd("cl.age.19") == (1, 5))
        #expect(s.nd("cl.age.20") == (0, 5))
        #expect(s.nd("cl.age.21") == (1, 5))
        #expect(s.nd("cl.age.22_over") == (1, 5))
        #expect(s.nd("cl.eet_19_21") == (1, 2))          // L3 (P2), not L2 (G5)
        #expect(s.nd("cl.suitable_19_21") == (1, 2))     // L3
        // In touch in (31/01/2018, R]: L1 (its standing row), L4, L5; L2's 31/01/2018 is too old.
        #expect(s.nd("cl.in_touch") == (3, 5))
        // Pathway plan in (31/07/2018, R]: L1, L4; L5's "x" is left out.
        #expect(s.nd("cl.pathway_plans") == (2, 4))
        #expect(s.count("cl.higher_education") == 1)
    }
}

@Suite struct YouthOffendingTests {
    static let yot = """
        Child Unique ID,Order Start Date,Order End Date,Order Type,First Time Entrant Date,Custodial Sentence Date,Scaled Approach Intensity,Confirmed Gang Member,ETE at Order End,Allocated Team
        Y1,01/06/2018,,Statutory,01/06/2018,,Intensive,Y,,YOT1
        Y2,01/09/2018,,Statutory,,15/10/2018,Standard,N,,YOT1
        Y3,01/01/2019,,Out of court,01/01/2019,,,Y,,YOT2
        Y4,01/03/2018,01/10/2018,Statutory,,31/03/2018,Enhanced,N,Y,YOT2
        Y5,01/05/2018,31/12/2018,Statutory,01/05/2018,,Intensive,Y,N,YOT2
        Y6,01/02/2018,30/09/2018,Statutory,01/02/2018,01/04/2018,,N,Y,YOT1
        Y7,15/01/2019,,Statutory,15/01/2019,,bogus,N,,YOT1

        """

    @Test func youthOffending() throws {
        let s = try compute([.yot: Self.yot], population10to17: 20_000)
        #expect(s.count("yot.open") == 4)                        // Y1, Y2, Y3, Y7
        #expect(s.value("yot.open", team: "YOT1")?.numerator == 3)
        #expect(s.count("yot.fte") == 2)                         // Y3, Y7 in January
        // First-time entrants in (31/01/2018, R]: Y1, Y3, Y5, Y6 (1 Feb 2018), Y7 → 5 per
        // 20,000 young people = 25.0 per 100,000.
        #expect(s.nd("yot.fte_rate_12m") == (5, 20_000))
        #expect(s.value("yot.fte_rate_12m")?.value == 25)
        #expect(s.count("yot.custody_ytd") == 2)                 // Y2, Y6 (1 April); not Y4 (31 March)
        // Open statutory: Y1 intensive, Y2 standard, Y7 unreadable (left out).
        #expect(s.nd("yot.intensive") == (1, 2))
        #expect(s.nd("yot.gang") == (2, 4))
        // Ended October–December 2018: Y4 (1 October, ETE) and Y5 (31 December, not).
        #expect(s.nd("yot.ete") == (1, 2))
    }

    @Test func eteQuarterAtEndOfMarch() throws {
        // For R = 31 March the previous quarter is still October–December.
        let s = try compute([.yot: Self.yot], asAt: "31/03/2019")
        #expect(s.nd("yot.ete") == (1, 2))
    }
}

@Suite struct EdgeTests {
    @Test func missingListsHaveNoIndicatorsAndEmptyListsHaveZeros() throws {
        let s = try compute([.list7: "Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team\n"])
        #expect(s.count("cp.children") == 0)
        let visits = try #require(s.value("cp.visits_in_time"))
        #expect(visits.denominator == 0 && visits.value == nil)    // zero denominator: no value
        #expect(s.nd("cp.category.neglect") == (0, 0))
        #expect(s.value("cla.children") == nil)
        #expect(s.missingLists.contains(.list8))
        #expect(!s.missingLists.contains(.list7))
    }

    /// In a breakdown a blank value stays in the base in no group; an unreadable one leaves
    /// numerator and denominator alike.
    @Test func blankStaysInABreakdownsBaseUnreadableLeavesIt() throws {
        let list7 = """
            Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team
            A,01/01/2010,01/12/2018,Neglect,,,,,0,T
            B,01/01/2010,01/12/2018,,,,,,0,T
            C,01/01/2010,01/12/2018,unknown thing,,,,,0,T

            """
        let list9 = """
            Child Unique ID,Date of Birth,Latest Date of Contact,Latest Pathway Plan Review Date,Suitability of Accommodation,Activity Status
            L1,01/06/2000,,,,
            L2,,,,,
            L3,31/02/2000,,,,

            """
        let s = try compute([.list7: list7, .list9: list9])
        // 3 children on plans: A neglect; B blank (in the base, no category); C unreadable (out).
        #expect(s.count("cp.children") == 3)
        #expect(s.nd("cp.category.neglect") == (1, 2))
        #expect(s.nd("cp.category.emotional") == (0, 2))
        #expect(s.dataQuality.contains { $0.line == 4 && $0.value == "unknown thing" && $0.problem == "not a category of abuse" })
        // 3 care leavers: L1 aged 18; L2 no date of birth (in the base, no band); L3's date
        // cannot be read (out of the base).
        #expect(s.count("cl.total") == 3)
        #expect(s.nd("cl.age.18") == (1, 2))
        #expect(s.nd("cl.age.19") == (0, 2))
    }

    @Test func ratesWithoutPopulationHaveNoValue() throws {
        let s = try compute([.list8: ChildrenInCareTests.list8], population: nil)
        let rate = try #require(s.value("cla.rate"))
        #expect(rate.numerator == 5 && rate.denominator == nil && rate.value == nil)
    }

    @Test func everyIndicatorOfTheContractIsInTheCatalogue() {
        let ids = Set(Catalogue.definitions.map(\.id.rawValue))
        let contract = [
            "mash.contacts", "mash.contacts_ytd", "mash.decision_1wd", "mash.referrals", "mash.referrals_ytd", "mash.referral_rate_ytd",
            "mash.conversion", "mash.rereferrals_ytd", "mash.referrals_nfa", "asmt.completed", "asmt.within_45wd", "asmt.child_seen",
            "s47.started", "icpc.within_15wd", "cin.children", "cin.rate", "cin.plans", "cin.visits_in_time", "cp.children", "cp.rate",
            "cp.starts_ytd", "cp.repeat_ytd", "cp.ended_ytd", "cp.ended_2y_ytd", "cp.open_2y", "cp.under5", "cp.visits_in_time",
            "cp.visits_in_time_u5", "cp.seen_alone", "cp.reviews_in_time", "cla.children", "cla.rate", "cla.placements_3plus",
            "cla.long_term_stability", "cla.visits_in_time", "cla.health_assessments", "cla.dental", "cla.reviews_in_time", "cla.uasc",
            "cla.missing", "cla.placed_in_borough", "cl.total", "cl.eet_19_21", "cl.suitable_19_21", "cl.in_touch", "cl.pathway_plans",
            "cl.higher_education", "yot.open", "yot.fte", "yot.fte_rate_12m", "yot.custody_ytd", "yot.intensive", "yot.gang", "yot.ete",
        ] + ["police", "education", "health", "la_services", "other"].map { "mash.source.\($0)" }
          + ["neglect", "physical", "sexual", "emotional", "multiple"].map { "cp.category.\($0)" }
          + ["ico", "co", "s20", "po", "epo", "yj", "other"].map { "cla.legal.\($0)" }
          + ["17_under", "18", "19", "20", "21", "22_over"].map { "cl.age.\($0)" }
          // The whole pack: Early Help, the new rows under each service, UASC, QA, workforce.
          + ["eh.started", "eh.started_ytd", "eh.completed", "eh.open", "asmt.needs_support", "cp.disabled", "cp.also_cla", "cla.ceased_ytd",
             "cla.adopted_ytd", "cla.sgo_ytd", "uasc.children", "uasc.male", "uasc.age_16_17", "qa.audits", "qa.good", "qa.inadequate",
             "qa.domain_good", "qa.domain_inadequate", "wf.social_workers", "wf.agency", "wf.supervision_in_time", "wf.caseload"]
          + ["under_3m", "3_6m", "6_9m", "9_12m", "12m_plus"].map { "eh.open_duration.\($0)" }
          + ["0_25", "26_40", "41_45", "46_plus"].map { "asmt.duration.\($0)" }
          + ["under_3m", "3_6m", "6_12m", "12m_plus"].map { "cin.duration.\($0)" }
          + (0...9).map { "cin.primary_need.n\($0)" }
          + ["under_3m", "3_6m", "6_12m", "12_24m", "24m_plus"].map { "cp.duration.\($0)" }
          + ["under_1", "1_5", "6_10", "11_15", "16_plus"].map { "cp.starts_age.\($0)" }
          + ["male", "female", "other", "not_recorded"].map { "cla.gender.\($0)" }
          + ["white", "mixed", "asian", "black", "other", "not_recorded"].map { "cla.ethnicity.\($0)" }
          + ["under_6m", "6_12m", "12_18m", "18_24m", "24m_plus"].map { "cla.time_in_care.\($0)" }
          + ["foster", "adoption", "parents", "semi_independent", "residential", "other"].flatMap { ["cla.placement.\($0)", "uasc.placement.\($0)"] }
          + ["under_1y", "1y", "2y", "3y_plus"].map { "uasc.time_in_care.\($0)" }
          + ["b", "c", "d", "e", "g", "h", "k", "r", "s", "t", "u", "v", "w", "x", "y", "z"].map { "cl.accommodation.\($0)" }
          + ["higher_education", "other_education", "training_employment"].map { "cl.activity.\($0)" }
          + ["outstanding", "good", "ri", "inadequate", "not_graded"].flatMap { ["qa.grade.\($0)", "qa.domain_grade.\($0)"] }
        for id in contract { #expect(ids.contains(id), "\(id)") }
        #expect(ids.count == contract.count)
        let teamIDs = Set(Catalogue.definitions.filter(\.byTeam).map(\.id.rawValue))
        #expect(teamIDs == Set(["asmt.completed", "asmt.within_45wd", "cin.plans", "cin.visits_in_time", "cp.children", "cp.visits_in_time",
                                "cla.children", "cla.visits_in_time", "yot.open", "eh.started", "uasc.children", "qa.audits", "qa.good", "qa.inadequate",
                                "qa.domain_good", "qa.domain_inadequate", "wf.social_workers", "wf.agency", "wf.supervision_in_time", "wf.caseload"]
                               + ["outstanding", "good", "ri", "inadequate", "not_graded"].flatMap { ["qa.grade.\($0)", "qa.domain_grade.\($0)"] }))
        // Each team indicator groups its rows by the column the contract names.
        let teamColumns = Dictionary(Catalogue.definitions.compactMap { d in d.teamColumn.map { (d.id.rawValue, $0.column) } }, uniquingKeysWith: { a, _ in a })
        #expect(teamColumns["eh.started"] == Column.ehOrganisation)
        #expect(teamColumns["qa.grade.good"] == Column.auditServiceArea)
        #expect(teamColumns["qa.domain_grade.good"] == Column.auditDomain)
        #expect(teamColumns["wf.caseload"] == Column.staffTeam)
        #expect(teamColumns["cp.children"] == Column.team)
    }
}
