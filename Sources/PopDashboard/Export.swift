import PopCalendar
import PopExtract
import PopMetrics
import PopPage

/// What `e` and `E` write: the view as Markdown, or its table as CSV.
public enum ExportFormat: String, Sendable {
    case markdown = "md", csv
}

/// The current view as a file, built from the page rows the view shows, worded by `RowFormat`:
/// never from the screen, so no box drawing, no cursor, no sparkline and no child ID.
public enum Export {
    static let cells = RowFormat(marks: .unicode)

    /// The view in `format`; nil when the view has no table to write as CSV.
    public static func document(_ s: AppState, _ data: DashboardData, _ format: ExportFormat) -> String? {
        switch format {
        case .markdown: return Words.visible(markdown(s, data))
        case .csv: return table(s, data).map { table, rows in table.csv(rows) }
        }
    }

    // MARK: Markdown

    static func markdown(_ s: AppState, _ data: DashboardData) -> String {
        var out = heading(s, data)
        switch s.screen {
        case .overview:
            for service in Service.allCases {
                out += "\n## \(service.title)\n\n"
                out += serviceTable(headlines(service, s, data), baseline: data.baseline(for: s.month), missing: missing(service, s, data))
            }
        case .service(let service):
            out += "\n## \(service.title)\n\n"
            let rows = Items.service(service, data, s.month)
            out += serviceTable(rows.filter { !$0.definition.isBreakdown }, baseline: data.baseline(for: s.month), previous: true,
                                missing: missing(service, s, data))
            out += pageTables(ServicePage(service, data, s.month).tables)
            let comments = rows.compactMap { r in r.commentary.map { "- **\(r.definition.title)**: \(MarkdownText.text($0))" } }
            out += "\n" + (comments.isEmpty ? Words.noCommentary(s.month) + "\n" : Words.Heading.dataComments + ":\n\n" + comments.joined(separator: "\n") + "\n")
        case .indicator(let id):
            out += indicator(id, s, data, history: true)
        case .teams(let id):
            out += "\n## " + teamsTitle(id) + "\n\n"
            if let (table, rows) = teams(id, s, data) { out += table.markdown(rows) }
        case .children(let id, let team):
            out += "\n## " + childrenTitle(id, team, s) + "\n\n" + Words.childIDsNotExported + "\n"
            for kind in [Worklist.Kind.overdue, .dueSoon] {
                out += "\n### " + (kind == .overdue ? Words.overdueHeading : Words.dueSoonList) + "\n\n"
                switch children(s, kind) {
                case .some((let table, let rows)) where !rows.isEmpty: out += table.markdown(rows)
                case .some: out += (kind == .overdue ? Words.noOverdueChildren : Words.noneDueSoon) + "\n"
                case .none: out += Words.visitListNotRead + "\n"
                }
            }
        case .workers(let group):
            out += "\n## " + workersTitle(group) + "\n\n" + Words.workerNamesNotExported + "\n\n"
            switch workers(s, data) {
            case .some((let table, let rows)) where !rows.isEmpty: out += table.markdown(rows)
            case .some: out += Words.noSocialWorkers + "\n"
            case .none:
                if case .failed(let why)? = s.workers[s.month] { out += "The workers could not be read: \(why)\n" } else { out += Words.workersNotRead + "\n" }
            }
        case .dataQuality:
            out += "\n## \(Words.WorkbookSheet.dataQuality)\n\n"
            switch dataQuality(s) {
            case .some((let table, let rows)) where !rows.isEmpty:
                if case .loaded(let groups)? = s.dataQuality[s.month] { out += DataQualityText.total(groups) + "\n\n" }
                out += table.markdown(rows)
            case .some: out += Words.noDataQualityProblems + "\n"
            case .none: out += Words.dataQualityNotRead + "\n"
            }
        case .present:
            switch slide(s) {
            case .service(let service):
                out += "\n## \(service.title)\n\n"
                out += serviceTable(headlines(service, s, data), baseline: data.baseline(for: s.month), missing: missing(service, s, data))
            case .indicator(let id):
                out += indicator(id, s, data, history: false)
            case .tables(let service):
                out += "\n## \(service.title)\n" + pageTables(ServicePage(service, data, s.month).tables)
            case nil:
                break
            }
        }
        return out
    }

