import Foundation
import Testing
import PopCalendar
import PopExtract
import PopMetrics
import PopScreen
import PopPage
import PopReference
@testable import PopDashboard
import PopTestSupport

let projectFolder = TestPaths.project
let goldenFolder = projectFolder + "/Tests/PopDashboardTests/Golden"

/// The demo's twelve months, computed once for every test in this target, with its teams file,
/// and their visit lists and social workers (which the dashboard asks for as effects, as it
/// would from the store).
let (demoData, demoVisits, demoWorkers): (DashboardData, [VisitListKey: [ChildVisit]], [YearMonth: [WorkerCaseload]]) = {
    var snapshots: [Snapshot] = []
    var visits: [VisitListKey: [ChildVisit]] = [:]
    var workers: [YearMonth: [WorkerCaseload]] = [:]
    let months = (2...12).map { YearMonth(year: 2018, month: $0)! } + [YearMonth(year: 2019, month: 1)!]
    for m in months {
        let extract = try! ExtractReader.read(folder: projectFolder + "/Fixtures/demo/\(m)", asAt: m.last)
        snapshots.append(Engine.compute(extract, asAt: m.last, population: Population(age0to17: 96_920, age10to17: 38_000, source: "report figure")))
        for v in VisitList.children(extract, asAt: m.last) {
            visits[VisitListKey(month: m, indicator: v.indicator, team: v.team), default: []].append(v)
            visits[VisitListKey(month: m, indicator: v.indicator, team: nil), default: []].append(v)   // every team's, for the team table
        }
        workers[m] = WorkerList.workers(extract, asAt: m.last)
    }
    let targets = try! TargetsFile.read(path: projectFolder + "/Fixtures/demo/targets.csv")
    let benchmarks = try! ReferenceFiles.typedBenchmarks(path: projectFolder + "/Fixtures/demo/benchmarks.csv")
    let data = DashboardData(council: "Barnet", demo: true, snapshots: snapshots, targets: targets, benchmarks: benchmarks, neighbourCodes: [],
                             statistic: .mean, comments: [YearMonth(year: 2019, month: 1)!: ["cp.visits_in_time": "Visits within 4 weeks are at 97%."]],
                             teamServices: try! TeamsFile.read(path: projectFolder + "/Fixtures/demo/teams.csv"))
    return (data, visits, workers)
}()

let january = YearMonth(year: 2019, month: 1)!

func state(_ w: Int, _ h: Int, unicode: Bool = true) -> AppState { AppState(width: w, height: h, month: january, unicode: unicode) }

/// Drives keys through `update`, carrying out the visit-list and worker reads it asks for (from
/// the demo's lists, or failing when `failVisits` is set) and collecting the other effects.
@discardableResult
func press(_ s: inout AppState, _ keys: [Key], failVisits: Bool = false) -> [Effect] {
    var out: [Effect] = []
    for key in keys {
        var queue = update(&s, .key(key), demoData)
        while !queue.isEmpty {
            let e = queue.removeFirst()
            switch e {
            case .loadVisits(let k):
                let result: Result<[ChildVisit], LoadFailure> = failVisits ? .failure(LoadFailure("disk I/O error")) : .success(demoVisits[k] ?? [])
                queue += update(&s, .visitsLoaded(k, result), demoData)
            case .loadWorkers(let m):
                let result: Result<[WorkerCaseload], LoadFailure> = failVisits ? .failure(LoadFailure("disk I/O error")) : .success(demoWorkers[m] ?? [])
                queue += update(&s, .workersLoaded(m, result), demoData)
            default: out.append(e)
            }
        }
    }
    return out
}

