import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopScreen

/// The tables after a service's indicators, built from stored figures only (no child's or
/// worker's name can reach them): as the council's pack prints them, the month and the two
/// before it side by side, "Jan | Dec | Nov", a count and its share in each.
extension ServicePage {
    /// The months a breakdown shows: the month and the two before it, latest first.
    static let monthsShown = 3
    /// The months the audit grid shows: the last six stored.
    static let gridMonths = 6

    static func tables(_ service: Service, _ rows: [PageRow], _ data: DashboardData, _ month: YearMonth, _ marks: Marks) -> [PageTable] {
        switch service {
        case .qa:
            return [auditGrid(data, month), domains(data, month)].compactMap { $0 }
        case .workforce:
            return [workforceTeams(data, month, marks)].compactMap { $0 }
        default:
            let breakdowns = rows.filter { $0.definition.isBreakdown }
            var out: [PageTable] = []
            if let flows = flows(rows.filter { !$0.definition.isBreakdown }, data, month) { out.append(flows) }
            out += headed(breakdowns).map { breakdown($0.heading, $0.rows, data, month) }
            out += service.headlines.filter { $0.byTeam && $0.unit == .count }.compactMap { teamCounts($0, data, month) }
            return out
        }
    }

    /// Breakdown rows in runs under one heading, in catalogue order ("Category of abuse": …).
    static func headed(_ rows: [PageRow]) -> [(heading: String, rows: [PageRow])] {
        var out: [(heading: String, rows: [PageRow])] = []
        for r in rows {
            let heading = r.definition.breakdownHeading ?? ""
            if let last = out.last, last.heading == heading { out[out.count - 1].rows.append(r) } else { out.append((heading, [r])) }
        }
        return out
    }

    /// The year-to-date twin of an indicator, where the catalogue has one: `eh.started` →
    /// `eh.started_ytd`; a breakdown group `p.g` → `p_ytd.g`.
    static func ytdTwin(_ id: IndicatorID) -> IndicatorID? {
        let raw = id.rawValue
        let candidates = [raw + "_ytd"] + (raw.lastIndex(of: ".").map { dot in
            [String(raw[..<dot]) + "_ytd" + String(raw[dot...])]
        } ?? [])
        return candidates.map { IndicatorID($0) }.first { Catalogue.definition($0) != nil }
    }

    /// The months' columns: each month's count (headed by the month) and, for a table of shares,
    /// its share; a YTD column first where the table has one. Older months give way first.
    static func monthColumns(_ month: YearMonth, shares: Bool, ytd: Bool) -> [PageTable.Column] {
        var columns: [PageTable.Column] = []
        if ytd { columns.append(PageTable.Column(Words.PageHeading.ytd, width: 7, drop: 1)) }
        for k in 0..<monthsShown {
            let m = month.adding(-k), name = Words.shortMonth(m)
            let drop: Int? = k == 0 ? nil : k + 1
            columns.append(PageTable.Column(name, heading: shares ? "\(name) \(Words.Heading.number)" : name, width: 6, drop: drop))
            if shares { columns.append(PageTable.Column(Words.Heading.share, heading: "\(name) \(Words.Heading.share)", width: 6, drop: drop)) }
        }
        return columns
    }

    static func count(_ v: IndicatorValue?, strong: Bool) -> PageCell {
        guard let n = v?.numerator else { return PageCell("–", .muted) }
        return PageCell(Display.grouped(n), strong ? .strong : .plain)
    }

