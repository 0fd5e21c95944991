import PopCalendar
import PopMetrics
import PopPage

/// A vertical axis from zero to a round top, with its tick values.
struct AxisScale: Equatable {
    let top: Double
    let ticks: [Double]

    /// From zero to the smallest round number at or above `maximum`, in about four steps of
    /// 1, 2, 2.5 or 5 times a power of ten (whole steps for counts). From zero, so a bar's
    /// height is its size: a board reads a bar twice as tall as twice as many.
    init(maximum: Double, unit: MeasureUnit) {
        let most = maximum.isFinite && maximum > 0 ? maximum : 1
        let raw = most / 4
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw && magnitude > 1e-6 { magnitude /= 10 }
        let multiples: [Double] = unit == .count ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
        var step = (multiples.map { $0 * magnitude }.first { $0 >= raw }) ?? magnitude * 10
        if unit == .count { step = max(1, step.rounded(.up)) }
        let steps = max(1, Int((most / step).rounded(.up)))
        top = Double(steps) * step
        ticks = (0...steps).map { Double($0) * step }
    }
}

/// SVG coordinates to a tenth of a unit, written the same way on every machine.
func coordinate(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    let whole = tenths / 10, tenth = abs(tenths % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return tenth == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(tenth)"
}

/// One indicator's trend as an SVG bar chart: a bar per month (the latest darker), the target
/// in force each month as a dashed line and the SN figure as a dotted one, every bar labelled
/// with its figure so the chart reads without colour. Its title and description carry the same
/// figures in words for a screen reader.
struct TrendChart {
    let definition: IndicatorDefinition
    /// The months and their council-wide values, oldest first.
    let points: [(month: YearMonth, value: IndicatorValue?)]
    let targets: [Double?]
    let neighbours: NeighbourComparison?
    let id: String

    static let width = 400.0, height = 180.0
    static let left = 40.0, right = 6.0, top = 14.0, bottom = 20.0

    var scale: AxisScale {
        let values = points.compactMap { $0.value?.value } + targets.compactMap { $0 } + [neighbours?.value].compactMap { $0 }
        return AxisScale(maximum: values.max() ?? 0, unit: definition.unit)
    }

    var axisText: String {
        Words.axisRange(from: Display.axis(0, definition.unit), to: Display.axis(scale.top, definition.unit))
    }

    var description: String {
        let target = targets.last.flatMap { $0 }.map { Display.plain($0, definition.unit) }
        let sn = neighbours.map { Words.neighbourLine($0, Display.plain($0.value, definition.unit)) }
        return Words.chartDescription(definition, points: points.map { ($0.month, $0.value.flatMap { $0.value == nil ? nil : Display.value($0) }) },
                                      target: target, neighbour: sn, axis: axisText)
    }

    func draw(into m: inout Markup) {
        let w = TrendChart.width, h = TrendChart.height
        let plotLeft = TrendChart.left, plotRight = w - TrendChart.right
        let plotTop = TrendChart.top, plotBottom = h - TrendChart.bottom
        let s = scale
        func y(_ v: Double) -> Double { plotBottom - (plotBottom - plotTop) * min(max(v / s.top, 0), 1) }
        let slot = (plotRight - plotLeft) / Double(max(points.count, 1))
        func x(_ i: Int) -> Double { plotLeft + slot * Double(i) }

        m.open("svg", [("viewBox", "0 0 \(coordinate(w)) \(coordinate(h))"), ("class", "chart"),
                       ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc")])
        m.element("title", [("id", "\(id)-title")], definition.title)
        m.element("desc", [("id", "\(id)-desc")], description)
        // Grid and axis labels.
        for t in s.ticks {
            m.void("line", [("class", "grid"), ("x1", coordinate(plotLeft)), ("x2", coordinate(plotRight)), ("y1", coordinate(y(t))),
                            ("y2", coordinate(y(t)))], selfClosing: true)
            m.element("text", [("class", "tick"), ("x", coordinate(plotLeft - 4)), ("y", coordinate(y(t) + 3)), ("text-anchor", "end")],
                      Display.axis(t, definition.unit))
        }
        // Bars, each with its figure; a month with none shows a dash on the axis.
        for (i, p) in points.enumerated() {
            let centre = x(i) + slot / 2
            let latest = i == points.count - 1
            if let v = p.value, let value = v.value {
                let barWidth = slot * 0.62
                let topY = y(value)
                m.void("rect", [("class", latest ? "bar latest" : "bar"), ("x", coordinate(centre - barWidth / 2)), ("y", coordinate(topY)),
                                ("width", coordinate(barWidth)), ("height", coordinate(max(plotBottom - topY, 0)))], selfClosing: true)
                m.element("text", [("class", latest ? "figure latest" : "figure"), ("x", coordinate(centre)), ("y", coordinate(topY - 3)),
                                   ("text-anchor", "middle")], Display.chartLabel(v))
            } else {
                m.element("text", [("class", "figure none"), ("x", coordinate(centre)), ("y", coordinate(plotBottom - 3)), ("text-anchor", "middle")],
                          RowFormat().value(nil))
            }
            m.element("text", [("class", "month"), ("x", coordinate(centre)), ("y", coordinate(plotBottom + 11)), ("text-anchor", "middle")],
                      Words.shortMonth(p.month))
        }
        m.void("line", [("class", "axis"), ("x1", coordinate(plotLeft)), ("x2", coordinate(plotRight)), ("y1", coordinate(plotBottom)),
                        ("y2", coordinate(plotBottom))], selfClosing: true)
        // The target in force each month: one dashed run per stretch of months with the same target.
        var path = ""
        var previous: Double?
        for (i, t) in targets.enumerated() {
            guard let t else { previous = nil; continue }
            if previous != t { path += "M\(coordinate(x(i))) \(coordinate(y(t)))" }
            path += "H\(coordinate(x(i) + slot))"
            previous = t
        }
        if !path.isEmpty { m.void("path", [("class", "target"), ("d", path)], selfClosing: true) }
        if let sn = neighbours {
            m.void("line", [("class", "neighbours"), ("x1", coordinate(plotLeft)), ("x2", coordinate(plotRight)), ("y1", coordinate(y(sn.value))),
                            ("y2", coordinate(y(sn.value)))], selfClosing: true)
        }
        m.close("svg")
    }
}

/// A slide's small trend: a line over the months with a dot on the latest. It spans its lowest to
/// its highest figure, to show the movement a room should see; its caption states that range.
struct Sparkline {
    let definition: IndicatorDefinition
    let points: [(month: YearMonth, value: IndicatorValue?)]
    let id: String

    static let width = 300.0, height = 60.0

    /// The lowest and highest figures, as text.
    var range: (low: String, high: String)? {
        let shown = points.compactMap { p in p.value.flatMap { v in v.value.map { (v, $0) } } }
        guard let low = shown.min(by: { $0.1 < $1.1 }), let high = shown.max(by: { $0.1 < $1.1 }) else { return nil }
        return (Display.value(low.0), Display.value(high.0))
    }

    func draw(into m: inout Markup) {
        let values = points.map { $0.value?.value }
        let low = values.compactMap { $0 }.min() ?? 0, high = values.compactMap { $0 }.max() ?? 0
        let w = Sparkline.width, h = Sparkline.height, pad = 6.0
        let step = (w - 2 * pad) / Double(max(points.count - 1, 1))
        func x(_ i: Int) -> Double { pad + step * Double(i) }
        // A flat series sits in the middle rather than on an edge.
        func y(_ v: Double) -> Double { high > low ? h - pad - (h - 2 * pad) * (v - low) / (high - low) : h / 2 }
        let axis = range.map { Words.sparkRange(low: $0.low, high: $0.high) } ?? Words.noFigure
        let description = Words.chartDescription(definition, points: points.map { ($0.month, $0.value.flatMap { $0.value == nil ? nil : Display.value($0) }) },
                                                 target: nil, neighbour: nil, axis: axis)
        m.open("svg", [("viewBox", "0 0 \(coordinate(w)) \(coordinate(h))"), ("class", "spark"), ("role", "img"),
                       ("aria-labelledby", "\(id)-title \(id)-desc")])
        m.element("title", [("id", "\(id)-title")], Words.months(points.count) + ": " + definition.slideTitle)
        m.element("desc", [("id", "\(id)-desc")], description)
        // A run of months with figures is one line; a month without one breaks it.
        var path = ""
        var drawing = false
        for (i, v) in values.enumerated() {
            guard let v else { drawing = false; continue }
            path += (drawing ? "L" : "M") + "\(coordinate(x(i))) \(coordinate(y(v)))"
            drawing = true
        }
        if !path.isEmpty { m.void("path", [("class", "trend"), ("d", path)], selfClosing: true) }
        if let i = values.indices.last, let v = values[i] {
            m.void("circle", [("class", "latest"), ("cx", coordinate(x(i))), ("cy", coordinate(y(v))), ("r", "4")], selfClosing: true)
        }
        m.close("svg")
    }
}
