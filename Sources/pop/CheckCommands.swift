import ArgumentParser
import PopApp
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopStore

/// `pop check`: the data team's list of what to fix in an extract, grouped.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List an extract's data-quality problems grouped by list, column and kind, with the indicators each affects.",
        discussion: "Exit status 0 when the extract is clean, 1 when problems were found, 2 when it cannot be used.")

    @Argument(help: "The extract: an Annex A workbook (.xlsx) or a folder of list1.csv … yot.csv.") var extract: String
    @Option(name: .customLong("as-at"), help: "The reporting date R.") var asAt: Day
    @Option(name: .long, help: "text, csv or json.") var format: OutputFormat = .text
    @Option(name: .long, help: "A codes file mapping the council's own spellings.") var codes: String?

    func validate() throws {
        guard format == .text || format == .csv || format == .json else { throw ValidationError("--format must be text, csv or json") }
    }

    func run() throws {
        let rows = try Inputs.monthRows(extract: extract, asAt: asAt, options: ReadOptions(codes: try Inputs.codes(codes)))
        let snapshot = Engine.compute(rows, population: Population())
        let groups = DataQualityReport.groups(snapshot.dataQuality, unavailable: snapshot.unavailable)
        let source = FilePath.lastComponent(extract)
        switch format {
        case .csv: Output.standardOutput(DataQualityText.csv(groups))
        case .json: Output.standardOutput(DataQualityText.json(groups, source: source))
        default: Output.standardOutput(DataQualityText.text(groups, source: source))
        }
        if !groups.isEmpty { throw ExitCode(1) }
    }
}

/// `pop codes`: the council's codes file, stored for imports and the dashboard.
struct Codes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A codes file mapping the council's own spellings onto pop's codes.",
                                                     subcommands: [ImportCodes.self, ShowCodes.self])

    struct ImportCodes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Check and store a codes file (column,value,code); it replaces the one stored.")
        @Argument var file: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let map = try Inputs.codes(file)
            let db = try store.open()
            try storing("storing the codes") { try db.setCodes(map.entries) }
            Output.standardOutput("loaded \(map.entries.count) code mappings from \(file); imports apply them from now on\n")
        }
    }

    struct ShowCodes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the stored codes file.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            Output.standardOutput(Words.visible(try storing("reading the codes") { try db.codesCSV() } ?? "no codes file stored (pop codes import FILE)\n"))
        }
    }
}

/// `pop months`: every stored month and each of its imports.
struct Months: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the stored months, each import with its time, source and version.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        let versions = try storing("reading the imports") { try db.versions() }
        guard !versions.isEmpty else {
            Output.standardOutput("no months stored yet (pop import)\n")
            return
        }
        var out = "month     version  shown  imported              figures  notes  pop   source\n"
        for v in versions {
            out += "\(v.month)  " + Display.padLeft(String(v.version), 7) + "  " + (v.current ? "  yes" : "     ") + "  "
                + Display.padRight(v.importedAt, 20) + Display.padLeft(String(v.figures), 9) + Display.padLeft(String(v.notes), 7)
                + "  " + Display.padRight(v.popVersion, 5) + " " + v.source + "\n"
        }
        Output.standardOutput(Words.visible(out))
    }
}

/// `pop restore`: brings an earlier import of a month back.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Make an earlier import of a month the one shown (pop months lists them).")
    @Argument(help: "The month (YYYY-MM).") var month: YearMonth
    @Argument(help: "The version to bring back.") var version: Int
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        try storing("restoring \(month)") { try db.restore(month, version: version) }
        Output.standardOutput("\(Words.monthName(month)) now shows import \(version)\n")
    }
}

/// `pop workbook`: an extract folder saved as one Annex A workbook, as a council sends it.
struct Workbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save an extract folder (list1.csv … yot.csv) as one Annex A workbook: a sheet per list, dates as Excel dates.",
        discussion: "pop workbook Fixtures/demo/2019-01 --out Annex_A.xlsx gives the demo's January as a council's workbook.")

    @Argument(help: "The extract folder.") var folder: String
    @Option(name: .long, help: "The workbook to write (.xlsx).") var out: String
    @Flag(name: .customLong("date1904"), help: "Count dates from 1904, as old Mac Excel did.") var date1904 = false
    @Flag(name: .long, help: "Replace a file that exists already.") var force = false

    func run() throws {
        let written = try ExtractWorkbook.write(folder: folder, to: out, force: force, date1904: date1904)
        Output.standardOutput("wrote \(out): \(written.sheets) sheets, \(written.rows) data rows\n")
    }
}
