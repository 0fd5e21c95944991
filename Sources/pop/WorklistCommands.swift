import ArgumentParser
import PopApp
import PopCalendar
import PopMetrics
import PopPage

/// Options `pop due` and `pop overdue` share.
struct WorklistOptions: ParsableArguments {
    @Option(name: .long, help: "The month (YYYY-MM; default the latest stored).") var month: YearMonth?
    @Option(name: .long, help: "One team (its Allocated Team as the extract has it); default every team.") var team: String?
    @Option(name: .long, help: "text, csv or json.") var format: OutputFormat = .text
    @Flag(name: .long, help: "Show child IDs; the list is then headed OFFICIAL-SENSITIVE: personal data.") var ids = false
    @Option(name: .long, help: "Write to this file (created readable by you only) instead of standard output.") var out: String?
    @Flag(name: .long, help: "With --out: replace an existing file.") var force = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard format == .text || format == .csv || format == .json else {
            throw ValidationError("--format must be text, csv or json, not \(format.rawValue)")
        }
        if force && out == nil { throw ValidationError("--force only goes with --out") }
    }

    func run(_ kind: Worklist.Kind) throws {
        let report = try WorklistReport.load(try store.openOrBuildDemo(), kind: kind, month: month, team: team)
        if let out {
            try report.write(format, ids: ids, to: out, force: force)
            Output.standardOutput("wrote \(report.children.count) \(kind == .dueSoon ? "due soon" : "overdue") to \(out) (readable by you only"
                                  + (ids ? "; child IDs, marked \(WorklistText.marking))\n" : "; no child IDs)\n"))
        } else {
            Output.standardOutput(report.render(format, ids: ids))
        }
    }
}

struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Children whose visit falls due within the next 5 working days (CP, CIN, CiC), by team and worker, soonest first.")
    @OptionGroup var options: WorklistOptions

    func run() throws { try options.run(.dueSoon) }
}

struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Children whose visit is overdue (CP, CIN, CiC), by team and worker, most overdue first.")
    @OptionGroup var options: WorklistOptions

    func run() throws { try options.run(.overdue) }
}
