import Testing
import PopCalendar
import PopMetrics
import PopPage
import PopScreen
@testable import PopDashboard

/// The team page's due-soon counts and lists, whiskers and funnel; the trend chart from zero.
@Suite struct AheadTests {
    /// Every team's overdue and due-soon counts come from the month's visit list (loaded as an
    /// effect, every team's at once), and add up to the council's.
    @Test func theTeamTableCountsOverdueAndDueSoonChildren() throws {
        var s = state(160, 48)
        let effects = update(&s, .key(.char("j")), demoData) + update(&s, .key(.char("j")), demoData) + update(&s, .key(.char("j")), demoData)
            + update(&s, .key(.char("t")), demoData)
        #expect(effects == [.loadVisits(VisitListKey(month: january, indicator: "cp.visits_in_time", team: nil))])
        #expect(Items.visitCounts(s) == nil)   // asked for, not yet read
        #expect(render(s, demoData).plainText().contains("…"))
        let all = try #require(demoVisits[VisitListKey(month: january, indicator: "cp.visits_in_time", team: nil)])
        _ = update(&s, .visitsLoaded(VisitListKey(month: january, indicator: "cp.visits_in_time", team: nil), .success(all)), demoData)
        let counts = try #require(Items.visitCounts(s))
        #expect(counts["Intervention & Planning Team 6"]?.overdue == 16 && counts["Intervention & Planning Team 6"]?.dueSoon == 7)
        #expect(counts.values.map(\.overdue).reduce(0, +) == 159 - 113)
        #expect(counts.values.map(\.dueSoon).reduce(0, +) == all.filter(\.dueSoon).count)
        let line = try #require(render(s, demoData).plainText().split(separator: "\n").first { $0.contains("Intervention & Planning Team 6") })
        // 13 of 29 against December's 20 of 30: down 21.8 points, yet within noise at these sizes.
        #expect(line.contains(" 16 ") && line.contains("  7 ") && line.contains("28–62") && line.hasSuffix(Words.withinNoise))
        let allTeams = try #require(render(s, demoData).plainText().split(separator: "\n").first { $0.contains(Words.allTeams) })
        #expect(allTeams.contains(" 46 ") && allTeams.contains("▲ 2.2"))   // the council keeps its arrow
    }

    /// A list that cannot be read shows "?" in the counts, never 0.
    @Test func countsThatCannotBeReadAreNotZeros() throws {
        var s = state(160, 48)
        press(&s, [.down, .down, .down, .char("t")], failVisits: true)
        let line = try #require(render(s, demoData).plainText().split(separator: "\n").first { $0.contains("Intervention & Planning Team 6") })
        #expect(line.contains("?") && !line.contains(" 16 "))
    }

    /// A team's change reads "within noise" exactly when Newcombe's interval covers zero.
    @Test func withinNoiseFollowsTheInterval() throws {
        var s = state(160, 48)
        press(&s, [.down, .down, .down, .char("t")])
        let text = render(s, demoData).plainText()
        for t in Items.teams("cp.visits_in_time", demoData, january) where t.team != nil {
            let line = try #require(text.split(separator: "\n").first { $0.contains(t.team ?? "") })
            let noise = t.row.changeTest?.withinNoise == true
            #expect(line.hasSuffix(Words.withinNoise) == noise, "\(t.team ?? "")")
        }
        #expect(text.contains(Words.withinNoise) && text.contains("▲ 2.2"))   // the council keeps its arrow
    }

