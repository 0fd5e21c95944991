import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopScreen

/// What a table cell means for its look; the views choose the colours, exports ignore them.
public enum CellRole: Sendable, Equatable {
    case plain, strong, muted
    case rag(RAG?)
    case direction(Direction?)
}

public struct PageCell: Sendable, Equatable {
    public let text: String
    public let role: CellRole

    public init(_ text: String, _ role: CellRole = .plain) {
        self.text = text
        self.role = role
    }
}

/// One of a service page's tables after its indicators, as the council's pack sets it: a
/// breakdown with the month and the two before it, the audit grid, the domains, the teams.
/// Numbers are worded here (by `RowFormat` and `Display`), once, for the screen, the slides and
/// the Markdown export alike.
public struct PageTable: Sendable {
    public struct Column: Sendable {
        /// Over the column on screen ("Jan 19", "%").
        public let title: String
        /// In an export, where the screen's two-line reading is not there ("Jan 19 %").
        public let heading: String
        public let width: Int
        public let align: Table.Align
        /// How readily it gives way on a narrow screen: the highest goes first; nil never.
        public let drop: Int?

        public init(_ title: String, heading: String? = nil, width: Int, align: Table.Align = .right, drop: Int? = nil) {
            self.title = title
            self.heading = heading ?? title
            self.width = max(width, title.count)
            self.align = align
            self.drop = drop
        }
    }

    public struct Row: Sendable {
        /// The row's name (a group, a team, a service area), indented by `indent` spaces.
        public var label: String
        public var indent = 0
        public var cells: [PageCell]
        /// What Enter opens from the row.
        public var open: Screen?
        /// The indicator `t` shows by team from the row.
        public var indicator: IndicatorID?
        /// A total or a group's own line (a service over its teams): bold.
        public var strong = false
        /// The row takes the label of the row before (the audit grid's grades under their
        /// service area): a label too long for its column wraps over the rows that share it.
        public var sharesLabel = false
        /// A sentence across the figures instead of them (a group the extract could not give).
        public var note: String?

        public init(label: String, indent: Int = 0, cells: [PageCell], open: Screen? = nil, indicator: IndicatorID? = nil, strong: Bool = false,
                    sharesLabel: Bool = false, note: String? = nil) {
            self.label = label
            self.indent = indent
            self.cells = cells
            self.open = open
            self.indicator = indicator
            self.strong = strong
            self.sharesLabel = sharesLabel
            self.note = note
        }
    }

    /// The table's name, heading its label column.
    public let title: String
    /// The columns after the label.
    public let columns: [Column]
    public let rows: [Row]
    /// Labels wrap over the rows that share them, so a long one does not push columns out.
    public var wrapsLabels = false

    /// The widest label (with its indent), as wide as the screen is going to give it.
    var longestLabel: Int { min(36, rows.map { $0.indent + $0.label.count }.max() ?? 0) }

    /// The columns that fit `width` beside the label (the label column starting at `x`), and
    /// the label's width: columns give way, highest `drop` first, until the label fits whole
    /// (a label that wraps over its group's rows needs only 20).
    func fit(width: Int, x: Int = 2) -> (columns: [Int], label: Int) {
        var kept = Array(columns.indices)
        func room(_ cs: [Int]) -> Int { width - x - cs.map { columns[$0].width + 1 }.reduce(0, +) - 1 }
        let wanted = wrapsLabels ? min(20, longestLabel) : longestLabel
        while room(kept) < wanted, let worst = kept.compactMap({ columns[$0].drop }).max() { kept.removeAll { columns[$0].drop == worst } }
        return (kept, max(min(wanted, 12), min(longestLabel, room(kept))))
    }
}

/// One table of a service page: its indicators (the existing page table), or a table after them.
public enum PageSection: Sendable {
    case indicators([PageRow])
    case table(PageTable)

    var rowCount: Int {
        switch self {
        case .indicators(let rows): rows.count
        case .table(let t): t.rows.count
        }
    }
}

/// A line of a service page, top to bottom: a table's title (the tables after the indicators
/// have one, on a line of its own, so it is never cut short), its header, one of its rows, or
/// a gap.
public enum PageLine: Equatable, Sendable {
    case title(section: Int)
    case header(section: Int)
    case row(section: Int, row: Int)
    case gap
}

/// A service's page as the pack prints it: every indicator, then the breakdown tables with the
/// month and the two before it; for quality assurance the audit grid and the domains; for the
/// workforce its teams (and services). Pure: the same data and month give the same page. The
/// cursor moves over its rows (`items`); the screen scrolls over its lines.
public struct ServicePage: Sendable {
    public let service: Service
    public let sections: [PageSection]
    public let lines: [PageLine]
    /// Each selectable row's line, in page order.
    public let items: [Int]

    /// `marks` words the tables' arrows (ASCII where the terminal is not UTF-8).
    public init(_ service: Service, _ data: DashboardData, _ month: YearMonth, marks: Marks = .unicode) {
        self.service = service
        let all = data.rows(month).filter { $0.current.team == nil && $0.definition.service == service }
        var sections: [PageSection] = [.indicators(all.filter { !$0.definition.isBreakdown })]
        if !all.isEmpty { sections += ServicePage.tables(service, all, data, month, marks).map(PageSection.table) }
        var lines: [PageLine] = [], items: [Int] = []
        for (i, section) in sections.enumerated() {
            if i > 0 {
                guard section.rowCount > 0 else { continue }
                lines += [.gap, .title(section: i)]
            }
            lines.append(.header(section: i))
            for r in 0..<section.rowCount {
                items.append(lines.count)
                lines.append(.row(section: i, row: r))
            }
        }
        self.sections = sections
        self.lines = lines
        self.items = items
    }

    /// The indicator rows (the first table).
    public var indicatorRows: [PageRow] {
        if case .indicators(let rows)? = sections.first { return rows }
        return []
    }

    /// The tables after the indicators.
    public var tables: [PageTable] {
        sections.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// The section and row of a selectable item.
    func item(_ i: Int) -> (section: Int, row: Int)? {
        guard i >= 0 && i < items.count, case .row(let s, let r) = lines[items[i]] else { return nil }
        return (s, r)
    }

    /// What Enter opens from an item.
    func open(_ i: Int) -> Screen? {
        guard let (s, r) = item(i) else { return nil }
        switch sections[s] {
        case .indicators(let rows): return .indicator(rows[r].current.id)
        case .table(let t): return t.rows[r].open
        }
    }

    /// The indicator an item is about (for `t`, and to say why it has no teams).
    func indicator(_ i: Int) -> IndicatorID? {
        guard let (s, r) = item(i) else { return nil }
        switch sections[s] {
        case .indicators(let rows): return rows[r].current.id
        case .table(let t): return t.rows[r].indicator
        }
    }

    /// The first item of the table after (or before) the one item `i` is in; nil at either end.
    func jump(from i: Int, forward: Bool) -> Int? {
        guard let (s, _) = item(i) else { return items.isEmpty ? nil : 0 }
        let starts = items.indices.filter { k in item(k)?.row == 0 }
        let here = starts.last { k in (item(k)?.section ?? 0) <= s } ?? 0
        if forward { return starts.first { $0 > i } }
        // Back: to the start of this table when below it, else to the previous table's start.
        if i > here { return here }
        return starts.last { $0 < here }
    }

    /// The section a line belongs to.
    func section(ofLine l: Int) -> Int? {
        switch lines[l] {
        case .title(let s), .header(let s), .row(let s, _): s
        case .gap: nil
        }
    }
}
