import Testing
import PopCalendar
import PopMetrics
import PopPage
import PopScreen
@testable import PopDashboard

/// Opens a service's page from the page (its panel's place in service order).
func openService(_ s: inout AppState, _ service: Service) {
    press(&s, [.home] + Array(repeating: Key.down, count: Service.allCases.firstIndex(of: service) ?? 0) + [.enter])
}

/// The screen's lines, as text.
func screenLines(_ s: AppState) -> [String] { render(s, demoData).plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

/// A page table's row by its label (a shared label, as the audit grid's grades have, counts).
func tableRow(_ t: PageTable, _ label: String, _ first: String? = nil) -> PageTable.Row? {
    var current = ""
    for r in t.rows {
        if !r.sharesLabel { current = r.label }
        if current == label && (first == nil || r.cells.first?.text == first) { return r }
    }
    return nil
}

/// The number at the start of a cell: `16 (35.6%)` → 16.
func leadingNumber(_ text: String) -> Int? { Int(text.prefix { $0.isNumber }) }

/// Every social worker's name in January (the names the drill-down shows and nothing else may).
let januaryWorkerNames = Set((demoWorkers[january] ?? []).map(\.worker))

@Suite struct PagesGoldenTests {
    /// Early Help, UASC, quality assurance and workforce pages, a team's workers, the tables
    /// slides, and the CP page scrolled to its end (a table's header kept at the top).
    @Test(arguments: [0, 1, 2])
    func newPagesAtEverySize(_ size: Int) {
        let (w, h) = sizes[size]
        for (service, name) in [(Service.earlyHelp, "service-early-help"), (.uasc, "service-uasc"), (.qa, "service-qa"), (.workforce, "service-workforce")] {
            var s = state(w, h)
            openService(&s, service)
            golden(name, s)
        }
        var workers = state(w, h)
        openService(&workers, .workforce)
        press(&workers, [.char("}"), .down, .enter])   // the first service's first team
        golden("workers-team", workers)
        var cp = state(w, h)
        openService(&cp, .cp)
        press(&cp, [.end])
        golden("service-cp-end", cp)
        for service in [Service.qa, .workforce] {
            var p = state(w, h)
            press(&p, [.char("p")])
            p.slide = p.agenda.firstIndex(of: .tables(service)) ?? 0
            golden("present-tables-\(service.rawValue)", p)
        }
    }
}

@Suite struct ServicePageTests {
    /// The pack's QA grid for January: 51 audits; Duty and Assessment good 12, RI 15,
    /// inadequate 1; Intervention and Planning 2 / 10 / 0; CP - Children in Care 1 / 4 / 1;
    /// CP - Onwards and Upwards 0 / 4 / 1; and the months before as the pack prints them.
    @Test func theAuditGrid() throws {
        let page = ServicePage(.qa, demoData, january)
        let grid = try #require(page.tables.first)
        #expect(grid.title == Words.auditGridTitle)
        #expect(grid.columns.map(\.title) == ["Grade", "Aug 18", "Sep 18", "Oct 18", "Nov 18", "Dec 18", "Jan 19"])
        let january: [(String, [String])] = [("Duty and Assessment", ["12", "15", "1"]), ("Intervention and Planning", ["2", "10", "0"]),
                                             ("CP - Children in Care", ["1", "4", "1"]), ("CP - Onwards and Upwards", ["0", "4", "1"])]
        for (area, figures) in january {
            for (grade, figure) in zip(["Good", "RI", "Inadequate"], figures) {
                let row = try #require(tableRow(grid, area, grade), "\(area) \(grade)")
                #expect(row.cells.last?.text == figure, "\(area) \(grade)")
            }
        }
        let total = try #require(grid.rows.last)
        #expect(total.label == "Total" && total.cells.dropFirst().map(\.text) == ["29", "32", "13", "19", "20", "51"])
        // The pack's row for Duty and Assessment, August to January.
        #expect(tableRow(grid, "Duty and Assessment", "RI")?.cells.dropFirst().map(\.text) == ["9", "8", "6", "11", "5", "15"])
        // The areas with the most audits first.
        #expect(grid.rows.first?.label == "Duty and Assessment")
        // On screen at 200×60: the grid's January column.
        var s = state(200, 60)
        openService(&s, .qa)
        let text = screenLines(s)
        let good = try #require(text.first { $0.contains("Duty and Assessment") && $0.contains("Good") })
        #expect(good.hasSuffix(" 2      5      0      3      1     12"), "\(good)")
    }

    /// January's domains as the pack prints them: Combined Assessments 16 / 25 / 4, Management
    /// Oversight 17 / 27 / 5, CIN 1 / 6 / 0, CiC 1 / 4 / 2, each with its share.
    @Test func theDomainTable() throws {
        let page = ServicePage(.qa, demoData, january)
        let domains = try #require(page.tables.dropFirst().first)
        #expect(domains.title == "Domain grades, January 2019")
        let good = try #require(domains.columns.firstIndex { $0.title == "Good" })
        let ri = try #require(domains.columns.firstIndex { $0.title == "RI" })
        let inadequate = try #require(domains.columns.firstIndex { $0.title == "Inadequate" })
        let expected: [(String, [Int])] = [("Combined Assessments", [16, 25, 4]), ("Management Oversight", [17, 27, 5]), ("CIN", [1, 6, 0]),
                                           ("CiC", [1, 4, 2])]
        for (domain, figures) in expected {
            let row = try #require(tableRow(domains, domain), "\(domain)")
            #expect([good, ri, inadequate].map { leadingNumber(row.cells[$0].text) } == figures, "\(domain)")
        }
        // Shares of the domain's gradings: 16 of 45 is 35.6%; the total is 45.
        let combined = try #require(tableRow(domains, "Combined Assessments"))
        #expect(combined.cells[good].text == "16 (35.6%)" && combined.cells.last?.text == "45")
    }

    /// The improvement plan's caseloads by service, teams pooled by the teams file (all their
    /// children over all their social workers), each service above its teams.
    @Test func theWorkforceTeams() throws {
        let page = ServicePage(.workforce, demoData, january)
        let teams = try #require(page.tables.first)
        let caseload = try #require(teams.columns.firstIndex { $0.title == Words.PageHeading.caseload })
        let published = [("Duty and Assessment", "13.6"), ("Intervention and Planning", "16.4"), ("Children in Care", "13.2"), ("0-25", "13.5"),
                         ("Onwards and Upwards", "21.5"), ("REACH", "9.5")]
        for (service, figure) in published {
            let row = try #require(teams.rows.first { $0.label == service && $0.strong }, "\(service)")
            #expect(row.cells[caseload].text == figure, "\(service)")
            #expect(row.open == .workers(.service(service)))
        }
        // A team sits under its service, indented; all teams last with the council's 16.0 and 75 social workers.
        let i = try #require(teams.rows.firstIndex { $0.label == "Duty and Assessment" })
        #expect(teams.rows[i + 1].label == "Duty & Assessment Team 1" && teams.rows[i + 1].indent == 2)
        #expect(teams.rows[i + 1].open == .workers(.team("Duty & Assessment Team 1")))
        let all = try #require(teams.rows.last)
        #expect(all.label == Words.allTeams && all.cells[0].text == "75" && all.cells[1].text == "28.0%" && all.cells[caseload].text == "16.0")
    }

    /// Early Help as its pack page: EHAs started 1,374 in the year, 260, 100 and 160 in January,
    /// December and November; open assessments by duration 435 (52.6%), 134, 95, 90, 73.
    @Test func earlyHelpTables() throws {
        let tables = ServicePage(.earlyHelp, demoData, january).tables
        let flows = try #require(tables.first { $0.title == Words.flowsTitle })
        #expect(flows.columns.map(\.title) == ["YTD", "Jan 19", "Dec 18", "Nov 18"])
        #expect(tableRow(flows, "Early Help assessments started")?.cells.map(\.text) == ["1,374", "260", "100", "160"])
        let open = try #require(tables.first { $0.title == "Open assessments by duration" })
        #expect(open.rows.map { $0.cells[0].text } == ["435", "134", "95", "90", "73"])
        #expect(open.rows[0].cells[1].text == "52.6%")
        #expect(tables.contains { $0.title == "Early Help assessments started by organisation" })
    }

    /// UASC as its pack page: 62 children; under a year 38 (61.3%), 1 year 17 (27.4%); foster
    /// care 36 (58.1%), semi-independent 25 (40.3%); by team Children in Care Team 3 15 (24.2%),
    /// Onwards & Upwards 27 (43.5%).
    @Test func uascTables() throws {
        let tables = ServicePage(.uasc, demoData, january).tables
        let years = try #require(tables.first { $0.title == "Years in care" })
        #expect(tableRow(years, "Under a year")?.cells.prefix(2).map(\.text) == ["38", "61.3%"])
        #expect(tableRow(years, "1 year")?.cells.prefix(2).map(\.text) == ["17", "27.4%"])
        let placement = try #require(tables.first { $0.title == "Placement type" })
        #expect(tableRow(placement, "Foster care")?.cells.prefix(2).map(\.text) == ["36", "58.1%"])
        #expect(tableRow(placement, "Semi-independent living")?.cells.prefix(2).map(\.text) == ["25", "40.3%"])
        let teams = try #require(tables.first { $0.title.hasSuffix("by team") })
        #expect(tableRow(teams, "Children in Care Team 3")?.cells.prefix(2).map(\.text) == ["15", "24.2%"])
        #expect(tableRow(teams, "Onwards & Upwards")?.cells.prefix(2).map(\.text) == ["27", "43.5%"])
        #expect(teams.rows.last?.label == Words.allTeams && teams.rows.last?.cells.first?.text == "62")
    }

    /// The CP page's breakdowns sit in their tables, not among the indicators: category of abuse
    /// as the pack has it, January 84 emotional (52.8%) and 56 neglect (35.2%).
    @Test func breakdownsAreTablesWithMonthColumns() throws {
        let page = ServicePage(.cp, demoData, january)
        #expect(!page.indicatorRows.contains { $0.definition.isBreakdown })
        let category = try #require(page.tables.first { $0.title == "Category of abuse" })
        #expect(category.columns.map(\.title) == ["Jan 19", "%", "Dec 18", "%", "Nov 18", "%"])
        #expect(tableRow(category, "Emotional")?.cells.prefix(2).map(\.text) == ["84", "52.8%"])
        #expect(tableRow(category, "Neglect")?.cells.prefix(2).map(\.text) == ["56", "35.2%"])
        // Every breakdown group of the service is in one of the tables, once.
        let groups = Items.service(.cp, demoData, january).filter(\.definition.isBreakdown).map(\.current.id)
        let opened = page.tables.flatMap(\.rows).compactMap { r -> IndicatorID? in if case .indicator(let id)? = r.open { id } else { nil } }
        #expect(Set(groups).isSubset(of: Set(opened)) && groups.count == Set(groups).count)
    }

    /// At 80 columns a month table gives way column by column (the oldest month first) rather
    /// than cut a group's name; the QA grid wraps a long service area over its grades.
    @Test func narrowScreensGiveWayWithoutCuttingNames() throws {
        var s = state(80, 24)
        openService(&s, .mash)
        press(&s, [.end])
        let text = screenLines(s)
        #expect(text.contains { $0.contains("Other (incl. individuals, unknown)") })
        var qa = state(80, 24)
        openService(&qa, .qa)
        press(&qa, [.char("}"), .down, .down, .down])   // Intervention and Planning's grades
        let lines = screenLines(qa)
        #expect(lines.contains { $0.contains("Intervention and") && $0.contains("Good") })
        #expect(lines.contains { $0.hasPrefix("  Planning") && $0.contains("RI") })
    }
}

@Suite struct PageKeysTests {
    /// `}` and `{` move between a page's tables; Enter on a grid row opens its grade's
    /// indicator, `t` its teams (service areas); Enter on a team count opens the team table.
    @Test func tablesAndWhatTheirRowsOpen() throws {
        var s = state(120, 40)
        openService(&s, .qa)
        press(&s, [.char("}")])
        let page = try #require(Items.servicePage(s, demoData))
        #expect(page.item(s.selected)?.section == 1 && page.item(s.selected)?.row == 0)
        press(&s, [.enter])
        #expect(s.screen == .indicator("qa.grade.good"))
        press(&s, [.escape, .char("t")])
        #expect(s.screen == .teams("qa.grade.good"))
        press(&s, [.escape, .char("}")])
        #expect(page.item(s.selected)?.section == 2)
        press(&s, [.down, .char("{")])   // back to the start of this table, then to the one before
        #expect(page.item(s.selected)?.section == 2 && page.item(s.selected)?.row == 0)
        press(&s, [.char("{")])
        #expect(page.item(s.selected)?.section == 1 && page.item(s.selected)?.row == 0)
        press(&s, [.char("{")])
        #expect(s.selected == 0)
        var u = state(120, 40)
        openService(&u, .uasc)
        press(&u, [.end, .enter])
        #expect(u.screen == .teams("uasc.children"))
        // A workforce team table's team opens its workers.
        var w = state(120, 40)
        openService(&w, .workforce)
        press(&w, [.down, .down, .down, .char("t")])
        #expect(w.screen == .teams("wf.caseload"))
        press(&w, [.enter])
        guard case .workers(.team) = w.screen else {
            Issue.record("\(w.screen)")
            return
        }
    }

    /// A page scrolled down to the last panel at 80×24 shows every panel from the top once the
    /// window is large enough to hold them.
    @Test func aLargerWindowUnscrollsThePage() {
        var s = state(80, 24)
        press(&s, [.end])
        #expect((s.scroll.last ?? 0) > 0)
        press(&s, [.resize(width: 200, height: 60)])
        #expect(s.scroll.last == 0 && screenLines(s)[1].contains(Service.mash.title))
    }

    /// Scrolling never leaves the cursor under the header kept at the top of a table.
    @Test func theCursorStaysInSight() throws {
        var s = state(80, 24)
        openService(&s, .cla)
        let page = try #require(Items.servicePage(s, demoData))
        for _ in 0..<page.items.count {
            press(&s, [.down])
            let line = page.items[s.selected] - (s.scroll.last ?? 0)
            #expect(line >= 0 && line < Layout.pageSize(s, demoData) && (line > 0 || s.scroll.last == 0), "item \(s.selected)")
            #expect(screenLines(s)[Layout.serviceTop + line].hasPrefix(Glyphs.unicode.selected), "item \(s.selected)")
        }
    }
}

@Suite struct WorkersTests {
    /// A team's workers load on demand, as the month's every worker, and agree with the team's
    /// figures: as many as its social workers, their caseloads adding to its children, as many
    /// in time as its supervision figure counts. Names show here, and only here.
    @Test func aTeamsWorkersAgreeWithItsFigures() throws {
        var s = state(120, 40)
        openService(&s, .workforce)
        let effects = update(&s, .key(.char("}")), demoData) + update(&s, .key(.down), demoData) + update(&s, .key(.enter), demoData)
        #expect(effects == [.loadWorkers(january)])
        #expect(s.screen == .workers(.team("Duty & Assessment Team 1")))
        #expect(screenLines(s).contains { $0.contains("Reading the workers") })
        _ = update(&s, .workersLoaded(january, .success(demoWorkers[january] ?? [])), demoData)
        for team in Set((demoWorkers[january] ?? []).map(\.team)) {
            var t = s
            t.stack[t.stack.count - 1] = .workers(.team(team))
            let list = try #require(Items.workers(t, demoData))
            #expect(list.count == demoData.value("wf.social_workers", team: team, january)?.numerator, "\(team)")
            #expect(list.compactMap(\.caseload).reduce(0, +) == demoData.value("wf.caseload", team: team, january)?.numerator, "\(team)")
            #expect(list.filter { $0.supervisionInTime == true }.count == demoData.value("wf.supervision_in_time", team: team, january)?.numerator)
            #expect(list.filter { $0.agency == true }.count == demoData.value("wf.agency", team: team, january)?.numerator, "\(team)")
        }
        let text = screenLines(s)
        #expect(text.contains { $0.contains("Ben Hughes") && $0.contains(" 13 ") && $0.contains("overdue") })
        #expect(text.contains { $0.contains("Caseload 11.0") })
        // A service's workers: Duty and Assessment's ten, 136 children between them (13.6).
        var service = s
        service.stack[service.stack.count - 1] = .workers(.service("Duty and Assessment"))
        let da = try #require(Items.workers(service, demoData))
        #expect(da.count == 10 && da.compactMap(\.caseload).reduce(0, +) == 136)
    }

    /// Exports of the workers screen name no worker, and say so.
    @Test func exportsHideWorkerNames() throws {
        var s = state(120, 40)
        openService(&s, .workforce)
        press(&s, [.char("}"), .enter])   // Duty and Assessment's workers
        #expect(januaryWorkerNames.count > 50)
        for key: Character in ["e", "E"] {
            var t = s
            let (name, text) = try #require(exported(&t, key))
            #expect(name == "pop-workers-DutyandAssessment-2019-01.\(key == "e" ? "md" : "csv")")
            #expect(!januaryWorkerNames.contains { text.contains($0) }, "\(key)")
            #expect(text.contains("Duty & Assessment Team 1"))
        }
        var md = s
        #expect(exported(&md, "e")?.text.contains(Words.workerNamesNotExported) == true)
        var csv = s
        #expect(exported(&csv, "E")?.text.hasPrefix("Team,Role,Agency,Caseload,Last supervision,Working days,Supervision\n") == true)
    }

    /// A month whose workers cannot be read says so, never "no social workers".
    @Test func workersThatCannotBeReadSaySo() {
        var s = state(120, 40)
        openService(&s, .workforce)
        press(&s, [.char("}"), .enter], failVisits: true)
        let text = render(s, demoData).plainText()
        #expect(text.contains("could not be read: disk I/O error") && !text.contains(Words.noSocialWorkers))
    }

    /// No slide names a worker or a child, the new tables slides included; those slides are
    /// in the default agenda after their service's slide.
    @Test func slidesNameNoWorker() {
        let agenda = Slide.defaultAgenda
        for service in Slide.tableSlides {
            let i = agenda.firstIndex(of: .service(service))
            #expect(i != nil && agenda.firstIndex(of: .tables(service)) == i.map { $0 + 1 }, "\(service)")
        }
        var s = state(200, 60)
        press(&s, [.char("p")])
        for _ in 0..<s.agenda.count {
            let text = render(s, demoData).plainText()
            #expect(!januaryWorkerNames.contains { text.contains($0) }, "slide \(s.slide + 1) names a worker")
            #expect(!ExportTests.childIDs.contains { text.contains($0) }, "slide \(s.slide + 1) shows a child ID")
            press(&s, [.pageDown])
        }
        // The QA tables slide carries the grid's January total.
        var qa = state(200, 60)
        press(&qa, [.char("p")])
        qa.slide = qa.agenda.firstIndex(of: .tables(.qa)) ?? 0
        #expect(screenLines(qa).contains { $0.contains("Total") && $0.hasSuffix("51") })
    }

    @Test func agendaFilesNameTables() {
        let (slides, problems) = Slide.agenda("qa.tables\nworkforce\nnonsense.tables\n")
        #expect(slides == [.tables(.qa), .service(.workforce)])
        #expect(problems.count == 1)
    }
}

@Suite struct PagesExportTests {
    /// A service page's Markdown carries its tables after its indicators, every column, labels
    /// whole (a grade's rows carry their service area); a click on a table's row opens it.
    @Test func aPagesTablesInMarkdown() throws {
        var s = state(80, 24)
        openService(&s, .qa)
        let md = try #require(exported(&s, "e")).text
        #expect(md.contains("### Audit grades by service area\n\n| Audit grades by service area | Grade | Aug 18 | Sep 18 | Oct 18 | Nov 18 | Dec 18 | Jan 19 |"))
        #expect(md.contains("| Duty and Assessment | RI | 9 | 8 | 6 | 11 | 5 | 15 |"))
        #expect(md.contains("| Total |  | 29 | 32 | 13 | 19 | 20 | 51 |"))
        #expect(md.contains("| Combined Assessments | 16 (35.6%) | 25 (55.6%) | 4 (8.9%) | 0 (0.0%) | 45 |"))
        var e = state(120, 40)
        openService(&e, .earlyHelp)
        let eh = try #require(exported(&e, "e")).text
        #expect(eh.contains("| Year to date and by month | YTD | Jan 19 | Dec 18 | Nov 18 |\n| --- | ---: | ---: | ---: | ---: |\n| Early Help assessments started | 1,374 | 260 | 100 | 160 |"))
        #expect(eh.contains("| Under 3 months | 435 | 52.6% | 262 | 39.7% | 334 | 44.8% |"))
        // A click on the grid's first row opens its grade's indicator.
        var c = state(120, 40)
        openService(&c, .qa)
        let page = try #require(Items.servicePage(c, demoData))
        let line = page.items[page.jump(from: 0, forward: true) ?? 0]
        press(&c, [.click(x: 10, y: Layout.serviceTop + line)])
        #expect(c.screen == .indicator("qa.grade.good"))
    }
}

@Suite struct PagesASCIITests {
    /// Where the locale is not UTF-8 the workforce's changes read in ASCII, as the panels do.
    @Test func workforceChangesInASCII() throws {
        var s = state(120, 40, unicode: false)
        openService(&s, .workforce)
        let text = render(s, demoData).plainText()
        let da = try #require(text.split(separator: "\n").first { $0.hasPrefix("  Duty and Assessment ") })
        #expect(da.hasSuffix("13.6   ^ 1.1") && !text.contains("▲"), "\(da)")
    }
}

@Suite struct ScrolledPageTests {
    /// Scrolled into the audit grid, the first row under the kept header names its service area
    /// even where it is a later grade of that area (a grade alone reads as nobody's).
    @Test func theFirstRowUnderAKeptHeaderNamesItsArea() {
        var s = state(80, 24)
        openService(&s, .qa)
        var restatedGrades = 0
        for _ in 0..<30 {
            press(&s, [.down])
            guard (s.scroll.last ?? 0) > 0 else { continue }
            let first = screenLines(s)[Layout.serviceTop + 1]
            guard !first.contains("Aug 18") else { continue }   // the table's own header, not yet a row
            #expect(first.dropFirst(2).first != " ", "\(screenLines(s).joined(separator: "\n"))")
            if first.contains("Duty and Assessment") && (first.contains(" RI ") || first.contains(" Inadequate ")) { restatedGrades += 1 }
        }
        #expect(restatedGrades > 0)
    }

    /// A page longer than the window says how much lies above and below it.
    @Test func aLongPageSaysWhatIsCut() throws {
        var s = state(80, 24)
        openService(&s, .cp)
        // The window holds pageSize of the page's lines; the rest lie below, then (at the end) above.
        let page = try #require(Items.servicePage(s, demoData))
        let shown = Layout.pageSize(s, demoData), cut = page.lines.count - shown
        #expect(cut > 1)
        let lines = screenLines(s)
        let below = Layout.serviceTop + shown
        #expect(lines[below].hasSuffix("▼ \(cut) more lines below"), "\(lines[below])")
        press(&s, [.end])
        #expect(screenLines(s)[below].hasSuffix("▲ \(cut) lines above"))
        // One line down from the top: one above, the rest below.
        var one = state(80, 24)
        openService(&one, .cp)
        while (one.scroll.last ?? 0) == 0 { press(&one, [.down]) }
        let scrolled = one.scroll.last ?? 0
        #expect(screenLines(one)[below].hasSuffix("▲ \(scrolled) line\(scrolled == 1 ? "" : "s") above · ▼ \(cut - scrolled) more lines below"))
        var wide = state(200, 60)
        openService(&wide, .yot)
        #expect(!screenLines(wide)[Layout.serviceTop + Layout.pageSize(wide, demoData)].contains("below"))
    }
}
