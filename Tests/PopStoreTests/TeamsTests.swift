import Foundation
import Testing
import PopApp
import PopDemo
import PopMetrics
import PopReference
@testable import PopStore

/// The council's team-to-service file: checked whole, stored, replaced, read back; and through
/// `pop teams`.
@Suite(.serialized) struct TeamsTests {
    @Test func storedAndReplaced() throws {
        let store = try Store(path: temporaryFolder() + "/pop.sqlite")
        #expect(try store.teamServices().isEmpty)
        let first = try TeamsFile.parse(name: "teams.csv", text: "team,service\nDAT 1,Duty and Assessment\nDAT 2,Duty and Assessment\nIP 1,Intervention\n")
        try store.setTeamServices(first)
        #expect(try store.teamServices() == first)
        #expect(try store.teamServices().services == ["Duty and Assessment", "Intervention"])
        let second = try TeamsFile.parse(name: "teams.csv", text: "Team,Service\n\"Onwards & Upwards\",\"Onwards and Upwards\"\n")
        try store.setTeamServices(second)
        #expect(try store.teamServices().entries == [TeamServices.Entry(team: "Onwards & Upwards", service: "Onwards and Upwards")])
    }

    @Test func badFilesAreRefusedNamingTheLine() {
        for (text, line, column) in [("team,service\nA,X\n a ,Y\n", 3, "team"), ("team,service\nA,\n", 2, "service"), ("team\nA\n", 1, "service")] {
            do {
                _ = try TeamsFile.parse(name: "teams.csv", text: text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.file == "teams.csv" && error.line == line && error.column == column, "\(error)")
            }
        }
    }

    @Test func theDemoDatabaseHasTheDemosTeams() throws {
        let store = try Store(path: temporaryFolder() + "/pop.sqlite")
        try DemoDatabase.build(into: store) { _ in }
        let teams = try store.teamServices()
        #expect(teams.service(of: "Duty & Assessment Team 3") == "Duty and Assessment")
        #expect(teams.service(of: "REACH") == "REACH")
        #expect(teams == (try TeamsFile.parse(name: "teams.csv", text: DemoBorough.teamsCSV)))
    }

    @Test func importAndShowFromTheCommandLine() throws {
        let folder = temporaryFolder(), db = folder + "/pop.sqlite"
        let file = folder + "/teams.csv"
        try "team,service\nA Team,A Service\nB Team,A Service\n".write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try pop(["teams", "import", file, "--db", db], db: db)
        #expect(imported.status == 0 && imported.out.contains("loaded 2 teams in 1 services"), "\(imported.err)")
        let shown = try pop(["teams", "show", "--db", db], db: db)
        #expect(shown.status == 0 && shown.out == "team,service\nA Team,A Service\nB Team,A Service\n")
        try "team,service\nA Team,X\nA Team,Y\n".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try pop(["teams", "import", file, "--db", db], db: db)
        #expect(refused.status == 2 && refused.err.contains("line 3") && refused.err.contains("named twice"), "\(refused.err)")
        // The stored file is the first one still.
        #expect(try pop(["teams", "show", "--db", db], db: db).out.contains("B Team"))
    }
}
