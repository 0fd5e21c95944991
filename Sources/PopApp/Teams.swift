import PopExtract
import PopPage
import PopMetrics
import PopReference
import PopStore

/// The council's team-to-service file: read and checked whole before it replaces the one stored.
/// Services pool their teams' figures (the workforce's caseloads, the QA service areas, the
/// services holding children in care).
public enum TeamsImport {
    /// Reads `file` and stores it; returns what it held, in words.
    public static func run(_ file: String, into store: Store) throws(PopError) -> String {
        let groups: TeamServices
        do { groups = try TeamsFile.read(path: file) } catch { throw .unusable(error) }
        try storing("storing the teams") { try store.setTeamServices(groups) }
        return "loaded \(groups.entries.count) teams in \(groups.services.count) services from \(file)"
    }

    /// The stored file as CSV text (`team,service`), or nil when none is stored.
    public static func csv(_ store: Store) throws(PopError) -> String? {
        let groups = try storing("reading the teams") { try store.teamServices() }
        guard !groups.isEmpty else { return nil }
        return "team,service\n" + groups.entries.map { CSVText.field($0.team) + "," + CSVText.field($0.service) + "\n" }.joined()
    }
}
