/// England & Wales bank holidays: the regular ones by rule, the one-offs as a list.
public enum BankHolidays {
    /// One-off changes to the rules, as proclaimed. `moved` replaces the rule's date of the named
    /// holiday; `extra` adds a day.
    public enum Exception: Sendable {
        case moved(rule: Rule, year: Int, to: Day)
        case extra(Day, title: String)
    }

    public enum Rule: Sendable { case earlyMay, spring }

    public static let exceptions: [Exception] = [
        .moved(rule: .earlyMay, year: 1995, to: Day(year: 1995, month: 5, day: 8)!),   // VE Day 50
        .extra(Day(year: 1999, month: 12, day: 31)!, title: "Millennium"),
        .moved(rule: .spring, year: 2002, to: Day(year: 2002, month: 6, day: 4)!),
        .extra(Day(year: 2002, month: 6, day: 3)!, title: "Golden Jubilee"),
        .extra(Day(year: 2011, month: 4, day: 29)!, title: "Royal wedding"),
        .moved(rule: .spring, year: 2012, to: Day(year: 2012, month: 6, day: 4)!),
        .extra(Day(year: 2012, month: 6, day: 5)!, title: "Diamond Jubilee"),
        .moved(rule: .earlyMay, year: 2020, to: Day(year: 2020, month: 5, day: 8)!),   // VE Day 75
        .moved(rule: .spring, year: 2022, to: Day(year: 2022, month: 6, day: 2)!),
        .extra(Day(year: 2022, month: 6, day: 3)!, title: "Platinum Jubilee"),
        .extra(Day(year: 2022, month: 9, day: 19)!, title: "State Funeral of Queen Elizabeth II"),
        .extra(Day(year: 2023, month: 5, day: 8)!, title: "Coronation of King Charles III"),
    ]

    /// Every England & Wales bank holiday of `year`, sorted.
    public static func days(in year: Int) -> [Day] {
        var days: [Day] = []
        // New Year's Day, or the Monday after when it falls at a weekend.
        days.append(nextWeekday(Day(year: year, month: 1, day: 1)!))
        let easter = easterSunday(year)
        days.append(easter - 2)
        days.append(easter + 1)
        var earlyMay = firstMonday(year: year, month: 5)
        var spring = lastMonday(year: year, month: 5)
        for e in exceptions {
            switch e {
            case .moved(.earlyMay, let y, let to) where y == year: earlyMay = to
            case .moved(.spring, let y, let to) where y == year: spring = to
            case .extra(let d, _) where d.year == year: days.append(d)
            default: break
            }
        }
        days.append(earlyMay)
        days.append(spring)
        days.append(lastMonday(year: year, month: 8))
        // Christmas and Boxing Day; a weekend one moves to the next free weekday.
        let christmas = Day(year: year, month: 12, day: 25)!
        switch christmas.weekday {
        case 5: days += [christmas, christmas + 3]          // Fri: Boxing Day Sat → Mon 28
        case 6: days += [christmas + 2, christmas + 3]      // Sat: Mon 27, Tue 28
        case 7: days += [christmas + 1, christmas + 2]      // Sun: Mon 26, Tue 27
        default: days += [christmas, christmas + 1]
        }
        return days.sorted()
    }

    /// Easter Sunday (Gregorian), by the anonymous computus.
    public static func easterSunday(_ y: Int) -> Day {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: y, month: month, day: day)!
    }

    static func nextWeekday(_ d: Day) -> Day {
        switch d.weekday { case 6: return d + 2; case 7: return d + 1; default: return d }
    }

    static func firstMonday(year: Int, month: Int) -> Day {
        let first = Day(year: year, month: month, day: 1)!
        return first + (8 - first.weekday) % 7
    }

    static func lastMonday(year: Int, month: Int) -> Day {
        let last = Day(year: year, month: month, day: 1)!.lastOfMonth
        return last - (last.weekday - 1)
    }
}
