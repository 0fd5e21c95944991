import PopCalendar
import PopMetrics
import PopPage

public enum Action: String, CaseIterable, Sendable {
    case up, down, left, right, open, back, teams, previousMonth, nextMonth, present, help, find, quit, comment, export, exportCSV, dataQuality
    case nextSlide, previousSlide, firstSlide, lastSlide, blank, pageUp, pageDown, top, bottom
    case fitAxis, switchList, previousTable, nextTable
}

/// One line of the key map: the keys, what they do, and the words the help screen shows.
public struct Binding: Sendable {
    public let keys: [Key]
    public let label: String
    public let action: Action
    public let help: String
    public let presentation: Bool
}

/// A footer hint: the first key of each action's binding, and a word for what they do here.
public struct Hint: Sendable {
    public let actions: [Action]
    public let word: String
    /// How the keys join: "←→↑↓" (none) or "[ ]" (a space).
    public let joiner: String

    public init(_ actions: [Action], _ word: String, joiner: String = "") {
        self.actions = actions
        self.word = word
        self.joiner = joiner
    }

    public init(_ action: Action, _ word: String) { self.init([action], word) }
}

/// The key map is data: `update` looks keys up here, and the help screen and every footer are
/// generated from it.
public enum KeyMap {
    public static let bindings: [Binding] = [
        Binding(keys: [.up, .char("k")], label: "↑ k", action: .up, help: "previous panel or row", presentation: false),
        Binding(keys: [.down, .char("j")], label: "↓ j", action: .down, help: "next panel or row", presentation: false),
        Binding(keys: [.left, .char("h")], label: "← h", action: .left, help: "panel to the left", presentation: false),
        Binding(keys: [.right, .char("l")], label: "→ l", action: .right, help: "panel to the right", presentation: false),
        Binding(keys: [.enter], label: "Enter", action: .open, help: "open the panel, row or team", presentation: false),
        Binding(keys: [.escape, .backspace], label: "Esc ⌫", action: .back, help: "back", presentation: false),
        Binding(keys: [.char("t")], label: "t", action: .teams, help: "teams for the indicator", presentation: false),
        Binding(keys: [.char("d")], label: "d", action: .dataQuality, help: "data-quality problems", presentation: false),
        Binding(keys: [.char("[")], label: "[", action: .previousMonth, help: "previous month", presentation: false),
        Binding(keys: [.char("]")], label: "]", action: .nextMonth, help: "next month", presentation: false),
        Binding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "page up", presentation: false),
        Binding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "page down", presentation: false),
        Binding(keys: [.home, .char("g")], label: "Home g", action: .top, help: "first row", presentation: false),
        Binding(keys: [.end, .char("G")], label: "End G", action: .bottom, help: "last row", presentation: false),
        Binding(keys: [.char("c")], label: "c", action: .comment, help: "edit the commentary", presentation: false),
        Binding(keys: [.char("z")], label: "z", action: .fitAxis, help: "chart from 0 or fitted", presentation: false),
        Binding(keys: [.tab], label: "Tab", action: .switchList, help: "overdue or due-soon list", presentation: false),
        Binding(keys: [.char("{")], label: "{", action: .previousTable, help: "previous table on a page", presentation: false),
        Binding(keys: [.char("}")], label: "}", action: .nextTable, help: "next table on a page", presentation: false),
        Binding(keys: [.char("e")], label: "e", action: .export, help: "export view as Markdown", presentation: false),
        Binding(keys: [.char("E")], label: "E", action: .exportCSV, help: "export table as CSV", presentation: false),
        Binding(keys: [.char("/")], label: "/", action: .find, help: "find an indicator by name", presentation: false),
        Binding(keys: [.char("p")], label: "p", action: .present, help: "presentation mode", presentation: false),
        Binding(keys: [.char("?")], label: "?", action: .help, help: "this help", presentation: false),
        Binding(keys: [.char("q")], label: "q", action: .quit, help: "quit", presentation: false),
        Binding(keys: [.pageDown, .char(" "), .right, .down, .char("j"), .char("l")], label: "PgDn Space → ↓", action: .nextSlide,
                help: "next slide", presentation: true),
        Binding(keys: [.pageUp, .left, .up, .char("k"), .char("h")], label: "PgUp ← ↑", action: .previousSlide, help: "previous slide", presentation: true),
        Binding(keys: [.home], label: "Home", action: .firstSlide, help: "first slide", presentation: true),
        Binding(keys: [.end], label: "End", action: .lastSlide, help: "last slide", presentation: true),
        Binding(keys: [.char("b")], label: "b", action: .blank, help: "blank the screen (any key brings it back)", presentation: true),
        Binding(keys: [.escape, .backspace], label: "Esc", action: .back, help: "leave presentation mode", presentation: true),
        Binding(keys: [.char("["), .char("]")], label: "[ ]", action: .previousMonth, help: "previous / next month", presentation: true),
        Binding(keys: [.char("?")], label: "?", action: .help, help: "this help", presentation: true),
        Binding(keys: [.char("q")], label: "q", action: .quit, help: "quit", presentation: true),
    ]

    public static func action(for key: Key, presentation: Bool) -> Action? {
        if presentation && key == .char("]") { return .nextMonth }
        return bindings.first { $0.presentation == presentation && $0.keys.contains(key) }?.action
    }

    /// The help screen's lines, from the bindings themselves.
    public static func helpLines(presentation: Bool) -> [String] {
        let chosen = bindings.filter { $0.presentation == presentation }
        let width = (chosen.map(\.label.count).max() ?? 6) + 2
        return chosen.map { b in b.label + String(repeating: " ", count: max(1, width - b.label.count)) + b.help }
    }

    /// A footer line from hints: each action's first key as the key map binds it.
    public static func footer(_ hints: [Hint], presentation: Bool = false) -> String {
        hints.compactMap { h -> String? in
            let keys = h.actions.compactMap { a in bindings.first { $0.action == a && $0.presentation == presentation }?.keys.first.map(name) }
            return keys.isEmpty ? nil : keys.joined(separator: h.joiner) + " " + h.word
        }.joined(separator: "  ")
    }

    /// A key as a footer names it.
    static func name(_ k: Key) -> String {
        switch k {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "⌫"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .resize, .click: ""
        }
    }
}

