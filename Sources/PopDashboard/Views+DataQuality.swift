import PopMetrics
import PopPage
import PopScreen

/// The month's data-quality problems, grouped by list, column and kind as `pop check` groups
/// them: what the data team fixes, how many rows, where the first ones are, what they affect.
extension Views {
    mutating func drawDataQuality() {
        titleBar()
        let load = s.dataQuality[s.month] ?? .loading
        let lines = Items.dataQualityLines(s)
        let count: String
        switch load {
        case .loading: count = "loading"
        case .failed: count = "could not be read"
        case .loaded(let groups): count = groups.isEmpty ? "none" : DataQualityText.total(groups)
        }
        buffer.text(" Data quality › \(Words.monthName(s.month)) › \(count)", x: 0, y: 1, style: accent, maxWidth: s.width)
        buffer.text(" Values pop could not use; a row leaves only the indicators needing that value.",
                    x: 0, y: 2, style: muted, maxWidth: s.width)
        let top = Layout.tableTop
        if drawLoadState(load, "data-quality list", empty: lines.isEmpty, saying: Words.noDataQualityProblems, x: 2) {
            for (i, line) in lines.enumerated().dropFirst(scrollTop).prefix(pageSize) {
                let y = top + i - scrollTop
                let selected = i == s.selected
                var style: Style
                switch line.level {
                case .place: style = .bold
                case .group: style = line.kind == .missingColumn ? ragStyle(.amber) : .plain
                case .detail: style = muted
                }
                if selected { style.reverse = true }
                buffer.text((selected ? g.selected : " ") + " " + line.indented, x: 0, y: y, style: style, maxWidth: s.width - 2)
            }
        }
        footer([Hint([.up, .down], "move"), Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.export, "export"), Hint(.back, "back"),
                Hint(.help, "help")],
               right: "pop check lists it for an extract")
    }
}
