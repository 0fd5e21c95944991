import ArgumentParser
import PopCalendar
import PopExtract
import PopMetrics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Pop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pop",
        abstract: "Children's services performance on a page, from Annex A extracts.",
        subcommands: [Dashboard.self, Present.self, Report.self, Import.self, Metrics.self, Comment.self, Targets.self, PopulationCommand.self, Benchmarks.self,
                      Settings.self, Indicators.self, DemoCommand.self, Bench.self],
        defaultSubcommand: Dashboard.self
    )
}

/// Unusable input: a message on standard error and exit status 2.
struct UnusableInput: Error, CustomStringConvertible {
    let description: String
}

func fail(_ message: String) -> ExitCode {
    FileHandleOutput.standardError("pop: " + message + "\n")
    return ExitCode(2)
}

enum FileHandleOutput {
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
        let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
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

func readTextFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes += buf[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Options shared by commands that compute a snapshot from an extract folder.
struct ExtractOptions: ParsableArguments {
    @Option(name: .long, help: "The extract folder (Annex A list1.csv … list9.csv, yot.csv).")
    var extract: String

    @Option(name: .customLong("as-at"), help: "The reporting date R (yyyy-mm-dd or dd/mm/yyyy).")
    var asAt: String

    @Option(name: .long, help: "Children aged 0–17, for rates per 10,000.")
    var population: Int?

    @Option(name: .customLong("population-10-17"), help: "Young people aged 10–17, for youth offending rates per 100,000.")
    var population10to17: Int?

    @Option(name: .long, help: "A targets file (see docs/targets.md).")
    var targets: String?

    @Option(name: .customLong("bank-holidays"), help: "A gov.uk bank-holidays.json adding announced days to the built-in calendar.")
    var bankHolidays: String?

    /// Reads and computes; throws an `UnusableInput` with a message for anything unusable.
    func snapshot() throws -> Snapshot { try snapshotAndRows().snapshot }

    /// The snapshot, and how many data rows the extract's lists held.
    /// `--as-at` as a day.
    func reportingDate() throws -> Day {
        guard case .day(let day) = DateParser.parse(asAt) else {
            throw UnusableInput(description: "--as-at \"\(asAt)\" is not a date (use yyyy-mm-dd or dd/mm/yyyy)")
        }
        return day
    }

    func snapshotAndRows() throws -> (snapshot: Snapshot, rows: Int) {
        let day = try reportingDate()
        var calendar = WorkingCalendar.englandAndWales
        if let bankHolidays {
            guard let text = readTextFile(bankHolidays) else { throw UnusableInput(description: "\(bankHolidays): cannot be read") }
            do { calendar = WorkingCalendar(extraHolidays: try BankHolidayFile.englandAndWalesDays(json: text)) } catch {
                throw UnusableInput(description: "\(bankHolidays): \(error)")
            }
        }
        var targetSet = TargetSet()
        if let targets {
            do { targetSet = try TargetSet.read(path: targets) } catch { throw UnusableInput(description: error.description) }
        }
        for (name, v) in [("--population", population), ("--population-10-17", population10to17)] {
            if let v, v <= 0 { throw UnusableInput(description: "\(name) must be a positive number of children") }
        }
        var sources: [String] = []
        if population != nil { sources.append("0–17 from --population") }
        if population10to17 != nil { sources.append("10–17 from --population-10-17") }
        let pop = Population(age0to17: population, age10to17: population10to17,
                             source: sources.isEmpty ? "missing: give --population for rates" : sources.joined(separator: "; "))
        // Streamed: only what R's figures need is kept, so memory follows the open cases.
        var rows = MonthRows(asAt: day)
        do { try ExtractReader.read(folder: extract, asAt: day, into: &rows) } catch { throw UnusableInput(description: error.description) }
        if !ListKind.allCases.contains(where: rows.supplies) {
            throw UnusableInput(description: "\(extract): no Annex A lists found (expected list1.csv … list9.csv or yot.csv)")
        }
        return (Engine.compute(rows, population: pop, calendar: calendar, targets: targetSet), rows.rowsRead)
    }
}

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every indicator of one extract as at a date (JSON or CSV on standard output).")

    @OptionGroup var options: ExtractOptions

    @Option(name: .long, help: "json or csv.")
    var format: String = "json"

    func run() throws {
        guard format == "json" || format == "csv" else { throw fail("--format must be json or csv, not \"\(format)\"") }
        let snapshot: Snapshot
        do { snapshot = try options.snapshot() } catch let e as UnusableInput { throw fail(e.description) }
        if snapshot.population.isMissing {
            FileHandleOutput.standardError("pop: no population given: rates are printed without a value (use --population)\n")
        }
        FileHandleOutput.standardOutput(format == "json" ? MetricsOutput.json(snapshot) : MetricsOutput.csv(snapshot))
    }
}
