import PopMetrics
import PopPage
import PopScreen

/// A service's page: every indicator of the service in one table, then the tables of its pack
/// page (breakdowns with the month and the two before it; the audit grid and domains; the
/// workforce's teams), scrolling as one page, and the month's commentary.
extension Views {
    /// The indicator table's columns at this width, and whether the change since the baseline
    /// has room.
    func indicatorTable() -> (table: Table, since: Bool) {
        var fixed: [Table.Column] = [Table.Column("Latest", width: 11), Table.Column("Previous", width: 11), Table.Column("Change", width: 9),
                                     Table.Column("Target", width: 7), Table.Column("Variance", width: 9), Table.Column("RAG", width: 4),
                                     Table.Column("SN", width: 7), Table.Column(" Trend", width: 13, align: .left)]
        // The change since the baseline beside the change since last month, where the titles keep room.
        let sinceColumn = Table.Column(data.baseline(for: s.month).map(Words.sinceBaselineHeading) ?? "", width: 13)
        let room = s.width - fixed.reduce(0) { $0 + $1.width + 1 } - 3
        let since = data.baseline(for: s.month) != nil && room - sinceColumn.width - 1 >= 24
        if since { fixed.insert(sinceColumn, at: 3) }
        let titleWidth = max(20, s.width - fixed.reduce(0) { $0 + $1.width + 1 } - 3)
        return (Table(columns: [Table.Column("Indicator", width: titleWidth, align: .left)] + fixed), since)
    }

    /// A page table's columns at this width: the label, then the columns that fit.
    func pageTable(_ t: PageTable, x: Int = 2, width: Int? = nil) -> (table: Table, kept: [Int], label: Int) {
        let fit = t.fit(width: width ?? s.width, x: x)
        let columns = [Table.Column("", width: fit.label, align: .left)] + fit.columns.map { i in
            Table.Column(t.columns[i].title, width: t.columns[i].width, align: t.columns[i].align)
        }
        return (Table(columns: columns, x: x), fit.columns, fit.label)
    }

    func style(_ role: CellRole) -> Style {
        switch role {
        case .plain: .plain
        case .strong: .bold
        case .muted: muted
        case .rag(let r): ragStyle(r)
        case .direction(let d): directionStyle(d)
        }
    }

    /// A page table's row as the screen shows it: the label (wrapped over the rows that share
    /// it), then the kept columns' cells, or a note across them. `restated`: the row is the first one shown under a scrolled table's kept header, so it
    /// names its group even where it shares the label (a grade without its service area reads
    /// as nobody's).
    func pageRowCells(_ t: PageTable, _ i: Int, kept: [Int], label: Int, restated: Bool = false) -> [Table.Cell] {
        let row = t.rows[i]
        var text = row.label
        if t.wrapsLabels {
            var start = i
            while start > 0 && t.rows[start].sharesLabel { start -= 1 }
            if restated && row.sharesLabel {
                text = t.rows[start].label
            } else {
                // This row's piece of its group's label, wrapped to the column.
                var end = i + 1
                while end < t.rows.count && t.rows[end].sharesLabel { end += 1 }
                let pieces = wrap(t.rows[start].label, width: max(1, label - row.indent))
                let k = i - start
                text = k < pieces.count ? (k == end - start - 1 ? pieces[k...].joined(separator: " ") : pieces[k]) : ""
            }
        }
        let lead = Table.Cell(String(repeating: " ", count: row.indent) + text, row.strong ? .bold : .plain)
        if row.note != nil { return [lead] }
        return [lead] + kept.map { k in
            let c = row.cells[k]
            return Table.Cell(c.text, row.strong ? style(c.role).merged(bold: true) : style(c.role))
        }
    }

