import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

// R is 31 January 2019 throughout. Its whole-month edges: addMonths(R, −3) = 31/10/2018,
// −6 = 31/07/2018, −9 = 30/04/2018 (April has 30 days), −12 = 31/01/2018, −18 = 31/07/2017,
// −24 = 31/01/2017. The YTD starts 01/04/2018. Working days back from R (bank holidays 25 and
// 26 December, 1 January): WD(17/01, R) = 10, WD(03/01, R) = 20, WD(02/01, R) = 21,
// WD(24/12, R) = 25, WD(21/12, R) = 26, WD(03/12, R) = 40, WD(30/11, R) = 41,
// WD(26/11, R) = 45, WD(23/11, R) = 46.

@Suite struct EarlyHelpTests {
    /// The 2024 template's names of List 2's columns.
    static let list2 = """
        Child Unique ID,Early Help Assessment Start Date,Early Help Assessment Completion Date,Lead Professional Organisation
        E1,31/10/2018,,Locality A
        E2,01/11/2018,,Locality A
        E3,01/01/2019,15/01/2019,Locality B
        E4,31/07/2018,,
        E5,30/04/2018,,School
        E6,31/01/2018,,School
        E7,01/02/2018,31/01/2019,School
        E8,soon,10/01/2019,School
        E9,01/12/2018,,Locality A
        E9,15/01/2019,,Locality A
        E10,05/04/2018,20/12/2018,School
        E11,01/02/2019,,School
        ,10/01/2019,,Locality B

        """

    @Test func startsCompletionsAndOpenAssessments() throws {
        let s = try compute([.list2: Self.list2])
        // Started in January: E3 (1st), E9's second row (15th) and the row with no child ID
        // (flows count rows) = 3; by organisation: Locality B 2 (E3, the blank ID), Locality A 1.
        #expect(s.count("eh.started") == 3)
        #expect(s.value("eh.started", team: "Locality B")?.numerator == 2)
        #expect(s.value("eh.started", team: "Locality A")?.numerator == 1)
        // Since 1 April: E1, E2, E3, E4, E5, both E9s, E10 and the blank ID = 9 (E6, E7 before;
        // E8's start unreadable; E11 after R).
        #expect(s.count("eh.started_ytd") == 9)
        #expect(s.values.filter { $0.id == "eh.started_ytd" && $0.team != nil }.isEmpty)
        // Completed in January: E3 (15th) and E7 (on R) = 2; E8's start cannot be read, so its
        // completion counts nowhere.
        #expect(s.count("eh.completed") == 2)
        // Open at R, as children: E1, E2, E4, E5, E6 and E9 (its later row stands) = 6; E7 was
        // completed on R; E11 starts after R.
        #expect(s.count("eh.open") == 6)
        #expect(s.dataQuality.contains { $0.kind == .duplicateChild && $0.value == "E9" && $0.line == 10 })
        #expect(s.dataQuality.contains { $0.kind == .blankChildID && $0.line == 14 })
    }

    /// Band edges fall exactly on addMonths: a start on the edge is in the older band.
    @Test func openDurationsByWholeMonths() throws {
        let s = try compute([.list2: Self.list2])
        // under 3 months (after 31/10/2018): E2 (01/11), E9 (15/01) = 2
        // 3–6 months (31/07, 31/10]: E1 on the edge = 1; 6–9 (30/04, 31/07]: E4 on the edge = 1
        // 9–12 (31/01, 30/04]: E5 on the edge = 1; 12 and over (≤ 31/01/2018): E6 on the edge = 1
        #expect(s.nd("eh.open_duration.under_3m") == (2, 6))
        #expect(s.nd("eh.open_duration.3_6m") == (1, 6))
        #expect(s.nd("eh.open_duration.6_9m") == (1, 6))
        #expect(s.nd("eh.open_duration.9_12m") == (1, 6))
        #expect(s.nd("eh.open_duration.12m_plus") == (1, 6))
    }

    @Test func theContractsOwnNamesAndAMissingOrganisation() throws {
        let list2 = """
            Child Unique ID,Assessment start date,Assessment completion date
            A,15/01/2019,

            """
        let s = try compute([.list2: list2])
        #expect(s.count("eh.started") == 1 && s.count("eh.open") == 1)
        // Without the organisation only the team rows are lost.
        #expect(s.values.filter { $0.id == "eh.started" && $0.team != nil }.isEmpty)
        #expect(s.unavailable.contains { $0.id == "eh.started" && $0.teamRowsOnly && $0.column == Column.ehOrganisation })
        // Without a completion date the open and completed figures cannot be given.
        let startsOnly = try compute([.list2: "Child Unique ID,Assessment start date\nA,15/01/2019\n"])
        #expect(startsOnly.count("eh.started") == 1)
        #expect(startsOnly.value("eh.open") == nil && startsOnly.unavailable.contains { $0.id == "eh.open" && $0.column == Column.ehCompleted })
    }

    /// An optional list not supplied means absent figures, never zeros.
    @Test func noListTwoNoEarlyHelpFigures() throws {
        let s = try compute([.list7: ChildProtectionTests.list7])
        #expect(s.values.allSatisfy { !$0.id.rawValue.hasPrefix("eh.") })
        #expect(s.missingLists.contains(.list2))
    }
}

