import ArgumentParser
import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
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

func now() -> String {
    var t = time(nil)
    var tm = tm()
    gmtime_r(&t, &tm)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
}

/// `--db PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database (default: $POP_DB, else $XDG_DATA_HOME/pop/pop.sqlite, else ~/.local/share/pop/pop.sqlite).")
    var db: String?

    var path: String { Store.location(explicit: db, environment: environment()) }

    func open() throws -> Store {
        do { return try Store(path: path) } catch { throw fail("\(error)") }
    }

    /// The store, built from the bundled demo first when there is no database file yet. An
    /// existing database is never given demo data.
    func openOrBuildDemo() throws -> Store {
        if Store.exists(path) { return try open() }
        FileHandleOutput.standardError("pop: no database at \(path): building one from the bundled demo borough …\n")
        let store = try open()
        do { try DemoDatabase.build(into: store) { FileHandleOutput.standardError("pop:   \($0)\n") } } catch { throw fail("building the demo: \(error)") }
        FileHandleOutput.standardError("pop: the demo is ready (12 months, February 2018 – January 2019)\n")
        return store
    }
}

/// The bundled demo, built in-process: its months, targets and typed SN figures.
enum DemoDatabase {
    static func build(into store: Store, progress: (String) -> Void) throws {
        let population = Population(age0to17: DemoBorough.reportPopulation, age10to17: DemoBorough.population10to17,
                                    source: "0–17 as Barnet's January 2019 report; 10–17 illustrative (the data contract's example)")
        for e in DemoBorough.extracts() {
            let extract = try ExtractReader.read(files: e.files.map { ($0.name, Array($0.text.utf8)) }, asAt: e.asAt)
            let snapshot = Engine.compute(extract, asAt: e.asAt, population: population)
            try store.importMonth(snapshot, visits: VisitList.children(extract, asAt: e.asAt), source: "bundled demo", importedAt: now())
            progress("imported \(e.month)")
        }
        try store.addTargets(TargetSet.parse(name: "targets.csv", text: DemoBorough.targetsCSV).targets)
        try store.addBenchmarks(ReferenceFiles.typedBenchmarks(name: "benchmarks.csv", text: DemoBorough.benchmarksCSV))
        try store.setSetting("council", DemoBorough.councilCode)
        try store.setSetting("council_name", DemoBorough.councilName)
        try store.setSetting("demo", "yes")
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an extract, compute its month and store it (all or nothing; a stored month is replaced).")

    @Argument(help: "The extract folder.") var folder: String
    @Option(name: .customLong("as-at"), help: "The reporting date R.") var asAt: String
    @Option(name: .long, help: "Children aged 0–17 (default: the stored ONS estimate for the council).") var population: Int?
    @Option(name: .customLong("population-10-17"), help: "Young people aged 10–17.") var population10to17: Int?
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard case .day(let day) = DateParser.parse(asAt) else { throw fail("--as-at \"\(asAt)\" is not a date") }
        // Read and check everything before the database is touched: a refused extract changes nothing.
        var extract = MonthRows(asAt: day)
        do { try ExtractReader.read(folder: folder, asAt: day, into: &extract) } catch { throw fail(error.description) }
        guard ListKind.allCases.contains(where: extract.supplies) else { throw fail("\(folder): no Annex A lists found") }
        let db = try store.open()
        var pop = Population(age0to17: population, age10to17: population10to17, source: "")
        var sources: [String] = []
        if population != nil { sources.append("0–17 from --population") }
        if population10to17 != nil { sources.append("10–17 from --population-10-17") }
        // A date in the financial year starting 1 April Y uses the mid-Y estimate.
        let year = day.financialYearStart.year
        if let code = try? db.setting("council") {
            if pop.age0to17 == nil, let p = try? db.population(code: code, year: year, ageGroup: .age0to17) {
                pop.age0to17 = p.value
                sources.append("0–17: \(p.source)")
            }
            if pop.age10to17 == nil, let p = try? db.population(code: code, year: year, ageGroup: .age10to17) {
                pop.age10to17 = p.value
                sources.append("10–17: \(p.source)")
            }
        }
        pop.source = sources.isEmpty ? "missing" : sources.joined(separator: "; ")
        let snapshot = Engine.compute(extract, population: pop)
        let replaced: Bool
        do {
            replaced = try db.importMonth(snapshot, visits: VisitList.children(extract), source: folder, importedAt: now())
        } catch { throw fail("storing \(YearMonth(day)): \(error)") }
        let month = ReportHeading.monthName(YearMonth(day))
        FileHandleOutput.standardOutput("\(replaced ? "replaced" : "imported") \(month) (as at \(day.iso)): \(snapshot.values.count) figures, "
            + "\(snapshot.dataQuality.count) data-quality notes; population \(pop.source)\n")
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The performance page of a stored month, for board papers and scripts.")

    @Option(name: .long, help: "The month (YYYY-MM; default the latest stored).") var month: String?
    @Option(name: .long, help: "text, markdown, csv or json.") var format: String = "text"
    @Flag(name: .long, help: "Include team rows.") var teams = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard ["text", "markdown", "csv", "json"].contains(format) else { throw fail("--format must be text, markdown, csv or json") }
        let db = try store.openOrBuildDemo()
        FileHandleOutput.standardOutput(try render(db, month: month, format: format, teams: teams))
    }
}

