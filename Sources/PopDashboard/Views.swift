import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopScreen

/// Draws the whole state into a fresh buffer. Pure: the same state and data give the same cells.
/// `hideChildIDs` is set for exports: child IDs appear only on screen, in the team drill-down.
public func render(_ s: AppState, _ data: DashboardData, hideChildIDs: Bool = false) -> Buffer {
    var v = Views(s: s, data: data, buffer: Buffer(width: s.width, height: s.height), hideChildIDs: hideChildIDs)
    v.draw()
    return v.buffer
}

/// The views: one file per screen (`Views+Overview`, `Views+Service`, …); this one holds the
/// frame every screen shares (title bar, footer, styles).
struct Views {
    let s: AppState
    let data: DashboardData
    var buffer: Buffer
    let hideChildIDs: Bool

    var g: Glyphs { s.unicode ? .unicode : .ascii }
    var marks: Marks { s.unicode ? .unicode : .ascii }
    var cells: RowFormat { RowFormat(marks: marks) }

    // MARK: styles

    func ragStyle(_ r: RAG?) -> Style {
        guard let r else { return .plain }
        guard s.colour else { return Style(bold: r != .green) }
        switch r {
        case .green: return Style(colour: .green, bold: true)
        case .amber: return Style(colour: .yellow, bold: true)
        case .red: return Style(colour: .red, bold: true)
        }
    }

    func directionStyle(_ d: Direction?) -> Style {
        guard s.colour, let d else { return .plain }
        switch d {
        case .improving: return Style(colour: .green)
        case .worsening: return Style(colour: .red)
        default: return .plain
        }
    }

    var accent: Style { s.colour ? Style(colour: .cyan, bold: true) : .bold }
    var muted: Style { s.colour ? Style(colour: .grey) : .dim }
    var accentSpark: Style { s.colour ? Style(colour: .cyan) : .plain }

    func spark(_ id: IndicatorID, _ count: Int = 12) -> String {
        g.sparkline(data.history(id, through: s.month, count: count).map { $0.1?.value })
    }

    func row(_ id: IndicatorID) -> PageRow? { data.row(id, s.month) }

    /// A list read from the store on demand: says at the table's top that it is being read,
    /// could not be read, or is empty (`saying`); true when there are rows to draw.
    mutating func drawLoadState<Value>(_ load: Load<Value>, _ list: String, empty: Bool, saying: String, x: Int) -> Bool {
        let y = Layout.tableTop
        switch load {
        case .loading: buffer.text(Words.reading(list), x: x, y: y, style: muted)
        case .failed(let why): buffer.text(Words.couldNotRead(list, why), x: x, y: y, style: ragStyle(.red), maxWidth: s.width - x - 2)
        case .loaded where empty: buffer.text(saying, x: x, y: y, style: muted)
        case .loaded: return true
        }
        return false
    }

    // MARK: frame

    mutating func draw() {
        if Layout.tooSmall(s) {
            drawTooSmall()
            return
        }
        if s.overlay == .blank { return }
        switch s.screen {
        case .overview: drawOverview()
        case .service(let svc): drawService(svc)
        case .indicator(let id): drawIndicator(id)
        case .teams(let id): drawTeams(id)
        case .children(let id, let team): drawChildren(id, team)
        case .dataQuality: drawDataQuality()
        case .workers(let group): drawWorkers(group)
        case .present: drawSlide()
        }
        drawOverlay()
    }

    mutating func drawTooSmall() {
        let lines = ["Terminal too small: \(s.width)×\(s.height).", "pop needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight).",
                     "Enlarge the window, or q to quit."]
        for (i, l) in lines.enumerated() {
            let y = s.height / 2 - 1 + i
            buffer.text(l, x: max(0, (s.width - l.count) / 2), y: y, style: i == 0 ? .bold : .plain)
        }
        if case .message(let m) = s.overlay { buffer.text(m, x: 0, y: s.height - 1, style: .bold) }
    }

    mutating func titleBar() {
        guard let snap = data.snapshots[s.month] else {
            buffer.text(" \(data.council) · no month stored", x: 0, y: 0, style: .reverse)
            return
        }
        buffer.fill(Rect(x: 0, y: 0, width: s.width, height: 1), Cell(" ", .reverse))
        let right = data.demo ? " DEMO DATA " : ""
        // The most important parts first; the rest only where they fit.
        let notes = data.dataQualityCount(s.month)
        let parts = [" \(data.council)", "as at \(Words.longDate(snap.asAt))"]
            + (notes > 0 ? [Words.dataQualityNotes(notes) + " (d)"] : [])
            + [Words.population(snap.population, withSource: false), Words.neighbourBasis(data.statistic, asAt: snap.asAt)]
        var title = parts[0]
        for p in parts.dropFirst() where title.count + 3 + p.count <= s.width - right.count - 1 { title += " \(marks.dot) " + p }
        buffer.text(title, x: 0, y: 0, style: Style(bold: true, reverse: true), maxWidth: s.width - right.count)
        if !right.isEmpty { buffer.text(right, x: s.width - right.count, y: 0, style: Style(bold: true, reverse: true)) }
    }

    /// The footer: hints generated from the key map (or the message of the moment), and a
    /// note on the right where there is room.
    mutating func footer(_ hints: [Hint], right: String = "") {
        let y = s.height - 1
        if case .message(let m) = s.overlay {
            buffer.text(" " + m, x: 0, y: y, style: .bold)
            return
        }
        // Hints that do not fit give way whole, never a word cut: the tables' keys, export and
        // the months first, then from the end; help and back stay longest.
        var shown = hints
        let first: [Action] = [.previousTable, .export, .previousMonth]
        while KeyMap.footer(shown).count > s.width - 2, shown.count > 1 {
            if let i = first.lazy.compactMap({ a in shown.firstIndex { $0.actions.contains(a) } }).first {
                shown.remove(at: i)
            } else {
                shown.remove(at: shown.last?.actions == [.help] ? shown.count - 2 : shown.count - 1)
            }
        }
        let text = KeyMap.footer(shown)
        let roomForRight = !right.isEmpty && text.count + right.count + 4 <= s.width
        buffer.text(" " + text, x: 0, y: y, style: muted, maxWidth: s.width - 1)
        if roomForRight { buffer.textRight(right + " ", right: s.width, y: y, style: muted) }
    }

    var legend: String { marks.ragLegend(long: false) }

    /// The rows of a scrolled list screen that fit the page.
    var pageSize: Int { Layout.pageSize(s, data) }
    var scrollTop: Int { s.scroll.last ?? 0 }
}

extension Style {
    func merged(bold: Bool) -> Style {
        var s = self
        s.bold = s.bold || bold
        return s
    }
}

func leftPad(_ s: String, _ n: Int) -> String { Display.padLeft(s, n) }