    /// Flows counted in the month beside their year to date (contacts, referrals, assessments
    /// started): the pack's "YTD | Jan | Dec | Nov". None when the service has no such pair.
    static func flows(_ rows: [PageRow], _ data: DashboardData, _ month: YearMonth) -> PageTable? {
        let pairs = rows.compactMap { r -> (PageRow, IndicatorID)? in
            guard r.definition.unit == .count, r.unavailable == nil, let twin = ytdTwin(r.current.id) else { return nil }
            return (r, twin)
        }
        guard !pairs.isEmpty else { return nil }
        let table = pairs.map { r, twin in
            PageTable.Row(label: r.definition.title,
                          cells: [count(data.value(twin, month), strong: false)]
                            + (0..<monthsShown).map { k in count(data.value(r.current.id, month.adding(-k)), strong: k == 0) },
                          open: .indicator(r.current.id), indicator: r.definition.byTeam ? r.current.id : nil)
        }
        return PageTable(title: Words.flowsTitle, columns: monthColumns(month, shares: false, ytd: true), rows: table)
    }

    /// A breakdown under its heading: a row per group, its number and share in the month and the
    /// two before it (and its year to date, where it has one).
    static func breakdown(_ heading: String, _ rows: [PageRow], _ data: DashboardData, _ month: YearMonth) -> PageTable {
        let twins = rows.map { ytdTwin($0.current.id) }
        let ytd = twins.contains { $0 != nil }
        let table = zip(rows, twins).map { r, twin -> PageTable.Row in
            let id = r.current.id
            var cells: [PageCell] = []
            if ytd { cells.append(count(twin.flatMap { data.value($0, month) }, strong: false)) }
            for k in 0..<monthsShown {
                let v = data.value(id, month.adding(-k))
                cells += [count(v, strong: k == 0), PageCell(v.map(Display.value) ?? "–", v == nil ? .muted : .plain)]
            }
            return PageTable.Row(label: r.definition.title, cells: cells, open: .indicator(id), indicator: r.definition.byTeam ? id : nil,
                                 note: r.unavailable.map(Words.unavailable))
        }
        return PageTable(title: heading, columns: monthColumns(month, shares: true, ytd: ytd), rows: table)
    }

    /// A headline count by team (organisation, service area) with each team's share of the
    /// council's figure, as the pack's "UASC by team" or "EHA by lead professional": the
    /// months side by side, teams by name, all teams last.
    static func teamCounts(_ def: IndicatorDefinition, _ data: DashboardData, _ month: YearMonth) -> PageTable? {
        let months = (0..<monthsShown).map { month.adding(-$0) }
        var names = Set<String>()
        for m in months { for v in data.teamValues(def.id, m) { if let t = v.team { names.insert(t) } } }
        guard !names.isEmpty else { return nil }
        func cells(_ team: String?) -> [PageCell] {
            months.enumerated().flatMap { k, m -> [PageCell] in
                let council = data.value(def.id, m)
                // A team with no row in a month the council has figures for had none that month.
                let v = team.map { data.value(def.id, team: $0, m) } ?? council
                let n = v?.numerator ?? (council == nil ? nil : 0)
                let total = council?.numerator
                let share: String
                if team == nil || n == nil { share = "" } else if let n, let total, total > 0 {
                    share = Display.decimal(100 * Double(n) / Double(total), numerator: n, denominator: total) + "%"
                } else { share = "–" }
                return [n.map { PageCell(Display.grouped($0), k == 0 ? .strong : .plain) } ?? PageCell("–", .muted), PageCell(share)]
            }
        }
        let rows = names.sorted().map { team in
            PageTable.Row(label: team, cells: cells(team), open: .teams(def.id), indicator: def.id)
        } + [PageTable.Row(label: Words.allTeams, cells: cells(nil), open: .teams(def.id), indicator: def.id, strong: true)]
        return PageTable(title: Words.byTeamTitle(def), columns: monthColumns(month, shares: true, ytd: false), rows: rows)
    }

    // MARK: quality assurance

