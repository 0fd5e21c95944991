import PopCalendar
import PopMetrics
import PopPage

/// The whole of the dashboard's behaviour: a message (a key, or the answer to an effect), and
/// the state it leads to. No terminal, no database: the effects it returns (save a comment,
/// write an export, read a visit list) are carried out by the caller, which sends back what
/// it read as another message.
public func update(_ s: inout AppState, _ message: Message, _ data: DashboardData) -> [Effect] {
    switch message {
    case .key(let key):
        return update(&s, key, data) + request(&s)
    case .visitsLoaded(let k, let result):
        switch result {
        case .success(let list): s.visits[k] = .loaded(list)
        case .failure(let f): s.visits[k] = .failed(f.message)
        }
        keepVisible(&s, data)
        return []
    case .workersLoaded(let m, let result):
        switch result {
        case .success(let list): s.workers[m] = .loaded(list)
        case .failure(let f): s.workers[m] = .failed(f.message)
        }
        keepVisible(&s, data)
        return []
    case .dataQualityLoaded(let m, let result):
        switch result {
        case .success(let issues):
            s.dataQuality[m] = .loaded(DataQualityReport.groups(issues, unavailable: data.snapshots[m]?.unavailable ?? []))
        case .failure(let f): s.dataQuality[m] = .failed(f.message)
        }
        keepVisible(&s, data)
        return []
    }
}

/// Opens the dashboard on a stack of screens (`pop --indicator ID --teams`), asking for what
/// the top one shows.
public func start(_ s: inout AppState, at screens: [Screen], _ data: DashboardData) -> [Effect] {
    for screen in screens { s.push(screen) }
    return request(&s)
}

/// A screen that shows something read on demand (a visit list, the month's data-quality
/// problems) not yet asked for asks for it.
func request(_ s: inout AppState) -> [Effect] {
    if let k = s.visitKey, s.visits[k] == nil {
        s.visits[k] = .loading
        return [.loadVisits(k)]
    }
    if s.screen == .dataQuality, s.dataQuality[s.month] == nil {
        s.dataQuality[s.month] = .loading
        return [.loadDataQuality(s.month)]
    }
    if case .workers = s.screen, s.workers[s.month] == nil {
        s.workers[s.month] = .loading
        return [.loadWorkers(s.month)]
    }
    return []
}

