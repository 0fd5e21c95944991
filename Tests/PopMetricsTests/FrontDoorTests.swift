import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

@Suite struct FrontDoorTests {
    static let list1 = """
        Child Unique ID,Date of Contact,Contact Source,Date of Contact Decision
        c1,31/03/2018,6,
        c2,01/04/2018,6,
        c3,31/12/2018,6,
        c4,01/01/2019,6,02/01/2019
        c5,31/01/2019,6,
        c6,25/01/2019,6,29/01/2019
        c7,01/02/2019,6,
        c8,,6,
        c9,31/02/2019,6,

        """
    static let list3 = """
        Child Unique ID,Date of referral,Referral Source,Referral NFA?,Allocated Team
        A,15/01/2018,6,No,T1
        A,15/01/2019,2A,Yes,T1
        B,14/01/2018,3A,No,
        B,15/01/2019,Health visitor,b) No,
        E,10/01/2019,,No,
        E,10/01/2019,5A,maybe,
        F,05/04/2018,8,N,

        """

    @Test func contactsCountTheMonthAndTheYearToDate() throws {
        let s = try compute([.list1: Self.list1])
        // Month (1–31 January): c4, c5 (R itself), c6. YTD from 1 April: also c2 (1 April) and c3.
        #expect(s.count("mash.contacts") == 3)
        #expect(s.count("mash.contacts_ytd") == 5)
        // With a decision date: c4 (1 Jan is a bank holiday, so 2 Jan is 1 working day later: in
        // time) and c6 (Fri 25 → Tue 29 is 2 working days: late).
        #expect(s.nd("mash.decision_1wd") == (1, 2))
        #expect(s.value("mash.decision_1wd")?.value == 50)
        // c9's impossible date is reported with its line and column.
        #expect(s.dataQuality.contains(DataQualityIssue(file: "list1.csv", line: 10, column: "Date of Contact", value: "31/02/2019", problem: "not a date",
                                                        kind: .notADate, list: .list1)))
        // Referral figures need List 3: absent, not zero.
        #expect(s.value("mash.referrals") == nil)
        #expect(s.value("mash.conversion") == nil)
    }

    @Test func decisionIndicatorIsAbsentWithoutItsColumn() throws {
        let s = try compute([.list1: "Child Unique ID,Date of Contact\nc1,02/01/2019\n"])
        #expect(s.count("mash.contacts") == 1)
        #expect(s.value("mash.decision_1wd") == nil)
    }

    @Test func referralsRereferralsAndSources() throws {
        let s = try compute([.list1: Self.list1, .list3: Self.list3])
        #expect(s.count("mash.referrals") == 4)       // A, B, E, E in January
        #expect(s.count("mash.referrals_ytd") == 5)   // and F in April
        // 10,000 × 5 / 10,000.
        #expect(s.value("mash.referral_rate_ytd")?.value == 5)
        // A's 15/01/2019 follows 15/01/2018 = addMonths(d, −12): a re-referral. B's previous
        // (14/01/2018) is a day too early; E's two same-day referrals do not count each other.
        #expect(s.nd("mash.rereferrals_ytd") == (1, 5))
        // NFA: A yes, B no, E no; E's "maybe" is unreadable and left out.
        #expect(s.nd("mash.referrals_nfa") == (1, 3))
        #expect(s.dataQuality.contains { $0.line == 7 && $0.column == "Referral NFA?" && $0.value == "maybe" })
        // Sources of the 5 YTD referrals: 2A education, health visitor, blank (other), 5A, 8 (other).
        #expect(s.nd("mash.source.police") == (0, 5))
        #expect(s.nd("mash.source.education") == (1, 5))
        #expect(s.nd("mash.source.health") == (1, 5))
        #expect(s.nd("mash.source.la_services") == (1, 5))
        #expect(s.nd("mash.source.other") == (2, 5))
        #expect(s.value("mash.source.other")?.value == 40)
        // 4 referrals from 3 contacts in the month.
        #expect(s.nd("mash.conversion") == (4, 3))
    }

    /// A referral with a blank ID is a YTD referral (a flow counts rows) and no re-referral; a
    /// Kelvin sign is the letter K to String equality, so `\u{212A}1` is K1's second referral,
    /// as the children counts would say.
    @Test func rereferralsCountBlankIDsInTheBaseAndJoinEqualSpellings() throws {
        let list3 = """
            Child Unique ID,Date of referral,Referral Source,Referral NFA?,Allocated Team
            A1,01/06/2018,6,No,T
            A1,01/12/2018,6,No,T
            ,10/12/2018,6,No,T
            ,11/12/2018,6,No,T
            K1,01/06/2018,6,No,T
            \u{212A}1,01/12/2018,6,No,T

            """
        let s = try compute([.list3: list3])
        #expect(s.count("mash.referrals_ytd") == 6)
        // A1's and K1's December referrals follow their June ones: 2 of the 6.
        #expect(s.nd("mash.rereferrals_ytd") == (2, 6))
    }

    @Test func rereferralWindowAcross29February() throws {
        let list3 = """
            Child Unique ID,Date of referral,Referral Source,Referral NFA?,Allocated Team
            D,28/02/2019,6,No,T
            D,29/02/2020,6,No,T
            G,27/02/2019,6,No,T
            G,28/02/2020,6,No,T

            """
        // addMonths(29/02/2020, −12) = 28/02/2019: D's earlier referral counts; G's
        // 27/02/2019 is before addMonths(28/02/2020, −12) = 28/02/2019.
        let s = try compute([.list3: list3], asAt: "31/03/2020")
        #expect(s.nd("mash.rereferrals_ytd") == (1, 2))
    }

    @Test func yearToDateOnFirstOfApril() throws {
        let s = try compute([.list1: Self.list1], asAt: "01/04/2018")
        // R = 1 April: the month and the YTD are both just 1 April.
        #expect(s.count("mash.contacts") == 1)
        #expect(s.count("mash.contacts_ytd") == 1)
    }

    @Test func assessmentsAndSection47s() throws {
        let list4 = """
            Child Unique ID,Continuous Assessment Start Date,Child Seen During Continuous Assessment,Continuous Assessment Date of Authorisation,Allocated Team
            a1,26/11/2018,Y,31/01/2019,DA1
            a2,23/11/2018,N,31/01/2019,DA1
            a3,,,15/01/2019,DA2
            a4,02/01/2019,Yes,31/12/2018,DA2

            """
        let list5 = """
            Child Unique ID,Strategy discussion initiating Section 47 Enquiry Start Date,Date of Initial Child Protection Conference
            s1,02/01/2019,23/01/2019
            s2,20/12/2018,14/01/2019
            s3,17/12/2018,11/01/2019
            s4,31/01/2019,

            """
        let s = try compute([.list4: list4, .list5: list5])
        #expect(s.count("asmt.completed") == 3)
        #expect(s.value("asmt.completed", team: "DA1")?.numerator == 2)
        // 26/11/2018 → 31/01/2019: 4 days in November + 19 in December (less 25, 26 Dec) +
        // 22 in January (less 1 Jan) = 45 working days: in time. From Fri 23/11 it is 46.
        // a3 has no start date, so it is left out of this one.
        #expect(s.nd("asmt.within_45wd") == (1, 2))
        #expect(s.nd("asmt.within_45wd", team: "DA1") == (1, 2))
        #expect(s.value("asmt.within_45wd", team: "DA2")?.value == nil)
        // Seen: a1 yes, a2 no, a3 blank (not yes, still counted).
        #expect(s.nd("asmt.child_seen") == (1, 3))
        #expect(s.count("s47.started") == 2)          // s1 and s4 (R itself)
        // ICPC within 15 working days: s1 2→23 Jan = 15; s2 20 Dec → 14 Jan = 5 + 9 = 14;
        // s3 17 Dec → 11 Jan = 8 + 8 = 16 (late).
        #expect(s.nd("icpc.within_15wd") == (2, 3))
    }
}