/// The page of one stored month in one format.
func render(_ db: Store, month: String?, format: String, teams: Bool) throws -> String {
    let months = try db.months()
    guard let latest = months.last else { throw fail("the database holds no months yet: use pop import") }
    let wanted: YearMonth
    if let month {
        guard let m = YearMonth(month) else { throw fail("--month \"\(month)\" is not a month (YYYY-MM)") }
        guard months.contains(m) else {
            throw fail("\(m) is not stored; stored months: \(months.map(\.description).joined(separator: ", "))")
        }
        wanted = m
    } else {
        wanted = latest
    }
    guard let current = try db.month(wanted) else { throw fail("\(wanted) could not be read") }
    let previous = try db.month(wanted.adding(-1))
    let council = try db.setting("council") ?? ""
    let statistic = NeighbourStatistic(rawValue: try db.setting("sn_statistic") ?? "mean") ?? .mean
    let rows = PageModel.rows(current: current.snapshot, previous: previous?.snapshot, targets: try db.targets(),
                              benchmarks: try db.benchmarks(), neighbourCodes: try db.neighbours(of: council), statistic: statistic,
                              commentary: try db.comments(month: wanted), teams: teams)
    let p = current.snapshot.population
    let populationNote = p.age0to17.map { "pop 0–17 \(Display.grouped($0)) (\(p.source))" } ?? "population missing"
    let name = try db.setting("council_name") ?? db.councilName(council) ?? (council.isEmpty ? "Council" : council)
    let heading = ReportHeading(council: name, asAt: current.snapshot.asAt, previousMonth: previous?.month, populationNote: populationNote,
                                neighbourNote: "SN \(statistic.rawValue) (\(Benchmark.defaultPeriod(for: current.snapshot.asAt)))",
                                demo: try db.setting("demo") == "yes", replacements: current.replacements)
    switch format {
    case "markdown": return ReportText.markdown(heading, rows, missing: current.snapshot.missingLists)
    case "csv": return ReportText.csv(rows)
    case "json": return ReportText.json(heading, current.snapshot, rows)
    default: return ReportText.text(heading, rows, missing: current.snapshot.missingLists)
    }
}

struct Comment: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set the month's commentary (\"Data Comments\") for an indicator; empty text removes it.")

    @Argument(help: "The indicator id (pop indicators lists them).") var indicator: String
    @Argument(help: "The commentary.") var text: String
    @Option(name: .long, help: "The month (YYYY-MM).") var month: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard Catalogue.definition(indicator) != nil else { throw fail("\"\(indicator)\" is not an indicator pop knows (see pop indicators)") }
        guard let m = YearMonth(month) else { throw fail("--month \"\(month)\" is not a month (YYYY-MM)") }
        let db = try store.openOrBuildDemo()
        guard try db.months().contains(m) else { throw fail("\(m) is not stored") }
        try db.setComment(month: m, indicator: indicator, text: text, at: now())
        FileHandleOutput.standardOutput(text.isEmpty ? "removed the comment on \(indicator) for \(m)\n" : "saved the comment on \(indicator) for \(m)\n")
    }
}

