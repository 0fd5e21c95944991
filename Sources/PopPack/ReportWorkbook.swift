import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopWorkbook

/// `pop report --format xlsx`: the month's figures as a workbook analysts continue in Excel.
/// A sheet about the page, a sheet per service (each indicator's row: its figure in the month
/// and every stored month before it the pack reaches, its count, change, target, variance, RAG
/// and neighbours), the team rows, the breakdowns and the data-quality problems grouped as the
/// data team fixes them. Numbers are numbers (percentages shown with `%`, as Excel shares:
/// 71.1% is 0.711), dates are dates; every header row is frozen and every column wide enough
/// for what it holds. Built from the stored figures only, as the pack is: no child ID.
public enum ReportWorkbook {
    typealias Cell = XLSXWriter.Cell

    /// One sheet's cells before it is written.
    struct Sheet {
        let name: String
        var rows: [[Cell]]
        let frozenRows: Int
    }

    static let cells = RowFormat(marks: .unicode)

    /// The workbook's bytes (xlsx).
    public static func bytes(_ data: PackData, month: YearMonth) throws(WorkbookError) -> [UInt8] {
        var writer = XLSXWriter()
        for sheet in sheets(data, month: month) {
            let handle = try writer.addSheet(sheet.name, frozenRows: sheet.frozenRows, columnWidths: widths(sheet.rows))
            for row in sheet.rows { try writer.addRow(row, to: handle) }
        }
        return try writer.bytes()
    }

    /// The months the sheets show, latest first: the month and the stored months before it,
    /// back to the twelfth (what the pack's charts reach).
    static func months(_ data: PackData, _ month: YearMonth) -> [YearMonth] {
        data.snapshots.keys.filter { $0 <= month && $0 >= month.adding(-(MonthPack.chartLength - 1)) }.sorted(by: >)
    }

    static func sheets(_ data: PackData, month: YearMonth) -> [Sheet] {
        guard let page = MonthPack(data, month) else {
            return [Sheet(name: Words.WorkbookSheet.about, rows: [[.text(Words.notStored(month))]], frozenRows: 0)]
        }
        let months = months(data, month)
        let baseline = data.baseline(for: month)
        var out = [about(page, baseline: baseline)]
        var names = Set([Words.WorkbookSheet.about.lowercased()])
        for service in Service.allCases {
            let name = unique(sheetName(service.title), &names)
            out.append(serviceSheet(service, page, months: months, baseline: baseline, name: name))
        }
        out.append(teamSheet(page, months: months, baseline: baseline))
        out.append(breakdownSheet(page, months: months, baseline: baseline))
        out.append(qualitySheet(page.snapshot))
        return out
    }

    // MARK: the sheets

    static func about(_ p: MonthPack, baseline: YearMonth?) -> Sheet {
        let s = p.snapshot
        var rows: [[Cell]] = [[.text(Words.WorkbookSheet.item), .text(Words.Heading.value)]]
        rows.append([.text(Words.WorkbookSheet.council), .text(p.data.council)])
        rows.append([.text(Words.Heading.month), .text(Words.monthName(p.month))])
        rows.append([.text(Words.Heading.asAt), .date(s.asAt)])
        rows.append([.text(Words.WorkbookSheet.population), s.population.age0to17.map { .number(Double($0), format: .integer) } ?? .text(Words.populationMissing)])
        rows.append([.text(Words.WorkbookSheet.populationSource), .text(s.population.source)])
        rows.append([.text(Words.WorkbookSheet.neighbours), .text(Words.neighbourBasis(p.data.statistic, asAt: s.asAt))])
        rows.append([.text(Words.WorkbookSheet.comparedWith), .text(Words.comparedWith(p.previousMonth, baseline: baseline))])
        rows.append([.text(Words.WorkbookSheet.baseline), .text(baseline.map(Words.monthName) ?? Words.baselineSetting(nil))])
        if p.data.demo { rows.append([.text(Words.demoData), .text(Words.WorkbookSheet.demoNote)]) }
        rows.append([.text(Words.WorkbookSheet.percentages), .text(Words.WorkbookSheet.percentagesNote)])
        return Sheet(name: Words.WorkbookSheet.about, rows: rows, frozenRows: 1)
    }

    /// The month columns' heading: each stored month's "as at" date.
    static func monthHeadings(_ p: MonthPack, _ months: [YearMonth]) -> [Cell] {
        months.map { m in p.data.snapshots[m].map { .date($0.asAt) } ?? .date(m.last) }
    }

