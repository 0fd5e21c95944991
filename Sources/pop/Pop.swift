import ArgumentParser
import PopApp
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The commands: each parses its arguments, calls the modules (PopApp above all) and prints.
@main
struct Pop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pop",
        abstract: "Children's services performance on a page, from Annex A extracts.",
        subcommands: [Dashboard.self, Present.self, Report.self, Import.self, Check.self, Months.self, Restore.self, Metrics.self, Comment.self,
                      Targets.self, PopulationCommand.self, Benchmarks.self, Codes.self, Teams.self, Settings.self, Indicators.self, Workbook.self, DemoCommand.self,
                      Bench.self, PackCommand.self, Due.self, Overdue.self],
        defaultSubcommand: Dashboard.self
    )

    /// Parses and runs; an argument pop cannot use is unusable input (exit 2, as the data
    /// contract says of `pop metrics`), a `PopError` exits with its own status.
    static func main() {
        // A reader that goes away (stderr piped to `head`) is a failed write, not a kill in the
        // middle of building the demo database.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as PopError {
            Output.standardError("pop: " + Words.visible(e.message) + "\n")
            Glibc.exit(e.exitStatus)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.standardError(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Everything pop prints goes through here.
enum Output {
    static func standardError(_ s: String) { writeAll(2, s) }

    static func standardOutput(_ s: String) { writeAll(1, s) }

    /// Writes every byte to a file descriptor (Swift 6 rejects the C `stdout` global).
    static func writeAll(_ fd: Int32, _ s: String) {
        var s = s
        _ = s.withUTF8 { writeFully(fd, UnsafeRawBufferPointer($0)) }
    }
}

/// Writes every byte, however many calls `write` takes; false when it fails.
func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var done = 0
    while done < bytes.count {
        // SAFETY: done < bytes.count, so the pointer and length stay inside `bytes`.
        let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
    }
    return true
}

#if canImport(Glibc)
let systemWrite = Glibc.write
#else
let systemWrite = Darwin.write
#endif

extension Day: ExpressibleByArgument {
    /// `yyyy-mm-dd` or `dd/mm/yyyy`.
    public init?(argument: String) {
        guard case .day(let d) = DateParser.parse(argument) else { return nil }
        self = d
    }
}

extension YearMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension IndicatorID: ExpressibleByArgument {
    public init?(argument: String) {
        guard Catalogue.definition(IndicatorID(argument)) != nil else { return nil }
        self.init(argument)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension NeighbourStatistic: ExpressibleByArgument {}

/// Options shared by commands that compute a snapshot from an extract.
struct ExtractOptions: ParsableArguments {
    @Option(name: .long, help: "The extract: an Annex A workbook (.xlsx), or a folder of list1.csv … list9.csv and yot.csv.")
    var extract: String

    @Option(name: .customLong("as-at"), help: "The reporting date R (yyyy-mm-dd or dd/mm/yyyy).")
    var asAt: Day

    @Option(name: .long, help: "Children aged 0–17, for rates per 10,000.")
    var population: Int?

    @Option(name: .customLong("population-10-17"), help: "Young people aged 10–17, for youth offending rates per 100,000.")
    var population10to17: Int?

    @Option(name: .long, help: "A targets file (see docs/targets.md).")
    var targets: String?

    @Option(name: .customLong("bank-holidays"), help: "A gov.uk bank-holidays.json adding announced days to the built-in calendar.")
    var bankHolidays: String?

    @Option(name: .long, help: "A codes file (column,value,code) mapping the council's own spellings onto pop's codes.")
    var codes: String?

    @Flag(name: .long, help: "Refuse an extract whose lists lack a column an indicator needs (otherwise those indicators are unavailable).")
    var strict = false

    var readOptions: ReadOptions { get throws(PopError) { ReadOptions(codes: try Inputs.codes(codes)) } }

    /// Reads and computes, streamed: only what R's figures need is kept.
    func snapshotAndRows() throws(PopError) -> (snapshot: Snapshot, rows: Int) {
        let calendar = try Inputs.calendar(bankHolidays: bankHolidays)
        let targetSet = try Inputs.targets(targets)
        let pop = try PopulationSource.resolve(age0to17: population, age10to17: population10to17, asAt: asAt, store: nil)
        let rows = try Inputs.monthRows(extract: extract, asAt: asAt, options: try readOptions)
        let snapshot = Engine.compute(rows, population: pop, calendar: calendar, targets: targetSet)
        if strict { try Inputs.checkStrict(snapshot) }
        return (snapshot, rows.rowsRead)
    }
}

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every indicator of one extract as at a date (JSON or CSV on standard output).")

    @OptionGroup var options: ExtractOptions

    @Option(name: .long, help: "json or csv.")
    var format: OutputFormat = .json

    @Flag(name: .long, help: "Name children (Child Unique ID) and workers in the data-quality list; without it their IDs and names are hidden.")
    var ids = false

    func validate() throws {
        guard format == .json || format == .csv else { throw ValidationError("--format must be json or csv, not \(format.rawValue)") }
    }

    func run() throws {
        let snapshot = try options.snapshotAndRows().snapshot
        if snapshot.population.isMissing {
            Output.standardError("pop: no population given: rates are printed without a value (use --population)\n")
        }
        for u in snapshot.unavailable { Output.standardError("pop: \(u.id)\(u.teamRowsOnly ? " (team rows)" : ""): " + Words.visible(Words.unavailable(u)) + "\n") }
        Output.standardOutput(format == .json ? MetricsOutput.json(snapshot, childIDs: ids) : MetricsOutput.csv(snapshot))
    }
}
