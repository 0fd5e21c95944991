import Foundation
import Testing
import PopCalendar
import PopMetrics
import PopPage
import PopScreen
@testable import PopDashboard

let february = YearMonth(year: 2018, month: 2)!

/// The demo's months with its baseline, February 2018 (the demo's earliest month), as the demo
/// database sets it.
let baselineData = DashboardData(council: demoData.council, demo: true, snapshots: Array(demoData.snapshots.values), targets: demoData.stored.targets,
                                 benchmarks: demoData.benchmarks, neighbourCodes: [], statistic: .mean, comments: demoData.comments,
                                 baseline: february, teamServices: demoData.teamServices)

/// Drives keys through `update` over `data`, answering visit-list reads from the demo's lists.
@discardableResult
func press(_ s: inout AppState, _ keys: [Key], data: DashboardData) -> [Effect] {
    var out: [Effect] = []
    for key in keys {
        var queue = update(&s, .key(key), data)
        while !queue.isEmpty {
            let e = queue.removeFirst()
            switch e {
            case .loadVisits(let k): queue += update(&s, .visitsLoaded(k, .success(demoVisits[k] ?? [])), data)
            case .loadWorkers(let m): queue += update(&s, .workersLoaded(m, .success(demoWorkers[m] ?? [])), data)
            default: out.append(e)
            }
        }
    }
    return out
}

/// What an export key wrote: its file name and text.
func exported(_ s: inout AppState, _ key: Character, data: DashboardData = demoData) -> (name: String, text: String)? {
    guard case .export(let name, let text)? = press(&s, [.char(key)], data: data).first else { return nil }
    return (name, text)
}

/// Box drawing (U+2500–257F) and block elements (U+2580–259F: sparklines, bars).
func hasBoxDrawing(_ text: String) -> Bool { text.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) } }

@Suite struct BaselineScreenTests {
    /// The page, a service, an indicator and its slide with the demo's baseline: "since Feb 18"
    /// beside the change since last month, where the width allows.
    @Test func baselineViews() {
        golden("baseline-overview", state(110, 30), data: baselineData)
        var service = state(120, 40)
        press(&service, [.down, .down, .down, .enter], data: baselineData)
        golden("baseline-service-cp", service, data: baselineData)
        var wide = state(200, 60)
        press(&wide, [.down, .down, .down, .enter], data: baselineData)
        golden("baseline-service-cp", wide, data: baselineData)
        var indicator = state(120, 40)
        press(&indicator, [.down, .down, .down, .enter] + Array(repeating: .down, count: 7) + [.enter], data: baselineData)
        golden("baseline-indicator-cp-visits", indicator, data: baselineData)
        var slide = state(120, 40)
        press(&slide, [.char("p"), .pageDown, .pageDown, .pageDown], data: baselineData)
        golden("baseline-present-indicator", slide, data: baselineData)
    }

    /// 113 of 159 in January against 130 of 162 in February 2018: down 9.2 points, worsening.
    @Test func theFiguresShown() {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .enter], data: baselineData)
        let service = render(s, baselineData).plainText()
        #expect(service.contains("Since Feb 18"))
        // The title gives way to the panel's short one where the since column takes its room.
        let visits = service.split(separator: "\n").first { $0.hasPrefix("  Visits in time ") }.map(String.init) ?? ""
        #expect(visits.contains("▲ 2.2") && visits.contains("▼ 9.2"), "\(visits)")
        // At 80 columns the titles keep their room: no since column.
        var narrow = state(80, 24)
        press(&narrow, [.down, .down, .down, .enter], data: baselineData)
        #expect(!render(narrow, baselineData).plainText().contains("Since Feb 18"))
        // The page's panels show it only where a panel has room: one column at 110, not three at 200.
        #expect(render(state(110, 30), baselineData).plainText().contains("since Feb 18 ▼ 9.2"))
        #expect(!render(state(200, 60), baselineData).plainText().contains("since Feb 18"))
        // February itself has no baseline before it.
        var first = state(120, 40)
        first.month = february
        press(&first, [.down, .down, .down, .enter], data: baselineData)
        #expect(!render(first, baselineData).plainText().contains("Since"))
        // Without a baseline nothing changes.
        #expect(render(state(110, 30), demoData).plainText() == render(state(110, 30), DashboardData(
            council: demoData.council, demo: true, snapshots: Array(demoData.snapshots.values), targets: demoData.stored.targets,
            benchmarks: demoData.benchmarks, neighbourCodes: [], statistic: .mean, comments: demoData.comments)).plainText())
        #expect(!render(state(110, 30), demoData).plainText().contains("since"))
    }
}

@Suite struct ExportTests {
    /// Every child ID in January's visit lists.
    static let childIDs = Set(demoVisits.filter { $0.key.month == january }.flatMap(\.value).map(\.child))