func update(_ s: inout AppState, _ key: Key, _ data: DashboardData) -> [Effect] {
    if case .resize(let w, let h) = key {
        s.width = w
        s.height = h
        keepVisible(&s, data)
        return []
    }
    switch s.overlay {
    case .help, .blank:
        s.overlay = .none
        if key == .char("q") { s.quit = true }
        return []
    case .message:
        s.overlay = .none
    case .find(let query):
        switch key {
        case .escape: s.overlay = .none
        case .backspace: s.overlay = .find(String(query.dropLast()))
        case .enter:
            s.overlay = .none
            if let first = Items.find(query).first { s.push(.indicator(first.id)) }
        case .char(let c): s.overlay = .find(query + String(c))
        default: break
        }
        return []
    case .comment(let text):
        switch key {
        case .escape: s.overlay = .none
        case .backspace: s.overlay = .comment(String(text.dropLast()))
        case .enter:
            s.overlay = .message("saved the commentary for \(s.month)")
            if case .indicator(let id) = s.screen { return [.saveComment(month: s.month, indicator: id, text: text)] }
        case .char(let c):
            if text.count < Words.commentLimit { s.overlay = .comment(text + String(c)) }
        default: break
        }
        return []
    case .none:
        break
    }

    if case .click(let x, let y) = key { return click(&s, x, y, data) }
    let presenting = s.screen == .present
    guard let action = KeyMap.action(for: key, presentation: presenting) else { return [] }
    let count = Items.count(s, data)
    switch action {
    case .quit: s.quit = true
    case .help: s.overlay = .help
    case .back: s.pop()
    case .up: s.select(max(0, s.selected - 1))
    case .down: s.select(min(max(0, count - 1), s.selected + 1))
    case .left, .right:
        if s.screen == .overview {
            let step = action == .left ? -Layout.rowsPerColumn(s.width) : Layout.rowsPerColumn(s.width)
            let target = s.selected + step
            if target >= 0 && target < count { s.select(target) }
        }
    case .pageUp: s.select(max(0, s.selected - Layout.pageSize(s, data)))
    case .pageDown: s.select(min(max(0, count - 1), s.selected + Layout.pageSize(s, data)))
    case .top: s.select(0)
    case .bottom: s.select(max(0, count - 1))
    case .open: open(&s, data)
    case .teams:
        if let id = teamIndicator(s, data) { s.push(.teams(id)) } else { s.overlay = .message(noTeams(s, data)) }
    case .dataQuality:
        if s.screen != .dataQuality && s.screen != .present { s.push(.dataQuality) }
    case .previousMonth, .nextMonth:
        guard let i = data.months.firstIndex(of: s.month) else { break }
        let j = action == .previousMonth ? i - 1 : i + 1
        if j >= 0 && j < data.months.count { s.month = data.months[j] } else {
            s.overlay = .message(action == .previousMonth ? "no earlier month stored" : "no later month stored")
        }
    case .present:
        s.push(.present)
        s.slide = 0
    case .find: s.overlay = .find("")
    case .comment:
        if case .indicator(let id) = s.screen { s.overlay = .comment(String((data.comments[s.month]?[id] ?? "").prefix(Words.commentLimit))) }
    case .export, .exportCSV:
        // Built from the view's rows, not the screen: the same at any window size.
        let format: ExportFormat = action == .export ? .markdown : .csv
        guard let text = Export.document(s, data, format) else {
            s.overlay = .message(Words.noTableHere)
            return []
        }
        return [.export(name: Layout.exportName(s, format), text: text)]
    case .nextSlide: s.slide = min(s.agenda.count - 1, s.slide + 1)
    case .previousSlide: s.slide = max(0, s.slide - 1)
    case .firstSlide: s.slide = 0
    case .lastSlide: s.slide = s.agenda.count - 1
    case .blank: s.overlay = .blank
    case .fitAxis:
        if case .indicator = s.screen { s.fittedAxis.toggle() }
    case .switchList:
        if case .children = s.screen {
            s.childList = s.childList == .overdue ? .dueSoon : .overdue
            s.select(0)
        }
    case .previousTable, .nextTable:
        if let page = Items.servicePage(s, data), let i = page.jump(from: s.selected, forward: action == .nextTable) { s.select(i) }
    }
    keepVisible(&s, data)
    return []
}

func open(_ s: inout AppState, _ data: DashboardData) {
    switch s.screen {
    case .overview: s.push(.service(Service.allCases[s.selected]))
    case .service:
        if let screen = Items.servicePage(s, data)?.open(s.selected) { s.push(screen) }
    case .teams(let id):
        let rows = Items.teams(id, data, s.month)
        guard s.selected < rows.count else { return }
        // A workforce indicator's team opens its workers; a visit indicator's, its children.
        if Catalogue.definition(id)?.service == .workforce {
            s.push(.workers(rows[s.selected].team.map(WorkerGroup.team) ?? .all))
            return
        }
        guard Catalogue.definition(id)?.hasChildList == true, let team = rows[s.selected].team else { return }
        s.push(.children(indicator: id, team: team))
        s.childList = .overdue
    case .indicator, .children, .dataQuality, .workers, .present: break
    }
}

func teamIndicator(_ s: AppState, _ data: DashboardData) -> IndicatorID? {
    switch s.screen {
    case .overview: return Service.allCases[s.selected].teamIndicator
    case .service(let svc):
        // The selected row's own indicator's teams, never another indicator's.
        guard let page = Items.servicePage(s, data), !page.items.isEmpty else { return svc.teamIndicator }
        guard let id = page.indicator(s.selected) else { return nil }
        return Catalogue.definition(id)?.byTeam == true ? id : nil
    case .indicator(let id): return Catalogue.definition(id)?.byTeam == true ? id : nil
    default: return nil
    }
}

