import PopCalendar
import PopExtract
import PopMetrics

/// The words of a service page's tables (breakdowns by month, the quality-assurance grid, the
/// workforce's teams) and of a team's workers: the dashboard's screens and exports share them.
extension Words {
    public enum PageHeading {
        public static let ytd = "YTD"
        public static let total = "Total"
        public static let grade = "Grade"
        public static let socialWorkers = "Social workers"
        public static let agency = "Agency"
        public static let supervision = "Supervision"
        public static let caseload = "Caseload"
        public static let role = "Role"
        public static let lastSupervision = "Last supervision"
        public static let workingDays = "Working days"
        public static let workers = "Workers"
    }

    /// The table of a service's monthly flows beside their year to date (contacts, referrals,
    /// Early Help assessments started): the pack's "YTD | Jan | Dec | Nov".
    public static let flowsTitle = "Year to date and by month"

    /// "Early Help assessments started by organisation".
    public static func byTeamTitle(_ d: IndicatorDefinition) -> String { "\(d.title) by \(teamNoun(d))" }

    /// What an indicator's team rows are: a team, an organisation, a service area or a domain.
    public static func teamNoun(_ d: IndicatorDefinition) -> String {
        switch d.teamColumn?.column {
        case Column.ehOrganisation: "organisation"
        case Column.auditServiceArea: "service area"
        case Column.auditDomain: "domain"
        default: "team"
        }
    }

    /// The quality-assurance grid: service area × grade × the last six stored months.
    public static let auditGridTitle = "Audit grades by service area"

    /// The domain table under it: "Domain grades, January 2019".
    public static func domainsTitle(_ m: YearMonth) -> String { "Domain grades, \(monthName(m))" }

    /// Under a service page longer than the window: "▲ 3 lines above · ▼ 12 more lines below".
    public static func pageScrolled(above: Int, below: Int, marks: Marks) -> String {
        func lines(_ n: Int, _ more: String) -> String { "\(Display.grouped(n)) \(more)line\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if above > 0 { parts.append("\(marks.up) \(lines(above, "")) above") }
        if below > 0 { parts.append("\(marks.down) \(lines(below, "more ")) below") }
        return parts.joined(separator: " \(marks.dot) ")
    }

    /// The workforce page's table of teams (services, when a teams file groups them).
    public static let workforceTeamsTitle = "Teams and services"

    /// A grade as the council's QA dashboard heads it ("RI").
    public static func gradeShort(_ g: AuditGrade) -> String {
        switch g {
        case .outstanding: "Outstanding"
        case .good: "Good"
        case .ri: "RI"
        case .inadequate: "Inadequate"
        case .not_graded: "Not graded"
        }
    }

    /// How a worker's supervision stands: "in time", "overdue", "none recorded", or "not known"
    /// (the column is absent, or its date cannot be read).
    public static func supervision(_ w: WorkerCaseload) -> String {
        switch (w.supervisionInTime, w.lastSupervision) {
        case (true?, _): "in time"
        case (false?, nil): "none recorded"
        case (false?, _): "overdue"
        case (nil, _): "not known"
        }
    }

    /// "agency" for an agency worker, "" for an employee, "?" when the cell could not be read.
    public static func agency(_ w: WorkerCaseload) -> String { w.agency.map { $0 ? "agency" : "" } ?? "?" }

    public static let workerNamesNotExported = "Worker names are not exported."

    /// Why a month's workers cannot be shown: it was imported before pop kept them.
    public static let workersNotKept = "this month was imported before pop kept worker lists: import it again to see its workers"

    public static let workersNotRead = "The workers have not been read."

    public static let noSocialWorkers = "No social workers in post here this month."

    /// A list read from the store on demand, while it is read and when it cannot be.
    public static func reading(_ list: String) -> String { "Reading the \(list) …" }
    public static func couldNotRead(_ list: String, _ why: String) -> String { "The \(list) could not be read: \(why)" }

    /// The footer's note on the workforce page: how supervision counts.
    public static var supervisionNote: String { "supervision in time: within \(WorkerList.supervisionLimit) working days" }
}