    /// A service page's tables after its indicators, each under its title, every column shown
    /// (the screen's narrow widths do not apply).
    static func pageTables(_ tables: [PageTable]) -> String {
        tables.map { t in
            let table = TextTable(columns: [TextTable.Column(t.title, rightAligned: false)] + t.columns.map {
                TextTable.Column($0.heading, rightAligned: $0.align == .right)
            })
            var label = ""
            let rows: [TextTable.Row] = t.rows.map { r in
                // A row that shares its group's label (the grid's grades) carries it in a file.
                if !r.sharesLabel { label = r.label }
                let name = String(repeating: " ", count: r.indent) + label
                if let note = r.note { return .spanning(name, note) }
                return .cells([name] + r.cells.map(\.text))
            }
            return "\n### \(t.title)\n\n" + table.markdown(rows)
        }.joined()
    }

    static func workersTitle(_ group: WorkerGroup) -> String {
        let name: String
        switch group {
        case .team(let n), .service(let n): name = n
        case .all: name = Words.allTeams
        }
        return "\(name) › \(Words.PageHeading.socialWorkers.lowercased())"
    }

    /// A group's social workers without their names: team, role, agency, caseload, last
    /// supervision, working days since and whether it is in time; nil while not read.
    static func workers(_ s: AppState, _ data: DashboardData) -> (TextTable, [TextTable.Row])? {
        guard let list = Items.workers(s, data) else { return nil }
        typealias C = TextTable.Column
        let table = TextTable(columns: [C(Words.Heading.team, rightAligned: false), C(Words.PageHeading.role, rightAligned: false),
                                        C(Words.PageHeading.agency, rightAligned: false), C(Words.PageHeading.caseload),
                                        C(Words.PageHeading.lastSupervision, rightAligned: false), C(Words.PageHeading.workingDays),
                                        C(Words.PageHeading.supervision, rightAligned: false)])
        return (table, list.map { w in
            .cells([w.team, w.role, Words.agency(w), w.caseload.map(String.init) ?? "–", w.lastSupervision.map(WorklistText.date) ?? "none recorded",
                    w.workingDaysSince.map(String.init) ?? "–", Words.supervision(w)])
        })
    }

    /// The title and what the page compares with.
    static func heading(_ s: AppState, _ data: DashboardData) -> String {
        var out = "# \(data.council) · \(viewTitle(s)) · \(Words.monthName(s.month))\n\n"
        if let snap = data.snapshots[s.month] {
            let parts = [Words.asAt(snap.asAt), Words.population(snap.population, withSource: false), Words.neighbourBasis(data.statistic, asAt: snap.asAt)]
                + (data.demo ? [Words.demoData] : [])
            let previous = data.months.contains(s.month.adding(-1)) ? s.month.adding(-1) : nil
            out += parts.joined(separator: " · ") + "\n\n" + Words.comparedWith(previous, baseline: data.baseline(for: s.month)) + "\n"
        } else {
            out += Words.notStored(s.month) + "\n"
        }
        return out
    }

    static func viewTitle(_ s: AppState) -> String {
        switch s.screen {
        case .overview: return Words.performanceOnAPage
        case .service(let service): return service.title
        case .indicator(let id): return Catalogue.definition(id)?.title ?? id.rawValue
        case .teams(let id): return teamsTitle(id)
        case .children(let id, let team): return "\(team) › " + (Catalogue.definition(id)?.title ?? id.rawValue)
        case .dataQuality: return Words.WorkbookSheet.dataQuality
        case .workers(let group): return workersTitle(group)
        case .present:
            switch slide(s) {
            case .service(let service), .tables(let service): return service.title
            case .indicator(let id): return Catalogue.definition(id)?.slideTitle ?? id.rawValue
            case nil: return Words.performanceOnAPage
            }
        }
    }

