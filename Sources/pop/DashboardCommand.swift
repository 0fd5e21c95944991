import ArgumentParser
import PopApp
import PopCalendar
import PopDashboard
import PopExtract
import PopMetrics
import PopPage
import PopScreen
import PopStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every interactive command shares.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: "The month to open (YYYY-MM; default the latest stored).") var month: YearMonth?
    @Flag(name: .customLong("no-color"), help: "No colour (status still reads by symbol and letter). NO_COLOR does the same.") var noColor = false
    @Flag(name: .customLong("frame-stats"), help: "On exit, print key-to-frame times (draw + doupdate) to standard error.") var frameStats = false
    @OptionGroup var store: StoreOptions
}

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "The interactive performance page (the default command): pop on its own opens it.")

    @OptionGroup var options: DashboardOptions
    @Option(name: .long, help: "Open this indicator (with --teams: its team table).") var indicator: IndicatorID?
    @Flag(name: .long, help: "With --indicator: open the team drill-down.") var teams = false

    func run() throws {
        var start: [Screen] = []
        if let indicator, let def = Catalogue.definition(indicator) {
            start = [.service(def.service), .indicator(indicator)]
            if teams {
                guard def.byTeam else { throw PopError(.unusableInput, "\(indicator) has no team figures") }
                start.append(.teams(indicator))
            }
        }
        try runDashboard(options, start: start, agenda: nil)
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Presentation mode for a board on a shared screen: one slide per service and indicator.")

    @OptionGroup var options: DashboardOptions
    @Option(name: .long, help: "An agenda file: one slide per line, a service (cp, cla, …) or an indicator id.") var agenda: String?

    func run() throws {
        var slides: [Slide]?
        if let agenda {
            let (parsed, problems) = Slide.agenda(try FileText.read(agenda))
            if let p = problems.first { throw PopError(.unusableInput, "\(agenda), \(p)") }
            guard !parsed.isEmpty else { throw PopError(.unusableInput, "\(agenda): no slides in the agenda") }
            slides = parsed
        }
        try runDashboard(options, start: [.present], agenda: slides)
    }
}

/// Loads the store into the dashboard's data (visit lists and workers are read when a team is opened).
func loadDashboard(_ db: Store) throws(PopError) -> DashboardData {
    try storing("reading the stored months") {
        var snapshots: [Snapshot] = []
        var comments: [YearMonth: [IndicatorID: String]] = [:]
        var notes: [YearMonth: Int] = [:]
        for m in try db.months() {
            if let stored = try db.month(m) {
                snapshots.append(stored.snapshot)
                notes[m] = stored.dataQualityCount
            }
            comments[m] = try db.comments(month: m)
        }
        let council = try db.setting(.council) ?? ""
        return DashboardData(council: Words.council(name: try db.councilName(), code: council), demo: try db.isDemo(), snapshots: snapshots, targets: try db.targets(),
                             benchmarks: try db.benchmarks(), neighbourCodes: try db.neighbours(of: council),
                             statistic: try db.neighbourStatistic(), comments: comments, dataQualityCounts: notes, councilCode: council,
                             baseline: try db.baseline(), teamServices: try db.teamServices())
    }
}