    /// Tab switches a team's list between its overdue children and those due soon (soonest
    /// first); at 200 wide both lists are drawn side by side; an export hides every ID.
    @Test func aTeamsDueSoonListBesideItsOverdueList() throws {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .char("t"), .enter])
        #expect(s.childList == .overdue && Items.count(s, demoData) == 16)
        press(&s, [.down, .tab])
        #expect(s.childList == .dueSoon && s.selected == 0)
        let due = try #require(Items.dueSoon(s))
        #expect(due.count == 7 && Items.count(s, demoData) == 7 && due.allSatisfy { $0.dueSoon && $0.inTime })
        #expect(zip(due, due.dropFirst()).allSatisfy { $0.due <= $1.due })
        let text = render(s, demoData).plainText()
        let mostOverdue = try #require(Items.overdue(s)?.first)
        #expect(text.contains("Due within 5 working days") && text.contains(due[0].child) && !text.contains(mostOverdue.child))
        press(&s, [.tab])
        #expect(s.childList == .overdue)
        var wide = state(200, 60)
        press(&wide, [.down, .down, .down, .char("t"), .enter])
        let both = render(wide, demoData).plainText()
        for c in (Items.overdue(wide) ?? []) + due { #expect(both.contains(c.child), "\(c.child)") }
        let export = press(&wide, [.char("e")])
        guard case .export(_, let exported)? = export.first else {
            Issue.record("no export")
            return
        }
        for c in (Items.overdue(wide) ?? []) + due { #expect(!exported.contains(c.child)) }
        // Leaving and opening another team starts on its overdue list again.
        press(&s, [.tab, .escape, .down, .enter])
        #expect(s.childList == .overdue)
    }

    /// The trend chart starts at zero; `z` fits its axis to the values and the legend says so.
    @Test func theTrendChartStartsAtZeroUnlessFitted() throws {
        var s = state(120, 40)
        press(&s, [.char("/")] + "CP visits in time (10".map { Key.char($0) } + [.enter])
        #expect(s.screen == .indicator("cp.visits_in_time"))
        let fromZero = render(s, demoData).plainText()
        #expect(fromZero.contains("    0.0│") && !fromZero.contains(Words.fittedAxis))
        #expect(fromZero.contains("Change +2.2 points, 95% interval") && fromZero.contains(Words.withinNoise))
        press(&s, [.char("z")])
        #expect(s.fittedAxis)
        let fitted = render(s, demoData).plainText()
        #expect(!fitted.contains("    0.0│") && fitted.contains(Words.fittedAxis) && fitted.contains("z axis from 0"))
        press(&s, [.char("z")])
        #expect(!s.fittedAxis && render(s, demoData).plainText() == fromZero)
        // Elsewhere z does nothing.
        var o = state(120, 40)
        press(&o, [.char("z")])
        #expect(!o.fittedAxis)
    }

    /// The funnel's table shares the page: a click on the funnel opens no team.
    @Test func aClickOnTheFunnelOpensNothing() throws {
        var s = state(120, 40)
        press(&s, [.down, .down, .down, .char("t")])
        let layout = Layout.teams(s, id: "cp.visits_in_time", rows: Items.teams("cp.visits_in_time", demoData, january).count)
        let funnel = try #require(layout.funnel)
        #expect(layout.pageSize == 10)
        press(&s, [.click(x: funnel.x + 10, y: funnel.y + 3)])
        #expect(s.screen == .teams("cp.visits_in_time"))
        press(&s, [.click(x: 10, y: Layout.tableTop + 1)])
        #expect(s.screen == .children(indicator: "cp.visits_in_time", team: "Intervention & Planning Team 4"))
        // 80×24 has no room for it: the whole table instead.
        #expect(Layout.teams(state(80, 24), id: "cp.visits_in_time", rows: 10).funnel == nil)
    }
}

@Suite struct FunnelWidgetTests {
    /// A whisker on the 0–100 scale in 11 columns (10 per column): 30–70 around 50.
    @Test func whiskers() {
        #expect(Whisker.text(low: 30, value: 50, high: 70, width: 11, glyphs: .unicode) == "   ├─●─┤   ")
        #expect(Whisker.text(low: 0, value: 0, high: 20, width: 11, glyphs: .ascii) == "o-|        ")
        #expect(Whisker.text(low: 80, value: 100, high: 100, width: 11, glyphs: .ascii) == "        |-o")
    }

    /// The hand-worked team set of the funnel's limits (council 70%; team A with 30 cases here,
    /// so that it falls on a column: σ = √(70 × 30 / 30) = 8.37, 99.8% from 44.1, so 40% is
    /// outside), drawn in a plot 101 rows high (a row per percent, 100 at the top) and 41 columns
    /// (10 cases a column): each team at its cases and percentage, the one outside 99.8% marked;
    /// the limits at n = 100 where the arithmetic puts them (95%: 61.0 and 79.0; 99.8%: 55.8 and 84.2).
    @Test func theHandWorkedSetAsDrawn() {
        let teams: [(String, Int, Double)] = [("A", 30, 40), ("B", 100, 60), ("C", 10, 90), ("D", 400, 75)]
        let points = Funnel.points(council: 70, teams: teams.map {
            IndicatorValue(id: "cp.visits_in_time", team: $0.0, numerator: Int($0.2 * Double($0.1) / 100), denominator: $0.1, value: $0.2,
                           unit: .percent, polarity: .high)
        }) ?? []
        let chart = FunnelChart(points: points.map { FunnelChart.Point(cases: $0.cases, value: $0.value, outside: $0.position == .outside998) },
                                centre: 70, limits: { n in (Funnel.limits(p0: 70, n: n, z: Funnel.z95), Funnel.limits(p0: 70, n: n, z: Funnel.z998)) },
                                label: { Display.axis($0, .percent) }, legend: "legend", casesLabel: "cases")
        #expect(chart.maxCases == 400)
        var b = Buffer(width: 48, height: 104)
        #expect(chart.draw(into: &b, rect: Rect(x: 0, y: 0, width: 48, height: 104), glyphs: .ascii, centreStyle: .bold, limitStyle: .dim,
                           point: .plain, alarm: .reverse, muted: .dim))
        // The plot starts at column 7 and row 1; percentage v is on row 1 + (100 − v), n cases in column 7 + n / 10.
        func at(_ n: Int, _ v: Int) -> Character { b[7 + n / 10, 1 + 100 - v].character }
        #expect(at(30, 40) == "X")          // A: outside 99.8%, marked
        #expect(at(100, 60) == "o")         // B: outside 95% only, a plain point
        #expect(at(10, 90) == "o" && at(400, 75) == "o")
        #expect(at(200, 70) == "=")         // the council's line (ASCII target line)
        #expect(at(100, 61) == "." && at(100, 79) == ".")   // 95% limits at n = 100
        #expect(at(100, 56) == "-" && at(100, 84) == "-")   // 99.8% limits at n = 100
        #expect(b[0, 1].character == " " && String(b.plainText().split(separator: "\n")[1].prefix(6)).contains("100%"))
    }
}
