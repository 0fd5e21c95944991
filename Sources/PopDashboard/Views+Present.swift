import PopMetrics
import PopPage
import PopScreen

/// Presentation mode: one slide per service or indicator, headline figures in block digits.
/// Nothing on a slide names a child.
extension Views {
    mutating func drawSlide() {
        guard !s.agenda.isEmpty else { return }
        let slide = s.agenda[min(s.slide, s.agenda.count - 1)]
        let heading: String
        switch slide {
        case .service(let svc), .tables(let svc): heading = svc.title.uppercased()
        case .indicator(let id): heading = (Catalogue.definition(id)?.service.title ?? "").uppercased()
        }
        let title = "\(heading) \(marks.dot) \(Words.monthName(s.month))" + (data.demo ? " \(marks.dot) DEMO DATA" : "")
        buffer.text(title, x: max(0, (s.width - title.count) / 2), y: 1, style: Style(bold: true, underline: true))
        switch slide {
        case .service(let svc): drawServiceSlide(svc)
        case .indicator(let id): drawIndicatorSlide(id)
        case .tables(let svc): drawTablesSlide(svc)
        }
        let next = KeyMap.footer([Hint(.nextSlide, "next")], presentation: true)
        let blank = KeyMap.footer([Hint(.blank, "blank")], presentation: true)
        let foot = "slide \(s.slide + 1) of \(s.agenda.count) \(marks.dot) \(Words.monthName(s.month)) \(marks.dot) \(next) \(marks.dot) \(blank)"
        buffer.text(" " + KeyMap.footer([Hint(.back, "leave")], presentation: true), x: 0, y: s.height - 1, style: muted)
        buffer.textRight(foot + " ", right: s.width, y: s.height - 1, style: .bold)
    }

    mutating func drawServiceSlide(_ svc: Service) {
        let rows = svc.headlines.compactMap { row($0.id) }
        if rows.isEmpty {
            buffer.text("Not supplied in this month's extract.", x: 4, y: 4, style: .bold)
            return
        }
        let gap = max(1, min(3, (s.height - 6) / max(1, rows.count)))
        let blockWidth = min(s.width - 8, 90)
        let x0 = (s.width - blockWidth) / 2
        for (i, r) in rows.enumerated() {
            let y = 4 + i * gap
            buffer.text(r.definition.slideTitle, x: x0, y: y, style: .bold, maxWidth: blockWidth - 30)
            buffer.textRight(cells.value(r.current), right: x0 + blockWidth - 18, y: y, style: .bold)
            buffer.text(cells.rag(r), x: x0 + blockWidth - 15, y: y, style: ragStyle(r.current.rag))
            buffer.text(cells.variance(r), x: x0 + blockWidth - 10, y: y, style: ragStyle(r.current.rag))
        }
    }

    mutating func drawIndicatorSlide(_ id: IndicatorID) {
        guard let def = Catalogue.definition(id) else { return }
        guard let r = row(id) else {
            buffer.text("\(def.slideTitle): not supplied in this month's extract.", x: 4, y: 4, style: .bold)
            return
        }
        let digits = BigDigits.render(cells.value(r.current), full: g.full)
        let bigWidth = digits.first?.count ?? 0
        let side = s.width >= bigWidth + 50
        let x0 = side ? max(2, (s.width - bigWidth - 46) / 2) : max(0, (s.width - bigWidth) / 2)
        let y0 = max(3, (s.height - 8) / 2)
        for (i, line) in digits.enumerated() { buffer.text(line, x: x0, y: y0 + i, style: ragStyle(r.current.rag).merged(bold: true)) }
        var lines: [(String, Style)] = [(def.slideTitle, .bold)]
        if r.current.target != nil {
            lines.append(("target \(cells.target(r))  \(marks.dot)  \(cells.rag(r))  \(marks.dot)  \(cells.variance(r))", ragStyle(r.current.rag)))
        } else {
            lines.append(("monitored: no target", muted))
        }
        if r.previous != nil {
            let unit = r.current.unit == .percent ? " points" : ""
            lines.append(("last month \(cells.value(r.previous))  \(cells.arrowChange(r))\(unit)", directionStyle(r.direction)))
        }
        if let b = r.baseline { lines.append((cells.baselineSentence(r), directionStyle(b.direction))) }
        if let n = r.neighbours { lines.append(("\(Words.neighbourLabel(n)) \(Display.decimal(n.value))", .plain)) }
        lines.append(("12 months  " + spark(id), accentSpark))
        let tx = side ? x0 + bigWidth + 6 : 4
        let ty = side ? y0 : y0 + 7
        for (i, (text, style)) in lines.enumerated() { buffer.text(text, x: tx, y: ty + i, style: style, maxWidth: s.width - tx - 1) }
    }

    /// A service page's tables, one after another in bold, as many whole rows as the screen
    /// holds (the page itself scrolls through the rest): stored figures, never a name.
    mutating func drawTablesSlide(_ svc: Service) {
        let tables = ServicePage(svc, data, s.month, marks: marks).tables
        guard !tables.isEmpty else {
            buffer.text("No tables for \(svc.title) in this month's extract.", x: 4, y: 4, style: .bold)
            return
        }
        let x = s.width >= 100 ? 6 : 2, width = min(s.width - x, 150) + x
        // Every table's header and rows, a gap between tables; cut to the screen, the last line
        // saying how many rows the page holds beyond it.
        // Rows: -3 a gap, -2 the title, -1 the column headings, then the table's rows.
        var lines: [(table: Int, row: Int)] = []
        for (i, t) in tables.enumerated() {
            if i > 0 { lines.append((i, -3)) }
            lines += [(i, -2), (i, -1)]
            lines += t.rows.indices.map { (i, $0) }
        }
        let room = s.height - 2 - 3
        var shown = lines
        if lines.count > room {
            shown = Array(lines.prefix(room - 1))
            while let last = shown.last, last.row < 0 { shown.removeLast() }   // no title or header without a row
        }
        let fitted = tables.map { pageTable($0, x: x, width: width) }
        for (k, line) in shown.enumerated() {
            let y = 3 + k, t = tables[line.table], (table, kept, label) = fitted[line.table]
            let r = line.row
            if r == -2 { buffer.text(t.title, x: x, y: y, style: Style(bold: true, underline: true), maxWidth: s.width - x - 1) }
            if r == -1 { table.drawHeader(into: &buffer, y: y) }
            guard r >= 0 else { continue }
            let cells = pageRowCells(t, r, kept: kept, label: label).map { Table.Cell($0.text, $0.style.merged(bold: true)) }
            table.drawRows([cells], into: &buffer, top: y, pageSize: 1, scroll: 0, selected: nil, marker: g.selected)
            if let note = t.rows[r].note { buffer.text(note, x: x + label + 1, y: y, style: muted, maxWidth: s.width - x - label - 2) }
        }
        let left = lines.dropFirst(shown.count).filter { $0.row >= 0 }.count
        if left > 0 { buffer.text("… \(left) more rows on the \(svc.title) page", x: x, y: 3 + shown.count, style: muted) }
    }
}