    /// The pack's grid: each service area's audits by grade (good, requires improvement,
    /// inadequate; outstanding and not graded where an area has any) over the last six stored
    /// months, the areas with the most audits first, the month's total last.
    static func auditGrid(_ data: DashboardData, _ month: YearMonth) -> PageTable? {
        let months = data.months(through: month, count: gridMonths)
        let grades = AuditGrade.allCases
        func id(_ g: AuditGrade) -> IndicatorID { IndicatorID("qa.grade.\(g.rawValue)") }
        var audits: [String: Int] = [:]
        for m in months { for v in data.teamValues("qa.audits", m) { if let t = v.team { audits[t, default: 0] += v.numerator ?? 0 } } }
        guard data.value("qa.audits", month) != nil || !audits.isEmpty else { return nil }
        let areas = audits.keys.sorted { a, b in audits[a] != audits[b] ? (audits[a] ?? 0) > (audits[b] ?? 0) : a < b }
        /// An area's audits of a grade in a month: 0 where the month has audits but none of the
        /// area's had the grade; "–" where the month has no audit figures.
        func n(_ g: AuditGrade, _ area: String, _ m: YearMonth) -> Int? {
            guard data.value("qa.audits", m) != nil else { return nil }
            return data.value(id(g), team: area, m)?.numerator ?? 0
        }
        var rows: [PageTable.Row] = []
        for area in areas {
            let shown = grades.filter { g in [.good, .ri, .inadequate].contains(g) || months.contains { (n(g, area, $0) ?? 0) > 0 } }
            for (k, g) in shown.enumerated() {
                let cells = [PageCell(Words.gradeShort(g))] + months.map { m in
                    n(g, area, m).map { PageCell(String($0), m == month ? .strong : .plain) } ?? PageCell("–", .muted)
                }
                rows.append(PageTable.Row(label: area, cells: cells, open: .indicator(id(g)), indicator: id(g), sharesLabel: k > 0))
            }
        }
        rows.append(PageTable.Row(label: Words.PageHeading.total, cells: [PageCell("")] + months.map { m in
            data.value("qa.audits", m)?.numerator.map { PageCell(String($0), .strong) } ?? PageCell("–", .muted)
        }, open: .indicator("qa.audits"), indicator: "qa.audits", strong: true))
        let columns = [PageTable.Column(Words.PageHeading.grade, width: 10, align: .left)] + months.enumerated().map { i, m in
            PageTable.Column(Words.shortMonth(m), width: 6, drop: m == month ? nil : months.count - i)
        }
        var table = PageTable(title: Words.auditGridTitle, columns: columns, rows: rows)
        table.wrapsLabels = true
        return table
    }

    /// The month's domain gradings by domain: each grade's number and share of the domain's
    /// gradings, and how many there were.
    static func domains(_ data: DashboardData, _ month: YearMonth) -> PageTable? {
        func id(_ g: AuditGrade) -> IndicatorID { IndicatorID("qa.domain_grade.\(g.rawValue)") }
        let grades = AuditGrade.allCases
        let domains = Set(grades.flatMap { g in data.teamValues(id(g), month).compactMap(\.team) }).sorted()
        guard !domains.isEmpty else { return nil }
        let cells = RowFormat(marks: .unicode)
        // Outstanding only where a domain has one; not graded gives way first on a narrow screen.
        let shown = grades.filter { g in g != .outstanding || domains.contains { (data.value(id(g), team: $0, month)?.numerator ?? 0) > 0 } }
        let rows = domains.map { domain in
            let figures = shown.map { g -> PageCell in
                guard let r = data.row(id(g), team: domain, month) else { return PageCell("–", .muted) }
                return PageCell(cells.latest(r), g == .inadequate && (r.current.numerator ?? 0) > 0 ? .strong : .plain)
            }
            let total = data.value(id(.good), team: domain, month)?.denominator
            return PageTable.Row(label: domain, cells: figures + [PageCell(total.map(Display.grouped) ?? "–", .strong)],
                                 open: .indicator("qa.domain_good"), indicator: "qa.domain_good")
        }
        let columns = shown.map { g in
            PageTable.Column(Words.gradeShort(g), width: 11, drop: g == .not_graded ? 2 : g == .outstanding ? 1 : nil)
        } + [PageTable.Column(Words.PageHeading.total, width: 5)]
        return PageTable(title: Words.domainsTitle(month), columns: columns, rows: rows)
    }

