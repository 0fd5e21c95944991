import ArgumentParser
import PopApp
import PopCalendar
import PopExtract
import PopMetrics
import PopPack
import PopPage
import PopReference
import PopStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func environment() -> [String: String] {
    var env: [String: String] = [:]
    for key in ["POP_DB", "XDG_DATA_HOME", "HOME"] {
        if let v = getenv(key) { env[key] = String(cString: v) }
    }
    return env
}

/// `--db PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database (default: $POP_DB, else $XDG_DATA_HOME/pop/pop.sqlite, else ~/.local/share/pop/pop.sqlite).")
    var db: String?

    /// Where the database is; with no --db, POP_DB, XDG_DATA_HOME or HOME, there is nowhere.
    var path: String {
        get throws(PopError) {
            guard let p = Store.location(explicit: db, environment: environment()) else {
                throw PopError(.unusableInput, "no database location: give --db FILE, or set POP_DB (HOME is not set)")
            }
            return p
        }
    }

    func open() throws(PopError) -> Store { try Database.open(path) }

    /// The store, built from the bundled demo first when there is no database file yet.
    func openOrBuildDemo() throws(PopError) -> Store {
        try Database.openOrBuildDemo(path) { Output.standardError("pop: \($0)\n") }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an extract, compute its month and store it (all or nothing; a stored month is replaced).")

    @Argument(help: "The extract: an Annex A workbook (.xlsx) or a folder of list1.csv … yot.csv.") var extract: String
    @Option(name: .customLong("as-at"), help: "The reporting date R.") var asAt: Day
    @Option(name: .long, help: "Children aged 0–17 (default: the stored ONS estimate for the council).") var population: Int?
    @Option(name: .customLong("population-10-17"), help: "Young people aged 10–17.") var population10to17: Int?
    @Option(name: .long, help: "A codes file mapping the council's spellings (default: the one stored with pop codes import).") var codes: String?
    @Flag(name: .long, help: "Refuse an extract whose lists lack a column an indicator needs (otherwise those indicators are unavailable).") var strict = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try MonthImport.run(extract: extract, asAt: asAt, population: population, population10to17: population10to17, codes: codes,
                                         strict: strict, store: store.path)
        Output.standardOutput(result.summary + "\n")
        for warning in result.warnings { Output.standardError("pop: " + Words.visible(warning) + "\n") }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The performance page of a stored month, for board papers and scripts; xlsx for analysts.",
        discussion: """
            Text is laid out for --width characters (default: the terminal's width, 100 without one). --out writes a file \
            readable by you only instead of printing (xlsx needs it); an existing file is replaced only with --force.
            """)

    @Option(name: .long, help: "The month (YYYY-MM; default the latest stored).") var month: YearMonth?
    @Option(name: .long, help: "text, markdown, csv, json or xlsx (a workbook: give --out).") var format: OutputFormat = .text
    @Flag(name: .long, help: "Include team rows (the workbook always has them).") var teams = false
    @Option(name: .long, help: "Lay text out for this many characters (default: the terminal's width, 100 without one).") var width: Int?
    @Option(name: .long, help: "Write the report to this file (0600) instead of standard output; required for xlsx.") var out: String?
    @Flag(name: .long, help: "With --out: replace a file that already exists.") var force = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx writes a workbook: give --out FILE.xlsx") }
        if force && out == nil { throw ValidationError("--force is for --out: give --out FILE") }
        if let width, width < ReportText.minimumWidth { throw ValidationError("--width must be at least \(ReportText.minimumWidth)") }
    }

    func run() throws {
        // A file that is there already is refused before the database is opened (or built).
        if let out, !force, SafeFile.exists(out) {
            throw PopError(.unusableInput, "\(out): it exists already; pop does not replace a file without --force")
        }
        let db = try store.openOrBuildDemo()
        if format == .xlsx, let out {
            let wanted = try month ?? latestMonth(db)
            let data = try PackLoader.load(db, month: wanted, dataQuality: true)
            let bytes: [UInt8]
            do { bytes = try ReportWorkbook.bytes(data, month: wanted) } catch {
                throw PopError(.unusableInput, "\(out): the workbook could not be made (\(error))")
            }
            try SafeFile.write(bytes, to: out, force: force)
            Output.standardOutput("wrote \(out): \(Words.packTitle(council: data.council, month: wanted))\n")
            return
        }
        let page = try ReportPage.load(db, month: month, teams: teams, dataQuality: format == .json)
        guard let text = page.render(format, width: width ?? terminalWidth(1) ?? ReportText.defaultWidth) else { return }
        if let out {
            try SafeFile.write(text, to: out, force: force)
            Output.standardOutput("wrote \(out)\n")
        } else {
            Output.standardOutput(text)
        }
    }

    func latestMonth(_ db: Store) throws(PopError) -> YearMonth {
        guard let latest = try storing("reading the stored months", { try db.months() }).last else {
            throw PopError(.notFound, "the database holds no months yet: use pop import")
        }
        return latest
    }
}

