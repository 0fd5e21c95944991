import Testing
import PopCalendar
import PopTestSupport

func d(_ s: String) -> Day { DateParser.parse(s).day! }


@Suite struct DayTests {
    @Test func roundTripsCivilDates() {
        #expect(Day(year: 1970, month: 1, day: 1)!.number == 0)
        #expect(Day(year: 2019, month: 1, day: 31)!.iso == "2019-01-31")
        #expect(Day(year: 2019, month: 2, day: 29) == nil)
        #expect(Day(year: 2020, month: 2, day: 29)!.annexA == "29/02/2020")
        #expect(Day(year: 2019, month: 1, day: 31)!.weekday == 4)  // a Thursday
        #expect(Day(year: 2018, month: 12, day: 29)!.isWeekend)
    }

    @Test func parsesAnnexAAndIsoDates() {
        #expect(DateParser.parse("31/01/2019") == .day(Day(year: 2019, month: 1, day: 31)!))
        #expect(DateParser.parse("2019-01-31") == .day(Day(year: 2019, month: 1, day: 31)!))
        #expect(DateParser.parse("1/2/2019") == .day(Day(year: 2019, month: 2, day: 1)!))
        #expect(DateParser.parse(" 31/01/2019 00:00:00 ") == .day(Day(year: 2019, month: 1, day: 31)!))
        #expect(DateParser.parse("2019-01-31T00:00:00") == .day(Day(year: 2019, month: 1, day: 31)!))
        #expect(DateParser.parse("29/02/2020") == .day(Day(year: 2020, month: 2, day: 29)!))
        #expect(DateParser.parse("") == .blank)
        #expect(DateParser.parse("   ") == .blank)
        for bad in ["31/02/2019", "29/02/2019", "soon", "x3", "13/13/2019", "2019/01", "01/01/0001",
                    "31-01/2019", "1/1/19", "31/01/2019 later", "2019-1-31-4"] {
            #expect(DateParser.parse(bad) == .bad, "\(bad)")
        }
    }

    @Test func addMonthsClampsToMonthEnd() {
        #expect(d("31/03/2019").addingMonths(-1) == d("28/02/2019"))
        #expect(d("31/03/2020").addingMonths(-1) == d("29/02/2020"))
        #expect(d("29/02/2020").addingMonths(12) == d("28/02/2021"))
        #expect(d("31/01/2019").addingMonths(-12) == d("31/01/2018"))
        #expect(d("31/01/2019").addingMonths(-30) == d("31/07/2016"))
        #expect(d("31/08/2018").addingMonths(6) == d("28/02/2019"))
        #expect(d("15/11/2018").addingMonths(3) == d("15/02/2019"))
    }

    @Test func agesCountCompletedYears() {
        #expect(d("31/01/2014").age(at: d("31/01/2019")) == 5)   // birthday on R counts
        #expect(d("01/02/2014").age(at: d("31/01/2019")) == 4)
        #expect(d("29/02/2016").age(at: d("28/02/2019")) == 2)   // not until 1 March
        #expect(d("29/02/2016").age(at: d("01/03/2019")) == 3)
        #expect(d("29/02/2016").age(at: d("29/02/2020")) == 4)
        #expect(d("01/03/2019").age(at: d("31/01/2019")) == -1)  // not born yet
    }

    @Test func financialYearsAndQuarters() {
        #expect(d("31/01/2019").financialYearStart == d("01/04/2018"))
        #expect(d("01/04/2018").financialYearStart == d("01/04/2018"))
        #expect(d("31/03/2018").financialYearStart == d("01/04/2017"))
        #expect(d("31/01/2019").previousCalendarQuarter.first == d("01/10/2018"))
        #expect(d("31/01/2019").previousCalendarQuarter.last == d("31/12/2018"))
        #expect(d("31/03/2019").previousCalendarQuarter.first == d("01/10/2018"))
        #expect(d("01/04/2019").previousCalendarQuarter.first == d("01/01/2019"))
        #expect(d("31/01/2019").firstOfMonth == d("01/01/2019"))
        #expect(d("10/02/2020").lastOfMonth == d("29/02/2020"))
    }
}

@Suite struct WorkingDayTests {
    let cal = WorkingCalendar.englandAndWales