func runDashboard(_ options: DashboardOptions, start: [Screen], agenda: [Slide]?) throws {
    let started = monotonicSeconds()
    guard isatty(0) != 0 && isatty(1) != 0 else {
        throw PopError(.noTerminal, "the dashboard needs a terminal. For text, Markdown, CSV or JSON use: pop report [--format markdown]")
    }
    let db = try options.store.openOrBuildDemo()
    var data = try loadDashboard(db)
    guard let latest = data.months.last else { throw PopError(.notFound, "the database holds no months yet: use pop import") }
    var month = latest
    if let wanted = options.month {
        guard data.months.contains(wanted) else {
            throw PopError(.notFound, "--month \(wanted) is not stored; stored months: \(data.months.map(\.description).joined(separator: ", "))")
        }
        month = wanted
    }
    let colour = !options.noColor && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
    let terminal = try Terminal(colour: colour)
    var (w, h) = terminal.size
    var state = AppState(width: w, height: h, month: month, agenda: agenda ?? Slide.defaultAgenda, unicode: terminal.unicode, colour: colour)
    let pending = PopDashboard.start(&state, at: start, data)
    var frameTimes: [Double] = []
    /// The slowest key's frame: how long, which key, and the screen it drew.
    var slowestFrame: (seconds: Double, key: Key, screen: Screen)?
    /// Key to the frame with a list read from the store (its "loading" frame is in frameTimes).
    var loadTimes: [Double] = []
    var problem: String?
    /// Carries out what `update` asked for; what it reads goes back in as messages.
    func perform(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .saveComment(let m, let id, let text):
                do {
                    try db.setComment(month: m, indicator: id, text: text, at: Clock.now())
                    data.setComment(month: m, indicator: id, text: text)
                } catch {
                    problem = "could not save the commentary: \(error)"
                }
            case .export(let name, let text):
                // Never over an existing file: the next free name beside it.
                let path = SafeFile.freshName(name)
                do {
                    try SafeFile.write(text, to: path, force: false)
                    state.overlay = .message(Words.exported(to: currentDirectory().map { $0 + "/" + path } ?? path))
                } catch {
                    state.overlay = .message("could not export: \(error.message)")
                }
            case .loadVisits(let key):
                let result: Result<[ChildVisit], LoadFailure>
                do { result = .success(try db.visits(month: key.month, indicator: key.indicator, team: key.team)) } catch {
                    result = .failure(LoadFailure("\(error)"))
                }
                queue += update(&state, .visitsLoaded(key, result), data)
            case .loadWorkers(let month):
                let result: Result<[WorkerCaseload], LoadFailure>
                do {
                    if let list = try db.workers(month: month) { result = .success(list) } else { result = .failure(LoadFailure(Words.workersNotKept)) }
                } catch {
                    result = .failure(LoadFailure("\(error)"))
                }
                queue += update(&state, .workersLoaded(month, result), data)
            case .loadDataQuality(let month):
                let result: Result<[DataQualityIssue], LoadFailure>
                do { result = .success(try db.dataQuality(month)) } catch { result = .failure(LoadFailure("\(error)")) }
                queue += update(&state, .dataQualityLoaded(month, result), data)
            }
        }
    }
    perform(pending)
    terminal.draw(render(state, data))
    let startup = monotonicSeconds() - started
    while !state.quit {
        let key: Key
        switch terminal.read() {
        case .key(let k): key = k
        case .nothing: continue
        case .gone:
            terminal.end()
            throw PopError(.noTerminal, "the terminal went away")
        }
        let t0 = monotonicSeconds()
        let effects = update(&state, .key(key), data)
        if case .resize = key { (w, h) = terminal.size }
        if effects.contains(where: \.isLoad) {
            // The screen opens at once, saying "loading"; the list follows when read.
            terminal.draw(render(state, data))
            frameTimes.append(monotonicSeconds() - t0)
            perform(effects)
            terminal.draw(render(state, data))
            loadTimes.append(monotonicSeconds() - t0)
        } else {
            perform(effects)
            terminal.draw(render(state, data))
            frameTimes.append(monotonicSeconds() - t0)
        }
        if frameTimes.last! > (slowestFrame?.seconds ?? 0) { slowestFrame = (frameTimes.last!, key, state.screen) }
    }
    terminal.end()
    if let problem { Output.standardError("pop: \(problem)\n") }
    if options.frameStats {
        let sorted = frameTimes.sorted()
        func ms(_ x: Double) -> String { String(Int((x * 10_000).rounded())).withDecimal(1) }
        var line = "pop: first frame \(ms(startup)) ms after start (database opened and \(data.months.count) months loaded); \(sorted.count) key frames"
        if !sorted.isEmpty {
            line += ": median \(ms(sorted[sorted.count / 2])) ms, 95th percentile \(ms(sorted[min(sorted.count - 1, sorted.count * 95 / 100)])) ms, "
                + "slowest \(ms(sorted.last!)) ms (update + draw + doupdate, \(w)×\(h))"
        }
        if let slowest = slowestFrame { line += "; the slowest was \(slowest.key) on \(slowest.screen)" }
        if let slowest = loadTimes.max() {
            line += "; \(loadTimes.count) list\(loadTimes.count == 1 ? "" : "s") read from the store, slowest \(ms(slowest)) ms from key to list"
        }
        Output.standardError(line + "\n")
    }
}

/// The working folder, where exports go; nil when it cannot be read.
func currentDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
