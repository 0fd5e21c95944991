@testable import PopDashboard
import Testing

/// The page's panels at every width: a wider screen never shows less of a line than 80 columns.
@Suite struct LayoutTests {
    @Test(arguments: [(80, 60), (168, 60), (200, 60), (252, 60), (300, 80)])
    func widerScreensShowAtLeastWhatEightyColumnsShow(width: Int, height: Int) {
        var s = state(width, height)
        s.stack = [.overview]
        // Every panel fits on a 60-line screen from two columns on; at 80 the CP panel is scrolled to.
        if width == 80 { press(&s, [.down, .down, .down]) }
        let lines = render(s, demoData).plainText().split(separator: "\n")
        let visits = lines.first { $0.contains("Visits in time        71.1%") }
        #expect(visits?.contains("(25.2%)") == true && visits?.contains("T 95.0%") == true, "\(width): \(visits ?? "none")")
        let rate = lines.first { $0.contains("Rate per 10k           16.4") }
        #expect(rate?.contains("SN 41.2") == true, "\(width): \(rate ?? "none")")
    }

    @Test func columnsFollowTheFullPanelWidth() {
        #expect(Layout.columns(80) == 1 && Layout.columns(119) == 1 && Layout.columns(120) == 2)
        #expect(Layout.columns(251) == 2 && Layout.columns(252) == 3)
    }
}

/// `t` opens the selected indicator's own teams, or says it has none: never another's.
@Suite struct TeamKeyTests {
    @Test func anIndicatorWithoutTeamsSaysSo() throws {
        var s = state(120, 40)
        press(&s, [.down, .enter])   // Assessments & S47
        let rows = ServicePage(.assessments, demoData, january).indicatorRows
        let s47 = try #require(rows.firstIndex { !$0.definition.byTeam && $0.current.team == nil && $0.definition.id == "s47.started" })
        press(&s, Array(repeating: .down, count: s47))
        press(&s, [.char("t")])
        #expect(s.screen == .service(.assessments))
        #expect(s.overlay == .message("\(rows[s47].definition.title) has no team breakdown"))
        // On a team indicator, its own teams.
        let teamRow = try #require(rows.firstIndex { $0.definition.byTeam })
        var t = state(120, 40)
        press(&t, [.down, .enter] + Array(repeating: .down, count: teamRow) + [.char("t")])
        #expect(t.screen == .teams(rows[teamRow].current.id))
    }
}
