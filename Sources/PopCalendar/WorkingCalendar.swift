/// Working days: Monday to Friday, less England & Wales bank holidays, less any local closure
/// days the council configures.
///
/// `WD(a, b)`, the number of working days d with a < d ≤ b, is one subtraction in a prefix-sum
/// table built once for 1900–2199 (the years `DateParser` accepts).
public struct WorkingCalendar: Sendable {
    public static let firstDay = Day(year: 1900, month: 1, day: 1)!
    public static let lastDay = Day(year: 2199, month: 12, day: 31)!

    /// Working days on or before each day of the table, counted from `firstDay`.
    private let cumulative: [Int32]
    public let holidays: Set<Day>

    /// The built-in England & Wales calendar, plus `extraHolidays` (from a gov.uk
    /// `bank-holidays.json`, say) and `closures` (local closure days; none by default).
    public init(extraHolidays: [Day] = [], closures: [Day] = []) {
        var hol = Set<Day>()
        for y in WorkingCalendar.firstDay.year...WorkingCalendar.lastDay.year {
            for d in BankHolidays.days(in: y) { hol.insert(d) }
        }
        for d in extraHolidays { hol.insert(d) }
        for d in closures { hol.insert(d) }
        holidays = hol
        let n = WorkingCalendar.lastDay - WorkingCalendar.firstDay + 1
        var table = [Int32](repeating: 0, count: n)
        var running: Int32 = 0
        var day = WorkingCalendar.firstDay
        for i in 0..<n {
            if !day.isWeekend && !hol.contains(day) { running += 1 }
            table[i] = running
            day = day + 1
        }
        cumulative = table
    }

    /// The shared default calendar: England & Wales bank holidays, no closures.
    public static let englandAndWales = WorkingCalendar()

    public func isWorkingDay(_ d: Day) -> Bool { !d.isWeekend && !holidays.contains(d) }

    /// `WD(a, b)`: working days d with a < d ≤ b; 0 when b ≤ a. Days outside the table are
    /// clamped to its ends (no real record lies there).
    public func workingDays(from a: Day, to b: Day) -> Int {
        if b <= a { return 0 }
        return Int(count(through: b) - count(through: a))
    }

    private func count(through d: Day) -> Int32 {
        let i = d - WorkingCalendar.firstDay
        if i < 0 { return 0 }
        if i >= cumulative.count { return cumulative[cumulative.count - 1] }
        return cumulative[i]
    }

    /// The working day `n` working days after `d` (n ≥ 0; d itself when n is 0).
    public func adding(workingDays n: Int, to d: Day) -> Day {
        var day = d, left = n
        while left > 0 {
            day = day + 1
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The earliest day `a` with WD(a, d) ≤ n is the working day n before d's count; this returns
    /// the day `n` working days before `d`, so WD(result, d) == n when d is a working day.
    public func subtracting(workingDays n: Int, from d: Day) -> Day {
        var day = d, left = n
        while left > 0 {
            if isWorkingDay(day) { left -= 1 }
            day = day - 1
        }
        return day
    }
}