    static func slide(_ s: AppState) -> Slide? { s.agenda.isEmpty ? nil : s.agenda[min(s.slide, s.agenda.count - 1)] }

    static func headlines(_ service: Service, _ s: AppState, _ data: DashboardData) -> [PageRow] {
        data.headlines(service, s.month).compactMap { data.row($0.id, s.month) }
    }

    static func missing(_ service: Service, _ s: AppState, _ data: DashboardData) -> String {
        Words.notSuppliedSentence(service, missing: data.snapshots[s.month]?.missingLists ?? [])
    }

    // MARK: the tables

    /// A service's rows as the report words them: the figure with its count, the change since
    /// last month (and the baseline), target, variance, RAG and the SN figure.
    static func indicatorTable(baseline: YearMonth?, previous: Bool, service: Bool = false) -> TextTable {
        typealias C = TextTable.Column
        return TextTable(columns: (service ? [C(Words.Heading.service, rightAligned: false)] : []) + [
            C(Words.Heading.indicator, rightAligned: false), C(Words.Heading.value),
        ] + (previous ? [C(Words.Heading.lastMonth)] : []) + [
            C(Words.Heading.change), C(baseline.map(Words.sinceBaselineHeading) ?? Words.Heading.since), C(Words.Heading.target),
            C(Words.Heading.variance), C(Words.Heading.rag, rightAligned: false), C(Words.Heading.neighbours),
        ])
    }

    static func indicatorRow(_ r: PageRow, previous: Bool, service: Bool = false) -> TextTable.Row {
        let label = (r.definition.isBreakdown ? "… " : "") + r.definition.title
        let lead = service ? [r.definition.service.title, label] : [label]
        if let u = r.unavailable { return service ? .cells(lead + [Words.unavailable(u)]) : .spanning(label, Words.unavailable(u)) }
        return .cells(lead + [cells.latestCounted(r)] + (previous ? [cells.previousCounted(r)] : [])
                      + [cells.signedChange(r), cells.baselineChange(r), cells.target(r), cells.variance(r), cells.rag(r), cells.neighbour(r)])
    }

    static func serviceTable(_ rows: [PageRow], baseline: YearMonth?, previous: Bool = false, missing: String) -> String {
        guard !rows.isEmpty else { return missing + "\n" }
        return indicatorTable(baseline: baseline, previous: previous).markdown(rows.map { indicatorRow($0, previous: previous) })
    }

    /// The view's table, for CSV.
    static func table(_ s: AppState, _ data: DashboardData) -> (TextTable, [TextTable.Row])? {
        let baseline = data.baseline(for: s.month)
        switch s.screen {
        case .overview:
            let rows = Service.allCases.flatMap { headlines($0, s, data) }
            return (indicatorTable(baseline: baseline, previous: false, service: true), rows.map { indicatorRow($0, previous: false, service: true) })
        case .service(let service):
            return (indicatorTable(baseline: baseline, previous: true), Items.service(service, data, s.month).map { indicatorRow($0, previous: true) })
        case .workers:
            return workers(s, data)
        case .indicator(let id):
            return history(id, s, data)
        case .teams(let id):
            return teams(id, s, data)
        case .children:
            return children(s, s.childList)
        case .dataQuality:
            return dataQuality(s)
        case .present:
            guard case .service(let service)? = slide(s) else { return nil }
            return (indicatorTable(baseline: baseline, previous: false), headlines(service, s, data).map { indicatorRow($0, previous: false) })
        }
    }