/// Why `t` opens nothing here: "S47 enquiries has no team breakdown".
func noTeams(_ s: AppState, _ data: DashboardData) -> String {
    var def: IndicatorDefinition?
    switch s.screen {
    case .service:
        def = Items.servicePage(s, data)?.indicator(s.selected).flatMap(Catalogue.definition)
    case .indicator(let id): def = Catalogue.definition(id)
    default: break
    }
    return def.map { "\($0.title) has no team breakdown" } ?? "no team figures here"
}

/// A click opens what it lands on, if ncurses reports mouse events.
func click(_ s: inout AppState, _ x: Int, _ y: Int, _ data: DashboardData) -> [Effect] {
    switch s.screen {
    case .overview:
        for (i, r) in Layout.panels(s, data).enumerated() where r.contains(x: x, y: y) {
            s.select(i)
            open(&s, data)
            return []
        }
    case .service:
        // A click on a row opens it; not on a header, a gap, or the header kept over a row.
        let scroll = s.scroll.last ?? 0
        guard let page = Items.servicePage(s, data), y >= Layout.serviceTop, y < Layout.serviceTop + Layout.pageSize(s, data),
              !(scroll > 0 && y == Layout.serviceTop), let item = page.items.firstIndex(of: y - Layout.serviceTop + scroll) else { break }
        s.select(item)
        open(&s, data)
    case .teams:
        let row = y - Layout.tableTop + (s.scroll.last ?? 0)
        if y >= Layout.tableTop && y < Layout.tableTop + Layout.pageSize(s, data) && row >= 0 && row < Items.count(s, data) {
            s.select(row)
            open(&s, data)
        }
    default: break
    }
    keepVisible(&s, data)
    return []
}

/// Scrolls so the selected item is on screen.
func keepVisible(_ s: inout AppState, _ data: DashboardData) {
    let level = s.scroll.count - 1
    switch s.screen {
    case .overview:
        let panels = Layout.panels(AppState.unscrolled(s), data)
        guard s.selected < panels.count else { return }
        let p = panels[s.selected]
        let visibleTop = Layout.bodyTop, visibleBottom = s.height - 1
        var scroll = s.scroll[level]
        if p.y - scroll < visibleTop { scroll = p.y - visibleTop }
        if p.maxY - scroll > visibleBottom { scroll = p.maxY - visibleBottom }
        // Never scrolled further than the panels need (a window made larger shows them all).
        let bottom = panels.map(\.maxY).max() ?? 0
        s.scroll[level] = max(0, min(scroll, bottom - visibleBottom))
    case .service:
        // The page scrolls by lines; the selected row stays below the first line once scrolled
        // (a table's header is kept there), and a table's header shows above its first row.
        guard let page = Items.servicePage(s, data), s.selected < page.items.count else {
            s.scroll[level] = 0
            return
        }
        let line = page.items[s.selected], rows = Layout.pageSize(s, data)
        var scroll = s.scroll[level]
        if line < scroll + (scroll > 0 ? 1 : 0) { scroll = line - 1 }
        if line >= scroll + rows { scroll = line - rows + 1 }
        s.scroll[level] = max(0, min(scroll, max(0, page.lines.count - rows)))
    case .teams, .children, .dataQuality, .workers:
        let rows = Layout.pageSize(s, data)
        var scroll = s.scroll[level]
        if s.selected < scroll { scroll = s.selected }
        if s.selected >= scroll + rows { scroll = s.selected - rows + 1 }
        s.scroll[level] = max(0, scroll)
    default: break
    }
}

extension AppState {
    static func unscrolled(_ s: AppState) -> AppState {
        var t = s
        t.scroll[t.scroll.count - 1] = 0
        return t
    }
}