struct Targets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reference targets.", subcommands: [ImportTargets.self])

    struct ImportTargets: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Load a targets file (docs/targets.md).")
        @Argument var file: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let set: TargetSet
            do { set = try TargetSet.read(path: file) } catch { throw fail(error.description) }
            try store.open().addTargets(set.targets)
            FileHandleOutput.standardOutput("loaded \(set.targets.count) targets from \(file)\n")
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
            do { estimates = try ReferenceFiles.populations(path: file) } catch { throw fail(error.description) }
            try store.open().addPopulations(estimates)
            let councils = Set(estimates.map(\.code)).count
            FileHandleOutput.standardOutput("loaded \(estimates.count) estimates for \(councils) councils from \(file)\n")
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
            let db = try store.open()
            let council = try db.setting("council") ?? "302"
            // Read and check every file before storing anything: one bad file changes nothing.
            // Groupings and populations first, as publications' SN figures and rates need them.
            var groups: NeighbourGroups?
            var populations: [PopulationEstimate] = []
            var typed: [Benchmark] = []
            var publications: [String] = []
            var messages: [String] = []
            do {
                for file in files {
                    let header = try firstLine(file)
                    if header.contains("sn_1") {
                        groups = try ReferenceFiles.neighbourGroups(path: file)
                        messages.append("statistical neighbours for \(groups!.neighbours.count) councils from \(file)")
                    } else if header.contains("population_estimate") && header.contains("age_group") {
                        let p = try ReferenceFiles.populations(path: file)
                        populations += p
                        messages.append("\(p.count) population estimates from \(file)")
                    } else if header.contains("what") && header.contains("indicator") {
                        let t = try ReferenceFiles.typedBenchmarks(path: file)
                        typed += t
                        messages.append("\(t.count) typed benchmarks from \(file)")
                    } else {
                        publications.append(file)
                    }
                }
                let neighbours = try groups?.neighbours[council] ?? db.neighbours(of: council)
                let known = Dictionary(populations.filter { $0.ageGroup == .age0to17 }.map { ("\($0.code)|\($0.year)", $0.value) },
                                       uniquingKeysWith: { a, _ in a })
                for file in publications {
                    let published = try ReferenceFiles.publication(path: file) { code, year in
                        known["\(code)|\(year)"] ?? (try? db.population(code: code, year: year, ageGroup: .age0to17))?.value
                    }
                    typed += ReferenceFiles.benchmarks(from: published, council: council, neighbours: neighbours)
                    let indicators = Set(published.map(\.indicator)).sorted().joined(separator: ", ")
                    messages.append("\(published.count) published figures (\(indicators)) from \(file)")
                }
            } catch let e as ExtractError {
                throw fail(e.description + " (nothing was loaded)")
            }
            try db.loadReference(groups: groups, populations: populations, benchmarks: typed)
            for m in messages { FileHandleOutput.standardOutput("loaded " + m + "\n") }
        }

        func firstLine(_ file: String) throws(ExtractError) -> String {
            var line = ""
            do {
                try CSVReader.read(path: file) { r in
                    line = (0..<r.count).map { Column.key(r.string($0)).replacingAllSpaces() }.joined(separator: ",")
                    return false
                }
            } catch { throw ExtractError(file: file, message: "cannot be read (\(error))") }
            return line
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an indicator's SN mean and median, England, region and the council's rank.")
        @Argument var indicator: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let def = Catalogue.definition(indicator) else { throw fail("\"\(indicator)\" is not an indicator pop knows") }
            let db = try store.open()
            let council = try db.setting("council") ?? ""
            let neighbours = try db.neighbours(of: council)
            let all = try db.benchmarks(indicator: indicator)
            guard !all.isEmpty else {
                FileHandleOutput.standardOutput("no benchmarks for \(indicator): load them with pop benchmarks import\n")
                return
            }
            var out = "\(def.title) (\(indicator)) · council \(council) · \(neighbours.count) statistical neighbours\n"
            out += "period    SN mean  SN median  England   Region  Council  Rank\n"
            for period in Set(all.map(\.period)).sorted() {
                let rows = all.filter { $0.period == period }
                func v(_ what: String) -> String { rows.first { $0.what == what }.map { Display.decimal($0.value) } ?? "–" }
                var rank = "–"
                if let mine = rows.first(where: { $0.what == council })?.value {
                    let value = IndicatorValue(id: indicator, team: nil, numerator: nil, denominator: nil, value: mine, unit: def.unit, polarity: def.polarity)
                    if let c = PageModel.neighbourComparison(value, benchmarks: rows, period: period, neighbourCodes: neighbours, statistic: .mean),
                       let r = c.rank, let of = c.rankedAmong { rank = "\(r) of \(of)" }
                }
                out += "\(period)  " + [v("sn_mean"), v("sn_median"), v("england"), v("region"), v(council)].map { Display.padLeft($0, 9) }.joined()
                    + "  " + rank + "\n"
            }
            let sources = Set(all.filter { $0.what.hasPrefix("sn_") }.map(\.source)).sorted()
            out += "SN sources: " + sources.joined(separator: "; ") + "\n"
            FileHandleOutput.standardOutput(out)
        }
    }
}

struct Settings: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Which council we are, and which SN figure the page shows.")
    @Option(name: .long, help: "Our council's old LA code (302 is Barnet).") var council: String?
    @Option(name: .customLong("sn"), help: "mean (DfE's LAIT) or median (DfE's CSC dashboard).") var statistic: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        if let council {
            try db.setSetting("council", council)
            if let name = try db.councilName(council) { try db.setSetting("council_name", name) }
        }
        if let statistic {
            guard NeighbourStatistic(rawValue: statistic) != nil else { throw fail("--sn must be mean or median") }
            try db.setSetting("sn_statistic", statistic)
        }
        let code = try db.setting("council") ?? "(not set)"
        let name = try db.setting("council_name") ?? db.councilName(code) ?? ""
        FileHandleOutput.standardOutput("council \(code) \(name), SN \(try db.setting("sn_statistic") ?? "mean"), database \(db.path)\n")
    }
}

extension String {
    func replacingAllSpaces() -> String { String(map { $0 == " " ? "_" : $0 }) }
}
