import PopMetrics
import PopPage
import PopScreen

/// The page: one panel per service with its headline indicators.
extension Views {
    mutating func drawOverview() {
        titleBar()
        let panels = Layout.panels(s, data)
        for (i, service) in Service.allCases.enumerated() {
            drawPanel(service, panels[i], selected: i == s.selected)
        }
        // Panels scrolled under the title bar are cut there.
        buffer.fill(Rect(x: 0, y: s.height - 1, width: s.width, height: 1))
        titleBar()
        // The data-quality key is offered where the month has problems to show.
        let quality = data.dataQualityCount(s.month) > 0 ? [Hint(.dataQuality, "data quality")] : []
        footer([Hint([.left, .right, .up, .down], "move"), Hint(.open, "open"), Hint(.teams, "teams")] + quality + [
                Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.present, "present"), Hint(.find, "find"), Hint(.help, "help"),
                Hint(.quit, "quit")], right: legend)
    }

    mutating func drawPanel(_ service: Service, _ r: Rect, selected: Bool) {
        guard r.maxY > Layout.bodyTop && r.y < s.height - 1 else { return }
        var clip = Buffer(width: r.width, height: r.height)
        let box = Rect(x: 0, y: 0, width: r.width, height: r.height)
        let frame = selected ? accent : (s.colour ? Style(colour: .grey) : .plain)
        clip.box(box, title: (selected ? g.selected + " " : "") + service.title, glyphs: g, style: frame, titleStyle: selected ? accent : .bold)
        let inner = r.width - 2
        guard let snap = data.snapshots[s.month] else { return }
        let headlines = data.headlines(service, s.month)
        if headlines.isEmpty {
            clip.text(" not supplied: " + Words.notSupplied(service, missing: snap.missingLists), x: 1, y: 1, style: muted, maxWidth: inner)
        }
        for (k, def) in headlines.enumerated() {
            guard let row = row(def.id) else { continue }
            drawPanelLine(&clip, row, y: k + 1, width: inner)
        }
        for yy in 0..<r.height where r.y + yy >= Layout.bodyTop && r.y + yy < s.height - 1 {
            for xx in 0..<r.width { buffer[r.x + xx, r.y + yy] = clip[xx, yy] }
        }
    }

    /// Title, value, RAG and change; then variance, SN and the sparkline as the width allows.
    func drawPanelLine(_ b: inout Buffer, _ r: PageRow, y: Int, width: Int) {
        let x0 = 2
        if let u = r.unavailable {
            b.text(r.definition.shortTitle, x: x0, y: y, maxWidth: 19)
            b.text(Words.unavailable(u), x: x0 + 20, y: y, style: muted, maxWidth: width - 21)
            return
        }
        let w = width - 3
        let titleWidth = 19
        let essentials: [(String, Int, Style, Bool)] = [(cells.value(r.current), 7, .bold, false),
                                                        (cells.rag(r, compact: true), 3, ragStyle(r.current.rag), true),
                                                        (cells.arrowChange(r), 7, directionStyle(r.direction), false)]
        // One reference column: the target where there is one, else the SN figure; SN gets a
        // column of its own (for rows with both) only when there is room.
        let hasTarget = r.current.target != nil
        let sn = r.neighbours == nil ? "" : "SN " + cells.neighbour(r)
        let since = data.baseline(for: s.month).map { Words.sinceBaselineShort($0) + " " + cells.baselineArrow(r) }
        let optional: [(String, Int, Style, Bool)] = [(cells.variance(r), 8, ragStyle(r.current.rag), false),
                                                      (hasTarget ? "T " + cells.target(r) : sn, 8, muted, false), (hasTarget ? sn : "", 8, muted, false),
                                                      (spark(r.current.id), 12, accentSpark, true),
                                                      (r.baseline == nil ? "" : since ?? "", 20, directionStyle(r.baseline?.direction), true)]
        var columns = essentials
        var used = titleWidth + essentials.reduce(0) { $0 + $1.1 + 1 }
        var chosen: [Int] = []
        // After the essentials: the sparkline, then variance, target and SN, then the change
        // since the baseline (when one is set), as the width allows.
        for i in [3, 0, 1, 2] + (since == nil ? [] : [4]) where used + optional[i].1 + 1 <= w {
            chosen.append(i)
            used += optional[i].1 + 1
        }
        for i in chosen.sorted() { columns.append(optional[i]) }
        b.text(r.definition.shortTitle, x: x0, y: y, maxWidth: titleWidth)
        var x = x0 + titleWidth
        for (text, cw, style, leftAligned) in columns {
            b.text(leftAligned ? text : leftPad(text, cw), x: x + 1, y: y, style: style, maxWidth: cw)
            x += cw + 1
        }
    }
}