    func words(_ text: String) -> Set<String> {
        Set(text.split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }

    /// Every view exports as Markdown: a title, tables with a header row and a rule, no box
    /// drawing, no cursor, no sparkline and no child ID; the same at any window size.
    @Test func everyViewAsMarkdown() throws {
        var views: [(String, AppState)] = []
        var s = state(120, 40)
        views.append(("page", s))
        press(&s, [.down, .down, .down, .enter])
        views.append(("cp", s))
        press(&s, Array(repeating: .down, count: 7) + [.enter])
        views.append(("cp.visits_in_time", s))
        press(&s, [.char("t")])
        views.append(("cp.visits_in_time-teams", s))
        press(&s, [.enter])
        views.append(("cp.visits_in_time-InterventionPlanningTeam6", s))
        #expect(ExportTests.childIDs.count > 500)
        for (view, state) in views {
            var t = state
            let (name, text) = try #require(exported(&t, "e"), "\(view)")
            #expect(name == "pop-\(view)-2019-01.md")
            #expect(text.hasPrefix("# Barnet · "), "\(view)")
            #expect(!hasBoxDrawing(text), "\(view): box drawing or blocks")
            #expect(!text.contains(Glyphs.unicode.selected), "\(view): the cursor")
            #expect(words(text).isDisjoint(with: ExportTests.childIDs), "\(view): a child ID")
            #expect(text.contains("| --- |") || text.contains("| --- | ---"), "\(view): no table")
            // Built from the rows, not the screen: a window too small to draw the view exports the same.
            var small = state
            press(&small, [.resize(width: 60, height: 20)])
            #expect(exported(&small, "e")?.text == text, "\(view)")
        }
    }

    @Test func theFiguresInTheExports() throws {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .enter])
        let service = try #require(exported(&s, "e")).text
        let visits = try #require(service.split(separator: "\n").first { $0.hasPrefix("| CP visits in time (10 working days)") })
        for cell in ["71.1% (113 of 159)", "68.9% (115 of 167)", "+2.2 pts", "95.0%", "(25.2%)", "✖ R"] { #expect(visits.contains(cell), "\(cell)") }
        #expect(service.contains("- **CP visits in time (10 working days)**: Visits within 4 weeks are at 97%."))
        // The team table, worst first, with all teams last, as CSV too.
        press(&s, Array(repeating: .down, count: 7) + [.char("t")])
        let teams = try #require(exported(&s, "E"))
        #expect(teams.name == "pop-cp.visits_in_time-teams-2019-01.csv")
        let lines = teams.text.split(separator: "\n").map(String.init)
        // As the view: cases, in time, %, the 95% interval, against target, overdue and due soon, change.
        #expect(lines.first == "Team,Cases,In time,%,95% interval,vs target,Overdue,Due ≤5 wd,Change")
        #expect(lines[1].hasPrefix("Intervention & Planning Team 6,29,13,44.8%,28–62,✖ R (52.8%),16,"))
        let all = lines.last ?? ""
        #expect(all.hasPrefix("All teams,159,113,71.1%,") && all.contains(",✖ R (25.2%),") && all.hasSuffix(",+2.2 pts"), "\(all)")
        // The overdue children: worker, last visit, days since and overdue, never the child.
        press(&s, [.enter])
        let children = try #require(exported(&s, "E"))
        let rows = children.text.split(separator: "\n").map(String.init)
        #expect(rows.first == "Worker,Last visit,Since,Overdue")
        #expect(rows.count == 16 + 1)
        #expect(words(children.text).isDisjoint(with: ExportTests.childIDs))
    }

    @Test func theBaselineInAnExport() throws {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .enter], data: baselineData)
        let md = try #require(exported(&s, "e", data: baselineData)).text
        #expect(md.contains("change since the baseline, February 2018"))
        let visits = try #require(md.split(separator: "\n").first { $0.hasPrefix("| CP visits in time (10 working days)") })
        #expect(visits.contains("-9.2 pts worsening"))
        press(&s, Array(repeating: .down, count: 7) + [.enter], data: baselineData)
        let page = try #require(exported(&s, "e", data: baselineData)).text
        #expect(page.contains("since February 2018 ▼ 9.2 points (from 80.2%) (worsening)"))
        // The indicator's CSV is its monthly figures.
        let monthly = try #require(exported(&s, "E", data: baselineData)).text
        #expect(monthly.hasPrefix("Month,Value,Target\n") && monthly.contains("January 2019,71.1% (113 of 159),95.0%"))
    }

    /// A slide has no table to write as CSV: the dashboard says so and writes nothing.
    @Test func csvWhereThereIsNoTable() {
        let s = state(120, 40)
        var present = s
        present.push(.present)
        present.slide = 1
        #expect(Export.document(present, demoData, .csv) == nil)
        let slide = Export.document(present, demoData, .markdown) ?? ""
        #expect(slide.contains("## \(Service.mash.headlines[0].title)") && slide.contains("- Latest: "))
        var t = s
        #expect(exported(&t, "E") != nil, "the page's headlines are a table")
    }
}
