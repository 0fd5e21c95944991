import PopCalendar
import PopMetrics
import PopPage
import PopScreen

/// An indicator's page: its figures, a trend chart over every stored month with the target and
/// SN lines, the monthly values, its definition and the month's commentary.
extension Views {
    mutating func drawIndicator(_ id: IndicatorID) {
        titleBar()
        guard let def = Catalogue.definition(id) else { return }
        let r = row(id)
        buffer.text(" \(def.service.title) › \(def.title) \(marks.dot) \(Words.monthName(s.month))", x: 0, y: 1, style: accent)
        var line = "  Latest " + cells.value(r?.current)
        if let r, r.current.target != nil { line += "   target \(cells.target(r))  \(cells.rag(r)) \(cells.variance(r))" }
        if let r, r.previous != nil { line += "   last month \(cells.value(r.previous))  \(cells.arrowChange(r))" }
        if let r, r.baseline != nil { line += "   " + cells.baselineSentence(r, short: true) }
        if let n = r?.neighbours {
            line += "   \(Words.neighbourLabel(n)) \(Display.decimal(n.value))" + (n.rank.map { ", rank \($0) of \(n.rankedAmong ?? 0)" } ?? "")
        }
        buffer.text(line, x: 0, y: 2, style: .bold)
        // Where the council stands on DfE's published figures, and whether the month's change is
        // more than chance (the test the team table applies to each team): one line if both fit.
        var facts: [String] = []
        if let standing = r?.standing { facts.append(Words.standing(standing, unit: def.unit)) }
        if let r, r.change != nil, let test = r.changeTest { facts.append(Words.changeTest(test)) }
        if facts.count == 2 && facts.joined(separator: "   ").count <= s.width - 4 { facts = [facts.joined(separator: "   ")] }
        for (i, fact) in facts.enumerated() { buffer.text("  " + fact, x: 0, y: 3 + i, style: muted, maxWidth: s.width) }
        // Trend chart: every stored month up to this one.
        let history = data.history(id, through: s.month)
        let chartTop = 4 + facts.count, chartHeight = max(5, (s.height - 12 - facts.count) / 2)
        drawChart(history, def: def, r: r, rect: Rect(x: 2, y: chartTop, width: s.width - 4, height: chartHeight))
        var y = chartTop + chartHeight + 1
        // Monthly values.
        var text = ""
        for (m, v) in history {
            let piece = "\(Words.shortMonth(m)) \(cells.value(v))   "
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
        let comment = data.comments[s.month]?[id].map(Words.shownComment)
        buffer.text(comment == nil ? "No commentary for \(Words.monthName(s.month)) (c to write one)." : "Commentary:", x: 2, y: y,
                    style: comment == nil ? muted : .bold)
        if let comment {
            for (i, l) in wrap(comment, width: s.width - 4).prefix(max(0, s.height - 2 - y)).enumerated() { buffer.text(l, x: 2, y: y + 1 + i) }
        }
        footer([Hint(.comment, "comment"), Hint(.teams, "teams"), Hint(.fitAxis, s.fittedAxis ? "axis from 0" : "fit axis"),
                Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.export, "export"), Hint(.back, "back"), Hint(.help, "help")])
    }

    mutating func drawChart(_ history: [(YearMonth, IndicatorValue?)], def: IndicatorDefinition, r: PageRow?, rect: Rect) {
        func label(_ v: Double) -> String { def.unit == .count ? Display.count(v) : Display.decimal(v) }
        var lines: [BarChart.Line] = []
        if let t = data.target(def.id, at: s.month) {
            lines.append(BarChart.Line(value: t, glyph: g.targetLine, style: s.colour ? ragStyle(.red) : .bold, label: "target \(label(t))"))
        }
        if let sn = r?.neighbours {
            lines.append(BarChart.Line(value: sn.value, glyph: g.neighbourLine, style: s.colour ? accent : .bold,
                                       label: "\(Words.neighbourLabel(sn)) \(Display.decimal(sn.value))"))
        }
        // From zero unless `z` fits the axis to the values, which the legend then says: a bar's
        // height is never read as more change than there is.
        let chart = BarChart(values: history.map { $0.1?.value }, lines: lines, firstLabel: history.first.map { Words.shortMonth($0.0) } ?? "",
                             lastLabel: history.last.map { Words.shortMonth($0.0) } ?? "", fromZero: !s.fittedAxis,
                             valueLegend: s.fittedAxis ? "value \(marks.dot) \(Words.fittedAxis)" : "value", axisLabel: label)
        let bar = s.colour ? Style(colour: .blue) : Style.plain
        let current = s.colour ? Style(colour: .cyan, bold: true) : Style.bold
        if !chart.draw(into: &buffer, rect: rect, glyphs: g, bar: bar, current: current, muted: muted) {
            buffer.text("No values to chart.", x: rect.x, y: rect.y, style: muted)
        }
    }
}
