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

    /// This month's figure with its count beside a percentage: `71.1% (113 of 159)`; a breakdown
    /// group `56 of 159 (35.2%)`; other units as `latest`.
    public func latestCounted(_ r: PageRow) -> String {
        if let u = r.unavailable { return Words.unavailable(u) }
        return counted(r.current, breakdown: r.definition.isBreakdown)
    }

    /// Last month's figure as `latestCounted`; "–" when none is stored.
    public func previousCounted(_ r: PageRow) -> String { r.previous.map { counted($0, breakdown: r.definition.isBreakdown) } ?? "–" }

    /// A figure and, for a percentage with a base, "n of N" beside it.
    public func counted(_ v: IndicatorValue, breakdown: Bool) -> String {
        let of = nOfN(v)
        guard !of.isEmpty else { return figure(v, breakdown: breakdown) }
        return breakdown ? "\(of) (\(Display.value(v)))" : "\(Display.value(v)) (\(of))"
    }

    /// The change as a report states it: `+2.2 pts`, `+141 (+11.5%)`, `-0.7 (-2.1%)`.
    public func signedChange(_ r: PageRow) -> String { signed(r.change, r.relativeChange, r.current.unit) }

    /// The change as a screen shows it: an arrow and its size (`▲ 2.2`), `=` when it rounds
    /// to nothing, "–" when there is no last month.
    public func arrowChange(_ r: PageRow) -> String { arrow(r.change, r.direction, r.current.unit) }

    /// The baseline month's figure; "–" without a baseline.
    public func baselineValue(_ r: PageRow) -> String { r.baseline.map { figure($0.value, breakdown: r.definition.isBreakdown) } ?? "–" }

    /// The change since the baseline as a report states it, with its direction by polarity:
    /// `+12.3 pts improving`, `-41 (-20.5%) worsening`; "" without a baseline.
    public func baselineChange(_ r: PageRow) -> String {
        guard let b = r.baseline else { return "" }
        let size = signedBaselineChange(r)
        return b.direction.map { size + " " + Words.direction($0) } ?? size
    }

    /// The change since the baseline alone, as `signedChange` states last month's: `+12.3 pts`;
    /// "–" without a baseline.
    public func signedBaselineChange(_ r: PageRow) -> String {
        r.baseline.map { signed($0.change, $0.relativeChange, r.current.unit) } ?? "–"
    }

    /// The change since the baseline as a screen shows it: `▲ 12.3`; "" without a baseline.
    public func baselineArrow(_ r: PageRow) -> String {
        guard let b = r.baseline else { return "" }
        return arrow(b.change, b.direction, r.current.unit)
    }

    /// A change with its sign; one that rounds to nothing as shown has none (`0.0 pts`).
    /// The change since the baseline as a sentence: "since February 2018 ▼ 9.2 points (from
    /// 80.3%)" (`short`: "since Feb 18 ▼ 9.2 (from 80.3%)"); "" without a baseline.
    public func baselineSentence(_ r: PageRow, short: Bool = false) -> String {
        guard let b = r.baseline else { return "" }
        let change = b.direction == .noChange ? nil : baselineArrow(r)
        return Words.sinceBaseline(b.month, change: change, unit: r.current.unit, from: baselineValue(r), short: short)
    }

    func signed(_ change: Double?, _ relativeChange: Double?, _ unit: MeasureUnit) -> String {
        guard let c = change else { return "–" }
        let size = changeSize(c, unit)
        if unit == .percent { return sign(c, places: 1) + size + " pts" }
        let relative = relativeChange.map { " (" + sign($0, places: 1) + Display.decimal($0.magnitude) + "%)" } ?? ""
        return sign(c, places: unit == .count ? 0 : 1) + size + relative
    }

    func sign(_ x: Double, places: Int) -> String {
        guard let units = Rounding.units(x, places: places), units != 0 else { return "" }
        return units > 0 ? "+" : "-"
    }

    func arrow(_ change: Double?, _ direction: Direction?, _ unit: MeasureUnit) -> String {
        guard let c = change, let d = direction else { return "–" }
        if d == .noChange { return marks.same }
        return (c > 0 ? marks.up : marks.down) + " " + changeSize(c, unit)
    }

    func changeSize(_ c: Double, _ unit: MeasureUnit) -> String {
        unit == .count ? Display.count(c.magnitude) : Display.decimal(c.magnitude)
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