@Suite struct AssessmentBandTests {
    static let list4 = """
        Child Unique ID,Continuous Assessment Start Date,Child Seen During Continuous Assessment,Continuous Assessment Date of Authorisation,Was the child assessed as requiring LA children's social care support?,Allocated Team
        A1,24/12/2018,Yes,31/01/2019,Yes,T
        A2,21/12/2018,Yes,31/01/2019,No,T
        A3,03/12/2018,Yes,31/01/2019,,T
        A4,30/11/2018,Yes,31/01/2019,a) Yes,T
        A5,26/11/2018,Yes,31/01/2019,maybe,T
        A6,23/11/2018,Yes,31/01/2019,Y,T
        A7,,Yes,31/01/2019,1,T
        A8,31/02/2018,Yes,31/01/2019,No,T
        A9,31/01/2019,Yes,31/01/2019,N,T
        A10,01/11/2018,Yes,31/12/2018,Yes,T

        """

    /// WD 25/26, 40/41 and 45/46 each side of a band's edge.
    @Test func workingDaysToAuthorisation() throws {
        let s = try compute([.list4: Self.list4])
        // Authorised in January: A1–A9 = 9 (A10 in December).
        #expect(s.count("asmt.completed") == 9)
        // A8's start cannot be read: out of the base, 8 left. 0–25: A1 (25), A9 (0) = 2;
        // 26–40: A2 (26), A3 (40) = 2; 41–45: A4 (41), A5 (45) = 2; 46+: A6 (46) = 1;
        // A7 has no start: in the base, in no band.
        #expect(s.nd("asmt.duration.0_25") == (2, 8))
        #expect(s.nd("asmt.duration.26_40") == (2, 8))
        #expect(s.nd("asmt.duration.41_45") == (2, 8))
        #expect(s.nd("asmt.duration.46_plus") == (1, 8))
        // The bands agree with the 45-working-day figure: 6 of the 7 with both dates.
        #expect(s.nd("asmt.within_45wd") == (6, 7))
    }

    @Test func assessedAsNeedingSupport() throws {
        let s = try compute([.list4: Self.list4])
        // Yes: A1, A4 (a) Yes), A6 (Y), A7 (1) = 4; A5's "maybe" cannot be read (out); A3's
        // blank is not yes and stays: 4 of 8.
        #expect(s.nd("asmt.needs_support") == (4, 8))
        #expect(s.dataQuality.contains { $0.value == "maybe" && $0.kind == .unknownCode })
        // A template without the column: only this indicator is unavailable.
        let older = try compute([.list4: "Child Unique ID,Continuous Assessment Start Date,Child Seen During Continuous Assessment,Continuous Assessment Date of Authorisation,Allocated Team\nA,24/12/2018,Yes,31/01/2019,T\n"])
        #expect(older.value("asmt.needs_support") == nil && older.count("asmt.completed") == 1)
        #expect(older.unavailable.map(\.id) == ["asmt.needs_support"])
    }
}

@Suite struct ChildInNeedBreakdownTests {
    static let list6 = """
        Child Unique ID,CIN Start Date,Date Child Was Last Seen,CIN Closure Date,Case Status,Primary Need Code,Allocated Team
        C1,31/10/2018,,,c) Child in need plan,N1,T
        C2,01/11/2018,,,CIN,N1 - Abuse or neglect,T
        C3,31/07/2018,,,CIN,a) N2,T
        C4,31/01/2018,,,CIN,,T
        C5,01/02/2018,,,CIN,N9,T
        C6,01/06/2018,,,b) Child Protection plan,N4,T
        C7,01/06/2018,,,CLA,X7,T
        C8,01/06/2018,,15/01/2019,e) Closed episode,N1,T

        """

    @Test func planDurationsAndPrimaryNeed() throws {
        let s = try compute([.list6: Self.list6])
        #expect(s.count("cin.children") == 7)        // C1–C7 (C8 closed)
        #expect(s.count("cin.plans") == 5)           // C1–C5
        // Durations of the 5 plans: under 3 months C2; 3–6 C1 (on the edge 31/10); 6–12 C3 (on
        // the edge 31/07) and C5 (01/02/2018, a day after the 12-month edge); 12+ C4 (on it).
        #expect(s.nd("cin.duration.under_3m") == (1, 5))
        #expect(s.nd("cin.duration.3_6m") == (1, 5))
        #expect(s.nd("cin.duration.6_12m") == (2, 5))
        #expect(s.nd("cin.duration.12m_plus") == (1, 5))
        // Primary need of the 7 children in need: C7's X7 cannot be read (out), C4's blank stays
        // in the base: 6. N1 C1, C2; N2 C3; N4 C6; N9 C5.
        #expect(s.nd("cin.primary_need.n1") == (2, 6))
        #expect(s.nd("cin.primary_need.n2") == (1, 6))
        #expect(s.nd("cin.primary_need.n4") == (1, 6))
        #expect(s.nd("cin.primary_need.n9") == (1, 6))
        #expect(s.nd("cin.primary_need.n0") == (0, 6))
        #expect(s.dataQuality.contains { $0.value == "X7" && $0.column == Column.cinPrimaryNeed })
    }
}

