/// Months, financial years and ages: the reporting conventions of the data contract (section 3).
extension Day {
    /// The same day of the month `k` months later (or earlier), clamped to that month's last day:
    /// 31 March − 1 month is 28 (or 29) February.
    public func addingMonths(_ k: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + k
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = Swift.min(c.day, Day.daysInMonth(year: y, month: m))
        return Day(number: Day.daysFromCivil(y, m, d))
    }

    /// The 1st of this day's month.
    public var firstOfMonth: Day { Day(number: number - (dayOfMonth - 1)) }

    /// The last day of this day's month.
    public var lastOfMonth: Day {
        let c = components
        return Day(number: Day.daysFromCivil(c.year, c.month, Day.daysInMonth(year: c.year, month: c.month)))
    }

    /// 1 April on or before this day: the start of its financial year (and of the YTD).
    public var financialYearStart: Day {
        let c = components
        let y = c.month >= 4 ? c.year : c.year - 1
        return Day(number: Day.daysFromCivil(y, 4, 1))
    }

    /// The calendar year in which this day's financial year starts (2018 for 31 January 2019).
    public var financialYear: Int { financialYearStart.year }

    /// Age in completed years on `at`. A birthday on `at` counts; someone born on 29 February
    /// completes a year on 1 March in years without one. Negative when `at` is before birth.
    public func age(at: Day) -> Int {
        let b = components, r = at.components
        var years = r.year - b.year
        // The birthday this year; 29 February falls to 1 March in a common year.
        let birthdayPassed: Bool
        if b.month == 2 && b.day == 29 && !Day.isLeapYear(r.year) {
            birthdayPassed = (r.month, r.day) >= (3, 1)
        } else {
            birthdayPassed = (r.month, r.day) >= (b.month, b.day)
        }
        if !birthdayPassed { years -= 1 }
        return years
    }

    /// The quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) before the one containing this day, as
    /// (first day, last day).
    public var previousCalendarQuarter: (first: Day, last: Day) {
        let c = components
        let qStartMonth = ((c.month - 1) / 3) * 3 + 1
        let thisQuarter = Day(number: Day.daysFromCivil(c.year, qStartMonth, 1))
        let first = thisQuarter.addingMonths(-3)
        return (first, thisQuarter - 1)
    }
}

/// A calendar month, `yyyy-mm`.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ day: Day) {
        let c = day.components
        year = c.year
        month = c.month
    }

    /// Parses `yyyy-mm`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        year = y
        month = m
    }

    public var first: Day { Day(year: year, month: month, day: 1)! }
    public var last: Day { first.lastOfMonth }
    public func adding(_ k: Int) -> YearMonth { YearMonth(first.addingMonths(k)) }
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