    /// An indicator's facts, its monthly figures and its words.
    static func indicator(_ id: IndicatorID, _ s: AppState, _ data: DashboardData, history withHistory: Bool) -> String {
        guard let def = Catalogue.definition(id) else { return "" }
        var out = "\n## \(def.title)\n\n"
        guard let r = data.row(id, s.month) else { return out + Words.notSuppliedThisMonth + "\n" }
        var facts = ["\(Words.Heading.latest): \(cells.latestCounted(r))"]
        if r.unavailable == nil {
            facts.append(Words.slideTarget(r.current.target == nil ? nil : cells.target(r))
                         + (r.current.rag == nil ? "" : " · \(cells.rag(r)) · \(Words.Heading.variance.lowercased()) \(cells.variance(r))"))
            if r.previous != nil {
                facts.append(Words.lastMonth(cells.previousCounted(r)) + " · " + cells.signedChange(r) + (r.direction.map { " (\(Words.direction($0)))" } ?? ""))
            }
            if r.baseline != nil { facts.append(cells.baselineSentence(r) + (r.baseline?.direction.map { " (\(Words.direction($0)))" } ?? "")) }
            if let sn = r.neighbours {
                facts.append(Words.neighbourLine(sn, cells.neighbour(r)) + (cells.rank(r).isEmpty ? "" : " · \(Words.Heading.neighbourRank) \(cells.rank(r))"))
            }
        }
        out += facts.map { "- " + $0 }.joined(separator: "\n") + "\n"
        guard withHistory else { return out }
        if let (table, rows) = history(id, s, data) { out += "\n### \(Words.monthlyFigures)\n\n" + table.markdown(rows) }
        out += "\n**\(Words.whatItMeasures)**: \(def.definition)\n\n"
        if let comment = data.comments[s.month]?[id] {
            out += "**\(Words.Heading.dataComments)**: \(MarkdownText.text(Words.shownComment(comment)))\n"
        } else {
            out += Words.noCommentary(s.month) + "\n"
        }
        return out
    }

    /// Every stored month's figure up to the view's month, oldest first, with the target then in force.
    static func history(_ id: IndicatorID, _ s: AppState, _ data: DashboardData) -> (TextTable, [TextTable.Row])? {
        guard let def = Catalogue.definition(id) else { return nil }
        let table = TextTable(columns: [TextTable.Column(Words.Heading.month, rightAligned: false), TextTable.Column(Words.Heading.value),
                                        TextTable.Column(Words.Heading.target)])
        let rows: [TextTable.Row] = data.history(id, through: s.month).map { m, v in
            .cells([Words.monthName(m), v.map { cells.counted($0, breakdown: def.isBreakdown) } ?? "–",
                    data.target(id, at: m).map { Display.plain($0, def.unit) } ?? ""])
        }
        return (table, rows)
    }

    static func teamsTitle(_ id: IndicatorID) -> String {
        guard let def = Catalogue.definition(id) else { return id.rawValue }
        return "\(def.title) by team"
    }

    /// The team table as the drill-down shows it: worst first, all teams last; for a percentage
    /// each team's 95% interval, for a visit indicator its overdue and due-soon counts (when the
    /// visit lists are read), and a team's change "within noise" when chance alone could give it.
    static func teams(_ id: IndicatorID, _ s: AppState, _ data: DashboardData) -> (TextTable, [TextTable.Row])? {
        guard let def = Catalogue.definition(id) else { return nil }
        typealias C = TextTable.Column
        let percent = def.unit == .percent
        let counts = percent && def.hasChildList ? Items.visitCounts(s) : nil
        var columns = [C(Words.Heading.team, rightAligned: false)]
        if percent {
            columns += [C(Words.Heading.cases), C(Words.Heading.inTime), C(Words.Heading.share), C(Words.intervalHeading),
                        C(Words.Heading.versusTarget, rightAligned: false)]
            if counts != nil { columns += [C(Words.overdueHeading), C(Words.dueSoonHeading)] }
        } else {
            columns.append(C(Words.Heading.count))
        }
        columns.append(C(Words.Heading.change))
        let rows: [TextTable.Row] = Items.teams(id, data, s.month).map { t in
            let r = t.row
            var cellsOfRow = [t.team ?? Words.allTeams]
            if percent {
                cellsOfRow += [r.current.denominator.map(Display.grouped) ?? "–", r.current.numerator.map(Display.grouped) ?? "–", cells.value(r.current),
                               cells.interval(r.current), Display.trimmed(cells.rag(r) + " " + cells.variance(r))]
                if let counts {
                    let pair = t.team.map { counts[$0] ?? (0, 0) }
                        ?? (counts.values.map(\.overdue).reduce(0, +), counts.values.map(\.dueSoon).reduce(0, +))
                    cellsOfRow += [String(pair.0), String(pair.1)]
                }
            } else {
                cellsOfRow.append(cells.value(r.current))
            }
            let noise = t.team != nil && r.change != nil && r.changeTest?.withinNoise == true
            cellsOfRow.append(noise ? Words.withinNoise : cells.signedChange(r))
            return .cells(cellsOfRow)
        }
        return (TextTable(columns: columns), rows)
    }