@Suite struct ChildProtectionMoreTests {
    static let list7 = """
        Child Unique ID,Date of Birth,Child Protection Plan Start Date,Child Protection Plan End Date,Does the Child have a Disability,Allocated Team
        P1,,01/12/2018,,Yes,T
        P2,01/12/2018,01/12/2018,,,T
        P3,15/06/2017,15/06/2018,,No,T
        P4,16/06/2012,15/06/2018,20/01/2019,Yes,T
        P5,15/06/2012,15/06/2018,,a) Yes,T
        P6,01/05/2008,01/05/2018,,b) No,T
        P7,01/05/2007,01/05/2018,,N,T
        P8,01/04/2002,01/04/2018,30/04/2018,,T
        P9,01/03/2019,10/01/2019,,unknown thing,T
        P10,31/02/2010,01/06/2018,,,T
        P11,01/01/2010,31/01/2017,,No,T
        P12,01/01/2010,01/02/2017,,No,T
        P13,01/01/2015,31/10/2018,,N,T
        P14,01/01/2015,31/07/2018,,,T
        P15,01/01/2010,31/01/2018,,No,T

        """

    static let list8 = """
        Child Unique ID,Date Started to be Looked After,Date Ceased to be Looked After,Allocated Team
        P6,01/01/2018,,T
        P11,01/01/2015,,T
        P3,01/01/2017,31/12/2018,T
        P4,01/01/2019,,T

        """

    @Test func durationsOfCurrentPlans() throws {
        let s = try compute([.list7: Self.list7])
        // Open at R: all but P4 and P8 (ended) = 13.
        #expect(s.count("cp.children") == 13)
        // under 3 months: P1, P2 (01/12), P9 (10/01) = 3; 3–6: P13 on the edge = 1;
        // 6–12: P3, P5 (15/06), P6, P7 (01/05), P10 (01/06), P14 on the edge = 6;
        // 12–24: P12 (01/02/2017), P15 on the edge = 2; 24 and over: P11 on the edge = 1.
        #expect(s.nd("cp.duration.under_3m") == (3, 13))
        #expect(s.nd("cp.duration.3_6m") == (1, 13))
        #expect(s.nd("cp.duration.6_12m") == (6, 13))
        #expect(s.nd("cp.duration.12_24m") == (2, 13))
        #expect(s.nd("cp.duration.24m_plus") == (1, 13))
    }

    /// Ages at the plan's start: a birthday on the start counts; unborn children are under 1.
    @Test func agesAtTheStartOfThisYearsPlans() throws {
        let s = try compute([.list7: Self.list7])
        // Started since 1 April: P1–P10, P13, P14 = 12; P10's date of birth cannot be read: 11.
        #expect(s.count("cp.starts_ytd") == 12)
        // under 1: P1 (no date: unborn), P2 (born on the start day), P9 (born after it) = 3
        // 1–5: P3 (first birthday on the start), P4 (5, six the day after), P13, P14 (3) = 4
        // 6–10: P5 (sixth birthday on the start), P6 (10) = 2; 11–15: P7 = 1; 16+: P8 = 1
        #expect(s.nd("cp.starts_age.under_1") == (3, 11))
        #expect(s.nd("cp.starts_age.1_5") == (4, 11))
        #expect(s.nd("cp.starts_age.6_10") == (2, 11))
        #expect(s.nd("cp.starts_age.11_15") == (1, 11))
        #expect(s.nd("cp.starts_age.16_plus") == (1, 11))
    }

    @Test func disabledChildrenAndChildrenAlsoInCare() throws {
        let s = try compute([.list7: Self.list7, .list8: Self.list8])
        // Of the 13 on plans, P9's "unknown thing" cannot be read: 12; yes: P1, P5 (a) Yes) = 2.
        // (P4 said yes but its plan ended.) Blanks (P2, P10, P14) are not yes and stay.
        #expect(s.nd("cp.disabled") == (2, 12))
        // On a plan and in care at R: P6 and P11; P3 left care in December, P4's plan ended.
        #expect(s.count("cp.also_cla") == 2)
        // Without List 8 the figure is absent, not 0.
        let alone = try compute([.list7: Self.list7])
        #expect(alone.value("cp.also_cla") == nil)
    }
}

@Suite struct ChildrenInCareMoreTests {
    static let list8 = """
        Child Unique ID,Gender,Ethnicity,Date of Birth,Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),Date Started to be Looked After,Date Ceased to be Looked After,Reason Ceased to be Looked After,Placement Type,Allocated Team
        K1,Male,WBRI,01/01/2005,N,31/07/2018,,,U1,T1
        K2,b) Female,a) MWBC,01/01/2010,N,01/08/2018,,,a) U4: Foster placement with other foster carer,T1
        K3,F,Indian,01/01/2008,N,31/07/2017,,,K2,T2
        K4,,,01/01/2006,N,31/01/2017,,,P1,T2
        K5,Neither,Any other ethnic group,01/01/2006,N,31/01/2018,,,,T2
        K6,X,Klingon,01/01/2006,N,01/02/2018,,,Q9,T2
        U1,Male,AOTH,01/03/2002,Y,01/02/2018,,,H5,CIC1
        U2,M,BAFR,01/02/2001,Yes,31/01/2018,,,U3,CIC1
        U3,Female,BCRB,,Y,31/01/2016,,,R1,CIC2
        U4,Male,WOTH,01/02/2003,Y,01/02/2016,,,P2,CIC2
        U5,X,AOTH,31/02/2003,Y,01/01/2019,,,,CIC1
        U6,Male,AOTH,01/01/2002,Y,01/01/2018,01/01/2019,E4A,U1,CIC1
        Z1,Female,WBRI,01/01/2012,N,01/01/2015,15/06/2018,E11,A3,T1
        Z2,Female,WBRI,01/01/2012,N,01/01/2016,01/04/2018,E12,A3,T1
        Z3,Male,WBRI,01/01/2012,N,01/01/2016,31/01/2019,E45 - SGO to former foster carers,U1,T1
        Z4,Male,WBRI,01/01/2012,N,soon,01/05/2018,E11,A3,T1
        Z5,Male,WBRI,01/01/2012,N,01/01/2017,31/03/2018,E11,A3,T1
        Z6,Male,WBRI,01/01/2012,N,01/06/2018,01/09/2018,,U1,T1
        Z7,Male,WBRI,01/01/2012,N,01/06/2018,01/10/2018,E99,U1,T1
        Z8,Male,WBRI,01/01/2012,N,01/06/2018,01/12/2018,E13,U1,T1

        """

