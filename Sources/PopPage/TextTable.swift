/// A table for people, as text: the report's text at a given width (the columns that fit,
/// chosen by priority; the label column wraps), Markdown, or CSV of the cells as shown. The
/// report and the dashboard's exports fill it from page rows through `RowFormat`.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public let heading: String
        public let rightAligned: Bool
        /// When the width cannot hold every column, lower numbers keep their place first; nil
        /// for a column always shown.
        public let priority: Int?

        public init(_ heading: String, rightAligned: Bool = true, priority: Int? = nil) {
            self.heading = heading
            self.rightAligned = rightAligned
            self.priority = priority
        }
    }

    public enum Row: Sendable, Equatable {
        /// One cell per column. The first is the row's label; its leading spaces are an indent
        /// that its wrapped lines keep.
        case cells([String])
        /// A label and a sentence across the other columns (an indicator not available).
        case spanning(String, String)
    }

    /// The columns a width holds and how wide each is.
    public struct Fit: Sendable, Equatable {
        /// The columns shown after the label, in table order.
        public let shown: [Int]
        /// Every column's width (the label's is `labelWidth`).
        public let widths: [Int]
        public let labelWidth: Int
        /// Columns with something in them that the width could not hold, in table order.
        public let leftOut: [Int]
        /// The width that would show every column with something in it, labels unwrapped.
        public let needed: Int
        public let width: Int
        public let indent: Int
    }

    /// The first column is the label.
    public let columns: [Column]
    public static let gap = 2
    /// A label is not squeezed narrower than this to make room for a column.
    public static let labelMinimum = 32
    /// However narrow the width, a label keeps this much.
    public static let labelFloor = 12

    public init(columns: [Column]) { self.columns = columns }

    // MARK: text at a width

    /// Chooses the columns for `width`, given every row the page will show (so every section of
    /// a page lines up). A column empty in every row is not shown and not counted as left out.
    public func fit(_ rows: [Row], width: Int, indent: Int = 2) -> Fit {
        var widths = columns.map(\.heading.count)
        var filled = Array(repeating: false, count: columns.count)
        for row in rows {
            switch row {
            case .cells(let cells):
                for (i, c) in cells.enumerated() where i < columns.count {
                    widths[i] = max(widths[i], c.count)
                    if !c.isEmpty { filled[i] = true }
                }
            case .spanning(let label, _):
                widths[0] = max(widths[0], label.count)
            }
        }
        let candidates = (1..<max(1, columns.count)).filter { filled[$0] || columns[$0].priority == nil }
        let labelNatural = widths.first ?? 0
        let labelMin = min(labelNatural, TextTable.labelMinimum)
        var used = indent + labelMin
        var shown = Set<Int>()
        for i in candidates where columns[i].priority == nil {
            shown.insert(i)
            used += TextTable.gap + widths[i]
        }
        let optional = candidates.filter { columns[$0].priority != nil }.sorted { (columns[$0].priority ?? 0, $0) < (columns[$1].priority ?? 0, $1) }
        for i in optional where used + TextTable.gap + widths[i] <= width {
            shown.insert(i)
            used += TextTable.gap + widths[i]
        }
        // The label takes what the columns leave; narrower than its minimum only when the
        // columns always shown leave no more.
        let labelWidth = min(labelNatural, max(min(labelNatural, TextTable.labelFloor), width - (used - labelMin)))
        let needed = indent + labelNatural + candidates.reduce(0) { $0 + TextTable.gap + widths[$1] }
        return Fit(shown: candidates.filter(shown.contains), widths: widths, labelWidth: labelWidth,
                   leftOut: candidates.filter { !shown.contains($0) }, needed: needed, width: width, indent: indent)
    }

    /// The heading line.
    public func header(_ fit: Fit) -> String {
        line(label: columns.first?.heading ?? "", cells: columns.map(\.heading), fit)
    }

    /// A row's lines: its cells on the first, its label wrapped onto the lines after.
    public func lines(_ row: Row, _ fit: Fit) -> [String] {
        switch row {
        case .cells(let cells):
            let labels = wrapLabel(cells.first ?? "", width: fit.labelWidth)
            return [line(label: labels[0], cells: cells, fit)] + labels.dropFirst().map { trimEnd(String(repeating: " ", count: fit.indent) + $0) }
        case .spanning(let label, let text):
            let labels = wrapLabel(label, width: fit.labelWidth)
            let start = fit.indent + fit.labelWidth + TextTable.gap
            let texts = Words.wrap(text, width: max(10, fit.width - start))
            var out: [String] = []
            for k in 0..<max(labels.count, texts.count) {
                let l = k < labels.count ? labels[k] : ""
                let t = k < texts.count ? texts[k] : ""
                out.append(trimEnd(String(repeating: " ", count: fit.indent) + Display.padRight(l, fit.labelWidth) + String(repeating: " ", count: TextTable.gap) + t))
            }
            return out
        }
    }

    func line(label: String, cells: [String], _ fit: Fit) -> String {
        var out = String(repeating: " ", count: fit.indent) + Display.padRight(label, fit.labelWidth)
        for i in fit.shown {
            let c = i < cells.count ? cells[i] : ""
            out += String(repeating: " ", count: TextTable.gap)
                + (columns[i].rightAligned ? Display.padLeft(c, fit.widths[i]) : Display.padRight(c, fit.widths[i]))
        }
        return trimEnd(out)
    }

    /// A label broken to the width, its indent kept (and two more spaces on the lines after).
    func wrapLabel(_ label: String, width: Int) -> [String] {
        guard label.count > width else { return [label] }
        let indent = String(label.prefix { $0 == " " })
        let body = String(label.dropFirst(indent.count))
        let first = Words.wrap(body, width: max(1, width - indent.count))
        guard let head = first.first else { return [label] }
        let restIndent = indent + "  "
        let rest = Words.wrap(first.dropFirst().joined(separator: " "), width: max(1, width - restIndent.count))
        return [indent + head] + rest.map { restIndent + $0 }
    }

    func trimEnd(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    // MARK: Markdown and CSV

    /// The columns with something in them (and those always shown).
    func present(_ rows: [Row]) -> [Int] {
        (0..<columns.count).filter { i in
            i == 0 || columns[i].priority == nil || rows.contains { row in
                if case .cells(let cells) = row { return i < cells.count && !cells[i].isEmpty }
                return false
            }
        }
    }

    func cells(_ row: Row, _ shown: [Int]) -> [String] {
        switch row {
        case .cells(let cells): return shown.map { $0 < cells.count ? cells[$0] : "" }
        case .spanning(let label, let text): return shown.enumerated().map { k, _ in k == 0 ? label : k == 1 ? text : "" }
        }
    }

    /// A Markdown table of every column with something in it (in `columnsOf`, when given: the
    /// whole page's rows, so each of its tables has the same columns).
    public func markdown(_ rows: [Row], columnsOf all: [Row]? = nil) -> String {
        let shown = present(all ?? rows)
        var out = "| " + shown.map { MarkdownText.cell(columns[$0].heading) }.joined(separator: " | ") + " |\n"
        out += "| " + shown.map { columns[$0].rightAligned && $0 != 0 ? "---:" : "---" }.joined(separator: " | ") + " |\n"
        for row in rows {
            out += "| " + cells(row, shown).map { MarkdownText.cell(Display.trimmed($0)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// CSV of every column with something in it, headed by the column headings.
    public func csv(_ rows: [Row]) -> String {
        let shown = present(rows)
        return CSVText.row(shown.map { columns[$0].heading }) + rows.map { CSVText.row(cells($0, shown).map { Display.trimmed($0) }) }.joined()
    }
}

/// Markdown pieces.
public enum MarkdownText {
    /// A table cell: `|` escaped and line breaks as spaces, so the cell stays in its row.
    public static func cell(_ s: String) -> String {
        String(s.flatMap { ch -> String in
            if ch == "|" { return "\\|" }
            if ch.isNewline { return " " }
            return String(ch)
        })
    }

    /// A paragraph's text on one line per paragraph, as Markdown keeps it.
    public static func text(_ s: String) -> String { s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "  \n") }
}
