import PopCalendar
import PopMetrics
import PopScreen

/// Where things go on screen: shared by drawing and by `update` (clicks, scrolling).
public enum Layout {
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    static let bodyTop = 1
    static let tableTop = 4
    /// A service page's first line (its indicator table's header).
    static let serviceTop = 3

    public static func tooSmall(_ s: AppState) -> Bool { s.width < minimumWidth || s.height < minimumHeight }

    /// How wide a panel must be for its full line (value, RAG, change, variance, target, SN and
    /// sparkline), as one column at 80 shows it.
    static let fullPanelWidth = 84

    /// One column at 80 wide, two from 120; three only where each is still a full panel, so a
    /// wider screen never shows less of a line than a narrower one (at 200, two full panels).
    static func columns(_ width: Int) -> Int { width >= 3 * fullPanelWidth ? 3 : width >= 120 ? 2 : 1 }

    static func rowsPerColumn(_ width: Int) -> Int {
        let c = columns(width)
        return (Service.allCases.count + c - 1) / c
    }

    static func panelHeight(_ service: Service, _ data: DashboardData, _ month: YearMonth) -> Int {
        max(1, data.headlines(service, month).count) + 2
    }

    /// The overview's panels in service order, positioned column by column (after scrolling).
    static func panels(_ s: AppState, _ data: DashboardData) -> [Rect] {
        let cols = columns(s.width), per = rowsPerColumn(s.width)
        let colWidth = s.width / cols
        var out: [Rect] = []
        var y = bodyTop
        for (i, service) in Service.allCases.enumerated() {
            let col = i / per
            if i % per == 0 { y = bodyTop }
            let h = panelHeight(service, data, s.month)
            let x = col * colWidth
            let w = col == cols - 1 ? s.width - x : colWidth
            out.append(Rect(x: x, y: y - (s.scroll.last ?? 0), width: w, height: h))
            y += h
        }
        return out
    }

    /// Rows a list screen shows at once.
    static func pageSize(_ s: AppState, _ data: DashboardData) -> Int {
        switch s.screen {
        case .service: return max(1, s.height - serviceTop - 5)
        case .teams(let id): return teams(s, id: id, rows: Items.teams(id, data, s.month).count).pageSize
        default: return max(1, s.height - tableTop - 2)
        }
    }

    /// The fewest lines a funnel plot is drawn in (its legend, six rows of plot, the cases axis
    /// and its labels, the note naming the teams outside), and the most it takes.
    static let funnelLines = (least: 10, most: 20)

    /// The team page: how many rows of its table show, and where the funnel plot goes below them
    /// (a percentage's teams only; nil when there is no room for it). The whole table comes
    /// first; when it leaves too little room, the table scrolls if the page can hold two funnels'
    /// worth of lines, and otherwise the funnel is left out (80×24 shows the table alone).
    static func teams(_ s: AppState, id: IndicatorID, rows: Int) -> (pageSize: Int, funnel: Rect?) {
        let body = s.height - tableTop - 2
        guard Catalogue.definition(id)?.unit == .percent else { return (max(1, body), nil) }
        let table: Int
        if body - rows - 1 >= funnelLines.least {
            table = rows
        } else if body >= 2 * funnelLines.least {
            table = body - 1 - funnelLines.least
        } else {
            return (max(1, body), nil)
        }
        let top = tableTop + table + 1
        return (table, Rect(x: 2, y: top, width: s.width - 4, height: min(funnelLines.most, s.height - 1 - top)))
    }

    static func exportName(_ s: AppState, _ format: ExportFormat) -> String {
        let view: String
        switch s.screen {
        case .overview: view = "page"
        case .service(let svc): view = svc.rawValue
        case .indicator(let id): view = id.rawValue
        case .teams(let id): view = id.rawValue + "-teams"
        case .children(let id, let team): view = id.rawValue + "-" + team.filter { $0.isLetter || $0.isNumber }
        case .dataQuality: view = "data-quality"
        case .workers(let group):
            switch group {
            case .team(let name), .service(let name): view = "workers-" + name.filter { $0.isLetter || $0.isNumber }
            case .all: view = "workers"
            }
        case .present: view = "slide-\(s.slide + 1)"
        }
        return "pop-\(view)-\(s.month).\(format.rawValue)"
    }
}
