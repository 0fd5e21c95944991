/// An interval drawn on a 0–100 scale in a few columns: `├──●───┤`, ends at the interval's low
/// and high, the point at the value.
public enum Whisker {
    public static func text(low: Double, value: Double, high: Double, width: Int, glyphs g: Glyphs) -> String {
        guard width >= 3, low.isFinite, value.isFinite, high.isFinite else { return "" }
        func column(_ v: Double) -> Int { Swift.min(width - 1, Swift.max(0, Int((v / 100 * Double(width - 1)).rounded()))) }
        let (l, v, h) = (column(low), column(value), column(high))
        var cells = Array(repeating: Character(" "), count: width)
        for x in l...Swift.max(l, h) { cells[x] = g.whiskerLine }
        cells[l] = g.whiskerLeft
        cells[Swift.max(l, h)] = g.whiskerRight
        cells[v] = g.point
        return String(cells)
    }
}

/// A funnel plot of percentages against cases (Spiegelhalter): the council's figure as a line
/// across, its inner and outer control limits narrowing as cases grow, and one point per team.
/// The value axis runs from 0 to 100 so that no team's distance from the council is magnified.
public struct FunnelChart {
    public struct Point: Sendable {
        public let cases: Int
        public let value: Double
        /// Outside the outer limits: drawn with the `outside` glyph.
        public let outside: Bool

        public init(cases: Int, value: Double, outside: Bool) {
            self.cases = cases
            self.value = value
            self.outside = outside
        }
    }

    public let points: [Point]
    /// The council's percentage.
    public let centre: Double
    /// The inner and outer limits for a team of n cases, in percent.
    public let limits: (Int) -> (inner: (low: Double, high: Double), outer: (low: Double, high: Double))
    /// How the value axis prints a percentage, and the words of the legend and the cases axis.
    public let label: (Double) -> String
    public let legend: String
    public let casesLabel: String

    public init(points: [Point], centre: Double, limits: @escaping (Int) -> (inner: (low: Double, high: Double), outer: (low: Double, high: Double)),
                label: @escaping (Double) -> String, legend: String, casesLabel: String) {
        self.points = points
        self.centre = centre
        self.limits = limits
        self.label = label
        self.legend = legend
        self.casesLabel = casesLabel
    }

    /// The cases axis ends at a round number at or above the largest team.
    public var maxCases: Int {
        let most = Swift.max(1, points.map(\.cases).max() ?? 1)
        let step = most <= 10 ? 2 : most <= 50 ? 10 : most <= 200 ? 50 : 100
        return (most + step - 1) / step * step
    }

    /// The row (from the top of the plot, 0…height − 1) of a percentage.
    static func row(_ v: Double, height: Int) -> Int {
        height - 1 - Swift.min(height - 1, Swift.max(0, Int((v / 100 * Double(height - 1)).rounded())))
    }

    /// The column (from the plot's left, 0…width − 1) of a number of cases.
    static func column(_ n: Int, max: Int, width: Int) -> Int {
        Swift.min(width - 1, Swift.max(0, Int((Double(n) / Double(Swift.max(1, max)) * Double(width - 1)).rounded())))
    }

    /// Draws into `rect`: the legend on its first line, the plot, the cases axis and its labels
    /// on the last two. False when the rectangle is too small to read.
    public func draw(into b: inout Buffer, rect: Rect, glyphs g: Glyphs, centreStyle: Style, limitStyle: Style, point: Style, alarm: Style,
                     muted: Style) -> Bool {
        let axisWidth = 7
        let plot = Rect(x: rect.x + axisWidth, y: rect.y + 1, width: rect.width - axisWidth, height: rect.height - 3)
        guard plot.width >= 20, plot.height >= 4, centre.isFinite else { return false }
        b.text(legend, x: plot.x, y: rect.y, style: muted, maxWidth: rect.width - axisWidth)
        let top = maxCases
        // Limits, column by column: each column stands for the cases at its left edge (at least 1).
        for x in 0..<plot.width {
            let n = Swift.max(1, Int((Double(x) / Double(plot.width - 1) * Double(top)).rounded()))
            let l = limits(n)
            for (v, glyph) in [(l.outer.low, g.outerLimit), (l.outer.high, g.outerLimit), (l.inner.low, g.innerLimit), (l.inner.high, g.innerLimit)] {
                b[plot.x + x, plot.y + FunnelChart.row(v, height: plot.height)] = Cell(glyph, limitStyle)
            }
            b[plot.x + x, plot.y + FunnelChart.row(centre, height: plot.height)] = Cell(g.targetLine, centreStyle)
        }
        for p in points {
            let x = plot.x + FunnelChart.column(p.cases, max: top, width: plot.width), y = plot.y + FunnelChart.row(p.value, height: plot.height)
            b[x, y] = p.outside ? Cell(g.outside, alarm) : Cell(g.point, point)
        }
        // The value axis: 100%, the council's figure and 0%, where they do not collide.
        for yy in plot.y..<plot.maxY { b[plot.x - 1, yy] = Cell(g.vertical, muted) }
        let centreRow = FunnelChart.row(centre, height: plot.height)
        if centreRow != 0 { b.text(Table.padded(label(100), axisWidth - 2), x: rect.x, y: plot.y, style: muted) }
        if centreRow != plot.height - 1 { b.text(Table.padded(label(0), axisWidth - 2), x: rect.x, y: plot.maxY - 1, style: muted) }
        b.text(Table.padded(label(centre), axisWidth - 2), x: rect.x, y: plot.y + centreRow, style: centreStyle)
        // The cases axis.
        let axisY = plot.maxY
        b[plot.x - 1, axisY] = Cell(g.corner, muted)
        for x in plot.x..<plot.maxX { b[x, axisY] = Cell(g.horizontal, muted) }
        let middle = top / 2
        for n in [0, middle, top] {
            let x = plot.x + FunnelChart.column(n, max: top, width: plot.width)
            b[x, axisY] = Cell(g.tick, muted)
            let text = String(n)
            b.text(text, x: Swift.min(plot.maxX - text.count, Swift.max(plot.x, x - text.count / 2)), y: axisY + 1, style: muted)
        }
        b.textRight(casesLabel, right: rect.maxX, y: axisY, style: muted)
        return true
    }
}