    @Test func genderEthnicityTimeInCareAndPlacement() throws {
        let s = try compute([.list8: Self.list8])
        // In care at R: K1–K6, U1–U5 = 11.
        #expect(s.count("cla.children") == 11)
        // Gender: K6 and U5 ("X") cannot be read: 9. Male K1, U1, U2 (M), U4; female K2 (b)),
        // K3 (F), U3; other K5 (Neither); not recorded K4 (blank).
        #expect(s.nd("cla.gender.male") == (4, 9))
        #expect(s.nd("cla.gender.female") == (3, 9))
        #expect(s.nd("cla.gender.other") == (1, 9))
        #expect(s.nd("cla.gender.not_recorded") == (1, 9))
        // Ethnicity: K6's Klingon cannot be read: 10. White K1, U4; mixed K2 (a) MWBC); Asian K3
        // (Indian), U1, U5; Black U2, U3; other K5; not recorded K4 (blank).
        #expect(s.nd("cla.ethnicity.white") == (2, 10))
        #expect(s.nd("cla.ethnicity.mixed") == (1, 10))
        #expect(s.nd("cla.ethnicity.asian") == (3, 10))
        #expect(s.nd("cla.ethnicity.black") == (2, 10))
        #expect(s.nd("cla.ethnicity.other") == (1, 10))
        #expect(s.nd("cla.ethnicity.not_recorded") == (1, 10))
        // Time in care: under 6 months K2 (01/08/2018), U5 = 2; 6–12 K1 (on the edge 31/07),
        // K6, U1 (01/02/2018) = 3; 12–18 K5, U2 (on the edge 31/01/2018) = 2; 18–24 K3 (on the
        // edge 31/07/2017) = 1; 24 and over K4 (on the edge 31/01/2017), U3, U4 = 3.
        #expect(s.nd("cla.time_in_care.under_6m") == (2, 11))
        #expect(s.nd("cla.time_in_care.6_12m") == (3, 11))
        #expect(s.nd("cla.time_in_care.12_18m") == (2, 11))
        #expect(s.nd("cla.time_in_care.18_24m") == (1, 11))
        #expect(s.nd("cla.time_in_care.24m_plus") == (3, 11))
        // Placement: K6's Q9 cannot be read: 10. Foster K1 (U1), K2 (U4), U2 (U3); residential
        // K3 (K2), U3 (R1); parents K4 (P1); semi-independent U1 (H5), U4 (P2); K5 and U5 blank.
        #expect(s.nd("cla.placement.foster") == (3, 10))
        #expect(s.nd("cla.placement.residential") == (2, 10))
        #expect(s.nd("cla.placement.parents") == (1, 10))
        #expect(s.nd("cla.placement.semi_independent") == (2, 10))
        #expect(s.nd("cla.placement.adoption") == (0, 10))
        #expect(s.nd("cla.placement.other") == (0, 10))
        #expect(s.dataQuality.contains { $0.value == "Klingon" && $0.column == Column.ethnicity })
        #expect(s.dataQuality.contains { $0.value == "Q9" && $0.column == Column.claPlacementType })
    }

    @Test func endsOfCareThisYear() throws {
        let s = try compute([.list8: Self.list8])
        // Ended 01/04/2018 – R: Z1, Z2 (on 1 April), Z3 (on R), Z6, Z7, Z8, U6 = 7; Z4's start
        // cannot be read (counts nowhere); Z5 ended on 31 March.
        #expect(s.count("cla.ceased_ytd") == 7)
        // Z7's E99 cannot be read: 6 in the base. Adopted Z1 (E11), Z2 (E12); SGO Z3 (E45).
        #expect(s.nd("cla.adopted_ytd") == (2, 6))
        #expect(s.nd("cla.sgo_ytd") == (1, 6))
        #expect(s.dataQuality.contains { $0.value == "E99" && $0.column == Column.claReasonCeased })
    }

