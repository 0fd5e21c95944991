import PopCalendar
import PopMetrics
import PopPage
import PopStore

/// `pop due` and `pop overdue`: the team manager's worklist of a stored month, read from the
/// visit lists stored with it (the same lists, rules and due dates the dashboard shows).
public struct WorklistReport {
    public let heading: WorklistHeading
    public let children: [ChildVisit]

    /// The month's list (the latest stored month when nil), for one team or every team. A team
    /// the month's visit lists do not name is an error listing those they do.
    public static func load(_ store: Store, kind: Worklist.Kind, month: YearMonth?, team: String?) throws(PopError) -> WorklistReport {
        let months = try storing("reading the stored months") { try store.months() }
        guard let latest = months.last else { throw PopError(.notFound, "the database holds no months yet: use pop import") }
        let wanted = month ?? latest
        guard months.contains(wanted) else {
            throw PopError(.notFound, "\(wanted) is not stored; stored months: \(months.map(\.description).joined(separator: ", "))")
        }
        return try storing("reading the visit lists of \(wanted)") {
            guard let stored = try store.month(wanted) else { throw PopError(.store, "\(wanted) could not be read") }
            let all = try store.visits(month: wanted, indicator: nil)
            if let team, !all.contains(where: { $0.team == team }) {
                let teams = Set(all.map(\.team)).sorted()
                throw PopError(.notFound, "no team \"\(team)\" in the visit lists of \(wanted)"
                               + (teams.isEmpty ? " (they are empty)" : "; teams: " + teams.joined(separator: ", ")))
            }
            let mine = team.map { t in all.filter { $0.team == t } } ?? all
            let council = try store.setting(.council) ?? ""
            let heading = WorklistHeading(council: try store.councilName() ?? (council.isEmpty ? "Council" : council), asAt: stored.snapshot.asAt,
                                          kind: kind, team: team, demo: try store.isDemo())
            return WorklistReport(heading: heading, children: Worklist.byTeamAndWorker(mine, kind))
        }
    }

    /// The list in a format; child IDs only with `ids`, the output then headed with the marking.
    public func render(_ format: OutputFormat, ids: Bool) -> String { WorklistText.render(format, heading, children, ids: ids) }

    /// Writes the list to `path` through `SafeFile`: created 0600, never over an existing file
    /// unless `force`.
    public func write(_ format: OutputFormat, ids: Bool, to path: String, force: Bool) throws(PopError) {
        try SafeFile.write(render(format, ids: ids), to: path, force: force)
    }
}
