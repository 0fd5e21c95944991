import PopCalendar
import PopExtract

/// One child in a visit-timeliness list: what a team manager acts on.
public struct ChildVisit: Sendable, Equatable {
    /// `cp.visits_in_time`, `cin.visits_in_time` or `cla.visits_in_time`.
    public let indicator: IndicatorID
    public let team: String
    public let worker: String
    public let child: String
    public let start: Day
    /// The last visit (or time seen) on this episode; nil when none is recorded.
    public let lastVisit: Day?
    /// Days of the rule's kind (working days for CP and CIN, calendar days in care) since the
    /// last visit, or since the start when none is recorded.
    public let elapsed: Int
    /// The indicator's visit rule.
    public let rule: VisitRule
    /// The last day a visit keeps the child in time (`VisitRule.due`): past for an overdue child.
    public let due: Day

    public init(indicator: IndicatorID, team: String, worker: String, child: String, start: Day, lastVisit: Day?, elapsed: Int, rule: VisitRule,
                due: Day) {
        self.due = due
        self.indicator = indicator
        self.team = team
        self.worker = worker
        self.child = child
        self.start = start
        self.lastVisit = lastVisit
        self.elapsed = elapsed
        self.rule = rule
    }

    public var inTime: Bool { rule.inTime(elapsed: elapsed) }
    public var overdueBy: Int { max(0, elapsed - rule.limit) }
    /// In time now, and overdue within the next five working days unless visited.
    public var dueSoon: Bool { rule.isDueSoon(elapsed: elapsed) }
    /// Days of the rule's kind left before it falls overdue (0 when it is overdue).
    public var daysLeft: Int { max(0, rule.limit - elapsed) }
}

/// The child-level rows behind the visit indicators, from the same declarations (cohort,
/// reference day and visit rule) that compute their figures.
public enum VisitList {
    public static func children(_ extract: Extract, asAt: Day, calendar: WorkingCalendar = .englandAndWales) -> [ChildVisit] {
        children(MonthRows(extract, asAt: asAt), calendar: calendar)
    }

    public static func children(_ rows: MonthRows, calendar: WorkingCalendar = .englandAndWales) -> [ChildVisit] {
        let cohorts = Cohorts(rows: rows, calendar: calendar)
        return Catalogue.measures.flatMap { m -> [ChildVisit] in
            guard let list = m.visitList, let (missing, _) = Engine.columns(m.definitions[0], rows), missing.isEmpty else { return [] }
            return list(cohorts)
        }
    }
}
