import PopCalendar
import PopExtract
import PopMetrics
import PopPage

public enum Key: Hashable, Sendable {
    case up, down, left, right, enter, escape, backspace, pageUp, pageDown, home, end, tab
    case char(Character)
    case resize(width: Int, height: Int)
    case click(x: Int, y: Int)
}

/// What reaches `update`: a key, or the answer to an effect it asked for.
public enum Message: Sendable {
    case key(Key)
    /// A team's visit list, or why it could not be read.
    case visitsLoaded(VisitListKey, Result<[ChildVisit], LoadFailure>)
    /// A month's data-quality entries, or why they could not be read.
    case dataQualityLoaded(YearMonth, Result<[DataQualityIssue], LoadFailure>)
    /// A month's social workers (every team's), or why they could not be read.
    case workersLoaded(YearMonth, Result<[WorkerCaseload], LoadFailure>)
}

/// Why something read on demand could not be read (shown as a failure, never as "none").
public struct LoadFailure: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Which child-level visit list: a month, a visit indicator and a team (every team when nil,
/// for the team table's overdue and due-soon counts).
public struct VisitListKey: Hashable, Sendable {
    public let month: YearMonth
    public let indicator: IndicatorID
    public let team: String?

    public init(month: YearMonth, indicator: IndicatorID, team: String?) {
        self.month = month
        self.indicator = indicator
        self.team = team
    }
}

/// Where something read on demand is: asked for, read, or failed.
public enum Load<Value: Equatable & Sendable>: Equatable, Sendable {
    case loading
    case loaded(Value)
    case failed(String)
}

/// A team's visit list, as loaded.
public typealias VisitLoad = Load<[ChildVisit]>

/// A place in the dashboard; the state keeps a stack of them so Esc goes back.
public enum Screen: Hashable, Sendable {
    case overview
    case service(Service)
    case indicator(IndicatorID)
    case teams(IndicatorID)
    case children(indicator: IndicatorID, team: String)
    /// The month's data-quality problems, grouped as `pop check` groups them.
    case dataQuality
    /// The social workers of a team, a service or every team (the workforce page's drill-down):
    /// the one screen that names workers.
    case workers(WorkerGroup)
    case present
}

/// Whose workers the drill-down lists.
public enum WorkerGroup: Hashable, Sendable {
    case team(String)
    /// A service of the teams file: its teams' workers.
    case service(String)
    case all
}

/// Something drawn over the screen, taking the keys while it is up.
public enum Overlay: Hashable, Sendable {
    case none
    case help
    case find(String)
    case comment(String)
    case blank
    case message(String)
}

/// One slide of presentation mode: a service, or one of its indicators.
public enum Slide: Hashable, Sendable {
    case service(Service)
    case indicator(IndicatorID)
    /// A service page's tables (its breakdowns by month; the audit grid; the workforce's teams):
    /// figures only, never a child's or a worker's name.
    case tables(Service)

    /// The services whose tables have a slide of their own in the default agenda: the pages the
    /// board reads as tables (Early Help, UASC, quality assurance, workforce).
    public static let tableSlides: [Service] = [.earlyHelp, .uasc, .qa, .workforce]

    /// The default agenda: each service, its tables where it has a tables slide, then its
    /// headline indicators.
    public static var defaultAgenda: [Slide] {
        Service.allCases.flatMap { s in
            [Slide.service(s)] + (tableSlides.contains(s) ? [Slide.tables(s)] : []) + s.headlines.map { Slide.indicator($0.id) }
        }
    }

    /// An agenda line naming a service's tables: `qa.tables`.
    static let tablesSuffix = ".tables"

    /// An agenda file: one slide per line, a service id (`cp`, `cla`, `care_leavers` …) or an
    /// indicator id; blank lines and `#` comments skipped. Unknown names are reported by line.
    public static func agenda(_ text: String) -> (slides: [Slide], problems: [String]) {
        var slides: [Slide] = [], problems: [String] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Display.trimmed(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let s = Service(rawValue: line) { slides.append(.service(s)) } else if line.hasSuffix(tablesSuffix),
                let s = Service(rawValue: String(line.dropLast(tablesSuffix.count))) {
                slides.append(.tables(s))
            } else if Catalogue.definition(IndicatorID(line)) != nil {
                slides.append(.indicator(IndicatorID(line)))
            } else {
                problems.append("line \(n + 1): \"\(line)\" is neither a service, a service's tables nor an indicator")
            }
        }
        return (slides, problems)
    }
}

public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var month: YearMonth
    public var stack: [Screen] = [.overview]
    /// The selected item on each level of the stack.
    public var cursor: [Int] = [0]
    /// The first visible line or row on each level.
    public var scroll: [Int] = [0]
    public var agenda: [Slide]
    public var slide = 0
    public var overlay: Overlay = .none
    public var quit = false
    public var unicode: Bool
    public var colour: Bool
    /// The visit lists asked for so far, as loaded (or failed).
    public var visits: [VisitListKey: VisitLoad] = [:]
    /// Each month's data-quality problems asked for so far, grouped.
    public var dataQuality: [YearMonth: Load<[DataQualityGroup]>] = [:]
    /// Each month's social workers asked for so far (the workforce drill-down).
    public var workers: [YearMonth: Load<[WorkerCaseload]>] = [:]
    /// The indicator page's trend chart: fitted to its values (`z`) rather than from zero.
    public var fittedAxis = false
    /// Which of a team's lists has the cursor: its overdue children or those due soon (Tab).
    public var childList: Worklist.Kind = .overdue

    public init(width: Int, height: Int, month: YearMonth, agenda: [Slide] = Slide.defaultAgenda, unicode: Bool = true, colour: Bool = true) {
        self.width = width
        self.height = height
        self.month = month
        self.agenda = agenda.isEmpty ? Slide.defaultAgenda : agenda
        self.unicode = unicode
        self.colour = colour
    }

    public var screen: Screen { stack.last ?? .overview }
    public var selected: Int { cursor.last ?? 0 }

    mutating func push(_ s: Screen) {
        stack.append(s)
        cursor.append(0)
        scroll.append(0)
    }

    mutating func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast()
        cursor.removeLast()
        scroll.removeLast()
    }

    mutating func select(_ i: Int) {
        cursor[cursor.count - 1] = i
    }

    /// The visit list the screen shows, when it shows one: a team's children, or every team's
    /// for a visit indicator's team table (its overdue and due-soon counts).
    var visitKey: VisitListKey? {
        switch screen {
        case .children(let id, let team): return VisitListKey(month: month, indicator: id, team: team)
        case .teams(let id) where Catalogue.definition(id)?.hasChildList == true: return VisitListKey(month: month, indicator: id, team: nil)
        default: return nil
        }
    }
}

/// What `update` asks the outside world to do.
public enum Effect: Equatable, Sendable {
    case saveComment(month: YearMonth, indicator: IndicatorID, text: String)
    case export(name: String, text: String)
    /// Read a team's visit list and send it back as `Message.visitsLoaded`.
    case loadVisits(VisitListKey)
    /// Read a month's data-quality entries and send them back as `Message.dataQualityLoaded`.
    case loadDataQuality(YearMonth)
    /// Read a month's social workers and send them back as `Message.workersLoaded`.
    case loadWorkers(YearMonth)

    /// A read from the store, whose screen says "loading" until it is done: the front end
    /// shows that frame first, so a long list never leaves a key without an answer.
    public var isLoad: Bool {
        switch self {
        case .loadVisits, .loadDataQuality, .loadWorkers: return true
        case .saveComment, .export: return false
        }
    }
}
