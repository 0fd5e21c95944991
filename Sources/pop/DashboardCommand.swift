import ArgumentParser
import PopCalendar
import PopDashboard
import PopExtract
import PopMetrics
import PopScreen
import PopStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every interactive command shares.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: "The month to open (YYYY-MM; default the latest stored).") var month: String?
    @Flag(name: .customLong("no-color"), help: "No colour (status still reads by symbol and letter). NO_COLOR does the same.") var noColor = false
    @Flag(name: .customLong("frame-stats"), help: "On exit, print key-to-frame times (draw + doupdate) to standard error.") var frameStats = false
    @OptionGroup var store: StoreOptions
}

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "The interactive performance page (the default command): pop on its own opens it.")

    @OptionGroup var options: DashboardOptions
    @Option(name: .long, help: "Open this indicator (with --teams: its team table).") var indicator: String?
    @Flag(name: .long, help: "With --indicator: open the team drill-down.") var teams = false

    func run() throws {
        var start: [Screen] = []
        if let indicator {
            guard let def = Catalogue.definition(indicator) else { throw fail("\"\(indicator)\" is not an indicator pop knows (see pop indicators)") }
            start = [.service(def.service), .indicator(indicator)]
            if teams {
                guard def.byTeam else { throw fail("\(indicator) has no team figures") }
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
            guard let text = readTextFile(agenda) else { throw fail("\(agenda): cannot be read") }
            let (parsed, problems) = Slide.agenda(text)
            if let p = problems.first { throw fail("\(agenda), \(p)") }
            guard !parsed.isEmpty else { throw fail("\(agenda): no slides in the agenda") }
            slides = parsed
        }
        try runDashboard(options, start: [.present], agenda: slides)
    }
}

/// Loads the store into the dashboard's data (the visit lists are read when a team is opened).
func loadDashboard(_ db: Store) throws -> DashboardData {
    let months = try db.months()
    var snapshots: [Snapshot] = []
    var comments: [YearMonth: [String: String]] = [:]
    for m in months {
        if let stored = try db.month(m) { snapshots.append(stored.snapshot) }
        comments[m] = try db.comments(month: m)
    }
    let council = try db.setting("council") ?? ""
    let name = try db.setting("council_name") ?? db.councilName(council) ?? "Council"
    let cache = VisitCache(db)
    return DashboardData(council: name, demo: try db.setting("demo") == "yes", snapshots: snapshots, targets: try db.targets(),
                         benchmarks: try db.benchmarks(), neighbourCodes: try db.neighbours(of: council),
                         statistic: NeighbourStatistic(rawValue: try db.setting("sn_statistic") ?? "mean") ?? .mean,
                         comments: comments, visits: { m, id, team in cache.visits(m, id, team) })
}

/// Visit lists by month, indicator and team, read from the store once each.
final class VisitCache: @unchecked Sendable {
    let db: Store
    var cache: [String: [ChildVisit]] = [:]
    init(_ db: Store) { self.db = db }

    func visits(_ m: YearMonth, _ id: String, _ team: String) -> [ChildVisit] {
        let key = "\(m)|\(id)|\(team)"
        if let v = cache[key] { return v }
        let v = (try? db.visits(month: m, indicator: id, team: team)) ?? []
        cache[key] = v
        return v
    }
}

func runDashboard(_ options: DashboardOptions, start: [Screen], agenda: [Slide]?) throws {
    let started = monotonicSeconds()
    guard isatty(0) != 0 && isatty(1) != 0 else {
        FileHandleOutput.standardError("pop: the dashboard needs a terminal. For text, Markdown, CSV or JSON use: pop report [--format markdown]\n")
        throw ExitCode(1)
    }
    let db = try options.store.openOrBuildDemo()
    var data = try loadDashboard(db)
    guard let latest = data.months.last else { throw fail("the database holds no months yet: use pop import") }
    var month = latest
    if let wanted = options.month {
        guard let m = YearMonth(wanted), data.months.contains(m) else {
            throw fail("--month \(wanted) is not stored; stored months: \(data.months.map(\.description).joined(separator: ", "))")
        }
        month = m
    }
    let colour = !options.noColor && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
    let terminal = Terminal(colour: colour)
    var (w, h) = terminal.size
    var state = AppState(width: w, height: h, month: month, agenda: agenda ?? Slide.defaultAgenda, unicode: terminal.unicode, colour: colour)
    for screen in start {
        state.stack.append(screen)
        state.cursor.append(0)
        state.scroll.append(0)
    }
    var frameTimes: [Double] = []
    terminal.draw(render(state, data))
    let startup = monotonicSeconds() - started
    var problem: String?
    while !state.quit {
        guard let key = terminal.readKey() else { continue }
        let t0 = monotonicSeconds()
        for effect in update(&state, key, data) {
            switch effect {
            case .saveComment(let m, let id, let text):
                do {
                    try db.setComment(month: m, indicator: id, text: text, at: now())
                    data.setComment(month: m, indicator: id, text: text)
                } catch {
                    problem = "could not save the commentary: \(error)"
                }
            case .export(let name, let text):
                do {
                    try FileOutput.save(text, to: name)
                    state = withMessage(state, "exported to \(name) (child IDs hidden)")
                } catch {
                    state = withMessage(state, "could not export: \(error)")
                }
            }
        }
        if case .resize = key { (w, h) = terminal.size }
        terminal.draw(render(state, data))
        frameTimes.append(monotonicSeconds() - t0)
    }
    terminal.end()
    if let problem { FileHandleOutput.standardError("pop: \(problem)\n") }
    if options.frameStats {
        let sorted = frameTimes.sorted()
        func ms(_ x: Double) -> String { String(Int((x * 10_000).rounded())).withDecimal(1) }
        var line = "pop: first frame \(ms(startup)) ms after start (database opened and \(data.months.count) months loaded); \(sorted.count) key frames"
        if !sorted.isEmpty {
            line += ": median \(ms(sorted[sorted.count / 2])) ms, 95th percentile \(ms(sorted[min(sorted.count - 1, sorted.count * 95 / 100)])) ms, "
                + "slowest \(ms(sorted.last!)) ms (update + draw + doupdate, \(w)×\(h))"
        }
        FileHandleOutput.standardError(line + "\n")
    }
}

func withMessage(_ s: AppState, _ m: String) -> AppState {
    var t = s
    t.overlay = .message(m)
    return t
}