/// Compares a rendered view, characters and styles, with its golden file;
/// `POP_RECORD_GOLDEN=1 swift test` rewrites them.
func golden(_ name: String, _ s: AppState, data: DashboardData = demoData, sourceLocation: SourceLocation = #_sourceLocation) {
    let buffer = render(s, data)
    let text = buffer.plainText() + "--- styles ---\n" + buffer.styleRuns()
    if let problem = Golden.mismatch(text, path: goldenFolder + "/\(name)-\(s.width)x\(s.height).txt") {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}

let sizes = [(80, 24), (120, 40), (200, 60)]

@Suite struct GoldenScreenTests {
    @Test(arguments: [0, 1, 2])
    func everyViewAtEverySize(_ size: Int) {
        let (w, h) = sizes[size]
        var s = state(w, h)
        golden("overview", s)
        press(&s, [.down, .down, .down, .enter])                      // Child protection
        golden("service-cp", s)
        press(&s, Array(repeating: .down, count: 7) + [.enter])   // CP visits in time (the eighth indicator; the breakdowns follow in their tables)
        golden("indicator-cp-visits", s)
        press(&s, [.char("t")])
        golden("teams-cp-visits", s)
        press(&s, [.enter])                                            // the worst team's overdue children
        golden("children-cp-visits", s)
        var p = state(w, h)
        press(&p, [.char("p")])
        golden("present-service", p)
        press(&p, [.pageDown, .pageDown, .pageDown])
        golden("present-indicator", p)
        var help = state(w, h)
        press(&help, [.char("?")])
        golden("help", help)
    }

    @Test func tooSmallAndASCII() {
        golden("too-small", state(60, 20))
        golden("overview-ascii", state(120, 40, unicode: false))
    }
}

@Suite struct KeyMapTests {
    @Test func navigationStackAndBack() {
        var s = state(120, 40)
        #expect(s.screen == .overview)
        press(&s, [.down, .down, .down, .enter])
        #expect(s.screen == .service(.cp))
        press(&s, [.enter])
        #expect(s.screen == .indicator("cp.children"))
        press(&s, [.escape])
        #expect(s.screen == .service(.cp))
        press(&s, [.backspace, .backspace])
        #expect(s.screen == .overview)
        press(&s, [.char("q")])
        #expect(s.quit)
    }

    @Test func vimKeysAndArrowsAgree() {
        var a = state(200, 60), b = state(200, 60)
        press(&a, [.down, .down, .right, .up])
        press(&b, [.char("j"), .char("j"), .char("l"), .char("k")])
        #expect(a.selected == b.selected)
        #expect(a.selected == 7)   // 11 services in two full columns at 200 wide, 6 a column: row 2 of column 1, then up
    }

    @Test func monthsStepAndKeepTheView() {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .enter, .char("[")])
        #expect(s.month == YearMonth(year: 2018, month: 12)!)
        #expect(s.screen == .service(.cp))
        press(&s, [.char("]"), .char("]")])
        #expect(s.month == january)
        #expect(s.overlay == .message("no later month stored"))
    }

    @Test func teamsDrillDownIsWorstFirstAndReachesOverdueChildren() throws {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .char("t")])
        #expect(s.screen == .teams("cp.visits_in_time"))
        let teams = Items.teams("cp.visits_in_time", demoData, january)
        #expect(teams.first?.team == "Intervention & Planning Team 6")   // 13 of 29, 44.8%
        #expect(teams.last?.team == nil)   // the council's row
        #expect(teams.last?.row.current.numerator == 113)
        press(&s, [.enter])
        #expect(s.screen == .children(indicator: "cp.visits_in_time", team: "Intervention & Planning Team 6"))
        let overdue = try #require(Items.overdue(s))
        #expect(overdue.count == 16)
        #expect(zip(overdue, overdue.dropFirst()).allSatisfy { $0.overdueBy >= $1.overdueBy })
    }

    @Test func presentationKeys() {
        var s = state(120, 40)
        press(&s, [.char("p")])
        #expect(s.screen == .present && s.slide == 0)
        press(&s, [.pageDown, .char(" "), .right, .down])
        #expect(s.slide == 4)
        press(&s, [.pageUp, .left])
        #expect(s.slide == 2)
        press(&s, [.end])
        #expect(s.slide == s.agenda.count - 1)
        press(&s, [.home, .char("b")])
        #expect(s.overlay == .blank)
        #expect(render(s, demoData).plainText().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        press(&s, [.char("x")])
        #expect(s.overlay == .none && s.screen == .present)
        press(&s, [.escape])
        #expect(s.screen == .overview)
    }

    /// January's child IDs, taken from the visit lists the drill-down shows: the drill-down
    /// shows them (so the set is right) and no slide shows any of them.
    @Test func presentationNeverShowsChildIDs() {
        let ids = Set(demoVisits.filter { $0.key.month == january }.flatMap(\.value).map(\.child))
        #expect(ids.count > 500)
        var drill = state(200, 60)
        press(&drill, [.down, .down, .down, .char("t"), .enter])
        let shown = render(drill, demoData).plainText()
        #expect(ids.contains { shown.contains($0) }, "the drill-down should show child IDs")
        var s = state(200, 60)
        press(&s, [.char("p")])
        for _ in 0..<s.agenda.count {
            let text = render(s, demoData).plainText()
            let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            #expect(words.isDisjoint(with: ids), "slide \(s.slide + 1) shows a child ID")
            press(&s, [.pageDown])
        }
    }

    /// A visit list that cannot be read is a failure on screen, never "no overdue children".
    @Test func aVisitListThatCannotBeReadSaysSo() {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .char("t"), .enter], failVisits: true)
        let text = render(s, demoData).plainText()
        #expect(text.contains("could not be read: disk I/O error"))
        #expect(!text.contains("No overdue children"))
    }

    @Test func findCommentAndExport() {
        var s = state(120, 40)
        press(&s, [.char("/")] + "dental".map { Key.char($0) } + [.enter])
        #expect(s.screen == .indicator("cla.dental"))
        let effects = press(&s, [.char("c")] + "Up 3 points".map { Key.char($0) } + [.enter])
        #expect(effects == [.saveComment(month: january, indicator: "cla.dental", text: "Up 3 points")])
        var t = state(120, 40)
        press(&t, [.down, .down, .down, .char("t"), .enter])
        let export = press(&t, [.char("e")])
        guard case .export(let name, let text)? = export.first else {
            Issue.record("no export")
            return
        }
        #expect(name == "pop-cp.visits_in_time-InterventionPlanningTeam6-2019-01.md")
        #expect(text.contains(Words.childIDsNotExported) && !text.contains("BN1"))   // exports never carry child IDs
    }

    @Test func helpIsGeneratedFromTheKeyMap() {
        let lines = KeyMap.helpLines(presentation: false)
        for b in KeyMap.bindings where !b.presentation { #expect(lines.contains { $0.contains(b.help) }) }
        var s = state(120, 40)
        press(&s, [.char("?")])
        let text = render(s, demoData).plainText()
        #expect(text.contains("previous month") && text.contains("presentation mode"))
        press(&s, [.char("z")])
        #expect(s.overlay == .none)
    }

    @Test func resizeReflowsAndMouseOpensPanels() {
        var s = state(200, 60)
        press(&s, [.resize(width: 80, height: 24)])
        #expect(Layout.columns(s.width) == 1)
        press(&s, [.resize(width: 200, height: 60)])
        let panels = Layout.panels(s, demoData)
        press(&s, [.click(x: panels[4].x + 3, y: panels[4].y + 2)])
        #expect(s.screen == .service(.cla))
    }

    @Test func agendaFiles() {
        let (slides, problems) = Slide.agenda("# board\ncp\ncp.visits_in_time\n\nnonsense\ncla\n")
        #expect(slides == [.service(.cp), .indicator("cp.visits_in_time"), .service(.cla)])
        #expect(problems == ["line 5: \"nonsense\" is neither a service, a service's tables nor an indicator"])
    }
}

@Suite struct ScreenTests {
    @Test func sparklinesAndDigits() {
        #expect(Glyphs.unicode.sparkline([0, 7, nil, 3.5]) == "▁█ ▅")
        #expect(Glyphs.ascii.sparkline([1, 1]) == "**")   // a flat line sits mid-scale: level 4 of 0–7
        // Bottom rows of 7, 1, ., 1, % joined by one space.
        #expect(BigDigits.render("71.1%")[4] == "  █ ███ █ ███ █  █")
        #expect(BigDigits.render("7", full: "#")[0] == "###")
    }

    @Test func bufferClipsAndExports() {
        var b = Buffer(width: 10, height: 2)
        b.text("hello world", x: 3, y: 0)
        b.text("x", x: 50, y: 1)
        #expect(b.plainText() == "   hello w\n\n")
        b.box(Rect(x: 0, y: 0, width: 10, height: 2), title: "T", glyphs: .ascii)
        #expect(b.plainText().hasPrefix("+ T -----+"))
    }

    @Test func wrapsWords() {
        #expect(wrap("one two three four", width: 9) == ["one two", "three", "four"])
    }
}