    @Test func countsDaysAfterAUpToAndIncludingB() {
        // Fri 25 Jan 2019 → Thu 31 Jan 2019: Mon 28, Tue 29, Wed 30, Thu 31.
        #expect(cal.workingDays(from: d("25/01/2019"), to: d("31/01/2019")) == 4)
        #expect(cal.workingDays(from: d("31/01/2019"), to: d("31/01/2019")) == 0)
        #expect(cal.workingDays(from: d("01/02/2019"), to: d("31/01/2019")) == 0)
        // A weekend start adds nothing: Sat 26 Jan → Mon 28 Jan is one working day.
        #expect(cal.workingDays(from: d("26/01/2019"), to: d("28/01/2019")) == 1)
        // Christmas 2018: Mon 24 Dec → Thu 27 Dec skips Tue 25 and Wed 26.
        #expect(cal.workingDays(from: d("24/12/2018"), to: d("27/12/2018")) == 1)
        // All of January 2019 after 31 December: 23 weekdays less New Year's Day.
        #expect(cal.workingDays(from: d("31/12/2018"), to: d("31/01/2019")) == 22)
        // Easter 2019: Thu 18 Apr → Tue 23 Apr skips Good Friday and Easter Monday.
        #expect(cal.workingDays(from: d("18/04/2019"), to: d("23/04/2019")) == 1)
    }

    @Test func localClosuresApplyOnlyWhenConfigured() {
        let closures = (27...31).map { Day(year: 2018, month: 12, day: $0)! }
        let council = WorkingCalendar(closures: closures)
        // Thu 27, Fri 28, Mon 31 Dec and Wed 2 Jan (25, 26 Dec and 1 Jan are bank holidays).
        #expect(cal.workingDays(from: d("24/12/2018"), to: d("02/01/2019")) == 4)
        #expect(council.workingDays(from: d("24/12/2018"), to: d("02/01/2019")) == 1)
    }

    @Test func addsAndSubtractsWorkingDays() {
        #expect(cal.adding(workingDays: 1, to: d("24/12/2018")) == d("27/12/2018"))
        #expect(cal.subtracting(workingDays: 10, from: d("31/01/2019")) == d("17/01/2019"))
        #expect(cal.workingDays(from: d("17/01/2019"), to: d("31/01/2019")) == 10)
    }

    @Test func bankHolidayRulesAndOneOffs() {
        #expect(BankHolidays.easterSunday(2019) == d("21/04/2019"))
        #expect(BankHolidays.easterSunday(2024) == d("31/03/2024"))
        let y2020 = BankHolidays.days(in: 2020)
        #expect(y2020.contains(d("08/05/2020")) && !y2020.contains(d("04/05/2020")))
        let y2022 = BankHolidays.days(in: 2022)
        #expect(y2022.contains(d("02/06/2022")) && y2022.contains(d("03/06/2022")))
        #expect(y2022.contains(d("19/09/2022")))
        #expect(y2022.contains(d("27/12/2022")))   // Christmas on a Sunday → Tuesday 27th
        #expect(BankHolidays.days(in: 2021).contains(d("28/12/2021")))  // Sat Christmas
        #expect(BankHolidays.days(in: 2020).contains(d("28/12/2020")))  // Sat Boxing Day
    }

    @Test func agreesWithGovUkForEveryYearInTheFile() throws {
        let text = try #require(TestPaths.text(TestPaths.referenceData + "/bank-holidays.json"))
        let published = try BankHolidayFile.englandAndWalesDays(json: text)
        let years = Set(published.map(\.year))
        #expect(years.min() == 2012 && years.max()! >= 2026)
        var computed: [Day] = []
        for y in years.sorted() { computed += BankHolidays.days(in: y) }
        #expect(computed == published.sorted())
    }

    @Test func aSuppliedFileAddsAnnouncedDays() throws {
        let json = #"{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Extra","date":"2030-07-01","notes":"","bunting":true}]},"scotland":{"division":"scotland","events":[{"title":"St Andrew","date":"2030-12-02"}]}}"#
        let days = try BankHolidayFile.englandAndWalesDays(json: json)
        #expect(days == [d("01/07/2030")])
        let cal2 = WorkingCalendar(extraHolidays: days)
        #expect(cal2.workingDays(from: d("28/06/2030"), to: d("02/07/2030")) == 1)
        #expect(throws: BankHolidayFile.FormatError.self) { try BankHolidayFile.englandAndWalesDays(json: "{}") }
    }
}

