import PopMetrics
import PopPage
import PopScreen

/// A service's page: every indicator of the service in one table, and the month's commentary.
extension Views {
    mutating func drawService(_ service: Service) {
        titleBar()
        buffer.text(" \(service.title) \(marks.dot) \(Words.monthName(s.month))", x: 0, y: 1, style: accent)
        let rows = Items.service(service, data, s.month)
        var fixed: [Table.Column] = [Table.Column("Latest", width: 11), Table.Column("Previous", width: 11), Table.Column("Change", width: 9),
                                     Table.Column("Target", width: 7), Table.Column("Variance", width: 9), Table.Column("RAG", width: 4),
                                     Table.Column("SN", width: 7), Table.Column(" Trend", width: 13, align: .left)]
        // The change since the baseline beside the change since last month, where the titles keep room.
        let sinceColumn = Table.Column(data.baseline(for: s.month).map(Words.sinceBaselineHeading) ?? "", width: 13)
        let room = s.width - fixed.reduce(0) { $0 + $1.width + 1 } - 3
        let since = data.baseline(for: s.month) != nil && room - sinceColumn.width - 1 >= 24
        if since { fixed.insert(sinceColumn, at: 3) }
        let titleWidth = max(20, s.width - fixed.reduce(0) { $0 + $1.width + 1 } - 3)
        let table = Table(columns: [Table.Column("Indicator", width: titleWidth, align: .left)] + fixed)
        table.drawHeader(into: &buffer, y: 3)
        if rows.isEmpty {
            let missing = data.snapshots[s.month]?.missingLists ?? []
            buffer.text("Not supplied: " + Words.notSupplied(service, missing: missing), x: 2, y: Layout.tableTop, style: muted)
        }
        let lines: [[Table.Cell]] = rows.map { r in
            var line = [Table.Cell((r.definition.isBreakdown ? "  " : "") + r.definition.title), Table.Cell(cells.latest(r), .bold),
                        Table.Cell(cells.previous(r)), Table.Cell(cells.arrowChange(r), directionStyle(r.direction)), Table.Cell(cells.target(r)),
                        Table.Cell(cells.variance(r), ragStyle(r.current.rag)), Table.Cell(cells.rag(r), ragStyle(r.current.rag)),
                        Table.Cell(cells.neighbour(r)), Table.Cell(" " + spark(r.current.id), accentSpark)]
            if since { line.insert(Table.Cell(r.baseline == nil ? "" : cells.baselineArrow(r), directionStyle(r.baseline?.direction)), at: 4) }
            return line
        }
        table.drawRows(lines, into: &buffer, top: Layout.tableTop, pageSize: pageSize, scroll: scrollTop, selected: s.selected, marker: g.selected)
        // An indicator the month's extract could not give says why across its row.
        for (i, r) in rows.enumerated().dropFirst(scrollTop).prefix(pageSize) {
            guard let u = r.unavailable else { continue }
            let y = Layout.tableTop + i - scrollTop
            let x = table.offsets[1]
            buffer.fill(Rect(x: x, y: y, width: s.width - x, height: 1), Cell(" ", i == s.selected ? .reverse : .plain))
            buffer.text(Words.unavailable(u), x: x, y: y, style: i == s.selected ? Style(reverse: true) : muted, maxWidth: s.width - x - 1)
        }
        // The month's commentary for this service.
        let comments = rows.compactMap { r in r.commentary.map { "\(r.definition.title): \(Words.shownComment($0).prefix(s.width))" } }
        let commentTop = s.height - 4
        buffer.text(comments.isEmpty ? "No commentary for \(Words.monthName(s.month))." : "Data comments", x: 2, y: commentTop,
                    style: comments.isEmpty ? muted : .bold)
        for (i, c) in comments.prefix(2).enumerated() { buffer.text(c, x: 2, y: commentTop + 1 + i, maxWidth: s.width - 4) }
        footer([Hint([.up, .down], "move"), Hint(.open, "indicator"), Hint(.teams, "teams"), Hint([.previousMonth, .nextMonth], "month", joiner: " "),
                Hint(.export, "export"), Hint(.back, "back"), Hint(.help, "help")], right: legend)
    }
}
