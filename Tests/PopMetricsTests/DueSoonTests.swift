import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

/// Due soon and overdue, worked by hand around Christmas 2018: Tuesday 25 and Wednesday 26
/// December and Tuesday 1 January are bank holidays. R is Friday 21 December; the next five
/// working days after it are Mon 24, Thu 27, Fri 28, Mon 31 December and Wed 2 January.
@Suite struct DueSoonTests {
    static let list7 = """
        Child Unique ID,Child Protection Plan Start Date,Date of the Last Statutory Visit,Child Protection Plan End Date,Allocated Team,Allocated Worker
        A,01/10/2018,07/12/2018,,T1,Ann
        B,01/10/2018,06/12/2018,,T1,Ann
        C,01/10/2018,14/12/2018,,T1,Bob
        D,01/10/2018,13/12/2018,,T2,Bob
        E,21/12/2018,,,T2,Cat
        F,01/10/2018,21/12/2018,,T2,Cat
        G,01/10/2018,08/12/2018,,T2,Cat
        H,07/12/2018,,,T1,Ann

        """
    static let list6 = """
        Child Unique ID,CIN Start Date,Date Child Was Last Seen,CIN Closure Date,Case Status,Allocated Team,Allocated Worker
        I,01/09/2018,23/11/2018,,cin,N1,Dee
        J,01/09/2018,30/11/2018,,cin,N1,Dee
        K,01/09/2018,26/11/2018,,cin,N1,Dee
        L,01/09/2018,22/11/2018,,cin,N1,Dee

        """
    static let list8 = """
        Child Unique ID,Date Started to be Looked After,Date of Last Social Work Visit,Date Ceased to be Looked After,Allocated Team,Allocated Worker
        M,01/01/2018,09/11/2018,,K1,Eve
        N,01/01/2018,15/11/2018,,K1,Eve
        O,01/01/2018,16/11/2018,,K1,Eve
        P,01/01/2018,08/11/2018,,K1,Eve
        Q,10/11/2018,,,K1,Eve

        """