    @Test func unaccompaniedChildren() throws {
        let s = try compute([.list8: Self.list8])
        // U1–U5 in care (U6 left): 5; CIC1 U1, U2, U5; CIC2 U3, U4.
        #expect(s.count("uasc.children") == 5)
        #expect(s.count("cla.uasc") == 5)
        #expect(s.value("uasc.children", team: "CIC1")?.numerator == 3)
        #expect(s.value("uasc.children", team: "CIC2")?.numerator == 2)
        // Male: U5's gender cannot be read: 3 (U1, U2, U4) of 4.
        #expect(s.nd("uasc.male") == (3, 4))
        // Aged 16–17 at R: U1 (16), U2 (17, 18 the day after R); U3 has no date of birth (in the
        // base, not 16–17); U4 is 15; U5's date cannot be read (out): 2 of 4.
        #expect(s.nd("uasc.age_16_17") == (2, 4))
        // Completed years in care: U1 0, U2 1 (its anniversary on R counts), U3 3, U4 2 (three
        // the day after R), U5 0.
        #expect(s.nd("uasc.time_in_care.under_1y") == (2, 5))
        #expect(s.nd("uasc.time_in_care.1y") == (1, 5))
        #expect(s.nd("uasc.time_in_care.2y") == (1, 5))
        #expect(s.nd("uasc.time_in_care.3y_plus") == (1, 5))
        // Placements: semi-independent U1 (H5), U4 (P2); foster U2; residential U3; U5 blank.
        #expect(s.nd("uasc.placement.semi_independent") == (2, 5))
        #expect(s.nd("uasc.placement.foster") == (1, 5))
        #expect(s.nd("uasc.placement.residential") == (1, 5))
    }

    /// A template without the new columns: those breakdowns are unavailable, the rest computed.
    @Test func olderTemplatesLoseOnlyTheirBreakdowns() throws {
        let s = try compute([.list8: ChildrenInCareTests.list8])
        #expect(s.count("cla.children") == 5)
        #expect(s.value("cla.placement.foster") == nil)
        #expect(s.unavailable.contains { $0.id == "cla.placement.foster" && $0.column == Column.claPlacementType })
        #expect(s.unavailable.contains { $0.id == "cla.gender.male" && $0.column == Column.gender })
        #expect(s.unavailable.contains { $0.id == "cla.sgo_ytd" && $0.column == Column.claReasonCeased })
        #expect(s.value("cla.time_in_care.under_6m") != nil)
    }
}

@Suite struct CareLeaverBreakdownTests {
    static let list9 = """
        Child Unique ID,Date of Birth,Type of Accommodation,Activity Status
        L1,31/01/2000,U - Independent living,F1
        L2,01/06/1999,U: Independent living,F2
        L3,01/06/1998,"c) D: Semi-independent, transitional accommodation",P3
        L4,01/02/1997,B,G5
        L5,01/06/1998,,F3 - Full-time training
        L6,01/06/1998,Q,In education
        L7,01/06/1998,Z,xyz
        L8,01/02/2000,U,F1
        L9,31/01/1997,U,F1

        """

    @Test func accommodationAndActivityOfThe19to21s() throws {
        let s = try compute([.list9: Self.list9])
        // Aged 19–21 at R: L1 (19 on R) – L7; L4 is 21 (22 the day after); L8 is 18, L9 22.
        // Accommodation: L6's Q cannot be read: 6. U: L1, L2; D: L3 (after its c)); B: L4;
        // Z: L7; L5 blank, in the base.
        #expect(s.nd("cl.accommodation.u") == (2, 6))
        #expect(s.nd("cl.accommodation.d") == (1, 6))
        #expect(s.nd("cl.accommodation.b") == (1, 6))
        #expect(s.nd("cl.accommodation.z") == (1, 6))
        #expect(s.nd("cl.accommodation.c") == (0, 6))
        // In education, employment or training: L1, L2, L3, L5 and L6 (by its words) = 5; L4 is
        // NEET, L7's xyz is not an activity. Higher education L1; other education L2; training
        // or employment L3 (P3), L5 (F3); L6 in no group.
        #expect(s.nd("cl.eet_19_21") == (5, 7))
        #expect(s.nd("cl.activity.higher_education") == (1, 5))
        #expect(s.nd("cl.activity.other_education") == (1, 5))
        #expect(s.nd("cl.activity.training_employment") == (2, 5))
        #expect(s.dataQuality.contains { $0.value == "Q" && $0.column == Column.clAccommodation })
    }
}

@Suite struct QualityAssuranceTests {
    static let audits = """
        Audit Date,Service Area,Domain,Grade
        01/01/2019,Duty and Assessment,Overall,Good
        10/01/2019,Duty and Assessment,Overall,Requires Improvement
        31/01/2019,Duty and Assessment,Overall,Requires improvement to be good
        15/01/2019,Duty and Assessment,Overall,Inadequate
        15/01/2019,Intervention and Planning,Overall,Outstanding
        15/01/2019,Intervention and Planning,Overall,Not graded
        15/01/2019,Intervention and Planning,OVERALL,N/A
        15/01/2019,,Overall,Good
        15/01/2019,Intervention and Planning,Overall,Excellent
        31/12/2018,Duty and Assessment,Overall,Good
        01/02/2019,Duty and Assessment,Overall,Good
        15/01/2019,Duty and Assessment,Management Oversight,Good
        15/01/2019,Duty and Assessment,Management Oversight,RI
        15/01/2019,Duty and Assessment,Management Oversight,inadequate
        15/01/2019,Intervention and Planning,Combined Assessments,Good
        15/01/2019,Intervention and Planning,Combined Assessments,
        15/01/2019,Duty and Assessment,,Good
        15/01/2019,Duty and Assessment, Management Oversight ,Good
        31/12/2018,Duty and Assessment,Management Oversight,Good

        """

