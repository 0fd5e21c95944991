import PopCalendar
import PopExtract
import PopMetrics
import PopScreen

/// Draws the whole state into a fresh buffer. Pure: the same state and data give the same cells.
/// `hideChildIDs` is set for exports: child IDs appear only on screen, in the team drill-down.
public func render(_ s: AppState, _ data: DashboardData, hideChildIDs: Bool = false) -> Buffer {
    var v = Views(s: s, data: data, buffer: Buffer(width: s.width, height: s.height), hideChildIDs: hideChildIDs)
    v.draw()
    return v.buffer
}

struct Views {
    let s: AppState
    let data: DashboardData
    var buffer: Buffer
    let hideChildIDs: Bool

    var g: Glyphs { s.unicode ? .unicode : .ascii }

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

    // MARK: cells of a row

    func rag(_ r: RAG?) -> String {
        guard let r else { return "" }
        let symbol = r == .green ? g.green : r == .amber ? g.amber : g.red
        return symbol + " " + r.letter
    }

    func change(_ r: PageRow) -> String {
        guard let c = r.change, let d = r.direction else { return "–" }
        let arrow = d == .noChange ? g.same : c > 0 ? g.up : g.down
        let size: String
        switch r.current.unit {
        case .count: size = Display.grouped(Int(abs(c).rounded()))
        default: size = Display.decimal(abs(c))
        }
        return d == .noChange ? arrow : arrow + " " + size
    }

    func variance(_ r: PageRow) -> String {
        r.current.variance.map { Display.variance($0, targetIsZero: r.current.target == 0) } ?? ""
    }

    func target(_ r: PageRow) -> String {
        guard let t = r.current.target else { return "" }
        return r.current.unit == .count ? Display.grouped(Int(t.rounded())) : Display.decimal(t) + (r.current.unit == .percent ? "%" : "")
    }

    func value(_ v: IndicatorValue?) -> String { v.map(Display.value) ?? "–" }

    func sn(_ r: PageRow) -> String {
        guard let n = r.neighbours else { return "" }
        return "SN " + (r.current.unit == .count ? Display.grouped(Int(n.value.rounded())) : Display.decimal(n.value))
    }

    func spark(_ id: String, _ count: Int = 12) -> String {
        g.sparkline(data.history(id, through: s.month, count: count).map { $0.1?.value })
    }