/// The width of the terminal on a file descriptor (ioctl TIOCGWINSZ); nil when it is not a
/// terminal or says nothing.
func terminalWidth(_ fd: Int32) -> Int? {
    guard isatty(fd) != 0 else { return nil }
    var size = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

struct Comment: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set the month's commentary (\"Data Comments\") for an indicator; empty text removes it.")

    @Argument(help: "The indicator id (pop indicators lists them).") var indicator: IndicatorID
    @Argument(help: "The commentary.") var text: String
    @Option(name: .long, help: "The month (YYYY-MM).") var month: YearMonth
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard text.count <= Words.commentLimit else {
            throw ValidationError("the comment is \(text.count) characters; a month's comment on an indicator takes at most \(Words.commentLimit)")
        }
    }

    func run() throws {
        let db = try store.openOrBuildDemo()
        guard try storing("reading the stored months", { try db.months() }).contains(month) else { throw PopError(.notFound, "\(month) is not stored") }
        try storing("saving the comment") { try db.setComment(month: month, indicator: indicator, text: text, at: Clock.now()) }
        Output.standardOutput(text.isEmpty ? "removed the comment on \(indicator) for \(month)\n" : "saved the comment on \(indicator) for \(month)\n")
    }
}

struct Targets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reference targets.", subcommands: [ImportTargets.self])

    struct ImportTargets: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Load a targets file (docs/targets.md).")
        @Argument var file: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let set = try Inputs.targets(file)
            let db = try store.open()
            try storing("storing the targets") { try db.addTargets(set.targets) }
            Output.standardOutput("loaded \(set.targets.count) targets from \(file)\n")
        }
    }
}

struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "population", abstract: "Reference populations.", subcommands: [ImportPopulation.self])

    struct ImportPopulation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Load DfE/ONS mid-year population estimates (EES CSV).")
        @Argument var file: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let estimates: [PopulationEstimate]
            do { estimates = try ReferenceFiles.populations(path: file) } catch { throw PopError.unusable(error) }
            let db = try store.open()
            try storing("storing the populations") { try db.addPopulations(estimates) }
            let councils = Set(estimates.map(\.code)).count
            Output.standardOutput("loaded \(estimates.count) estimates for \(councils) councils from \(file)\n")
        }
    }
}

struct Benchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Statistical neighbours and published benchmarks.",
                                                     subcommands: [ImportBenchmarks.self, Show.self])

    struct ImportBenchmarks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load DfE SN groupings, DfE council-level publications (EES CSV) or a typed benchmarks CSV.")
        @Argument(help: "Files: sn_model_*.csv, EES publication CSVs, or indicator,period,what,value,source files.") var files: [String]
        @OptionGroup var store: StoreOptions

        func run() throws {
            for line in try ReferenceImport.benchmarks(files, into: store.open()) { Output.standardOutput(line + "\n") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an indicator's SN mean and median, England, region and the council's rank.")
        @Argument var indicator: IndicatorID
        @OptionGroup var store: StoreOptions

        func run() throws {
            Output.standardOutput(try BenchmarkTable.text(indicator, store: store.open()))
        }
    }
}

struct Settings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which council we are, which SN figure the page shows, and the baseline month the page compares with.")
    @Option(name: .long, help: "Our council: its name (Barnet), old LA code (302) or new code (E09000003).") var council: String?
    @Option(name: .customLong("sn"), help: "mean (DfE's LAIT) or median (DfE's CSC dashboard).") var statistic: NeighbourStatistic?
    @Option(name: .long, help: "A stored month (YYYY-MM) the page shows change since (the inspection's month), or none to stop.")
    var baseline: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let baseline, baseline != "none", YearMonth(baseline) == nil {
            throw ValidationError("--baseline takes a month as YYYY-MM, or none; not \(baseline)")
        }
    }

    func run() throws {
        let db = try store.open()
        if let council {
            let outcome = try CouncilSetting.choose(council, store: db)
            if let note = outcome.note { Output.standardError("pop: \(note)\n") }
            if outcome.rederived > 0 {
                Output.standardOutput("derived \(outcome.rederived) SN and region figures for \(outcome.council.name.isEmpty ? outcome.council.code : outcome.council.name) from the stored publications\n")
            }
        }
        let line = try storing("the settings") { () throws -> String in
            if let statistic { try db.setSetting(.snStatistic, statistic.rawValue) }
            if let baseline {
                if let month = YearMonth(baseline) {
                    let months = try db.months()
                    guard months.contains(month) else {
                        let stored = months.isEmpty ? "none yet" : months.map(\.description).joined(separator: ", ")
                        throw PopError(.notFound, "\(month) is not stored, so it cannot be the baseline: import it first (stored: \(stored))")
                    }
                    try db.setSetting(.baseline, month.description)
                } else {
                    try db.removeSetting(.baseline)
                }
            }
            let code = try db.setting(.council) ?? "(not set)"
            let name = try db.councilName() ?? ""
            return "council \(code) \(name), SN \(try db.neighbourStatistic().rawValue), \(Words.baselineSetting(try db.baseline())), database \(db.path)\n"
        }
        Output.standardOutput(line)
    }
}
