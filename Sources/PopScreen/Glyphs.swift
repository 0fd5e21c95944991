/// The characters views draw with: Unicode where the locale is UTF-8, plain ASCII otherwise.
public struct Glyphs: Sendable {
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    /// Sparkline levels, lowest first.
    public let levels: [Character]
    public let ellipsis: String
    public let full: Character
    public let targetLine: Character
    public let neighbourLine: Character
    public let selected: String
    /// An interval's whisker: its ends, the line between and the point.
    public let whiskerLeft, whiskerRight, whiskerLine, point: Character
    /// A funnel's outer (99.8%) and inner (95%) limits, and a team outside the outer ones.
    public let outerLimit, innerLimit, outside: Character
    /// A funnel's axis corner and tick.
    public let corner, tick: Character

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], ellipsis: "…", full: "█", targetLine: "━", neighbourLine: "┄", selected: "▶",
        whiskerLeft: "├", whiskerRight: "┤", whiskerLine: "─", point: "●", outerLimit: "─", innerLimit: "┈", outside: "✖", corner: "└", tick: "┬")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        levels: [".", "-", "=", "+", "*", "#", "%", "@"], ellipsis: "...", full: "#", targetLine: "=", neighbourLine: ":", selected: ">",
        whiskerLeft: "|", whiskerRight: "|", whiskerLine: "-", point: "o", outerLimit: "-", innerLimit: ".", outside: "X", corner: "+", tick: "+")

    /// A sparkline of the values, scaled between their minimum and maximum; a gap for a month
    /// with no value.
    public func sparkline(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }
        guard let lo = present.min(), let hi = present.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { v -> Character in
            guard let v else { return " " }
            if hi == lo { return levels[levels.count / 2] }
            let i = Int(((v - lo) / (hi - lo) * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, i))]
        })
    }
}

/// Headline figures in block digits, five rows high, readable across a room.
public enum BigDigits {
    static let font: [Character: [String]] = [
        "0": ["███", "█ █", "█ █", "█ █", "███"], "1": [" █ ", "██ ", " █ ", " █ ", "███"],
        "2": ["███", "  █", "███", "█  ", "███"], "3": ["███", "  █", " ██", "  █", "███"],
        "4": ["█ █", "█ █", "███", "  █", "  █"], "5": ["███", "█  ", "███", "  █", "███"],
        "6": ["███", "█  ", "███", "█ █", "███"], "7": ["███", "  █", "  █", "  █", "  █"],
        "8": ["███", "█ █", "███", "█ █", "███"], "9": ["███", "█ █", "███", "  █", "███"],
        ".": [" ", " ", " ", " ", "█"], ",": [" ", " ", " ", "█", "█"], "-": ["   ", "   ", "███", "   ", "   "],
        "%": ["█  █", "  █ ", " █  ", "█   ", "█  █"], "–": ["   ", "   ", "███", "   ", "   "], " ": [" ", " ", " ", " ", " "],
    ]

    /// Five rows of block characters (or `full` in ASCII mode) for the text.
    public static func render(_ text: String, full: Character = "█") -> [String] {
        var rows = Array(repeating: "", count: 5)
        for (i, ch) in text.enumerated() {
            let g = font[ch] ?? font[" "]!
            for r in 0..<5 { rows[r] += (i > 0 ? " " : "") + (full == "█" ? g[r] : String(g[r].map { $0 == "█" ? full : $0 })) }
        }
        return rows
    }

    public static func width(_ text: String) -> Int { render(text).first?.count ?? 0 }
}

/// Word-wraps text to a width.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
            lines.append(line)
            line = String(word)
        }
        while line.count > width {
            lines.append(String(line.prefix(width)))
            line = String(line.dropFirst(width))
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
