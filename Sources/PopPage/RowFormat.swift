import PopMetrics

/// The cells of a page row as text: one formatter for the report, the dashboard, the slides
/// and the board pack, so a figure reads the same wherever it appears.
public struct RowFormat: Sendable {
    public let marks: Marks

    public init(marks: Marks = .unicode) { self.marks = marks }

    /// A value in its unit, "–" when there is none.
    public func value(_ v: IndicatorValue?) -> String { v.map(Display.value) ?? "–" }

    /// This month's figure; a breakdown group shows its count and share: `84 (52.8%)`; an
    /// indicator the extract could not give says why.
    public func latest(_ r: PageRow) -> String {
        if let u = r.unavailable { return Words.unavailable(u) }
        return figure(r.current, breakdown: r.definition.isBreakdown)
    }

    /// Last month's figure, as `latest`; "–" when none is stored.
    public func previous(_ r: PageRow) -> String { r.previous.map { figure($0, breakdown: r.definition.isBreakdown) } ?? "–" }

    func figure(_ v: IndicatorValue, breakdown: Bool) -> String {
        breakdown ? "\(v.numerator.map(Display.grouped) ?? "–") (\(Display.value(v)))" : Display.value(v)
    }

    /// The change as a report states it: `+2.2 pts`, `+141 (+11.5%)`, `-0.7 (-2.1%)`.
    public func signedChange(_ r: PageRow) -> String {
        guard let c = r.change else { return "–" }
        let size = changeSize(r)
        let sign = c > 0 ? "+" : c < 0 ? "-" : ""
        if r.current.unit == .percent { return sign + size + " pts" }
        let relative = r.relativeChange.map { " (" + ($0 > 0 ? "+" : $0 < 0 ? "-" : "") + Display.decimal($0.magnitude) + "%)" } ?? ""
        return sign + size + relative
    }

    /// The change as a screen shows it: an arrow and its size (`▲ 2.2`), `=` when it rounds
    /// to nothing, "–" when there is no last month.
    public func arrowChange(_ r: PageRow) -> String {
        guard let c = r.change, let d = r.direction else { return "–" }
        if d == .noChange { return marks.same }
        return (c > 0 ? marks.up : marks.down) + " " + changeSize(r)
    }

    func changeSize(_ r: PageRow) -> String {
        guard let c = r.change else { return "" }
        return r.current.unit == .count ? Display.count(c.magnitude) : Display.decimal(c.magnitude)
    }

    public func target(_ r: PageRow) -> String { r.current.target.map { Display.plain($0, r.current.unit) } ?? "" }

    public func variance(_ r: PageRow) -> String {
        r.current.variance.map { Display.variance($0, targetIsZero: r.current.target == 0) } ?? ""
    }

    public func rag(_ r: PageRow, compact: Bool = false) -> String { marks.rag(r.current.rag, compact: compact) }

    /// The SN figure in the indicator's unit: `41.2`, `11.5%`.
    public func neighbour(_ r: PageRow) -> String { r.neighbours.map { Display.plain($0.value, r.current.unit) } ?? "" }

    /// How far from the neighbours, and which way is better: `-24.8 better`.
    public func versusNeighbours(_ r: PageRow) -> String {
        guard let sn = r.neighbours, let d = sn.difference else { return "" }
        let word = sn.better.map { $0 ? " better" : " worse" } ?? ""
        return (d > 0 ? "+" : d < 0 ? "-" : "") + Display.decimal(d.magnitude) + word
    }

    /// A percentage's count over its base, "113 of 159"; "" for other units or a value with
    /// no base.
    public func nOfN(_ v: IndicatorValue?) -> String {
        guard let v, v.unit == .percent, let n = v.numerator, let d = v.denominator else { return "" }
        return "\(Display.grouped(n)) of \(Display.grouped(d))"
    }

    /// "3 of 11".
    public func rank(_ r: PageRow) -> String {
        guard let sn = r.neighbours, let rank = sn.rank, let of = sn.rankedAmong else { return "" }
        return "\(rank) of \(of)"
    }
}
