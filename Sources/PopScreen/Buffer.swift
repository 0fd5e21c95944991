/// Terminal colours pop uses; `.normal` is the terminal's own, so light and dark backgrounds both read.
public enum Colour: UInt8, Sendable, CaseIterable {
    case normal, red, green, yellow, blue, magenta, cyan, grey
}

public struct Style: Hashable, Sendable {
    public var colour: Colour
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool

    public init(colour: Colour = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.colour = colour
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()

    /// "red bold reverse", for golden files.
    public var name: String {
        var parts: [String] = colour == .normal ? [] : [String(describing: colour)]
        if bold { parts.append("bold") }
        if reverse { parts.append("reverse") }
        if dim { parts.append("dim") }
        if underline { parts.append("underline") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)
}

public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }
}

public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// A grid of cells the views draw the whole state into every frame; the terminal backend sends
/// only the cells that changed since the last frame.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { if x >= 0 && y >= 0 && x < width && y < height { cells[y * width + x] = newValue } }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns and the buffer; returns the columns used.
    @discardableResult
    public mutating func text(_ s: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0 && y < height else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        var col = 0
        for ch in s {
            if col >= limit { break }
            if x + col >= 0 { cells[y * width + x + col] = Cell(ch, style) }
            col += 1
        }
        return max(0, col)
    }

    /// Text right-aligned to end at column `right` (exclusive).
    public mutating func textRight(_ s: String, right: Int, y: Int, style: Style = .plain) {
        text(s, x: right - s.count, y: y, style: style)
    }

    public mutating func fill(_ r: Rect, _ c: Cell = Cell()) {
        for yy in max(0, r.y)..<min(height, r.maxY) {
            for xx in max(0, r.x)..<min(width, r.maxX) { cells[yy * width + xx] = c }
        }
    }

    /// A box with a title in its top edge.
    public mutating func box(_ r: Rect, title: String = "", glyphs: Glyphs, style: Style = .plain, titleStyle: Style = .bold) {
        guard r.width >= 2 && r.height >= 2 else { return }
        for xx in (r.x + 1)..<(r.maxX - 1) {
            self[xx, r.y] = Cell(glyphs.horizontal, style)
            self[xx, r.maxY - 1] = Cell(glyphs.horizontal, style)
        }
        for yy in (r.y + 1)..<(r.maxY - 1) {
            self[r.x, yy] = Cell(glyphs.vertical, style)
            self[r.maxX - 1, yy] = Cell(glyphs.vertical, style)
        }
        self[r.x, r.y] = Cell(glyphs.topLeft, style)
        self[r.maxX - 1, r.y] = Cell(glyphs.topRight, style)
        self[r.x, r.maxY - 1] = Cell(glyphs.bottomLeft, style)
        self[r.maxX - 1, r.maxY - 1] = Cell(glyphs.bottomRight, style)
        if !title.isEmpty && r.width > 4 { text(" \(title) ", x: r.x + 1, y: r.y, style: titleStyle, maxWidth: r.width - 2) }
    }

    /// Every run of cells drawn in a style other than plain, one line per run:
    /// `row 3, columns 40–44: red bold`. With `plainText`, a golden file that fails when a red
    /// RAG is drawn green.
    public func styleRuns() -> String {
        var out = ""
        for yy in 0..<height {
            var x = 0
            while x < width {
                let style = cells[yy * width + x].style
                var end = x + 1
                while end < width && cells[yy * width + end].style == style { end += 1 }
                if style != .plain { out += "row \(yy), columns \(x)–\(end - 1): \(style.name)\n" }
                x = end
            }
        }
        return out
    }

    /// The buffer as plain text, one line per row, trailing spaces removed: for golden files
    /// and text export.
    public func plainText() -> String {
        var out = ""
        for yy in 0..<height {
            var line = String(cells[(yy * width)..<(yy * width + width)].map(\.character))
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
