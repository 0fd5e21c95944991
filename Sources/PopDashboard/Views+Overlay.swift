import PopMetrics
import PopPage
import PopScreen

/// What is drawn over a screen: the keys, the find box, the commentary editor.
extension Views {
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
            if case .indicator(let id) = s.screen { title = Catalogue.definition(id)?.title ?? id.rawValue }
            buffer.text(" Commentary for \(title), \(Words.monthName(s.month)) (Enter saves, Esc cancels):", x: 0, y: r.y, style: accent)
            let shown = wrap(text + "_", width: s.width - 4).suffix(2)
            for (i, l) in shown.enumerated() { buffer.text(l, x: 2, y: r.y + 1 + i, style: .bold) }
        default:
            break
        }
    }
}
