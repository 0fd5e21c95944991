import PopCalendar
@testable import PopDashboard
import PopExtract
import PopMetrics
import PopPage
import Testing

/// The month's data-quality problems in the dashboard: one key from the page, read only when
/// shown, grouped as `pop check` groups them, and counted on the title bar.
@Suite struct DataQualityViewTests {
    /// A council's January: a town's name twice as placement location, an `#N/A` team, an
    /// impossible visit date.
    static let issues = [
        DataQualityIssue(file: "Annex A.xlsx", sheet: "List 8", line: 5, column: "Placement Location", cell: "P5", value: "Home Town",
                         problem: "not a placement location (in / out)", kind: .unknownCode, list: .list8),
        DataQualityIssue(file: "Annex A.xlsx", sheet: "List 8", line: 9, column: "Placement Location", cell: "P9", value: "Home Town",
                         problem: "not a placement location (in / out)", kind: .unknownCode, list: .list8),
        DataQualityIssue(file: "Annex A.xlsx", sheet: "List 6", line: 3, column: "Allocated Team", cell: "R3", value: "#N/A",
                         problem: "an Excel error value: read as blank", kind: .excelError, list: .list6),
        DataQualityIssue(file: "Annex A.xlsx", sheet: "List 7", line: 12, column: "Date of the Last Statutory Visit", cell: "J12",
                         value: "31/02/2019", problem: "not a date", kind: .notADate, list: .list7),
    ]

    func opened(_ w: Int = 120, _ h: Int = 40) -> (AppState, [Effect]) {
        var s = state(w, h)
        let effects = update(&s, .key(.char("d")), demoData)
        return (s, effects)
    }

    @Test func oneKeyFromThePageAndReadOnlyWhenShown() {
        var (s, effects) = opened()
        #expect(s.screen == .dataQuality && effects == [.loadDataQuality(january)])
        #expect(render(s, demoData).plainText().contains("Data quality › January 2019 › loading"))
        // Moving about the page asks for nothing more; a second `d` on the view opens nothing.
        #expect(update(&s, .key(.char("d")), demoData).isEmpty && s.stack == [.overview, .dataQuality])

        _ = update(&s, .dataQualityLoaded(january, .success(Self.issues)), demoData)
        let text = render(s, demoData).plainText()
        #expect(text.contains("Data quality › January 2019 › 4 problems in 3 groups"))
        #expect(text.contains("Annex A.xlsx, sheet List 8 (List 8 Children in Care)"))
        #expect(text.contains("unknown code: Placement Location \"Home Town\" — 2 rows (row 5, cell P5; row 9, cell P9)"))
        #expect(text.contains("affects: cla.placed_in_borough"))
        #expect(text.contains("Excel error value: Allocated Team \"#N/A\" — 1 row (row 3, cell R3)"))
        #expect(text.contains("unreadable date: Date of the Last Statutory Visit — 1 row (row 12, cell J12)"))
        // The same lines `pop check` prints.
        let check = DataQualityText.text(DataQualityReport.groups(Self.issues), source: "Annex A.xlsx")
        for line in Items.dataQualityLines(s) { #expect(check.contains(line.indented)) }

        // Another month asks for its own list; Esc goes back to the page.
        #expect(update(&s, .key(.char("[")), demoData) == [.loadDataQuality(january.adding(-1))])
        _ = update(&s, .dataQualityLoaded(january.adding(-1), .success([])), demoData)
        #expect(render(s, demoData).plainText().contains("No data-quality problems in this month's import."))
        _ = update(&s, .key(.escape), demoData)
        #expect(s.screen == .overview)
    }

    /// A messy month's thousands read as the title bar writes them, and only a store read is a load
    /// (the front end draws its "loading" frame first).
    @Test func thousandsAreGroupedAndLoadsAreMarked() {
        let many = (1...1_234).map { n in
            DataQualityIssue(file: "list7.csv", sheet: nil, line: n + 1, column: "Date of the Last Statutory Visit", cell: nil,
                             value: "soon", problem: "not a date", kind: .notADate, list: .list7)
        }
        let groups = DataQualityReport.groups(many)
        #expect(DataQualityText.total(groups) == "1,234 problems in 1 group")
        #expect(DataQualityText.summary(groups[0]).hasPrefix("unreadable date: Date of the Last Statutory Visit — 1,234 rows (line 2; line 3;"))
        let (_, effects) = opened()
        #expect(effects.allSatisfy(\.isLoad) && !effects.isEmpty)
        #expect(!Effect.export(name: "page.md", text: "").isLoad)
    }

    @Test func aListThatCannotBeReadSaysSo() {
        var (s, _) = opened()
        _ = update(&s, .dataQualityLoaded(january, .failure(LoadFailure("disk I/O error"))), demoData)
        let text = render(s, demoData).plainText()
        #expect(text.contains("could not be read: disk I/O error") && !text.contains("No data-quality problems"))
    }

    @Test func scrollsAndExportsWithoutChildIDs() {
        var (s, _) = opened(80, 24)
        let many = (1...40).map { i in
            DataQualityIssue(file: "list7.csv", line: i + 1, column: "Column \(i)", value: "x", problem: "not a date", kind: .notADate, list: .list7)
        }
        _ = update(&s, .dataQualityLoaded(january, .success(many)), demoData)
        let lines = Items.dataQualityLines(s)
        #expect(lines.count == 1 + 40 * 2)   // the place, then each group and its problem
        _ = update(&s, .key(.end), demoData)
        #expect(s.selected == lines.count - 1 && render(s, demoData).plainText().contains("Column 40"))
        #expect(!render(s, demoData).plainText().contains("Column 1 "))
        let export = update(&s, .key(.char("e")), demoData)
        guard case .export(let name, let text)? = export.first else {
            Issue.record("no export")
            return
        }
        #expect(name == "pop-data-quality-2019-01.md")
        // Every group, not only the screenful shown, as a table.
        #expect(text.contains("40 problems in 40 groups") && text.contains("| Where | Kind | Column |"))
        #expect(text.contains("| list7.csv (List 7 Child Protection) | unreadable date | Column 1 |  | 1 | line 2 |"))
        #expect(text.contains("| Column 40 |") && !text.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) })
        guard case .export(let csvName, let csv)? = update(&s, .key(.char("E")), demoData).first else {
            Issue.record("no CSV export")
            return
        }
        #expect(csvName == "pop-data-quality-2019-01.csv")
        #expect(csv.split(separator: "\n").count == 1 + 40 && csv.hasPrefix("Where,Kind,Column,Value,Count,First places,Affects,Problem\n"))
    }

    @Test func theTitleBarCountsTheMonthsNotes() {
        let s = state(160, 40)
        #expect(!render(s, demoData).plainText().contains("data-quality note"))
        let counted = DashboardData(council: "Barnet", demo: true, snapshots: Array(demoData.snapshots.values), targets: demoData.stored.targets,
                                    benchmarks: demoData.benchmarks, neighbourCodes: [], statistic: .mean, comments: [:],
                                    dataQualityCounts: [january: 47_630])
        let title = render(s, counted).plainText().split(separator: "\n")[0]
        #expect(title.contains("as at 31 January 2019 · 47,630 data-quality notes (d)"))
    }

    @Test(arguments: [0, 1, 2]) func golden(_ size: Int) {
        let (w, h) = sizes[size]
        var (s, _) = opened(w, h)
        _ = update(&s, .dataQualityLoaded(january, .success(Self.issues)), demoData)
        PopDashboardTests.golden("data-quality", s)
    }
}
