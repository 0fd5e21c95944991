/// A bar chart of monthly values with horizontal reference lines (a target, a neighbours'
/// figure), a value axis and the first and last month under the bars.
public struct BarChart {
    public struct Line: Sendable {
        public let value: Double
        public let glyph: Character
        public let style: Style
        public let label: String

        public init(value: Double, glyph: Character, style: Style, label: String) {
            self.value = value
            self.glyph = glyph
            self.style = style
            self.label = label
        }
    }

    /// One value per month, oldest first; nil for a month without one.
    public let values: [Double?]
    public let lines: [Line]
    /// Labels under the first and last bar.
    public let firstLabel: String
    public let lastLabel: String
    /// How the axis prints a value.
    public let axisLabel: (Double) -> String
    /// Whether the axis starts at zero; otherwise it is fitted to the values (and says so).
    public let fromZero: Bool
    public let valueLegend: String

    public init(values: [Double?], lines: [Line], firstLabel: String, lastLabel: String, fromZero: Bool, valueLegend: String,
                axisLabel: @escaping (Double) -> String) {
        self.values = values
        self.lines = lines
        self.firstLabel = firstLabel
        self.lastLabel = lastLabel
        self.fromZero = fromZero
        self.valueLegend = valueLegend
        self.axisLabel = axisLabel
    }

    /// Draws into `rect`; the last row holds the month labels and the legend. `bar` styles the
    /// latest bar (`current`) and the others; `muted` styles the axis and labels.
    public func draw(into b: inout Buffer, rect: Rect, glyphs g: Glyphs, bar: Style, current: Style, muted: Style) -> Bool {
        let all = values.compactMap { $0 } + lines.map(\.value)
        guard let hi0 = all.max(), let lo0 = all.min(), all.allSatisfy(\.isFinite) else { return false }
        let pad = (hi0 - lo0) * 0.15
        let lo = fromZero ? Swift.min(0, lo0) : Swift.max(0, lo0 - pad), hi = hi0 == lo ? lo + 1 : hi0
        let axisWidth = 8
        let plot = Rect(x: rect.x + axisWidth, y: rect.y, width: rect.width - axisWidth, height: rect.height - 1)
        guard plot.width > 0, plot.height > 0 else { return false }
        b.text(Table.padded(axisLabel(hi), axisWidth - 1), x: rect.x, y: plot.y, style: muted)
        b.text(Table.padded(axisLabel(lo), axisWidth - 1), x: rect.x, y: plot.maxY - 1, style: muted)
        for yy in plot.y..<plot.maxY { b[plot.x - 1, yy] = Cell(g.vertical, muted) }
        func level(_ v: Double) -> Int { Int(((v - lo) / (hi - lo) * Double(plot.height * 8)).rounded()) }  // eighths of a row
        let n = Swift.max(1, values.count)
        let slot = Swift.max(1, Swift.min(6, plot.width / n))
        let barWidth = Swift.max(1, slot - 1)
        // Reference lines first, so bars draw over them.
        for line in lines {
            let yy = plot.maxY - 1 - Swift.min(plot.height - 1, Swift.max(0, level(line.value) / 8))
            for xx in plot.x..<Swift.min(plot.maxX, plot.x + slot * n) { b[xx, yy] = Cell(line.glyph, line.style) }
        }
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            let eighths = Swift.max(1, level(v))
            let x = plot.x + i * slot
            let style = i == values.count - 1 ? current : bar
            for row in 0..<plot.height {
                let fill = eighths - row * 8
                guard fill > 0 else { break }
                let ch = fill >= 8 ? g.full : g.levels[Swift.max(0, Swift.min(7, fill - 1))]
                for dx in 0..<barWidth where x + dx < plot.maxX { b[x + dx, plot.maxY - 1 - row] = Cell(ch, style) }
            }
        }
        b.text(firstLabel, x: plot.x, y: plot.maxY, style: muted)
        let lx = plot.x + (values.count - 1) * slot
        if lx > plot.x + 8 { b.text(lastLabel, x: lx, y: plot.maxY, style: muted) }
        var legend = "\(g.full) \(valueLegend)"
        for line in lines { legend += "  \(line.glyph) \(line.label)" }
        b.textRight(legend, right: rect.maxX, y: plot.maxY, style: muted)
        return true
    }
}

extension Table {
    /// Text right-aligned in `width` columns.
    public static func padded(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
