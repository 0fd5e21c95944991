import PopCalendar
import PopExtract

/// One child in a visit-timeliness list: what a team manager acts on.
public struct ChildVisit: Sendable, Equatable {
    /// `cp.visits_in_time`, `cin.visits_in_time` or `cla.visits_in_time`.
    public let indicator: String
    public let team: String
    public let worker: String
    public let child: String
    public let start: Day
    /// The last visit (or time seen) on this episode; nil when none is recorded.
    public let lastVisit: Day?
    /// Working days (CP, CIN) or calendar days (children in care) since the last visit, or since
    /// the start when none is recorded.
    public let elapsed: Int
    /// The limit in the same unit: 10 or 20 working days, 42 days.
    public let limit: Int
    public let workingDays: Bool

    public init(indicator: String, team: String, worker: String, child: String, start: Day, lastVisit: Day?, elapsed: Int, limit: Int,
                workingDays: Bool) {
        self.indicator = indicator
        self.team = team
        self.worker = worker
        self.child = child
        self.start = start
        self.lastVisit = lastVisit
        self.elapsed = elapsed
        self.limit = limit
        self.workingDays = workingDays
    }

    public var inTime: Bool { elapsed <= limit }
    public var overdueBy: Int { max(0, elapsed - limit) }
}

/// The child-level rows behind the visit indicators, exactly as the engine counts them.
public enum VisitList {
    public static func children(_ extract: Extract, asAt: Day, calendar: WorkingCalendar = .englandAndWales) -> [ChildVisit] {
        children(MonthRows(extract, asAt: asAt), calendar: calendar)
    }

    public static func children(_ rows: MonthRows, calendar: WorkingCalendar = .englandAndWales) -> [ChildVisit] {
        let asAt = rows.asAt
        let c = Cohorts(rows: rows, calendar: calendar)
        var out: [ChildVisit] = []
        func add(_ id: String, _ child: String, _ team: String, _ worker: String, _ start: DateField, _ visit: DateField, limit: Int, workingDays: Bool) {
            guard let s = start.day, let ref = Catalogue.reference(visit, start: s) else { return }
            let elapsed = workingDays ? c.wd(ref, asAt) : asAt - ref
            let last: Day? = if case .day(let v) = Cohorts.sinceStart(visit, s) { v } else { nil }
            out.append(ChildVisit(indicator: id, team: team, worker: worker, child: child, start: s, lastVisit: last,
                                  elapsed: elapsed, limit: limit, workingDays: workingDays))
        }
        if rows.supplies(.list7) {
            for p in c.protectionPlansOpen { add("cp.visits_in_time", p.child, p.team, p.worker, p.start, p.lastVisit, limit: 10, workingDays: true) }
        }
        if rows.supplies(.list6) {
            for e in c.childInNeedPlans { add("cin.visits_in_time", e.child, e.team, e.worker, e.start, e.lastSeen, limit: 20, workingDays: true) }
        }
        if rows.supplies(.list8) {
            for ch in c.childrenInCareOpen { add("cla.visits_in_time", ch.child, ch.team, ch.worker, ch.started, ch.lastVisit, limit: 42, workingDays: false) }
        }
        return out
    }
}
