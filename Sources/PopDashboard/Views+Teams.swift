import PopMetrics
import PopPage
import PopScreen

/// The team drill-down: an indicator by team, worst first, the council's row last; and a team's
/// children whose visit is overdue.
extension Views {
    mutating func drawTeams(_ id: IndicatorID) {
        titleBar()
        guard let def = Catalogue.definition(id) else { return }
        let rows = Items.teams(id, data, s.month)
        let council = rows.last?.row
        let targetText = council.flatMap { $0.current.target != nil ? " \(marks.dot) target \(cells.target($0))" : nil } ?? ""
        buffer.text(" \(def.service.title) › \(def.title) › by team \(marks.dot) \(Words.monthName(s.month))\(targetText)", x: 0, y: 1, style: accent)
        let percent = def.unit == .percent
        let figures: [Table.Column] = percent
            ? [Table.Column("Cases", width: 7), Table.Column("In time", width: 8), Table.Column("%", width: 7), Table.Column("vs target", width: 14),
               Table.Column("Change", width: 9)]
            : [Table.Column("Count", width: 7), Table.Column("Change", width: 9)]
        let table = Table(columns: [Table.Column("Team", width: 36, align: .left)] + figures)
        table.drawHeader(into: &buffer, y: 3)
        let lines: [[Table.Cell]] = rows.map { t in
            let all = t.team == nil
            func st(_ style: Style) -> Style { all ? style.merged(bold: true) : style }
            let r = t.row
            let figures: [Table.Cell] = percent
                ? [Table.Cell(r.current.denominator.map(Display.grouped) ?? "–", st(.plain)),
                   Table.Cell(r.current.numerator.map(Display.grouped) ?? "–", st(.plain)), Table.Cell(cells.value(r.current), st(.bold)),
                   Table.Cell(Display.trimmed(cells.rag(r) + " " + cells.variance(r)), st(ragStyle(r.current.rag))),
                   Table.Cell(cells.arrowChange(r), st(directionStyle(r.direction)))]
                : [Table.Cell(cells.value(r.current), st(.bold)), Table.Cell(cells.arrowChange(r), st(directionStyle(r.direction)))]
            return [Table.Cell(t.team ?? Words.allTeams, st(.plain))] + figures
        }
        table.drawRows(lines, into: &buffer, top: Layout.tableTop, pageSize: pageSize, scroll: scrollTop, selected: s.selected, marker: g.selected)
        footer((def.hasChildList ? [Hint(.open, "overdue children")] : []) + [Hint([.up, .down], "move"),
               Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.export, "export"), Hint(.back, "back"), Hint(.help, "help")],
               right: percent || def.polarity != .none ? "worst first" : "largest first")
    }

    mutating func drawChildren(_ id: IndicatorID, _ team: String) {
        titleBar()
        guard let def = Catalogue.definition(id), let rule = def.visitRule else { return }
        let load = s.visitKey.flatMap { s.visits[$0] } ?? .loading
        let list = Items.overdue(s) ?? []
        let unit = rule.days == .working ? "working days" : "days"
        let count: String
        switch load {
        case .loading: count = "loading"
        case .failed: count = "could not be read"
        case .loaded: count = "\(list.count) overdue"
        }
        buffer.text(" \(team) › \(def.title) › \(count)", x: 0, y: 1, style: accent)
        buffer.text(" Time since the last visit (or the start, when none is recorded) in \(unit); the limit is \(rule.limit).", x: 0, y: 2, style: muted)
        let table = Table(columns: [Table.Column("Child ID", width: 11, align: .left), Table.Column("Worker", width: 22, align: .left),
                                    Table.Column("Last visit", width: 11, align: .left), Table.Column("  Since", width: 7, align: .left),
                                    Table.Column("Overdue", width: 8, align: .left)])
        table.drawHeader(into: &buffer, y: 3)
        switch load {
        case .loading:
            buffer.text("Reading the visit list …", x: 2, y: Layout.tableTop, style: muted)
        case .failed(let why):
            buffer.text("The visit list could not be read: \(why)", x: 2, y: Layout.tableTop, style: ragStyle(.red), maxWidth: s.width - 4)
        case .loaded where list.isEmpty:
            buffer.text("No overdue children in this team.", x: 2, y: Layout.tableTop, style: muted)
        case .loaded:
            let lines: [[Table.Cell]] = list.map { c in
                [Table.Cell(hideChildIDs ? "(hidden)" : c.child), Table.Cell(c.worker.isEmpty ? "–" : c.worker), Table.Cell(c.lastVisit?.annexA ?? "none"),
                 Table.Cell(leftPad(String(c.elapsed), 7)), Table.Cell(leftPad(String(c.overdueBy), 7))]
            }
            table.drawRows(lines, into: &buffer, top: Layout.tableTop, pageSize: pageSize, scroll: scrollTop, selected: s.selected, marker: g.selected)
        }
        footer([Hint([.up, .down], "move"), Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.back, "back"), Hint(.help, "help")],
               right: "most overdue first \(marks.dot) limit \(rule.limit) \(unit)")
    }
}