/// The rows a list screen offers, shared by drawing and by `update` (cursor, Enter, clicks).
public enum Items {
    /// A service's indicators (council rows, breakdown groups included), in catalogue order.
    public static func service(_ s: Service, _ data: DashboardData, _ month: YearMonth) -> [PageRow] {
        data.rows(month).filter { $0.current.team == nil && $0.definition.service == s }
    }

    /// The service page the screen shows, when it shows one: its indicators, then its tables.
    public static func servicePage(_ s: AppState, _ data: DashboardData) -> ServicePage? {
        guard case .service(let svc) = s.screen else { return nil }
        return ServicePage(svc, data, s.month, marks: s.unicode ? .unicode : .ascii)
    }

    /// The workers the drill-down lists, in the order stored (by team, highest caseload first);
    /// nil while they load, when they could not be read, or off that screen.
    public static func workers(_ s: AppState, _ data: DashboardData) -> [WorkerCaseload]? {
        guard case .workers(let group) = s.screen, case .loaded(let all)? = s.workers[s.month] else { return nil }
        switch group {
        case .all: return all
        case .team(let team): return all.filter { $0.team == team }
        case .service(let service):
            // Each team's service looked up once, not each worker's.
            let teams = Set(all.map(\.team)).filter { data.teamServices.service(of: $0) == service }
            return all.filter { teams.contains($0.team) }
        }
    }

    public struct TeamRow: Sendable {
        /// The team; nil for the whole council's row at the foot of the table.
        public let team: String?
        public let row: PageRow
    }

    /// One row per team, worst first by the indicator's polarity (largest first for a count),
    /// then the whole council.
    public static func teams(_ id: IndicatorID, _ data: DashboardData, _ month: YearMonth) -> [TeamRow] {
        let rows = data.rows(month).filter { $0.current.id == id }
        let council = rows.first { $0.current.team == nil }
        var teams = rows.compactMap { r in r.current.team.map { TeamRow(team: $0, row: r) } }
        let high = council?.current.polarity == .high || (council?.current.polarity == Polarity.none && council?.current.unit == .percent)
        teams.sort { a, b in
            let x = a.row.current.value ?? (high ? .infinity : -.infinity), y = b.row.current.value ?? (high ? .infinity : -.infinity)
            if x != y { return high ? x < y : x > y }   // lowest share first; for low polarity and counts, highest first
            return (a.team ?? "") < (b.team ?? "")
        }
        if let council { teams.append(TeamRow(team: nil, row: council)) }
        return teams
    }

    /// A team's overdue children, most overdue first; nil while the list loads or when it failed.
    public static func overdue(_ s: AppState) -> [ChildVisit]? { children(s, .overdue) }

    /// A team's children whose visit falls due within the next five working days, soonest first.
    public static func dueSoon(_ s: AppState) -> [ChildVisit]? { children(s, .dueSoon) }

    /// One of a team's lists (the team's children screen); nil while it loads or when it failed.
    public static func children(_ s: AppState, _ kind: Worklist.Kind) -> [ChildVisit]? {
        guard case .children = s.screen, let key = s.visitKey, case .loaded(let all)? = s.visits[key] else { return nil }
        return Worklist.children(all, kind)
    }

    /// Each team's overdue and due-soon counts on a visit indicator's team table; nil while
    /// every team's list loads, when it failed, or for an indicator without one.
    public static func visitCounts(_ s: AppState) -> [String: (overdue: Int, dueSoon: Int)]? {
        guard case .teams = s.screen, let key = s.visitKey, case .loaded(let all)? = s.visits[key] else { return nil }
        return Worklist.counts(all)
    }

    /// The data-quality view's lines for the month; none while they load or when they failed.
    public static func dataQualityLines(_ s: AppState) -> [DataQualityText.Line] {
        guard case .loaded(let groups)? = s.dataQuality[s.month] else { return [] }
        return DataQualityText.lines(groups)
    }

    /// Indicators whose title or id holds the query.
    public static func find(_ query: String) -> [IndicatorDefinition] {
        let q = query.lowercased()
        guard !q.isEmpty else { return [] }
        return Catalogue.definitions.filter { $0.title.lowercased().contains(q) || $0.id.rawValue.lowercased().contains(q) }
    }

    static func count(_ s: AppState, _ data: DashboardData) -> Int {
        switch s.screen {
        case .overview: Service.allCases.count
        case .service: servicePage(s, data)?.items.count ?? 0
        case .indicator: 0
        case .teams(let id): teams(id, data, s.month).count
        case .children: children(s, s.childList)?.count ?? 0
        case .dataQuality: dataQualityLines(s).count
        case .workers: workers(s, data)?.count ?? 0
        case .present: s.agenda.count
        }
    }
}
