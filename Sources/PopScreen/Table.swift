/// A table of rows under a header: fixed-width columns one space apart, a scrolled page of rows,
/// and the selected row in reverse video with a marker before it. Views give it text and styles;
/// it decides where every cell goes.
public struct Table {
    public enum Align: Sendable { case left, right }

    public struct Column: Sendable {
        public let title: String
        public let width: Int
        public let align: Align

        public init(_ title: String, width: Int, align: Align = .right) {
            self.title = title
            self.width = width
            self.align = align
        }
    }

    public struct Cell: Sendable {
        public let text: String
        public let style: Style

        public init(_ text: String, _ style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }

    public let columns: [Column]
    /// Where the first column starts; the selection marker sits two columns before it.
    public let x: Int

    public init(columns: [Column], x: Int = 2) {
        self.columns = columns
        self.x = x
    }

    /// Each column's starting column.
    public var offsets: [Int] {
        var out: [Int] = []
        var at = x
        for c in columns {
            out.append(at)
            at += c.width + 1
        }
        return out
    }

    public func drawHeader(into b: inout Buffer, y: Int, style: Style = .bold) {
        for (c, at) in zip(columns, offsets) { draw(Cell(c.title, style), c, into: &b, x: at, y: y) }
    }

    /// Draws the page of `rows` that starts at `scroll` (as many as `pageSize`), from line
    /// `top`; the selected row fills the buffer's width in reverse video.
    public func drawRows(_ rows: [[Cell]], into b: inout Buffer, top: Int, pageSize: Int, scroll: Int, selected: Int?, marker: String) {
        for (i, row) in rows.enumerated().dropFirst(scroll).prefix(pageSize) {
            let y = top + i - scroll
            let isSelected = i == selected
            if isSelected { b.fill(Rect(x: 0, y: y, width: b.width, height: 1), Cell.reversed) }
            var markerStyle = row.first?.style ?? .plain
            markerStyle.reverse = isSelected
            b.text(isSelected ? marker : " ", x: x - 2, y: y, style: markerStyle)
            for (cell, (c, at)) in zip(row, zip(columns, offsets)) {
                var style = cell.style
                if isSelected { style.reverse = true }
                draw(Cell(cell.text, style), c, into: &b, x: at, y: y)
            }
        }
    }

    func draw(_ cell: Cell, _ c: Column, into b: inout Buffer, x: Int, y: Int) {
        let text = c.align == .right && cell.text.count < c.width ? String(repeating: " ", count: c.width - cell.text.count) + cell.text : cell.text
        b.text(text, x: x, y: y, style: cell.style, maxWidth: c.width)
    }
}

extension Table.Cell {
    static let reversed = PopScreen.Cell(" ", .reverse)
}