    /// The columns after the months every indicator and team row has.
    static func comparisonHeadings(_ baseline: YearMonth?) -> [Cell] {
        var h = [Words.Heading.numerator, Words.Heading.denominator, Words.Heading.change, Words.Heading.direction]
        if let b = baseline { h += [Words.sinceBaselineHeading(b), Words.Heading.direction + " " + Words.sinceBaseline(b)] }
        h += [Words.Heading.target, Words.Heading.variance, Words.Heading.rag]
        return h.map { .text($0) }
    }

    static func comparisonCells(_ r: PageRow, baseline: YearMonth?) -> [Cell] {
        let v = r.current
        var out: [Cell] = [integer(v.numerator), integer(v.denominator), change(r.change, v.unit), text(r.direction.map(Words.direction))]
        if baseline != nil { out += [change(r.baseline?.change, v.unit), text(r.baseline?.direction.map(Words.direction))] }
        out += [figure(v.target, v.unit), variance(v), text(v.rag.map { "\(cells.marks.rag($0, compact: true)) \(Words.ragMeaning($0))" })]
        return out
    }

    static func serviceSheet(_ service: Service, _ p: MonthPack, months: [YearMonth], baseline: YearMonth?, name: String) -> Sheet {
        var header: [Cell] = [Words.Heading.indicator, Words.Heading.id, Words.Heading.unit, Words.Heading.better].map { .text($0) }
        header += monthHeadings(p, months) + comparisonHeadings(baseline)
        header += [Words.Heading.neighbours, Words.Heading.neighbourRank, Words.WorkbookSheet.rankedAmong, Words.Heading.commentary].map { .text($0) }
        var rows = [header]
        let service = p.rows.filter { $0.current.team == nil && $0.definition.service == service && !$0.definition.isBreakdown }
        for r in service {
            let def = r.definition
            var row: [Cell] = [.text(def.title), .text(def.id.rawValue), .text(Words.unit(def)), .text(Words.better(def.polarity))]
            if let u = r.unavailable {
                row.append(.text(Words.unavailable(u)))
                rows.append(row)
                continue
            }
            row += monthValues(r, p, months, team: nil) + comparisonCells(r, baseline: baseline)
            row += [figure(r.neighbours?.value, def.unit), integer(r.neighbours?.rank), integer(r.neighbours?.rankedAmong), text(r.commentary)]
            rows.append(row)
        }
        return Sheet(name: name, rows: rows, frozenRows: 1)
    }

    static func teamSheet(_ p: MonthPack, months: [YearMonth], baseline: YearMonth?) -> Sheet {
        var header: [Cell] = [Words.Heading.service, Words.Heading.indicator, Words.Heading.id, Words.Heading.team].map { .text($0) }
        header += monthHeadings(p, months) + comparisonHeadings(baseline)
        var rows = [header]
        for service in Service.allCases {
            for def in p.teamIndicators(service) {
                let (teams, council) = p.teamRows(def.id)
                for r in teams + (council.map { [$0] } ?? []) {
                    let team = r.current.team ?? Words.allTeams
                    rows.append([.text(service.title), .text(def.title), .text(def.id.rawValue), .text(team)]
                                + monthValues(r, p, months, team: r.current.team) + comparisonCells(r, baseline: baseline))
                }
            }
        }
        return Sheet(name: Words.WorkbookSheet.teams, rows: rows, frozenRows: 1)
    }

    /// Two heading rows: each month's date over its number and share.
    static func breakdownSheet(_ p: MonthPack, months: [YearMonth], baseline: YearMonth?) -> Sheet {
        let lead: [Cell] = [Words.Heading.service, Words.Heading.breakdown, Words.Heading.group, Words.Heading.id].map { .text($0) }
        var first = lead, second: [Cell] = lead.map { _ in .blank }
        for heading in monthHeadings(p, months) {
            first += [heading, .blank]
            second += [.text(Words.Heading.number), .text(Words.Heading.share)]
        }
        var tail = [Words.Heading.denominator, Words.Heading.change]
        if let b = baseline { tail.append(Words.sinceBaselineHeading(b)) }
        first += tail.map { .text($0) }
        second += tail.map { _ in .blank }
        var rows = [first, second]
        for service in Service.allCases {
            for r in p.serviceRows(service).breakdowns {
                var row: [Cell] = [.text(service.title), .text(r.definition.breakdownHeading ?? ""), .text(r.definition.title), .text(r.definition.id.rawValue)]
                if let u = r.unavailable {
                    row.append(.text(Words.unavailable(u)))
                    rows.append(row)
                    continue
                }
                for m in months {
                    let v = m == p.month ? r.current : p.data.value(r.current.id, m)
                    row += [integer(v?.numerator), figure(v?.value, r.current.unit)]
                }
                row += [integer(r.current.denominator), change(r.change, r.current.unit)]
                if baseline != nil { row.append(change(r.baseline?.change, r.current.unit)) }
                rows.append(row)
            }
        }
        return Sheet(name: Words.WorkbookSheet.breakdowns, rows: rows, frozenRows: 2)
    }