    // MARK: workforce

    /// Each service (pooled from its teams by the teams file: Σ children ÷ Σ social workers) with
    /// its teams beneath, then teams no service names, then all teams: social workers, the agency
    /// share, supervision in time and the caseload, with the caseload's change since last month.
    /// Enter on a row opens its workers.
    static func workforceTeams(_ data: DashboardData, _ month: YearMonth, _ marks: Marks) -> PageTable? {
        let ids: [IndicatorID] = ["wf.social_workers", "wf.agency", "wf.supervision_in_time", "wf.caseload"]
        let teams = Set(ids.flatMap { data.teamValues($0, month).compactMap(\.team) }).sorted()
        guard !teams.isEmpty || data.value("wf.social_workers", month) != nil else { return nil }
        let groups = data.teamServices
        func pooled(_ id: IndicatorID, _ m: YearMonth) -> [String: IndicatorValue] {
            Dictionary(groups.pooled(data.teamValues(id, m), id).map { ($0.team ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let now = Dictionary(uniqueKeysWithValues: ids.map { ($0, pooled($0, month)) })
        let before = pooled("wf.caseload", month.adding(-1))
        func figures(_ value: (IndicatorID) -> IndicatorValue?, previous: IndicatorValue?) -> [PageCell] {
            var out = ids.map { id -> PageCell in value(id).map { PageCell(Display.value($0), id == "wf.caseload" ? .strong : .plain) } ?? PageCell("–", .muted) }
            if let c = value("wf.caseload") {
                let (change, _, direction) = PageModel.compare(c, previous)
                if let change, let direction {
                    let text = direction == .noChange ? marks.same : (change > 0 ? marks.up : marks.down) + " " + Display.decimal(change.magnitude)
                    out.append(PageCell(text, .direction(direction)))
                } else {
                    out.append(PageCell("–", .muted))
                }
            } else {
                out.append(PageCell("–", .muted))
            }
            return out
        }
        func teamRow(_ team: String, indent: Int) -> PageTable.Row {
            PageTable.Row(label: team, indent: indent,
                          cells: figures({ data.value($0, team: team, month) }, previous: data.value("wf.caseload", team: team, month.adding(-1))),
                          open: .workers(.team(team)), indicator: "wf.caseload")
        }
        var rows: [PageTable.Row] = []
        var placed = Set<String>()
        // Each team's service, looked up once (names compare normalised, which costs).
        let serviceOf = Dictionary(uniqueKeysWithValues: teams.map { ($0, groups.service(of: $0)) })
        for service in groups.services {
            let members = teams.filter { serviceOf[$0] == service }
            guard !members.isEmpty else { continue }
            rows.append(PageTable.Row(label: service, cells: figures({ now[$0]?[service] }, previous: before[service]),
                                      open: .workers(.service(service)), indicator: "wf.caseload", strong: true))
            rows += members.map { teamRow($0, indent: 2) }
            placed.formUnion(members)
        }
        rows += teams.filter { !placed.contains($0) }.map { teamRow($0, indent: 0) }
        rows.append(PageTable.Row(label: Words.allTeams, cells: figures({ data.value($0, month) }, previous: data.value("wf.caseload", month.adding(-1))),
                                  open: .workers(.all), indicator: "wf.caseload", strong: true))
        let columns = [PageTable.Column(Words.PageHeading.socialWorkers, width: 14), PageTable.Column(Words.PageHeading.agency, width: 6),
                       PageTable.Column(Words.PageHeading.supervision, width: 11, drop: 1), PageTable.Column(Words.PageHeading.caseload, width: 8),
                       PageTable.Column(Words.Heading.change, width: 7, drop: 2)]
        return PageTable(title: Words.workforceTeamsTitle, columns: columns, rows: rows)
    }
}