    mutating func drawService(_ service: Service) {
        titleBar()
        buffer.text(" \(service.title) \(marks.dot) \(Words.monthName(s.month))", x: 0, y: 1, style: accent)
        let page = ServicePage(service, data, s.month, marks: marks)
        let (indicators, since) = indicatorTable()
        let tables = page.sections.map { section -> (table: Table, kept: [Int], label: Int)? in
            if case .table(let t) = section { return pageTable(t) }
            return nil
        }
        let top = Layout.serviceTop, lines = pageSize
        let selectedLine = s.selected < page.items.count ? page.items[s.selected] : nil
        /// A table's column headings; kept at the top of a scrolled table, with its name beside
        /// them where the label column holds it.
        func drawHeader(_ section: Int, y: Int, kept: Bool = false) {
            buffer.fill(Rect(x: 0, y: y, width: s.width, height: 1))
            if let t = tables[section] {
                t.table.drawHeader(into: &buffer, y: y)
                if kept, case .table(let pt) = page.sections[section] { buffer.text(pt.title, x: t.table.x, y: y, style: muted, maxWidth: t.label) }
            } else {
                indicators.drawHeader(into: &buffer, y: y)
            }
        }
        for (k, line) in page.lines.enumerated().dropFirst(scrollTop).prefix(lines) {
            let y = top + k - scrollTop
            switch line {
            case .gap: break
            case .title(let section):
                if case .table(let pt) = page.sections[section] { buffer.text(" " + pt.title, x: 1, y: y, style: accent, maxWidth: s.width - 2) }
            case .header(let section): drawHeader(section, y: y)
            case .row(let section, let i):
                let selected = k == selectedLine
                switch page.sections[section] {
                case .indicators(let rows):
                    drawIndicatorRow(rows[i], indicators, since: since, y: y, selected: selected)
                case .table(let pt):
                    guard let t = tables[section] else { break }
                    let restated = scrollTop > 0 && k <= scrollTop + 1
                    t.table.drawRows([pageRowCells(pt, i, kept: t.kept, label: t.label, restated: restated)], into: &buffer, top: y, pageSize: 1, scroll: 0,
                                     selected: selected ? 0 : nil, marker: g.selected)
                    if let note = pt.rows[i].note {
                        let x = t.table.x + t.label + 1
                        buffer.text(note, x: x, y: y, style: selected ? Style(reverse: true) : muted, maxWidth: s.width - x - 1)
                    }
                }
            }
        }
        // Scrolled into a table: its header stays on the first line, over the row it covers
        // (the cursor never rests there).
        if scrollTop > 0, scrollTop < page.lines.count, case .row(let section, _) = page.lines[scrollTop] { drawHeader(section, y: top, kept: true) }
        // A page longer than the window says so under its last line, so a cut table is never
        // read as the whole of it.
        let below = page.lines.count - scrollTop - lines
        if below > 0 || scrollTop > 0 {
            buffer.textRight(Words.pageScrolled(above: scrollTop, below: max(0, below), marks: marks), right: s.width - 2, y: top + lines, style: muted)
        }
        if page.indicatorRows.isEmpty {
            let missing = data.snapshots[s.month]?.missingLists ?? []
            buffer.text("Not supplied: " + Words.notSupplied(service, missing: missing), x: 2, y: top + 1, style: muted)
        }
        // The month's commentary for this service.
        let commented = data.rows(s.month).filter { $0.current.team == nil && $0.definition.service == service }
        let comments = commented.compactMap { r in r.commentary.map { "\(r.definition.title): \(Words.shownComment($0).prefix(s.width))" } }
        let commentTop = s.height - 4
        buffer.text(comments.isEmpty ? "No commentary for \(Words.monthName(s.month))." : "Data comments", x: 2, y: commentTop,
                    style: comments.isEmpty ? muted : .bold)
        for (i, c) in comments.prefix(2).enumerated() { buffer.text(c, x: 2, y: commentTop + 1 + i, maxWidth: s.width - 4) }
        let opens = selectedOpens(page)
        footer([Hint([.up, .down], "move"), Hint(.open, opens), Hint(.teams, "teams"), Hint([.previousMonth, .nextMonth], "month", joiner: " "),
                Hint(.export, "export"), Hint(.back, "back"), Hint([.previousTable, .nextTable], "tables", joiner: " "), Hint(.help, "help")],
               right: service == .workforce ? Words.supervisionNote : legend)
    }

    /// What Enter opens from the selected row, in a word for the footer.
    func selectedOpens(_ page: ServicePage) -> String {
        switch page.open(s.selected) {
        case .teams?: "teams"
        case .workers?: "workers"
        default: "indicator"
        }
    }

    /// One row of the indicator table: latest, previous, change, target, variance, RAG, SN and
    /// the trend; an indicator the month's extract could not give says why across its row.
    mutating func drawIndicatorRow(_ r: PageRow, _ table: Table, since: Bool, y: Int, selected: Bool) {
        // The panel's short title where the full one would be cut.
        let name = r.definition.title.count <= table.columns[0].width ? r.definition.title : r.definition.shortTitle
        var line = [Table.Cell(name), Table.Cell(cells.latest(r), .bold), Table.Cell(cells.previous(r)),
                    Table.Cell(cells.arrowChange(r), directionStyle(r.direction)), Table.Cell(cells.target(r)),
                    Table.Cell(cells.variance(r), ragStyle(r.current.rag)), Table.Cell(cells.rag(r), ragStyle(r.current.rag)),
                    Table.Cell(cells.neighbour(r)), Table.Cell(" " + spark(r.current.id), accentSpark)]
        if since { line.insert(Table.Cell(r.baseline == nil ? "" : cells.baselineArrow(r), directionStyle(r.baseline?.direction)), at: 4) }
        table.drawRows([line], into: &buffer, top: y, pageSize: 1, scroll: 0, selected: selected ? 0 : nil, marker: g.selected)
        guard let u = r.unavailable else { return }
        let x = table.offsets[1]
        buffer.fill(Rect(x: x, y: y, width: s.width - x, height: 1), Cell(" ", selected ? .reverse : .plain))
        buffer.text(Words.unavailable(u), x: x, y: y, style: selected ? Style(reverse: true) : muted, maxWidth: s.width - x - 1)
    }
}
