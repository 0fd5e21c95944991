import PopMetrics
import PopPage
import PopScreen

/// The team drill-down: an indicator by team, worst first, the council's row last, with each
/// team's 95% interval, its overdue and due-soon counts and a funnel plot beneath; and a team's
/// children whose visit is overdue or falls due soon.
extension Views {
    /// One column of the team table, what each row shows in it, and how readily it gives way on
    /// a narrow screen (the highest `drop` goes first; nil never).
    struct TeamColumn {
        let column: Table.Column
        let drop: Int?
        let cell: (Items.TeamRow) -> Table.Cell
    }

    mutating func drawTeams(_ id: IndicatorID) {
        titleBar()
        guard let def = Catalogue.definition(id) else { return }
        let rows = Items.teams(id, data, s.month)
        let council = rows.last?.row
        var heading = " \(def.service.title) › \(def.title) › by team \(marks.dot) \(Words.monthName(s.month))"
        if let c = council, c.current.target != nil { heading += " \(marks.dot) target \(cells.target(c))" }
        if def.unit == .percent, let c = council, c.current.value != nil { heading += " \(marks.dot) council \(cells.value(c.current))" }
        buffer.text(heading, x: 0, y: 1, style: accent)
        let layout = Layout.teams(s, id: id, rows: rows.count)
        let columns = teamColumns(def, rows)
        let table = Table(columns: columns.map(\.column))
        table.drawHeader(into: &buffer, y: 3)
        let lines: [[Table.Cell]] = rows.map { t in columns.map { $0.cell(t) } }
        table.drawRows(lines, into: &buffer, top: Layout.tableTop, pageSize: layout.pageSize, scroll: scrollTop, selected: s.selected, marker: g.selected)
        if let rect = layout.funnel, let c = council { drawFunnel(def, council: c, teams: rows.compactMap { $0.team == nil ? nil : $0.row }, rect: rect) }
        footer((def.hasChildList ? [Hint(.open, "overdue and due-soon children")] : []) + [Hint([.up, .down], "move"),
               Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.export, "export"), Hint(.back, "back"), Hint(.help, "help")],
               right: percentOrPolarity(def) ? "worst first" : "largest first")
    }

    func percentOrPolarity(_ def: IndicatorDefinition) -> Bool { def.unit == .percent || def.polarity != .none }

    /// The team table's columns that fit the width: the team's name as wide as the longest (up
    /// to 36), giving way to the interval first, then the change, the numbers in time, the
    /// distance from target, and the due-soon and overdue counts last.
    func teamColumns(_ def: IndicatorDefinition, _ rows: [Items.TeamRow]) -> [TeamColumn] {
        func st(_ t: Items.TeamRow, _ style: Style) -> Style { t.team == nil ? style.merged(bold: true) : style }
        var figures: [TeamColumn] = []
        if def.unit == .percent {
            let counts = Items.visitCounts(s)
            let load = s.visitKey.flatMap { s.visits[$0] }
            func count(_ t: Items.TeamRow, _ pick: ((overdue: Int, dueSoon: Int)) -> Int) -> Table.Cell {
                guard let counts else { return Table.Cell(load.map { if case .failed = $0 { "?" } else { "…" } } ?? "", st(t, muted)) }
                if let team = t.team { return Table.Cell(String(pick(counts[team] ?? (0, 0))), st(t, .plain)) }
                return Table.Cell(String(counts.values.map(pick).reduce(0, +)), st(t, .plain))
            }
            figures = [
                TeamColumn(column: Table.Column("Cases", width: 5), drop: nil) { t in
                    Table.Cell(t.row.current.denominator.map(Display.grouped) ?? "–", st(t, .plain)) },
                TeamColumn(column: Table.Column("In time", width: 7), drop: 3) { t in
                    Table.Cell(t.row.current.numerator.map(Display.grouped) ?? "–", st(t, .plain)) },
                TeamColumn(column: Table.Column("%", width: 6), drop: nil) { t in Table.Cell(cells.value(t.row.current), st(t, .bold)) },
                TeamColumn(column: Table.Column(Words.intervalHeading, width: 19, align: .left), drop: 5) { t in
                    guard let ci = t.row.interval, let v = t.row.current.value else { return Table.Cell("", .plain) }
                    let whisker = Whisker.text(low: ci.low, value: v, high: ci.high, width: 12, glyphs: g)
                    return Table.Cell(whisker + " " + cells.interval(t.row.current), st(t, muted))
                },
                TeamColumn(column: Table.Column("vs target", width: 12), drop: 2) { t in
                    Table.Cell(Display.trimmed(cells.rag(t.row) + " " + cells.variance(t.row)), st(t, ragStyle(t.row.current.rag))) },
            ]
            if def.hasChildList {
                figures += [
                    TeamColumn(column: Table.Column(Words.overdueHeading, width: 7), drop: 0) { t in count(t, \.overdue) },
                    TeamColumn(column: Table.Column(Words.dueSoonHeading, width: 9), drop: 1) { t in count(t, \.dueSoon) },
                ]
            }
            figures.append(TeamColumn(column: Table.Column("Change", width: 12), drop: 4) { t in
                // A team's change reads "within noise" when chance alone could give it; the council keeps its arrow.
                let noise = t.team != nil && t.row.changeTest?.withinNoise == true && t.row.change != nil
                return Table.Cell(cells.changeOrNoise(t.row, noise: t.team != nil), st(t, noise ? muted : directionStyle(t.row.direction)))
            })
        } else {
            figures = [
                TeamColumn(column: Table.Column("Count", width: 7), drop: nil) { t in Table.Cell(cells.value(t.row.current), st(t, .bold)) },
                TeamColumn(column: Table.Column("Change", width: 9), drop: nil) { t in
                    Table.Cell(cells.arrowChange(t.row), st(t, directionStyle(t.row.direction))) },
            ]
        }
        let wanted = min(36, max(Words.allTeams.count, rows.compactMap(\.team).map(\.count).max() ?? 0))
        // Drop columns until the team's name fits whole, or nothing more can go.
        var kept = figures
        func room(_ cs: [TeamColumn]) -> Int { s.width - 2 - cs.map { $0.column.width + 1 }.reduce(0, +) - 1 }
        while room(kept) < wanted, let worst = kept.compactMap(\.drop).max() { kept.removeAll { $0.drop == worst } }
        let teamWidth = max(min(wanted, 20), min(36, room(kept)))
        let team = TeamColumn(column: Table.Column("Team", width: teamWidth, align: .left), drop: nil) { t in
            Table.Cell(t.team ?? Words.allTeams, st(t, .plain)) }
        return [team] + kept
    }

    /// The funnel plot under a percentage's team table: each team at (cases, %) against the 95%
    /// and 99.8% limits around the council's figure; a team outside 99.8% marked and named.
    mutating func drawFunnel(_ def: IndicatorDefinition, council: PageRow, teams: [PageRow], rect: Rect) {
        guard let points = Funnel.points(council: council.current.value, teams: teams.map(\.current)), let p0 = council.current.value else { return }
        let legend = "\(g.point) team  \(g.outside) outside \(Words.funnel998)  \(g.targetLine) \(Words.funnelCouncil)  "
            + "\(g.innerLimit) \(Words.funnel95)  \(g.outerLimit) \(Words.funnel998)"
        let chart = FunnelChart(points: points.map { FunnelChart.Point(cases: $0.cases, value: $0.value, outside: $0.position == .outside998) },
                                centre: p0, limits: { n in
                                    (Funnel.limits(p0: p0, n: n, z: Funnel.z95), Funnel.limits(p0: p0, n: n, z: Funnel.z998))
                                }, label: { Display.axis($0, .percent) }, legend: legend, casesLabel: Words.funnelCases)
        let outside = points.filter { $0.position == .outside998 }.map(\.team)
        let plot = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - 1)
        guard chart.draw(into: &buffer, rect: plot, glyphs: g, centreStyle: accent, limitStyle: muted, point: s.colour ? Style(colour: .blue, bold: true) : .bold,
                         alarm: ragStyle(.red), muted: muted) else { return }
        buffer.text(Words.funnelNote(outside: outside), x: rect.x, y: rect.maxY - 1, style: outside.isEmpty ? muted : ragStyle(.red), maxWidth: rect.width)
    }

    mutating func drawChildren(_ id: IndicatorID, _ team: String) {
        titleBar()
        guard let def = Catalogue.definition(id), let rule = def.visitRule else { return }
        let load = s.visitKey.flatMap { s.visits[$0] } ?? .loading
        let overdue = Items.overdue(s) ?? [], due = Items.dueSoon(s) ?? []
        let unit = rule.days == .working ? "working days" : "days"
        let count: String
        switch load {
        case .loading: count = "loading"
        case .failed: count = "could not be read"
        case .loaded: count = "\(overdue.count) overdue \(marks.dot) \(due.count) due within \(VisitRule.workingWeek.workingDays) working days"
        }
        buffer.text(" \(team) › \(def.title) › \(count)", x: 0, y: 1, style: accent)
        let sideBySide = s.width >= 140
        let overdueTable = Table(columns: [Table.Column("Child ID", width: 11, align: .left), Table.Column("Worker", width: 22, align: .left),
                                           Table.Column("Last visit", width: 11, align: .left), Table.Column("  Since", width: 7, align: .left),
                                           Table.Column("Overdue", width: 8, align: .left)])
        let dueX = sideBySide ? 72 : 2
        let dueTable = Table(columns: [Table.Column("Child ID", width: 11, align: .left), Table.Column("Worker", width: 22, align: .left),
                                       Table.Column("Last visit", width: 11, align: .left), Table.Column("Due", width: 15, align: .left),
                                       Table.Column("Left", width: 4)], x: dueX)
        if sideBySide {
            let focus = Style(bold: true, underline: true)
            buffer.text("Overdue (\(overdue.count))", x: 2, y: 2, style: s.childList == .overdue ? focus : muted)
            buffer.text("Due within \(VisitRule.workingWeek.workingDays) working days (\(due.count))", x: dueX, y: 2,
                        style: s.childList == .dueSoon ? focus : muted)
        } else {
            let what = s.childList == .overdue ? "Overdue" : "Due within \(VisitRule.workingWeek.workingDays) working days"
            buffer.text(" \(what): time since the last visit (or the start, when none is recorded) in \(unit); the limit is \(rule.limit).", x: 0, y: 2,
                        style: muted)
        }
        var shown: [(Worklist.Kind, Table)] = []
        if sideBySide || s.childList == .overdue { shown.append((.overdue, overdueTable)) }
        if sideBySide || s.childList == .dueSoon { shown.append((.dueSoon, dueTable)) }
        for (kind, table) in shown {
            table.drawHeader(into: &buffer, y: 3)
            let list = kind == .overdue ? overdue : due
            let none = kind == .overdue ? "No overdue children in this team." : "No child's visit falls due in the next five working days."
            if drawLoadState(load, "visit list", empty: list.isEmpty, saying: none, x: table.x) {
                let lines: [[Table.Cell]] = list.map { c in
                    let id = Table.Cell(hideChildIDs ? "(hidden)" : c.child), worker = Table.Cell(c.worker.isEmpty ? "–" : c.worker)
                    let last = Table.Cell(c.lastVisit?.annexA ?? "none")
                    return kind == .overdue
                        ? [id, worker, last, Table.Cell(leftPad(String(c.elapsed), 7)), Table.Cell(leftPad(String(c.overdueBy), 7))]
                        : [id, worker, last, Table.Cell(WorklistText.date(c.due)), Table.Cell(String(c.daysLeft))]
                }
                let focused = kind == s.childList
                table.drawRows(lines, into: &buffer, top: Layout.tableTop, pageSize: pageSize, scroll: focused ? scrollTop : 0,
                               selected: focused ? s.selected : nil, marker: g.selected)
            }
        }
        let order = s.childList == .overdue ? "most overdue first" : "soonest first"
        footer([Hint(.switchList, s.childList == .overdue ? "due soon" : "overdue"), Hint([.up, .down], "move"),
                Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.back, "back"), Hint(.help, "help")],
               right: "\(order) \(marks.dot) limit \(rule.limit) \(unit)")
    }
}