    @Test func auditsByServiceArea() throws {
        let s = try compute([.audits: Self.audits])
        // January's audits (Domain Overall, any case): lines 2–10 = 9; Duty and Assessment 4,
        // Intervention and Planning 4, Unallocated 1 (a blank service area).
        #expect(s.count("qa.audits") == 9)
        #expect(s.value("qa.audits", team: "Duty and Assessment")?.numerator == 4)
        #expect(s.value("qa.audits", team: "Intervention and Planning")?.numerator == 4)
        #expect(s.value("qa.audits", team: "Unallocated")?.numerator == 1)
        // Graded (not "not graded", readable): good, RI, RI, inadequate, outstanding, good = 6;
        // good or better 3, inadequate 1.
        #expect(s.nd("qa.good") == (3, 6))
        #expect(s.nd("qa.inadequate") == (1, 6))
        #expect(s.nd("qa.good", team: "Duty and Assessment") == (1, 4))
        #expect(s.nd("qa.good", team: "Intervention and Planning") == (1, 1))
        // By grade: Excellent cannot be read, 8 left: outstanding 1, good 2, RI 2, inadequate 1,
        // not graded 2 (Not graded, N/A).
        #expect(s.nd("qa.grade.outstanding") == (1, 8))
        #expect(s.nd("qa.grade.good") == (2, 8))
        #expect(s.nd("qa.grade.ri") == (2, 8))
        #expect(s.nd("qa.grade.inadequate") == (1, 8))
        #expect(s.nd("qa.grade.not_graded") == (2, 8))
        #expect(s.nd("qa.grade.ri", team: "Duty and Assessment") == (2, 4))
        #expect(s.nd("qa.grade.not_graded", team: "Intervention and Planning") == (2, 3))
        #expect(s.nd("qa.grade.good", team: "Unallocated") == (1, 1))
        #expect(s.dataQuality.contains { $0.value == "Excellent" && $0.column == Column.auditGrade })
    }

    @Test func domainGradings() throws {
        let s = try compute([.audits: Self.audits])
        // January's domain gradings: Management Oversight 4 (one written with spaces around it),
        // Combined Assessments 2; the row with a blank domain counts nowhere (noted).
        #expect(s.nd("qa.domain_grade.good") == (3, 6))
        #expect(s.nd("qa.domain_grade.ri") == (1, 6))
        #expect(s.nd("qa.domain_grade.inadequate") == (1, 6))
        #expect(s.nd("qa.domain_grade.not_graded") == (1, 6))
        #expect(s.nd("qa.domain_grade.good", team: "Management Oversight") == (2, 4))
        #expect(s.nd("qa.domain_grade.not_graded", team: "Combined Assessments") == (1, 2))
        // Graded: 5; good 3, inadequate 1.
        #expect(s.nd("qa.domain_good") == (3, 5))
        #expect(s.nd("qa.domain_inadequate") == (1, 5))
        #expect(s.nd("qa.domain_good", team: "Management Oversight") == (2, 4))
        #expect(s.nd("qa.domain_inadequate", team: "Combined Assessments") == (0, 1))
        #expect(s.dataQuality.contains { $0.line == 18 && $0.column == Column.auditDomain && $0.kind == .blankValue })
    }

    @Test func auditsNeedNoChildAndMissingColumnsCostWhatTheyShould() throws {
        // No Service Area: the council's figures, no team rows.
        let noArea = try compute([.audits: "Audit Date,Domain,Grade\n15/01/2019,Overall,Good\n"])
        #expect(noArea.count("qa.audits") == 1)
        #expect(noArea.unavailable.contains { $0.id == "qa.audits" && $0.teamRowsOnly && $0.column == Column.auditServiceArea })
        // No Domain: audits cannot be told from domain gradings, so nothing is computed.
        let noDomain = try compute([.audits: "Audit Date,Service Area,Grade\n15/01/2019,D&A,Good\n"])
        #expect(noDomain.value("qa.audits") == nil && noDomain.value("qa.domain_good") == nil)
        #expect(noDomain.unavailable.contains { $0.id == "qa.domain_good" && !$0.teamRowsOnly && $0.column == Column.auditDomain })
        // No audits.csv: absent, never zero.
        let none = try compute([.list7: ChildProtectionTests.list7])
        #expect(none.values.allSatisfy { !$0.id.rawValue.hasPrefix("qa.") })
    }
}

@Suite struct WorkforceTests {
    static let workforce = """
        Worker,Team,Role,Agency,Start Date,End Date,Date of Last Supervision
        Ann Smith,DAT 1,Social Worker,N,01/01/2015,,03/01/2019
        Bob Jones,DAT 1,Senior Social Worker,Y,01/06/2018,,02/01/2019
        Cat Lee,DAT 1,Team Manager,N,,,30/01/2019
        Dan Roe,IP 1,social worker,a) Yes,,,
        Eve Fox,IP 1,Social Worker,N,01/02/2019,,
        Fay Kim,IP 1,Social Worker,N,01/01/2016,31/01/2019,
        ann  SMITH,IP 1,Social Worker,Y,01/01/2015,,20/01/2019
        ,IP 1,Social Worker,N,,,
        Gus Ng,IP 1,Social Work Assistant,N,,,
        Hal Ode,IP 1,Social Worker,maybe,,,31/02/2019
        Ida Poe,DAT 1,Social Worker,N,soon,,
        Jo Quy,DAT 1,Social Worker,N,,,03/01/2019

        """

