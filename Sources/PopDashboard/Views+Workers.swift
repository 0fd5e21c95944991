import PopCalendar
import PopMetrics
import PopPage
import PopScreen

/// The workforce page's drill-down: a team's (or a service's, or every team's) social workers
/// with their caseload and last supervision. The one screen that names workers: never a slide,
/// and never in an export.
extension Views {
    /// The group's name as the heading says it.
    func workerGroupName(_ group: WorkerGroup) -> String {
        switch group {
        case .team(let name), .service(let name): name
        case .all: Words.allTeams
        }
    }

    /// The group's stored figures, as the workforce page shows them: a team's own, a service's
    /// pooled from its teams, or the council's.
    func workerGroupFigures(_ group: WorkerGroup) -> [IndicatorID: IndicatorValue] {
        let ids: [IndicatorID] = ["wf.social_workers", "wf.agency", "wf.supervision_in_time", "wf.caseload"]
        var out: [IndicatorID: IndicatorValue] = [:]
        for id in ids {
            switch group {
            case .team(let team): out[id] = data.value(id, team: team, s.month)
            case .service(let service): out[id] = data.teamServices.pooled(data.teamValues(id, s.month), id).first { $0.team == service }
            case .all: out[id] = data.value(id, s.month)
            }
        }
        return out
    }

    /// The workers table's columns: name, team (for more than one team), role, agency, caseload,
    /// last supervision, working days since and whether it is in time; role, agency, the working
    /// days and the date give way, in that order, on a narrow screen.
    func workerColumns(_ list: [WorkerCaseload], group: WorkerGroup) -> [(column: Table.Column, drop: Int?, cell: (WorkerCaseload) -> Table.Cell)] {
        let nameWidth = min(24, max(16, list.map(\.worker.count).max() ?? 0))
        var columns: [(column: Table.Column, drop: Int?, cell: (WorkerCaseload) -> Table.Cell)] = [
            (Table.Column(Words.Heading.worker, width: nameWidth, align: .left), nil, { Table.Cell($0.worker, .bold) }),
        ]
        if case .team = group {} else {
            let teamWidth = min(30, max(Words.Heading.team.count, list.map(\.team.count).max() ?? 0))
            columns.append((Table.Column(Words.Heading.team, width: teamWidth, align: .left), nil, { Table.Cell($0.team) }))
        }
        columns += [
            (Table.Column(Words.PageHeading.role, width: 22, align: .left), 5, { Table.Cell($0.role, muted) }),
            (Table.Column(Words.PageHeading.agency, width: 6, align: .left), 4, { Table.Cell(Words.agency($0)) }),
            (Table.Column(Words.PageHeading.caseload, width: 8), nil, { Table.Cell($0.caseload.map(String.init) ?? "–", .bold) }),
            (Table.Column(Words.PageHeading.lastSupervision, width: 16, align: .left), 2, {
                Table.Cell($0.lastSupervision.map(WorklistText.date) ?? "none recorded", $0.lastSupervision == nil ? muted : .plain) }),
            (Table.Column(Words.PageHeading.workingDays, width: 12), 3, { Table.Cell($0.workingDaysSince.map(String.init) ?? "–") }),
            (Table.Column(Words.PageHeading.supervision, width: 13, align: .left), nil, { w in
                Table.Cell(Words.supervision(w), w.supervisionInTime == false ? ragStyle(.red) : w.supervisionInTime == true ? ragStyle(.green) : muted) }),
        ]
        var kept = columns
        func width(_ cs: [(column: Table.Column, drop: Int?, cell: (WorkerCaseload) -> Table.Cell)]) -> Int {
            2 + cs.map { $0.column.width + 1 }.reduce(0, +)
        }
        while width(kept) > s.width, let worst = kept.compactMap(\.drop).max() { kept.removeAll { $0.drop == worst } }
        return kept
    }

    mutating func drawWorkers(_ group: WorkerGroup) {
        titleBar()
        let load = s.workers[s.month] ?? .loading
        let list = Items.workers(s, data) ?? []
        let name = workerGroupName(group)
        buffer.text(" \(Service.workforce.title) › \(name) › social workers \(marks.dot) \(Words.monthName(s.month))", x: 0, y: 1, style: accent,
                    maxWidth: s.width)
        let f = workerGroupFigures(group)
        let summary = [("wf.social_workers", Words.PageHeading.socialWorkers), ("wf.agency", Words.PageHeading.agency),
                       ("wf.supervision_in_time", Words.PageHeading.supervision + " in time"), ("wf.caseload", Words.PageHeading.caseload)]
            .compactMap { id, label in f[IndicatorID(id)].map { "\(label) \(Display.value($0))" } }
        buffer.text(" " + summary.joined(separator: " \(marks.dot) "), x: 0, y: 2, style: .bold, maxWidth: s.width)
        let columns = workerColumns(list, group: group)
        let table = Table(columns: columns.map(\.column))
        table.drawHeader(into: &buffer, y: 3)
        if drawLoadState(load, "workers", empty: list.isEmpty, saying: Words.noSocialWorkers, x: table.x) {
            let lines = list.map { w in columns.map { $0.cell(w) } }
            table.drawRows(lines, into: &buffer, top: Layout.tableTop, pageSize: pageSize, scroll: scrollTop, selected: s.selected, marker: g.selected)
        }
        footer([Hint([.up, .down], "move"), Hint([.previousMonth, .nextMonth], "month", joiner: " "), Hint(.export, "export (no names)"),
                Hint(.back, "back"), Hint(.help, "help")],
               right: "highest caseload first \(marks.dot) \(Words.supervisionNote)")
    }
}
