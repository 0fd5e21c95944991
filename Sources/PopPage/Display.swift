import PopMetrics

/// Figures as people read them: rounded half away from zero (DfE's rule), to 1 decimal place
/// for percentages and rates, thousands separated for counts. Never traps: a value too large,
/// too small to matter, or not a number at all has a text too.
public enum Display {
    /// `value` rounded half away from zero to `places` decimals, as text; exact for a ratio
    /// given its numerator and denominator (see `Rounding.units`).
    public static func decimal(_ value: Double, places: Int = 1, numerator: Int? = nil, denominator: Int? = nil, scale: Int = 100) -> String {
        guard let units = Rounding.units(value, places: places, numerator: numerator, denominator: denominator, scale: scale) else {
            return unrepresentable(value)
        }
        var p10 = 1
        for _ in 0..<places { p10 *= 10 }
        let negative = units < 0
        let a = units.magnitude
        var text = grouped(Int(a / UInt(p10)))
        if places > 0 {
            var frac = String(a % UInt(p10))
            while frac.count < places { frac = "0" + frac }
            text += "." + frac
        }
        return (negative ? "-" : "") + text
    }

    /// A value no whole number of units can hold: infinite, not a number, or beyond ±4.6 × 10^18.
    static func unrepresentable(_ value: Double) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        return value > 0 ? "> 10^18" : "< -10^18"
    }

    /// 13738 → "13,738".
    public static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A whole count held as a Double (a target, a benchmark): grouped, never trapping.
    public static func count(_ x: Double) -> String {
        guard let units = Rounding.units(x, places: 0) else { return unrepresentable(x) }
        return grouped(units)
    }

    /// A value in its unit: `1,365`, `71.1%`, `16.4`, a caseload `13.6`; "–" when there is no value.
    public static func value(_ v: IndicatorValue) -> String {
        guard let x = v.value else { return "–" }
        switch v.unit {
        case .count: return count(x)
        case .percent: return decimal(x, numerator: v.numerator, denominator: v.denominator) + "%"
        case .per_10k: return decimal(x, numerator: v.numerator, denominator: v.denominator, scale: 10_000)
        case .per_100k: return decimal(x, numerator: v.numerator, denominator: v.denominator, scale: 100_000)
        case .average: return decimal(x, numerator: v.numerator, denominator: v.denominator, scale: 1)
        }
    }

    /// A figure of a unit without its ratio (a target, an SN figure): `95.0%`, `41.2`, `0`.
    public static func plain(_ x: Double, _ unit: MeasureUnit) -> String {
        unit == .count ? count(x) : decimal(x) + (unit == .percent ? "%" : "")
    }

    /// A chart axis label in a unit: whole numbers without decimals (`0`, `50%`, `1,500`), one
    /// decimal place otherwise (`2.5`).
    public static func axis(_ x: Double, _ unit: MeasureUnit) -> String {
        let whole = Rounding.units(x, places: 1).map { $0 % 10 == 0 } ?? false
        return decimal(x, places: whole ? 0 : 1) + (unit == .percent ? "%" : "")
    }

    /// A bar's label on a chart: the value without its % sign (the axis carries the unit), so
    /// thirteen labels fit side by side.
    public static func chartLabel(_ v: IndicatorValue) -> String {
        let text = value(v)
        return v.unit == .percent && text.hasSuffix("%") ? String(text.dropLast()) : text
    }

    /// A variance as the council's report shows it: `(25.3%)` when negative, `7.5%` otherwise;
    /// the plain difference (no %) against a target of 0.
    public static func variance(_ v: Double, targetIsZero: Bool = false) -> String {
        let body = decimal(v.magnitude) + (targetIsZero ? "" : "%")
        let roundsToZero = Rounding.units(v, places: 1) == 0
        return roundsToZero || v >= 0 ? body : "(" + body + ")"
    }

    /// Text padded on the left (right-aligned) to `width` columns; longer text is left alone.
    public static func padLeft(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// Text padded on the right (left-aligned) to `width` columns.
    public static func padRight(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// Text without surrounding white space.
    public static func trimmed<S: StringProtocol>(_ s: S) -> String {
        var t = Substring(s)
        while t.first?.isWhitespace == true { t = t.dropFirst() }
        while t.last?.isWhitespace == true { t = t.dropLast() }
        return String(t)
    }
}