    static let list8 = """
        Child Unique ID,Date Started to be Looked After,Date Ceased to be Looked After,Allocated Team,Allocated Worker
        CA,01/01/2018,,T,Ann Smith
        CB,01/01/2018,,T,Dan Roe
        CC,01/01/2018,,T,

        """
    static let list7 = """
        Child Unique ID,Child Protection Plan Start Date,Child Protection Plan End Date,Allocated Team,Allocated Worker
        CA,01/12/2018,,T,Bob Jones
        CD,01/12/2018,,T,bob jones
        CE,01/12/2018,,T,Cat Lee

        """
    static let list6 = """
        Child Unique ID,CIN Start Date,CIN Closure Date,Case Status,Allocated Team,Allocated Worker
        CD,01/12/2018,,CP,T,Zed
        CF,01/12/2018,,CIN,T,Dan  Roe
        CG,01/12/2018,,CIN,T,Unknown Person

        """
    static let list9 = """
        Child Unique ID,Date of Birth,Allocated Team,Allocated Worker
        CH,01/01/2000,T,Ann Smith
        CI,01/01/2000,T,Fay Kim

        """

    /// In post at R: Bob, Cat, Dan, Ann (her later line, in IP 1), Gus, Hal and Jo. Eve starts
    /// after R, Fay left on R, a line has no worker, Ida's start cannot be read. Social workers
    /// (role containing "social worker"): Bob and Jo in DAT 1; Dan, Ann and Hal in IP 1 = 5.
    @Test func socialWorkersAgencyAndSupervision() throws {
        let s = try compute([.workforce: Self.workforce])
        #expect(s.count("wf.social_workers") == 5)
        #expect(s.value("wf.social_workers", team: "DAT 1")?.numerator == 2)
        #expect(s.value("wf.social_workers", team: "IP 1")?.numerator == 3)
        // Agency: Hal's "maybe" cannot be read: 4; Bob (Y), Dan (a) Yes), Ann (Y on the line
        // that stands) = 3.
        #expect(s.nd("wf.agency") == (3, 4))
        #expect(s.nd("wf.agency", team: "DAT 1") == (1, 2))
        #expect(s.nd("wf.agency", team: "IP 1") == (2, 2))
        // Supervision within 20 working days: Jo (03/01: WD 20) and Ann (20/01); Bob's 02/01 is
        // WD 21; Dan has none (not in time); Hal's date cannot be read (out): 2 of 4.
        #expect(s.nd("wf.supervision_in_time") == (2, 4))
        #expect(s.nd("wf.supervision_in_time", team: "DAT 1") == (1, 2))
        #expect(s.nd("wf.supervision_in_time", team: "IP 1") == (1, 2))
        // A worker named twice: the later line stands, the earlier one is a warning; the blank
        // worker is noted; no lists 6–9, so no caseload at all.
        #expect(s.dataQuality.contains { $0.kind == .duplicateWorker && $0.line == 2 && $0.problem.contains("line 8") })
        #expect(s.dataQuality.contains { $0.line == 9 && $0.column == Column.staffWorker && $0.kind == .blankValue })
        #expect(s.value("wf.caseload") == nil)
    }

    /// Each child once, by the worker of its row in the first of Lists 8, 7, 6, 9 that counts it;
    /// names compare trimmed, spaces collapsed, case folded.
    @Test func caseloads() throws {
        let s = try compute([.workforce: Self.workforce, .list8: Self.list8, .list7: Self.list7, .list6: Self.list6, .list9: Self.list9])
        // CA in care with Ann (List 8 before its List 7 row with Bob); CB Dan; CC no worker; CD
        // Bob ("bob jones", List 7 before its List 6 row); CE a team manager's; CF Dan ("Dan  Roe");
        // CG nobody's; CH Ann (List 9); CI Fay's, who has left.
        // Ann 2, Dan 2, Bob 1, Hal 0, Jo 0: 5 children for 5 social workers.
        let all = try #require(s.value("wf.caseload"))
        #expect(all.numerator == 5 && all.denominator == 5 && all.value == 1 && all.unit == .average)
        #expect(s.nd("wf.caseload", team: "DAT 1") == (1, 2))       // Bob 1, Jo 0: 0.5
        #expect(s.nd("wf.caseload", team: "IP 1") == (4, 3))        // Ann 2, Dan 2, Hal 0
        #expect(s.value("wf.caseload", team: "DAT 1")?.value == 0.5)
        // Two social workers hold no child: one note says how many.
        let note = try #require(s.dataQuality.first { $0.kind == .unmatchedWorkers })
        #expect(note.value == "2 of 5" && note.problem.hasPrefix("2 of 5 social workers match no child"))
    }

    @Test func workersWhoMatchNoChildHaveACaseloadOfNought() throws {
        let workforce = "Worker,Team,Role,Agency,Start Date,End Date,Date of Last Supervision\nA One,T,Social Worker,N,,,\nB Two,T,Social Worker,N,,,\n"
        let list8 = "Child Unique ID,Date Started to be Looked After,Date Ceased to be Looked After,Allocated Team\nX,01/01/2018,,T\n"
        let list7 = "Child Unique ID,Child Protection Plan Start Date,Child Protection Plan End Date,Allocated Team,Allocated Worker\nY,01/12/2018,,T,Someone Else\n"
        let s = try compute([.workforce: workforce, .list8: list8, .list7: list7])
        let all = try #require(s.value("wf.caseload"))
        #expect(all.numerator == 0 && all.denominator == 2 && all.value == 0)
        #expect(s.dataQuality.contains { $0.kind == .unmatchedWorkers && $0.value == "2 of 2" })
        // List 8 has no Allocated Worker and Lists 6 and 9 were not supplied: each is noted.
        let missing = s.dataQuality.filter { $0.kind == .caseloadListMissing }
        #expect(Set(missing.compactMap(\.list)) == [.list8, .list6, .list9])
        #expect(missing.first { $0.list == .list8 }?.problem.contains("has no Allocated Worker") == true)
    }