    /// The month's data-quality list grouped as `pop check` groups it. The stored list holds no
    /// child ID; a value in the Child Unique ID column is left out all the same.
    static func qualitySheet(_ s: Snapshot) -> Sheet {
        let header: [Cell] = [Words.WorkbookSheet.file, Words.WorkbookSheet.sheet, Words.WorkbookSheet.list, Words.WorkbookSheet.column,
                              Words.WorkbookSheet.kind, Words.Heading.value, Words.Heading.count, Words.WorkbookSheet.firstPlaces,
                              Words.WorkbookSheet.affects, Words.WorkbookSheet.problem].map { .text($0) }
        var rows = [header]
        for g in DataQualityReport.groups(s.dataQuality, unavailable: s.unavailable) {
            let value = Column.namesSomeone(g.column) ? "" : g.value
            rows.append([.text(g.file), text(g.sheet), text(g.list?.title), .text(g.column), .text(DataQualityText.kind(g.kind)), text(value),
                         .number(Double(g.count), format: .integer), text(g.first.map(DataQualityText.position).joined(separator: "; ")),
                         text(g.affects.map(\.rawValue).joined(separator: " ")), .text(g.problem)])
        }
        if rows.count == 1 { rows.append([.text(Words.WorkbookSheet.noProblems)]) }
        return Sheet(name: Words.WorkbookSheet.dataQuality, rows: rows, frozenRows: 1)
    }

    // MARK: cells

    static func monthValues(_ r: PageRow, _ p: MonthPack, _ months: [YearMonth], team: String?) -> [Cell] {
        months.map { m in
            let v = m == p.month ? r.current : p.data.value(r.current.id, m, team: team)
            return figure(v?.value, r.current.unit)
        }
    }

    /// A figure in its unit: a count whole, a percentage as Excel's share shown with `%`, a
    /// rate to one decimal place; blank when there is none.
    static func figure(_ x: Double?, _ unit: MeasureUnit) -> Cell {
        guard let x else { return .blank }
        switch unit {
        case .count: return .number(x, format: .integer)
        case .percent: return .number(x / 100, format: .percent1)
        case .per_10k, .per_100k, .average: return .number(x, format: .decimal1)
        }
    }

    /// A change: points for percentages, the difference for counts and rates.
    static func change(_ x: Double?, _ unit: MeasureUnit) -> Cell {
        guard let x else { return .blank }
        return .number(x, format: unit == .count ? .integer : .decimal1)
    }

    /// Variance, a share of the target (`-25.2%`); against a target of 0 the plain difference.
    static func variance(_ v: IndicatorValue) -> Cell {
        guard let x = v.variance else { return .blank }
        return v.target == 0 ? .number(x, format: .decimal1) : .number(x / 100, format: .percent1)
    }

    static func integer(_ n: Int?) -> Cell { n.map { .number(Double($0), format: .integer) } ?? .blank }
    static func text(_ s: String?) -> Cell { s.map { $0.isEmpty ? .blank : .text(Words.visible($0)) } ?? .blank }

    // MARK: sheet names and widths

    /// A title as Excel takes a sheet's name: none of `[ ] : * ? / \`, no apostrophe at either
    /// end, at most 31 characters ("MASH / front door" → "MASH - front door").
    static func sheetName(_ title: String) -> String {
        var name = String(title.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = String(name.prefix(31))
        return name.isEmpty ? "Sheet" : name
    }

    static func unique(_ name: String, _ taken: inout Set<String>) -> String {
        var candidate = name
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " \(n)"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Each column as wide as its widest cell as Excel shows it (a little room beside), at
    /// least 6 and at most 60 characters.
    static func widths(_ rows: [[Cell]]) -> [Double] {
        var widths: [Int] = []
        for row in rows {
            for (i, c) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], shownLength(c))
            }
        }
        return widths.map { Double(min(60, max(6, $0 + 2))) }
    }

    static func shownLength(_ c: Cell) -> Int {
        switch c {
        case .text(let s): return s.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
        case .number(let x, let format):
            switch format {
            case .integer: return Display.count(x).count
            case .decimal1: return Display.decimal(x).count
            case .percent1: return Display.decimal(x * 100).count + 1
            case .date: return 10
            case .general: return "\(x)".count
            }
        case .date: return 10
        case .boolean: return 5
        case .error(let e): return e.count
        case .blank: return 0
        }
    }
}
