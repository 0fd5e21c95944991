/// Figures as people read them: rounded half away from zero (DfE's rule), to 1 decimal place
/// for percentages and rates, thousands separated for counts.
public enum Display {
    /// `value` rounded half away from zero to `places` decimals, as text. Exact for ratios when
    /// numerator and denominator are given (a percentage of 16.45 is 16.5, never 16.4 because
    /// of binary fractions).
    public static func decimal(_ value: Double, places: Int = 1, numerator: Int? = nil, denominator: Int? = nil, scale: Int = 100) -> String {
        var p10 = 1
        for _ in 0..<places { p10 *= 10 }
        let units: Int
        if let n = numerator, let d = denominator, d > 0, n >= 0, n <= Int.max / (2 * scale * p10 + 1) {
            // round(scale · p10 · n / d) half away from zero, in integers.
            units = (2 * scale * p10 * n + d) / (2 * d)
        } else {
            let scaled = value * Double(p10)
            // Nudge by a few ulps so 2.675-style binary shortfalls round as written.
            let nudged = scaled + (scaled >= 0 ? 1 : -1) * scaled.magnitude.ulp * 4
            units = Int(nudged.rounded(.toNearestOrAwayFromZero))
        }
        let negative = units < 0
        let a = abs(units)
        var text = grouped(a / p10)
        if places > 0 {
            var frac = String(a % p10)
            while frac.count < places { frac = "0" + frac }
            text += "." + frac
        }
        return (negative ? "-" : "") + text
    }

    /// 13738 → "13,738".
    public static func grouped(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A value in its unit: `1,365`, `71.1%`, `16.4`; "–" when there is no value.
    public static func value(_ v: IndicatorValue) -> String {
        guard let x = v.value else { return "–" }
        switch v.unit {
        case .count: return grouped(Int(x.rounded()))
        case .percent: return decimal(x, numerator: v.numerator, denominator: v.denominator) + "%"
        case .per_10k: return decimal(x, numerator: v.numerator, denominator: v.denominator, scale: 10_000)
        case .per_100k: return decimal(x, numerator: v.numerator, denominator: v.denominator, scale: 100_000)
        }
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

    /// A variance as the council's report shows it: `(25.3%)` when negative, `7.5%` otherwise;
    /// the plain difference (no %) against a target of 0.
    public static func variance(_ v: Double, targetIsZero: Bool = false) -> String {
        let body = decimal(abs(v)) + (targetIsZero ? "" : "%")
        return decimal(v) == "0.0" || v >= 0 ? body : "(" + body + ")"
    }
}