    @Test func aStaffListNeedsItsWorkerColumn() throws {
        var e = Extract()
        do {
            try ExtractReader.readList(.workforce, bytes: Array("Name,Team,Role\nA,T,Social Worker\n".utf8), into: &e)
            Issue.record("a staff list without Worker was read")
        } catch {
            #expect(error.file == "workforce.csv" && error.column == Column.staffWorker)
        }
    }
}

@Suite struct TeamServicesTests {
    /// Teams grouped into a service pool their children and workers: Σ children ÷ Σ workers,
    /// not the mean of the teams' caseloads. A team the file does not name stays its own.
    @Test func servicesPoolTheirTeams() throws {
        let s = try compute([.workforce: WorkforceTests.workforce, .list8: WorkforceTests.list8, .list7: WorkforceTests.list7,
                             .list6: WorkforceTests.list6, .list9: WorkforceTests.list9])
        let groups = TeamServices([("DAT 1", "Front door"), ("IP 1", "Front door")])
        let pooled = groups.pooled(s.values, "wf.caseload")
        // (1 + 4) children ÷ (2 + 3) workers = 1.0, where the mean of 0.5 and 1.33 would be 0.92.
        #expect(pooled.count == 1)
        #expect(pooled.first?.team == "Front door" && pooled.first?.numerator == 5 && pooled.first?.denominator == 5 && pooled.first?.value == 1)
        let agency = TeamServices([("dat 1", "D&A")]).pooled(s.values, "wf.agency")
        #expect(agency.map(\.team) == ["D&A", "IP 1"])
        #expect(agency.first?.value == 50)
        #expect(TeamServices([("DAT 1", "X")]).service(of: " dat  1 ") == "X")
    }
}

/// The workforce page's drill-down: each social worker the workforce indicators count, with
/// the caseload and supervision they count for them.
@Suite struct WorkerListTests {
    /// The hand-worked staff list above: Bob and Jo in DAT 1; Ann (her later line), Dan and Hal
    /// in IP 1; by team, highest caseload first, then by name as written.
    @Test func theSocialWorkersAsCounted() throws {
        let e = try extract([.workforce: WorkforceTests.workforce, .list8: WorkforceTests.list8, .list7: WorkforceTests.list7,
                             .list6: WorkforceTests.list6, .list9: WorkforceTests.list9])
        let list = WorkerList.workers(e, asAt: day("31/01/2019"))
        #expect(list.map(\.worker) == ["Bob Jones", "Jo Quy", "Dan Roe", "ann  SMITH", "Hal Ode"])
        #expect(list.map(\.team) == ["DAT 1", "DAT 1", "IP 1", "IP 1", "IP 1"])
        #expect(list.map(\.caseload) == [1, 0, 2, 2, 0])
        // Bob's 2 January is 21 working days before R (overdue), Jo's 3 January 20 (in time),
        // Ann's Sunday 20 January 9; Dan has none recorded (not in time); Hal's 31/02 cannot be
        // read (not known).
        #expect(list.map(\.workingDaysSince) == [21, 20, nil, 9, nil])
        #expect(list.map(\.supervisionInTime) == [false, true, false, true, nil])
        #expect(list.map(\.lastSupervision) == [day("02/01/2019"), day("03/01/2019"), nil, day("20/01/2019"), nil])
        // Agency: Y, N, "a) Yes", Y, and Hal's "maybe" that cannot be read.
        #expect(list.map(\.agency) == [true, false, true, true, nil])
        // The figures agree with the list, team by team.
        let s = Engine.compute(e, asAt: day("31/01/2019"), population: Population())
        for team in ["DAT 1", "IP 1"] {
            let workers = list.filter { $0.team == team }
            #expect(workers.count == s.value("wf.social_workers", team: team)?.numerator)
            #expect(workers.compactMap(\.caseload).reduce(0, +) == s.value("wf.caseload", team: team)?.numerator)
            #expect(workers.filter { $0.supervisionInTime == true }.count == s.value("wf.supervision_in_time", team: team)?.numerator)
        }
    }

    /// Without Lists 6–9 no caseload is known (nil, never 0); without the staff list, no workers.
    @Test func whatTheExtractCannotGive() throws {
        let staffOnly = WorkerList.workers(try extract([.workforce: WorkforceTests.workforce]), asAt: day("31/01/2019"))
        #expect(staffOnly.count == 5 && staffOnly.allSatisfy { $0.caseload == nil })
        #expect(WorkerList.workers(try extract([.list8: WorkforceTests.list8]), asAt: day("31/01/2019")).isEmpty)
        // A staff list without its supervision column: supervision not known, not "none recorded".
        let noDates = "Worker,Team,Role,Agency,Start Date,End Date\nA One,T,Social Worker,N,,\n"
        let one = try #require(WorkerList.workers(try extract([.workforce: noDates]), asAt: day("31/01/2019")).first)
        #expect(one.supervisionInTime == nil && one.lastSupervision == nil)
    }
}