    /// The month's data-quality problems grouped as the view shows them; nil while the list is
    /// not read (or could not be). The stored list holds no child ID.
    static func dataQuality(_ s: AppState) -> (TextTable, [TextTable.Row])? {
        guard case .loaded(let groups)? = s.dataQuality[s.month] else { return nil }
        typealias C = TextTable.Column
        let table = TextTable(columns: [C(Words.Heading.place, rightAligned: false), C(Words.WorkbookSheet.kind, rightAligned: false),
                                        C(Words.WorkbookSheet.column, rightAligned: false), C(Words.Heading.value, rightAligned: false),
                                        C(Words.Heading.count), C(Words.WorkbookSheet.firstPlaces, rightAligned: false),
                                        C(Words.WorkbookSheet.affects, rightAligned: false), C(Words.WorkbookSheet.problem, rightAligned: false)])
        return (table, groups.map { g in
            .cells([DataQualityText.place(g), DataQualityText.kind(g.kind), g.column, Column.namesSomeone(g.column) ? "" : g.value, String(g.count),
                    g.first.map(DataQualityText.position).joined(separator: "; "), g.affects.map(\.rawValue).joined(separator: " "), g.problem])
        })
    }

    static func childrenTitle(_ id: IndicatorID, _ team: String, _ s: AppState) -> String {
        let title = Catalogue.definition(id)?.title ?? id.rawValue
        guard let overdue = Items.overdue(s), let due = Items.dueSoon(s) else { return "\(team) › \(title)" }
        return "\(team) › \(title) › \(overdue.count) \(Words.overdueHeading.lowercased()) · \(due.count) \(Words.dueSoonList.lowercased())"
    }

    /// One of a team's lists, without the children's IDs: overdue (most overdue first: last
    /// visit, time since, overdue by) or due soon (soonest first: last visit, due date, days
    /// left); nil while the list is not read (or could not be).
    static func children(_ s: AppState, _ kind: Worklist.Kind) -> (TextTable, [TextTable.Row])? {
        guard let list = Items.children(s, kind) else { return nil }
        typealias C = TextTable.Column
        let lead = [C(Words.Heading.worker, rightAligned: false), C(Words.Heading.lastVisit, rightAligned: false)]
        if kind == .overdue {
            return (TextTable(columns: lead + [C(Words.Heading.since), C(Words.Heading.overdue)]), list.map { c in
                .cells([c.worker.isEmpty ? "–" : c.worker, c.lastVisit?.annexA ?? "none", String(c.elapsed), String(c.overdueBy)])
            })
        }
        return (TextTable(columns: lead + [C(Words.Heading.due, rightAligned: false), C(Words.Heading.daysLeft)]), list.map { c in
            .cells([c.worker.isEmpty ? "–" : c.worker, c.lastVisit?.annexA ?? "none", WorklistText.date(c.due), String(c.daysLeft)])
        })
    }
}