    static func visits(asAt: String) throws -> [String: ChildVisit] {
        let e = try extract([.list7: list7, .list6: list6, .list8: list8])
        return Dictionary(VisitList.children(e, asAt: day(asAt)).map { ($0.child, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// CP, 10 working days: due soon when WD(ref, R) is 6–10.
    @Test func childProtectionAcrossAWeekendAndChristmas() throws {
        let v = try Self.visits(asAt: "21/12/2018")
        // A: Fri 7 Dec → 10 working days to R: in time, due soon. Its 11th working day is Mon 24,
        // so the last day in time is Sunday 23 December.
        let a = try #require(v["A"])
        #expect(a.elapsed == 10 && a.inTime && a.dueSoon && a.due == day("23/12/2018") && a.daysLeft == 0)
        // B: Thu 6 Dec → 11: overdue by 1, due Thursday 20 December (its 11th working day is R).
        let b = try #require(v["B"])
        #expect(b.elapsed == 11 && !b.inTime && !b.dueSoon && b.overdueBy == 1 && b.due == day("20/12/2018"))
        // C: Fri 14 Dec → 5: not yet due soon; its 11th working day is Thu 3 Jan (the 6th after R).
        let c = try #require(v["C"])
        #expect(c.elapsed == 5 && !c.dueSoon && c.due == day("02/01/2019"))
        // D: Thu 13 Dec → 6: due soon; its 11th working day is Wed 2 Jan (the 5th after R), so it
        // is in time through the bank holiday on Tuesday 1 January.
        let d = try #require(v["D"])
        #expect(d.elapsed == 6 && d.dueSoon && d.due == day("01/01/2019") && d.daysLeft == 4)
        // E: the plan started on R with no visit: 0, due Wed 9 Jan (Christmas and New Year skipped).
        let e = try #require(v["E"])
        #expect(e.elapsed == 0 && !e.dueSoon && e.lastVisit == nil && e.due == day("09/01/2019"))
        // F: visited on R itself: 0, not due soon.
        #expect(v["F"]?.elapsed == 0 && v["F"]?.dueSoon == false)
        // G: a Saturday visit (8 Dec) counts from the Saturday: 10 working days, due soon, due Sun 23 Dec.
        let g = try #require(v["G"])
        #expect(g.elapsed == 10 && g.dueSoon && g.due == day("23/12/2018"))
        // H: no visit since its plan started on Fri 7 Dec: counted from the start, as A.
        #expect(v["H"]?.elapsed == 10 && v["H"]?.dueSoon == true && v["H"]?.due == day("23/12/2018"))
    }

    /// On Saturday 22 December nothing has moved (no working day has passed), and the due
    /// dates stay where they were; on Monday 24 December, A, G and H fall overdue and C (6) is due soon.
    @Test func aWeekendAsAtMovesNothingAndTheNextWorkingDayDoes() throws {
        let friday = try Self.visits(asAt: "21/12/2018"), saturday = try Self.visits(asAt: "22/12/2018")
        for (child, f) in friday {
            let s = try #require(saturday[child])
            if f.rule.days == .working {
                #expect(s.elapsed == f.elapsed && s.dueSoon == f.dueSoon && s.due == f.due, "\(child)")
            }
        }
        let monday = try Self.visits(asAt: "24/12/2018")
        for child in ["A", "G", "H"] { #expect(monday[child]?.overdueBy == 1, "\(child)") }
        #expect(monday["C"]?.elapsed == 6 && monday["C"]?.dueSoon == true)
        // Christmas Day and Boxing Day are not working days: D stays at 7 until Thursday 27th.
        let boxingDay = try Self.visits(asAt: "26/12/2018")
        #expect(boxingDay["D"]?.elapsed == 7)
    }

    /// CIN, 20 working days: due soon when WD(ref, R) is 16–20.
    @Test func childInNeed() throws {
        let v = try Self.visits(asAt: "21/12/2018")
        // I: Fri 23 Nov → 20 (four full weeks): due soon, last day in time Sun 23 Dec.
        #expect(v["I"]?.elapsed == 20 && v["I"]?.dueSoon == true && v["I"]?.due == day("23/12/2018"))
        // J: Fri 30 Nov → 15: not yet. K: Mon 26 Nov → 19: due soon. L: Thu 22 Nov → 21: overdue.
        #expect(v["J"]?.elapsed == 15 && v["J"]?.dueSoon == false)
        #expect(v["K"]?.elapsed == 19 && v["K"]?.dueSoon == true)
        #expect(v["L"]?.elapsed == 21 && v["L"]?.inTime == false && v["L"]?.dueSoon == false)
    }

    /// Children in care, 42 calendar days: due soon when days(ref, R) is 36–42, weekends and
    /// bank holidays counting like any day.
    @Test func childrenInCare() throws {
        let v = try Self.visits(asAt: "21/12/2018")
        // M: 9 Nov → 42: due today (R). N: 15 Nov → 36: due Thu 27 Dec. O: 16 Nov → 35: not yet.
        // P: 8 Nov → 43: overdue since Thu 20 Dec. Q: in care since 10 Nov, never visited → 41.
        #expect(v["M"]?.elapsed == 42 && v["M"]?.dueSoon == true && v["M"]?.due == day("21/12/2018"))
        #expect(v["N"]?.elapsed == 36 && v["N"]?.dueSoon == true && v["N"]?.due == day("27/12/2018"))
        #expect(v["O"]?.elapsed == 35 && v["O"]?.dueSoon == false && v["O"]?.due == day("28/12/2018"))
        #expect(v["P"]?.overdueBy == 1 && v["P"]?.due == day("20/12/2018"))
        #expect(v["Q"]?.elapsed == 41 && v["Q"]?.dueSoon == true && v["Q"]?.due == day("22/12/2018"))
    }

    /// The worklists: soonest first (then worker, child) and most overdue first; counts by team.
    @Test func worklistsAndTeamCounts() throws {
        let all = Array(try Self.visits(asAt: "21/12/2018").values)
        let cp = all.filter { $0.indicator == "cp.visits_in_time" }
        // A, G and H are all due on Sunday 23rd (by child ID), then D on 1 January; for a team's
        // worklist, by team and worker: T1's Ann (A, H), then T2's Bob (D) and Cat (G).
        #expect(Worklist.children(cp, .dueSoon).map(\.child) == ["A", "G", "H", "D"])
        #expect(Worklist.byTeamAndWorker(cp, .dueSoon).map(\.child) == ["A", "H", "D", "G"])
        #expect(Worklist.children(cp, .overdue).map(\.child) == ["B"])
        let counts = Worklist.counts(cp)
        #expect(counts["T1"]?.overdue == 1 && counts["T1"]?.dueSoon == 2)   // B; A and H
        #expect(counts["T2"]?.overdue == 0 && counts["T2"]?.dueSoon == 2)   // D and G
        let cla = all.filter { $0.indicator == "cla.visits_in_time" }
        #expect(Worklist.children(cla, .dueSoon).map(\.child) == ["M", "Q", "N"])
    }

    /// The rule's window is the declaration's: 6–10 of 10, 16–20 of 20, 36–42 of 42, and the
    /// due date is the last day in time: for any reference and R on or after it, in time
    /// exactly when R ≤ due (checked over three years of days around every kind of holiday).
    @Test func theWindowAndTheDueDateFollowTheRule() {
        #expect((0...12).filter { Catalogue.cpVisits.isDueSoon(elapsed: $0) } == Array(6...10))
        #expect((0...22).filter { Catalogue.cinVisits.isDueSoon(elapsed: $0) } == Array(16...20))
        #expect((0...44).filter { Catalogue.claVisits.isDueSoon(elapsed: $0) } == Array(36...42))
        let calendar = WorkingCalendar.englandAndWales
        let first = day("01/12/2017")
        for rule in [Catalogue.cpVisits, Catalogue.cinVisits, Catalogue.claVisits] {
            for offset in stride(from: 0, to: 1_100, by: 3) {
                let reference = first + offset
                let due = rule.due(from: reference, calendar: calendar)
                for k in 0...70 {
                    let r = reference + k
                    let inTime = rule.inTime(elapsed: rule.elapsed(from: reference, to: r, calendar: calendar))
                    if inTime != (r <= due) { Issue.record("limit \(rule.limit) from \(reference.iso) at \(r.iso): due \(due.iso)") }
                }
            }
        }
    }
}
