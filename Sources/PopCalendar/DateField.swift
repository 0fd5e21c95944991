/// A date cell as read from an extract: blank ("none recorded"), a day, or a value that is not a
/// date. Blank is not bad: each indicator decides what a blank means.
public enum DateField: Hashable, Sendable {
    case blank
    case day(Day)
    case bad

    public var day: Day? { if case .day(let d) = self { return d } else { return nil } }
    public var isBlank: Bool { self == .blank }
    public var isBad: Bool { self == .bad }
}

/// Parses dates straight from bytes, without Foundation.
///
/// Accepted: `dd/mm/yyyy` (Annex A; one-digit day and month as Excel writes them, `-` or `.`
/// also accepted as separators), ISO `yyyy-mm-dd`, either optionally followed by a time of day
/// (` 00:00`, ` 00:00:00`, `T00:00:00`) that is ignored. Years from 1900 to 9999 are dates
/// (`31/12/9999` is a common "no end date"); any other year is not.
public enum DateParser {
    public static let yearRange = 1900...9999

    public static func parse(_ text: String) -> DateField {
        var copy = text
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    public static func parse(_ bytes: UnsafeRawBufferPointer) -> DateField {
        var lo = 0, hi = bytes.count
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        if lo == hi { return .blank }
        // The shapes nearly every cell has, `dd/mm/yyyy` and `yyyy-mm-dd`, without the general
        // path's splitting.
        if hi - lo == 10, let base = bytes.baseAddress {
            let p = base.assumingMemoryBound(to: UInt8.self) + lo
            @inline(__always) func v(_ k: Int) -> UInt8 { p[k] &- 0x30 }
            @inline(__always) func n(_ k: Int) -> Int { Int(v(k)) }
            if p[2] == 0x2F && p[5] == 0x2F && v(0) <= 9 && v(1) <= 9 && v(3) <= 9 && v(4) <= 9
                && v(6) <= 9 && v(7) <= 9 && v(8) <= 9 && v(9) <= 9 {
                return civil(n(6) * 1000 + n(7) * 100 + n(8) * 10 + n(9), n(3) * 10 + n(4), n(0) * 10 + n(1))
            }
            if p[4] == 0x2D && p[7] == 0x2D && v(0) <= 9 && v(1) <= 9 && v(2) <= 9 && v(3) <= 9
                && v(5) <= 9 && v(6) <= 9 && v(8) <= 9 && v(9) <= 9 {
                return civil(n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3), n(5) * 10 + n(6), n(8) * 10 + n(9))
            }
        }
        // Drop a time of day: everything from the first space or 'T' after the date part.
        var end = lo
        while end < hi, bytes[end] != 0x20, bytes[end] != 0x54, bytes[end] != 0x74 { end += 1 }
        if end < hi && !isTime(bytes, end + 1, hi) { return .bad }
        // Split into three numeric groups.
        var groups: [(value: Int, digits: Int)] = []
        groups.reserveCapacity(3)
        var separator: UInt8 = 0
        var i = lo
        while i < end {
            var v = 0, n = 0
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                if n < 6 { v = v * 10 + Int(bytes[i] - 0x30) }
                n += 1
                i += 1
            }
            if n == 0 || n > 4 { return .bad }
            groups.append((v, n))
            if i < end {
                let s = bytes[i]
                guard s == 0x2F || s == 0x2D || s == 0x2E else { return .bad }
                if separator == 0 { separator = s } else if s != separator { return .bad }
                i += 1
                if i == end { return .bad }
            }
            if groups.count > 3 { return .bad }
        }
        guard groups.count == 3 else { return .bad }
        let y: Int, m: Int, d: Int
        if groups[0].digits == 4 {
            guard groups[1].digits <= 2, groups[2].digits <= 2 else { return .bad }
            (y, m, d) = (groups[0].value, groups[1].value, groups[2].value)
        } else if groups[2].digits == 4 {
            guard groups[0].digits <= 2, groups[1].digits <= 2 else { return .bad }
            (y, m, d) = (groups[2].value, groups[1].value, groups[0].value)
        } else {
            return .bad
        }
        return civil(y, m, d)
    }

    @inline(__always)
    private static func civil(_ y: Int, _ m: Int, _ d: Int) -> DateField {
        guard yearRange.contains(y), let day = Day(year: y, month: m, day: d) else { return .bad }
        return .day(day)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// `hh:mm` or `hh:mm:ss` (optionally with fractions), the time Excel adds to a date.
    private static func isTime(_ bytes: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Bool {
        if from >= to { return false }
        var colons = 0, digits = 0
        for i in from..<to {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == 0x3A { colons += 1 } else if b == 0x2E { continue } else { return false }
        }
        return colons >= 1 && colons <= 2 && digits >= 2
    }
}
