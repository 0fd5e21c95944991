import PopCalendar
import PopExtract

/// One social worker in post at R, as the workforce indicators count them: what a team manager
/// reads on the workforce page's drill-down (a worker's caseload and supervision).
public struct WorkerCaseload: Sendable, Equatable {
    /// workforce.csv's Team (trimmed; blank `Unallocated`).
    public let team: String
    /// The worker's name as written in workforce.csv.
    public let worker: String
    public let role: String
    /// Employed through an agency; nil when the Agency cell cannot be read (a blank is no, as
    /// `wf.agency` counts it).
    public let agency: Bool?
    /// Children allocated to the worker (as `wf.caseload` counts them); nil when the extract has
    /// none of Lists 6–9 to count them from.
    public let caseload: Int?
    /// The date of the last supervision; nil when none is recorded (or it is not known).
    public let lastSupervision: Day?
    /// Working days from the last supervision to R; nil when none is recorded or not known.
    public let workingDaysSince: Int?
    /// Supervised within 20 working days, as `wf.supervision_in_time` counts it (none recorded is
    /// not in time); nil when the column is absent or the date cannot be read.
    public let supervisionInTime: Bool?

    public init(team: String, worker: String, role: String, agency: Bool?, caseload: Int?, lastSupervision: Day?, workingDaysSince: Int?,
                supervisionInTime: Bool?) {
        self.team = team
        self.worker = worker
        self.role = role
        self.agency = agency
        self.caseload = caseload
        self.lastSupervision = lastSupervision
        self.workingDaysSince = workingDaysSince
        self.supervisionInTime = supervisionInTime
    }
}

/// The worker-level rows behind the workforce indicators, from the same cohorts (social workers
/// in post, each named once; caseloads by Allocated Worker) that compute their figures.
public enum WorkerList {
    /// A supervision is in time within this many working days of R.
    public static let supervisionLimit = 20

    public static func workers(_ extract: Extract, asAt: Day, calendar: WorkingCalendar = .englandAndWales) -> [WorkerCaseload] {
        workers(MonthRows(extract, asAt: asAt), calendar: calendar)
    }

    /// Every social worker in post at R, by team, highest caseload first, then by name. Empty
    /// when the extract has no workforce list (or it lacks a column `wf.social_workers` needs).
    public static func workers(_ rows: MonthRows, calendar: WorkingCalendar = .englandAndWales) -> [WorkerCaseload] {
        guard let def = Catalogue.definition("wf.social_workers"), let (missing, _) = Engine.columns(def, rows), missing.isEmpty else { return [] }
        let c = Cohorts(rows: rows, calendar: calendar)
        let caseloads = c.caseloads
        let supervision = rows.has(.workforce, Column.staffSupervision)
        let list = c.socialWorkers.map { m -> WorkerCaseload in
            var last: Day?, since: Int?, inTime: Bool?
            if supervision {
                switch m.lastSupervision {
                case .blank: inTime = false
                case .bad: break
                case .day(let d):
                    last = d
                    since = c.wd(d, c.asAt)
                    inTime = c.wd(d, c.asAt) <= supervisionLimit
                }
            }
            return WorkerCaseload(team: m.team, worker: m.worker, role: m.role, agency: m.agency == .bad ? nil : m.agency == .yes,
                                  caseload: caseloads.map { $0[StaffMember.nameKey(m.worker)] ?? 0 }, lastSupervision: last,
                                  workingDaysSince: since, supervisionInTime: inTime)
        }
        return list.sorted { a, b in
            if a.team != b.team { return a.team < b.team }
            if (a.caseload ?? 0) != (b.caseload ?? 0) { return (a.caseload ?? 0) > (b.caseload ?? 0) }
            return a.worker < b.worker
        }
    }
}
