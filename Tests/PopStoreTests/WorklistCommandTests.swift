import Foundation
import Testing
import PopCalendar
import PopMetrics
import PopStore

/// `pop due` and `pop overdue` through the real binary: no child ID without --ids (in any
/// format, to the screen or a file); with --ids a file written 0600 and headed with the marking.
@Suite(.serialized) struct WorklistCommandTests {
    func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue).map { $0 & 0o777 } ?? -1
    }

    @Test func noChildIDWithoutIdsAndAMarkedPrivateFileWithThem() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/pop.sqlite"
        #expect(try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--population", "96920"], db: db).status == 0)
        let january = YearMonth(year: 2019, month: 1)!
        let visits = try Store(path: db).visits(month: january, indicator: nil)
        let ids = Set(visits.map(\.child))
        #expect(ids.count > 500)
        let team = "Intervention & Planning Team 6"
        for command in ["due", "overdue"] {
            let kind: Worklist.Kind = command == "due" ? .dueSoon : .overdue
            let expected = visits.filter { kind.includes($0) && $0.team == team }
            #expect(!expected.isEmpty)
            for format in ["text", "csv", "json"] {
                let r = try pop([command, "--month", "2019-01", "--team", team, "--format", format], db: db)
                #expect(r.status == 0, "\(command) \(format): \(r.err)")
                let words = Set(r.out.split { !$0.isLetter && !$0.isNumber }.map(String.init))
                #expect(words.isDisjoint(with: ids), "\(command) --format \(format) shows a child ID")
                #expect(!r.out.hasPrefix("OFFICIAL-SENSITIVE") && !r.out.contains("\"marking\""))
                let out = folder + "/\(command).\(format)"
                let written = try pop([command, "--team", team, "--format", format, "--out", out], db: db)
                #expect(written.status == 0 && written.out.contains("no child IDs"))
                #expect(try mode(out) == 0o600)
                let file = try String(contentsOfFile: out, encoding: .utf8)
                #expect(Set(file.split { !$0.isLetter && !$0.isNumber }.map(String.init)).isDisjoint(with: ids))
            }
            // CSV: one row per child of the list, after the header.
            let csv = try pop([command, "--team", team, "--format", "csv"], db: db).out.split(separator: "\n")
            #expect(csv.count == expected.count + 1 && !csv[0].contains("child"))

            // With --ids: the file is 0600, headed with the marking, and names every child of the list.
            for format in ["text", "csv", "json"] {
                let out = folder + "/\(command)-ids.\(format)"
                let r = try pop([command, "--team", team, "--format", format, "--ids", "--out", out], db: db)
                #expect(r.status == 0, "\(r.err)")
                #expect(try mode(out) == 0o600)
                let file = try String(contentsOfFile: out, encoding: .utf8)
                if format == "json" {
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(file.utf8)) as? [String: Any])
                    #expect(object["marking"] as? String == "OFFICIAL-SENSITIVE: personal data")
                    #expect(file.hasPrefix("{\n  \"marking\": \"OFFICIAL-SENSITIVE: personal data\""))
                    let children = try #require(object["children"] as? [[String: Any]])
                    #expect(Set(children.compactMap { $0["child"] as? String }) == Set(expected.map(\.child)))
                } else {
                    #expect(file.hasPrefix("OFFICIAL-SENSITIVE: personal data\n"), "\(format)")
                }
                for c in expected { #expect(file.contains(c.child), "\(format): \(c.child)") }
                // An existing file is never replaced without --force.
                let again = try pop([command, "--team", team, "--format", format, "--ids", "--out", out], db: db)
                #expect(again.status == 2 && again.err.contains("--force"))
                #expect(try pop([command, "--team", team, "--format", format, "--ids", "--out", out, "--force"], db: db).status == 0)
                #expect(try mode(out) == 0o600)
            }
        }
        // A team the month does not have, and markdown, are refused.
        let unknown = try pop(["due", "--team", "Nobody's Team"], db: db)
        #expect(unknown.status == 2 && unknown.err.contains(team))
        #expect(try pop(["due", "--format", "markdown"], db: db).status == 2)
    }
}
