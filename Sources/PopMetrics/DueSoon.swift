import PopCalendar

/// When a visit falls due, and which children's visits fall due soon: read from the same
/// `VisitRule` that counts visits in time, so the worklist and the figure cannot disagree.
extension VisitRule {
    /// A working week: five working days, which span seven calendar days.
    public static let workingWeek = (workingDays: 5, calendarDays: 7)

    /// How far ahead the due-soon list looks, in the rule's own days: the next five working
    /// days, or for a rule in calendar days the week (seven days) they span.
    public var dueSoonSpan: Int { days == .working ? VisitRule.workingWeek.workingDays : VisitRule.workingWeek.calendarDays }

    /// In time at R, and overdue within the next `dueSoonSpan` days of the rule's kind unless
    /// the child is visited: `limit − span < elapsed ≤ limit`. CP: WD(ref, R) 6–10 of 10; CIN:
    /// 16–20 of 20; children in care: days(ref, R) 36–42 of 42.
    public func isDueSoon(elapsed: Int) -> Bool { elapsed <= limit && elapsed > limit - dueSoonSpan }

    /// The last day a visit keeps the child in time, counting from `reference` (the last visit,
    /// or the start when none is recorded). For a rule in working days it is the day before the
    /// (limit + 1)th working day after the reference, so a 10th working day on a Friday is due
    /// through the Sunday; in calendar days, `reference + limit`. At any R on or after the
    /// reference, the child is in time exactly when R ≤ due.
    public func due(from reference: Day, calendar: WorkingCalendar) -> Day {
        switch days {
        case .working: calendar.adding(workingDays: limit + 1, to: reference) - 1
        case .calendar: reference + limit
        }
    }
}