    func row(_ id: String) -> PageRow? { data.rows(s.month).first { $0.current.id == id && $0.current.team == nil } }

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
    }

    mutating func titleBar() {
        guard let snap = data.snapshots[s.month] else {
            buffer.text(" \(data.council) · no month stored", x: 0, y: 0, style: .reverse)
            return
        }
        buffer.fill(Rect(x: 0, y: 0, width: s.width, height: 1), Cell(" ", .reverse))
        let pop = snap.population.age0to17.map { "pop 0–17 \(Display.grouped($0))" } ?? "population missing"
        let right = data.demo ? " DEMO DATA " : ""
        // The most important parts first; the rest only where they fit.
        let parts = [" \(data.council)", "as at \(ReportHeading.longDate(snap.asAt))", pop,
                     "SN \(data.statistic.rawValue) (\(Benchmark.defaultPeriod(for: snap.asAt)))"]
        var title = parts[0]
        for p in parts.dropFirst() where title.count + 3 + p.count <= s.width - right.count - 1 { title += " \(g.dot) " + p }
        buffer.text(title, x: 0, y: 0, style: Style(bold: true, reverse: true), maxWidth: s.width - right.count)
        if !right.isEmpty { buffer.text(right, x: s.width - right.count, y: 0, style: Style(bold: true, reverse: true)) }
    }

    mutating func footer(_ hints: String, right: String = "") {
        let y = s.height - 1
        if case .message(let m) = s.overlay {
            buffer.text(" " + m, x: 0, y: y, style: .bold)
            return
        }
        let roomForRight = !right.isEmpty && hints.count + right.count + 4 <= s.width
        buffer.text(" " + hints, x: 0, y: y, style: muted, maxWidth: s.width - 1)
        if roomForRight { buffer.textRight(right + " ", right: s.width, y: y, style: muted) }
    }

    var legend: String { "\(g.green)G met  \(g.amber)A near  \(g.red)R missed" }

    // MARK: overview

    mutating func drawOverview() {
        titleBar()
        let panels = Layout.panels(s, data)
        for (i, service) in Service.allCases.enumerated() {
            drawPanel(service, panels[i], selected: i == s.selected)
        }
        // Panels scrolled under the title bar are cut there.
        buffer.fill(Rect(x: 0, y: s.height - 1, width: s.width, height: 1))
        titleBar()
        footer("←→↑↓ move  Enter open  t teams  [ ] month  p present  / find  ? help  q quit", right: legend)
    }

    mutating func drawPanel(_ service: Service, _ r: Rect, selected: Bool) {
        guard r.maxY > Layout.bodyTop && r.y < s.height - 1 else { return }
        var clip = Buffer(width: r.width, height: r.height)
        let box = Rect(x: 0, y: 0, width: r.width, height: r.height)
        let frame = selected ? accent : (s.colour ? Style(colour: .grey) : .plain)
        clip.box(box, title: (selected ? g.selected + " " : "") + service.title, glyphs: g, style: frame, titleStyle: selected ? accent : .bold)
        let inner = r.width - 2
        guard let snap = data.snapshots[s.month] else { return }
        let ids = Headlines.ids(service).filter { snap.value($0) != nil }
        if ids.isEmpty {
            let lists = Set(Catalogue.definitions.filter { $0.service == service }.flatMap(\.lists)).sorted().map(\.fileName).joined(separator: ", ")
            clip.text(" not supplied: no \(lists) in this extract", x: 1, y: 1, style: muted, maxWidth: inner)
        }
        for (k, id) in ids.enumerated() {
            guard let row = row(id) else { continue }
            drawPanelLine(&clip, row, y: k + 1, width: inner)
        }
        for yy in 0..<r.height where r.y + yy >= Layout.bodyTop && r.y + yy < s.height - 1 {
            for xx in 0..<r.width { buffer[r.x + xx, r.y + yy] = clip[xx, yy] }
        }
    }

    /// Title, value, RAG and change; then variance, SN and the sparkline as the width allows.
    func drawPanelLine(_ b: inout Buffer, _ r: PageRow, y: Int, width: Int) {
        let x0 = 2
        let w = width - 3
        let titleWidth = 19
        let essentials: [(String, Int, Style, Bool)] = [(value(r.current), 7, .bold, false), (compactRag(r.current.rag), 3, ragStyle(r.current.rag), true),
                                                        (change(r), 7, directionStyle(r.direction), false)]
        // One reference column: the target where there is one, else the SN figure; SN gets a
        // column of its own (for rows with both) only when there is room.
        let hasTarget = r.current.target != nil
        let optional: [(String, Int, Style, Bool)] = [(variance(r), 8, ragStyle(r.current.rag), false),
                                                      (hasTarget ? "T " + target(r) : sn(r), 8, muted, false), (hasTarget ? sn(r) : "", 8, muted, false),
                                                      (spark(r.current.id), 12, accentSpark, true)]
        var columns = essentials
        var used = titleWidth + essentials.reduce(0) { $0 + $1.1 + 1 }
        var chosen: [Int] = []
        // After the essentials: the sparkline, then variance, target and SN, as the width allows.
        for i in [3, 0, 1, 2] where used + optional[i].1 + 1 <= w {
            chosen.append(i)
            used += optional[i].1 + 1
        }
        for i in chosen.sorted() { columns.append(optional[i]) }
        b.text(Headlines.panelTitle(r.current.id), x: x0, y: y, maxWidth: titleWidth)
        var x = x0 + titleWidth
        for (text, cw, style, leftAligned) in columns {
            b.text(leftAligned ? text : leftPad(text, cw), x: x + 1, y: y, style: style, maxWidth: cw)
            x += cw + 1
        }
    }

    func compactRag(_ r: RAG?) -> String { r.map { ($0 == .green ? g.green : $0 == .amber ? g.amber : g.red) + $0.letter } ?? "" }

    var accentSpark: Style { s.colour ? Style(colour: .cyan) : .plain }

    // MARK: a service

    mutating func drawService(_ service: Service) {
        titleBar()
        buffer.text(" \(service.title) \(g.dot) \(ReportHeading.monthName(s.month))", x: 0, y: 1, style: accent)
        let rows = Items.service(service, data, s.month)
        let cols: [(String, Int)] = [("Latest", 11), ("Previous", 11), ("Change", 9), ("Target", 7), ("Variance", 9), ("RAG", 4), ("SN", 7), ("Trend", 13)]
        let fixed = cols.reduce(0) { $0 + $1.1 + 1 }
        let titleWidth = max(20, s.width - fixed - 3)
        var x = 2 + titleWidth
        buffer.text("Indicator", x: 2, y: 3, style: .bold)
        for (name, w) in cols {
            buffer.text(name == "Trend" ? " " + name : leftPad(name, w), x: x + 1, y: 3, style: .bold, maxWidth: w)
            x += w + 1
        }
        if rows.isEmpty {
            buffer.text("Not supplied: " + ReportTextMissing.lists(service, data.snapshots[s.month]), x: 2, y: Layout.tableTop, style: muted)
        }
        for (r, y, selected) in pageOfRows(rows) {
            let base = selected ? Style.reverse : Style.plain
            func st(_ style: Style) -> Style { var t = style; t.reverse = selected; return t }
            buffer.text(selected ? g.selected : " ", x: 0, y: y, style: base)
            let title = (r.definition.isBreakdown ? "  " : "") + r.definition.title
            buffer.text(title, x: 2, y: y, style: base, maxWidth: titleWidth)
            let latest = r.definition.isBreakdown ? "\(r.current.numerator.map(Display.grouped) ?? "–") \(value(r.current))" : value(r.current)
            let previous = r.previous.map { p in r.definition.isBreakdown ? "\(p.numerator.map(Display.grouped) ?? "–") \(value(p))" : value(p) } ?? "–"
            let cells: [(String, Style)] = [(latest, st(.bold)), (previous, base), (change(r), st(directionStyle(r.direction))), (target(r), base),
                                           (variance(r), st(ragStyle(r.current.rag))), (rag(r.current.rag), st(ragStyle(r.current.rag))),
                                           (r.neighbours.map { Display.decimal($0.value) } ?? "", base), (spark(r.current.id), st(accentSpark))]
            var x = 2 + titleWidth
            for ((text, style), (name, w)) in zip(cells, cols) {
                buffer.text(name == "Trend" ? " " + text : leftPad(text, w), x: x + 1, y: y, style: style, maxWidth: w)
                x += w + 1
            }
        }
        // The month's commentary for this service.
        let comments = rows.compactMap { r in r.commentary.map { "\(r.definition.title): \($0)" } }
        let commentTop = s.height - 4
        buffer.text(comments.isEmpty ? "No commentary for \(ReportHeading.monthName(s.month))." : "Data comments", x: 2, y: commentTop,
                    style: comments.isEmpty ? muted : .bold)
        for (i, c) in comments.prefix(2).enumerated() { buffer.text(c, x: 2, y: commentTop + 1 + i, maxWidth: s.width - 4) }
        footer("↑↓ move  Enter indicator  t teams  [ ] month  e export  Esc back  ? help", right: legend)
    }

    // MARK: an indicator

    /// The rows of a scrolled table that fit the page, each with its screen line and whether it
    /// is selected; the selected row's line is filled in reverse video before it is drawn.
    mutating func pageOfRows<Row>(_ rows: [Row]) -> [(row: Row, y: Int, selected: Bool)] {
        let top = s.scroll.last ?? 0
        var page: [(row: Row, y: Int, selected: Bool)] = []
        for (i, r) in rows.enumerated().dropFirst(top).prefix(Layout.pageSize(s)) {
            let y = Layout.tableTop + i - top
            let selected = i == s.selected
            if selected { buffer.fill(Rect(x: 0, y: y, width: s.width, height: 1), Cell(" ", .reverse)) }
            page.append((r, y, selected))
        }
        return page
    }

    mutating func drawIndicator(_ id: String) {
        titleBar()
        guard let def = Catalogue.definition(id) else { return }
        let r = row(id)
        buffer.text(" \(def.service.title) › \(def.title) \(g.dot) \(ReportHeading.monthName(s.month))", x: 0, y: 1, style: accent)
        var line = "  Latest " + value(r?.current)
        if let r, r.current.target != nil { line += "   target \(target(r))  \(rag(r.current.rag)) \(variance(r))" }
        if let r, r.previous != nil { line += "   last month \(value(r.previous))  \(change(r))" }
        if let n = r?.neighbours { line += "   \(n.label) \(Display.decimal(n.value))" + (n.rank.map { ", rank \($0) of \(n.rankedAmong ?? 0)" } ?? "") }
        buffer.text(line, x: 0, y: 2, style: .bold)
        // Trend chart: every stored month up to this one.
        let history = data.history(id, through: s.month)
        let chartTop = 4, chartHeight = max(5, (s.height - 12) / 2)
        drawChart(history, id: id, r: r, rect: Rect(x: 2, y: chartTop, width: s.width - 4, height: chartHeight))
        var y = chartTop + chartHeight + 1
        // Monthly values.
        let cells = history.map { m, v in "\(shortMonth(m)) \(v.map(Display.value) ?? "–")" }
        var text = ""
        for c in cells {
            let piece = c + "   "
            if text.count + piece.count > s.width - 4 {
                buffer.text(text, x: 2, y: y)
                y += 1
                text = ""
            }
            text += piece
        }
        if !text.isEmpty { buffer.text(text, x: 2, y: y); y += 1 }
        y += 1
        for l in wrap("What it measures: " + def.definition, width: s.width - 4).prefix(3) {
            buffer.text(l, x: 2, y: y, style: muted)
            y += 1
        }
        y += 1
        let comment = data.comments[s.month]?[id]
        buffer.text(comment == nil ? "No commentary for \(ReportHeading.monthName(s.month)) (c to write one)." : "Commentary:", x: 2, y: y,
                    style: comment == nil ? muted : .bold)
        if let comment {
            for (i, l) in wrap(comment, width: s.width - 4).prefix(max(0, s.height - 2 - y)).enumerated() { buffer.text(l, x: 2, y: y + 1 + i) }
        }
        footer("c comment  t teams  [ ] month  e export  Esc back  ? help")
    }

    func shortMonth(_ m: YearMonth) -> String {
        String(ReportHeading.monthName(m).prefix(3)) + " " + String(m.year % 100 < 10 ? "0" : "") + String(m.year % 100)
    }

    mutating func drawChart(_ history: [(YearMonth, IndicatorValue?)], id: String, r: PageRow?, rect: Rect) {
        let values = history.map { $0.1?.value }
        let targetValue = data.target(id, at: s.month)
        let snValue = r?.neighbours?.value
        let all = values.compactMap { $0 } + [targetValue, snValue].compactMap { $0 }
        guard let hi0 = all.max(), let lo0 = all.min() else {
            buffer.text("No values to chart.", x: rect.x, y: rect.y, style: muted)
            return
        }
        // Not from zero: month-to-month movement is what the chart is for; the axis says where it starts.
        let pad = (hi0 - lo0) * 0.15
        let lo = max(0, lo0 - pad), hi = hi0 == lo ? lo + 1 : hi0
        let axisWidth = 8
        let plot = Rect(x: rect.x + axisWidth, y: rect.y, width: rect.width - axisWidth, height: rect.height - 1)
        let unit = Catalogue.definition(id)?.unit ?? .count
        func label(_ v: Double) -> String { unit == .count ? Display.grouped(Int(v.rounded())) : Display.decimal(v) }
        buffer.text(leftPad(label(hi), axisWidth - 1), x: rect.x, y: plot.y, style: muted)
        buffer.text(leftPad(label(lo), axisWidth - 1), x: rect.x, y: plot.maxY - 1, style: muted)
        for yy in plot.y..<plot.maxY { buffer[plot.x - 1, yy] = Cell(g.vertical, muted) }
        func level(_ v: Double) -> Int { Int(((v - lo) / (hi - lo) * Double(plot.height * 8)).rounded()) }  // eighths of a row
        let n = max(1, values.count)
        let slot = max(1, min(6, plot.width / n))
        let barWidth = max(1, slot - 1)
        // Target and SN lines first, so bars draw over them.
        for (v, ch, style) in [(targetValue, g.targetLine, ragStyle(.red)), (snValue, g.neighbourLine, accent)] {
            guard let v else { continue }
            let yy = plot.maxY - 1 - min(plot.height - 1, level(v) / 8)
            for xx in plot.x..<min(plot.maxX, plot.x + slot * n) { buffer[xx, yy] = Cell(ch, s.colour ? style : .bold) }
        }
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            let eighths = max(1, level(v))
            let x = plot.x + i * slot
            let isCurrent = i == values.count - 1
            let style = s.colour ? Style(colour: isCurrent ? .cyan : .blue, bold: isCurrent) : (isCurrent ? Style.bold : Style.plain)
            for row in 0..<plot.height {
                let fill = eighths - row * 8
                guard fill > 0 else { break }
                let ch = fill >= 8 ? g.full : g.levels[max(0, min(7, fill - 1))]
                for dx in 0..<barWidth where x + dx < plot.maxX { buffer[x + dx, plot.maxY - 1 - row] = Cell(ch, style) }
            }
        }
        // Month labels under the first and last bars, and the legend.
        if let first = history.first { buffer.text(shortMonth(first.0), x: plot.x, y: plot.maxY, style: muted) }
        if let last = history.last {
            let lx = plot.x + (values.count - 1) * slot
            if lx > plot.x + 8 { buffer.text(shortMonth(last.0), x: lx, y: plot.maxY, style: muted) }
        }
        var legend = "\(g.full) value"
        if let t = targetValue { legend += "  \(g.targetLine) target \(label(t))" }
        if let sn = r?.neighbours { legend += "  \(g.neighbourLine) \(sn.label) \(Display.decimal(sn.value))" }
        buffer.textRight(legend, right: rect.maxX, y: plot.maxY, style: muted)
    }

    // MARK: teams

    mutating func drawTeams(_ id: String) {
        titleBar()
        guard let def = Catalogue.definition(id) else { return }
        let rows = Items.teams(id, data, s.month)
        let council = rows.last?.row
        let targetText = council.flatMap { $0.current.target != nil ? " \(g.dot) target \(target($0))" : nil } ?? ""
        buffer.text(" \(def.service.title) › \(def.title) › by team \(g.dot) \(ReportHeading.monthName(s.month))\(targetText)", x: 0, y: 1, style: accent)
        let percent = def.unit == .percent
        let cols: [(String, Int)] = percent
            ? [("Cases", 7), ("In time", 8), ("%", 7), ("vs target", 14), ("Change", 9)]
            : [("Count", 7), ("Change", 9)]
        let titleWidth = 36
        buffer.text("Team", x: 2, y: 3, style: .bold)
        var x = 2 + titleWidth
        for (name, w) in cols {
            buffer.text(leftPad(name, w), x: x + 1, y: 3, style: .bold)
            x += w + 1
        }
        for (t, y, selected) in pageOfRows(rows) {
            let all = t.team == "All teams"
            func st(_ style: Style) -> Style { var x = style; x.reverse = selected; if all { x.bold = true }; return x }
            buffer.text(selected ? g.selected : " ", x: 0, y: y, style: st(.plain))
            buffer.text(t.team, x: 2, y: y, style: st(.plain), maxWidth: titleWidth)
            let r = t.row
            let cells: [(String, Style)] = percent
                ? [(r.current.denominator.map(Display.grouped) ?? "–", st(.plain)), (r.current.numerator.map(Display.grouped) ?? "–", st(.plain)),
                   (value(r.current), st(.bold)), (Display.trimmed(rag(r.current.rag) + " " + variance(r)), st(ragStyle(r.current.rag))),
                   (change(r), st(directionStyle(r.direction)))]
                : [(value(r.current), st(.bold)), (change(r), st(directionStyle(r.direction)))]
            var x = 2 + titleWidth
            for ((text, style), (_, w)) in zip(cells, cols) {
                buffer.text(leftPad(text, w), x: x + 1, y: y, style: style, maxWidth: w)
                x += w + 1
            }
        }
        let canDrill = Headlines.visitIndicators.contains(id)
        footer((canDrill ? "Enter overdue children  " : "") + "↑↓ move  [ ] month  e export  Esc back  ? help",
               right: percent || def.polarity != .none ? "worst first" : "largest first")
    }

    mutating func drawChildren(_ id: String, _ team: String) {
        titleBar()
        guard let def = Catalogue.definition(id) else { return }
        let list = Items.overdue(id, team, data, s.month)
        let working = list.first?.workingDays ?? (id != "cla.visits_in_time")
        buffer.text(" \(team) › \(def.title) › \(list.count) overdue", x: 0, y: 1, style: accent)
        let unit = working ? "working days" : "days"
        buffer.text(" Time since the last visit (or the start, when none is recorded) in \(unit); the limit is \(list.first?.limit ?? (working ? 10 : 42)).",
                    x: 0, y: 2, style: muted)
        let header: [(String, Int)] = [("Child ID", 11), ("Worker", 22), ("Last visit", 11), ("  Since", 7), ("Overdue", 8)]
        var x = 2
        for (name, w) in header {
            buffer.text(name, x: x, y: 3, style: .bold, maxWidth: w)
            x += w + 1
        }
        if list.isEmpty { buffer.text("No overdue children in this team.", x: 2, y: Layout.tableTop, style: muted) }
        for (c, y, selected) in pageOfRows(list) {
            let base = selected ? Style.reverse : Style.plain
            let cells = [hideChildIDs ? "(hidden)" : c.child, c.worker.isEmpty ? "–" : c.worker, c.lastVisit?.annexA ?? "none",
                         leftPad(String(c.elapsed), 7), leftPad(String(c.overdueBy), 7)]
            var x = 2
            for (text, (_, w)) in zip(cells, header) {
                buffer.text(text, x: x, y: y, style: base, maxWidth: w)
                x += w + 1
            }
        }
        footer("↑↓ move  [ ] month  Esc back  ? help", right: "most overdue first \(g.dot) limit \(list.first?.limit ?? (working ? 10 : 42)) \(working ? "working days" : "days")")
    }

    // MARK: presentation

    mutating func drawSlide() {
        guard !s.agenda.isEmpty else { return }
        let slide = s.agenda[min(s.slide, s.agenda.count - 1)]
        let heading: String
        switch slide {
        case .service(let svc): heading = svc.title.uppercased()
        case .indicator(let id): heading = (Catalogue.definition(id)?.service.title ?? "").uppercased()
        }
        let title = "\(heading) \(g.dot) \(ReportHeading.monthName(s.month))" + (data.demo ? " \(g.dot) DEMO DATA" : "")
        buffer.text(title, x: max(0, (s.width - title.count) / 2), y: 1, style: Style(bold: true, underline: true))
        switch slide {
        case .service(let svc): drawServiceSlide(svc)
        case .indicator(let id): drawIndicatorSlide(id)
        }
        let foot = "slide \(s.slide + 1) of \(s.agenda.count) \(g.dot) \(ReportHeading.monthName(s.month)) \(g.dot) PgDn next \(g.dot) b blank"
        buffer.text(" Esc leave", x: 0, y: s.height - 1, style: muted)
        buffer.textRight(foot + " ", right: s.width, y: s.height - 1, style: .bold)
    }

    mutating func drawServiceSlide(_ svc: Service) {
        let ids = Headlines.ids(svc).filter { row($0) != nil }
        if ids.isEmpty {
            buffer.text("Not supplied in this month's extract.", x: 4, y: 4, style: .bold)
            return
        }
        let gap = max(1, min(3, (s.height - 6) / max(1, ids.count)))
        let blockWidth = min(s.width - 8, 90)
        let x0 = (s.width - blockWidth) / 2
        for (i, id) in ids.enumerated() {
            guard let r = row(id) else { continue }
            let y = 4 + i * gap
            buffer.text(r.definition.title, x: x0, y: y, style: .bold, maxWidth: blockWidth - 30)
            buffer.textRight(value(r.current), right: x0 + blockWidth - 18, y: y, style: .bold)
            buffer.text(rag(r.current.rag), x: x0 + blockWidth - 15, y: y, style: ragStyle(r.current.rag))
            buffer.text(variance(r), x: x0 + blockWidth - 10, y: y, style: ragStyle(r.current.rag))
        }
    }

    mutating func drawIndicatorSlide(_ id: String) {
        guard let def = Catalogue.definition(id) else { return }
        guard let r = row(id) else {
            buffer.text("\(def.title): not supplied in this month's extract.", x: 4, y: 4, style: .bold)
            return
        }
        let digits = BigDigits.render(value(r.current), full: g.full)
        let bigWidth = digits.first?.count ?? 0
        let side = s.width >= bigWidth + 50
        let x0 = side ? max(2, (s.width - bigWidth - 46) / 2) : max(0, (s.width - bigWidth) / 2)
        let y0 = max(3, (s.height - 8) / 2)
        for (i, line) in digits.enumerated() { buffer.text(line, x: x0, y: y0 + i, style: ragStyle(r.current.rag).merged(bold: true)) }
        var lines: [(String, Style)] = [(def.title, .bold)]
        if r.current.target != nil {
            lines.append(("target \(target(r))  \(g.dot)  \(rag(r.current.rag))  \(g.dot)  \(variance(r))", ragStyle(r.current.rag)))
        } else {
            lines.append(("monitored: no target", muted))
        }
        if r.previous != nil {
            let unit = r.current.unit == .percent ? " points" : ""
            lines.append(("last month \(value(r.previous))  \(change(r))\(unit)", directionStyle(r.direction)))
        }
        if let n = r.neighbours { lines.append(("\(n.label) \(Display.decimal(n.value))", .plain)) }
        lines.append(("12 months  " + spark(id), accentSpark))
        let tx = side ? x0 + bigWidth + 6 : 4
        let ty = side ? y0 : y0 + 7
        for (i, (text, style)) in lines.enumerated() { buffer.text(text, x: tx, y: ty + i, style: style, maxWidth: s.width - tx - 1) }
    }

    // MARK: overlays

    mutating func drawOverlay() {
        switch s.overlay {
        case .help:
            let lines = KeyMap.helpLines(presentation: s.screen == .present)
            let rowsAvailable = s.height - 6
            let twoColumns = lines.count > rowsAvailable
            let perColumn = twoColumns ? (lines.count + 1) / 2 : lines.count
            let colWidth = (lines.map(\.count).max() ?? 20) + 2
            let w = min(s.width - 2, (twoColumns ? 2 * colWidth : colWidth) + 4), h = min(s.height - 2, perColumn + 4)
            let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
            buffer.fill(r)
            buffer.box(r, title: "Keys", glyphs: g, style: accent, titleStyle: accent)
            for (i, l) in lines.enumerated() {
                let col = i / perColumn, row = i % perColumn
                guard row < h - 4 else { continue }
                buffer.text(l, x: r.x + 2 + col * colWidth, y: r.y + 1 + row, maxWidth: colWidth - 1)
            }
            buffer.text("any key closes", x: r.x + 2, y: r.maxY - 2, style: muted)
        case .find(let query):
            let matches = Items.find(query).prefix(8)
            let h = matches.count + 3, w = min(s.width - 4, 70)
            let r = Rect(x: 2, y: s.height - 1 - h, width: w, height: h)
            buffer.fill(r)
            buffer.box(r, title: "Find an indicator", glyphs: g, style: accent, titleStyle: accent)
            for (i, d) in matches.enumerated() {
                buffer.text("\(d.title)  (\(d.service.title))", x: r.x + 2, y: r.y + 1 + i, style: i == 0 ? .bold : .plain, maxWidth: w - 4)
            }
            buffer.fill(Rect(x: 0, y: s.height - 1, width: s.width, height: 1))
            buffer.text(" / " + query + "_", x: 0, y: s.height - 1, style: .bold)
            buffer.textRight("Enter open  Esc cancel ", right: s.width, y: s.height - 1, style: muted)
        case .comment(let text):
            let r = Rect(x: 0, y: s.height - 4, width: s.width, height: 4)
            buffer.fill(r)
            var title = ""
            if case .indicator(let id) = s.screen { title = Catalogue.definition(id)?.title ?? id }
            buffer.text(" Commentary for \(title), \(ReportHeading.monthName(s.month)) (Enter saves, Esc cancels):", x: 0, y: r.y, style: accent)
            let shown = wrap(text + "_", width: s.width - 4).suffix(2)
            for (i, l) in shown.enumerated() { buffer.text(l, x: 2, y: r.y + 1 + i, style: .bold) }
        default:
            break
        }
    }
}

enum ReportTextMissing {
    static func lists(_ service: Service, _ snap: Snapshot?) -> String {
        let missing = snap?.missingLists ?? []
        let lists = Set(Catalogue.definitions.filter { $0.service == service }.flatMap(\.lists)).sorted().filter { missing.contains($0) }
        return "the extract has no " + lists.map(\.fileName).joined(separator: ", ")
    }
}

func leftPad(_ s: String, _ n: Int) -> String { Display.padLeft(s, n) }

extension Style {
    func merged(bold: Bool) -> Style {
        var s = self
        s.bold = s.bold || bold
        return s
    }
}
