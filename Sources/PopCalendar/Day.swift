/// A whole calendar day, counted from 1970-01-01 (day 0).
///
/// Dates in children's records have no time of day; keeping them as day numbers makes every
/// comparison, difference and table look-up one integer operation, and keeps time zones
/// (and British Summer Time) from moving a date.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Four bytes (±5.8 million years) rather than eight: an open case holds a dozen dates, and
    /// a region's extract holds hundreds of thousands of open cases.
    private let stored: Int32
    public var number: Int { Int(stored) }

    public init(number: Int) { stored = Int32(truncatingIfNeeded: number) }

    /// The day for a proleptic Gregorian year, month and day; nil when there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard month >= 1, month <= 12, day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        stored = Int32(truncatingIfNeeded: Day.daysFromCivil(year, month, day))
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    public static func + (a: Day, days: Int) -> Day { Day(number: a.number + days) }
    public static func - (a: Day, days: Int) -> Day { Day(number: a.number - days) }
    /// Calendar days from `b` to `a` (the contract's `days(b, a)`).
    public static func - (a: Day, b: Day) -> Int { a.number - b.number }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// (year, month, day) by Howard Hinnant's civil-from-days algorithm.
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (number + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// `yyyy-mm-dd`.
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    /// `dd/mm/yyyy`, as Annex A writes dates.
    public var annexA: String {
        let c = components
        return "\(Day.pad(c.day, 2))/\(Day.pad(c.month, 2))/\(Day.pad(c.year, 4))"
    }

    public var description: String { iso }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = m > 2 ? m - 3 : m + 9
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
