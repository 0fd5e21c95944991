import ArgumentParser
import PopApp
import PopPage

/// `pop teams`: which service each team belongs to, stored for the pages that pool teams.
struct Teams: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The council's teams grouped into services (a team,service file).",
                                                     subcommands: [ImportTeams.self, ShowTeams.self])

    struct ImportTeams: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Check and store a team,service file; it replaces the one stored.",
            discussion: "Services pool their teams: a service's caseload is all its teams' children over all its teams' social workers.")
        @Argument var file: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            Output.standardOutput(Words.visible(try TeamsImport.run(file, into: store.open())) + "\n")
        }
    }

    struct ShowTeams: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the stored team,service file.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            Output.standardOutput(Words.visible(try TeamsImport.csv(store.open()) ?? "no teams file stored (pop teams import FILE)\n"))
        }
    }
}
