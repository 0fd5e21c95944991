import PopExtract
import PopMetrics

/// A council's team-to-service file: CSV with the header `team,service`, one team a line (the
/// team as the lists' `Allocated Team` and workforce.csv's `Team` write it). A team named twice
/// is an error naming both lines, as is a line with a team but no service.
public enum TeamsFile {
    public static func read(path: String) throws(ExtractError) -> TeamServices { try read(CSVFile(path: path)) }

    /// A teams file held in memory (the demo's).
    public static func parse(name: String, text: String) throws(ExtractError) -> TeamServices { try read(CSVBytes(Array(text.utf8), name: name)) }

    public static func read(_ source: some RecordSource) throws(ExtractError) -> TeamServices {
        let name = source.name
        let t = try ReferenceFiles.table(source)
        try ReferenceFiles.require(t.header, ["team", "service"], file: name)
        var entries: [TeamServices.Entry] = []
        var seen: [String: Int] = [:]
        for (line, c) in t.rows {
            let team = c["team"] ?? "", service = c["service"] ?? ""
            if team.isEmpty && service.isEmpty { continue }
            guard !team.isEmpty else { throw ExtractError(file: name, line: line, column: "team", message: "a service with no team") }
            guard !service.isEmpty else { throw ExtractError(file: name, line: line, column: "service", message: "\(team) has no service") }
            // Names compare as the grouping compares them: case and runs of spaces aside.
            let key = Codes.normalise(team)
            if let first = seen[key] {
                throw ExtractError(file: name, line: line, column: "team", message: "\(team) is named twice (first on line \(first))")
            }
            seen[key] = line
            entries.append(TeamServices.Entry(team: team, service: service))
        }
        return TeamServices(entries)
    }
}
