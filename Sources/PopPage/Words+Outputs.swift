import PopCalendar
import PopMetrics

// MARK: change since a baseline

extension Words {
    /// "since February 2018", beside "since last month".
    public static func sinceBaseline(_ m: YearMonth) -> String { "since \(monthName(m))" }

    /// The heading of a "since" column: "Since Feb 18".
    public static func sinceBaselineHeading(_ m: YearMonth) -> String { "Since \(shortMonth(m))" }

    /// "since Feb 18", beside a figure where room is short.
    public static func sinceBaselineShort(_ m: YearMonth) -> String { "since \(shortMonth(m))" }

    public static let sinceLastMonth = "since last month"

    /// The change since the baseline with where it started: "since February 2018 ▼ 9.2 points
    /// (from 80.3%)"; `short` for a line with little room: "since Feb 18 ▼ 9.2 (from 80.3%)".
    /// `change` is nil when it rounds to nothing.
    public static func sinceBaseline(_ m: YearMonth, change: String?, unit: MeasureUnit, from: String, short: Bool = false) -> String {
        let what = change.map { $0 + (short ? "" : changeUnit(unit)) } ?? direction(.noChange)
        return (short ? sinceBaselineShort(m) : sinceBaseline(m)) + " " + what + " (from \(from))"
    }
    /// "Compared with December 2018 · change since the baseline, February 2018".
    public static func comparedWith(_ previous: YearMonth?, baseline: YearMonth?) -> String {
        comparedWith(previous) + (baseline.map { " · change since the baseline, \(monthName($0))" } ?? "")
    }

    /// The pack cover's note on how change and variance read, with the baseline when one is set.
    public static func packNotes(previous: YearMonth?, baseline: YearMonth?) -> String {
        packNotes(previous: previous) + (baseline.map { " \(sinceBaselineHeading($0)): the change since \(monthName($0)), the baseline." } ?? "")
    }

    /// What `pop settings` says of the baseline: "baseline February 2018" or "no baseline".
    public static func baselineSetting(_ m: YearMonth?) -> String { m.map { "baseline \(monthName($0))" } ?? "no baseline" }
}

// MARK: tables for people: the report, exports and the workbook

extension Words.Heading {
    public static let value = "Value"
    public static let lastMonth = "Last month"
    public static let previous = "Previous"
    public static let versusNeighbours = "vs SN"
    public static let rank = "Rank"
    public static let month = "Month"
    public static let service = "Service"
    public static let id = "ID"
    public static let unit = "Unit"
    public static let better = "Better"
    public static let direction = "Direction"
    public static let numerator = "n"
    public static let denominator = "N"
    public static let cases = "Cases"
    public static let inTime = "In time"
    public static let count = "Count"
    public static let versusTarget = "vs target"
    public static let childID = "Child ID"
    public static let worker = "Worker"
    public static let lastVisit = "Last visit"
    public static let since = "Since"
    public static let overdue = "Overdue"
    public static let breakdown = "Breakdown"
    public static let commentary = "Commentary"
    public static let asAt = "As at"
    public static let place = "Where"
    public static let due = "Due"
    public static let daysLeft = "Days left"
}

extension Words {
    /// A team's row under its indicator: "Team: Intervention & Planning Team 6".
    public static func teamLabel(_ team: String) -> String { "Team: \(team)" }

    /// Under a text report that could not show every column at its width.
    public static func columnsLeftOut(_ names: [String], width: Int, needed: Int) -> String {
        "Left out at \(width) characters: \(names.joined(separator: ", ")) (--width \(needed) shows every column)."
    }

    /// Beside a comment in the text report.
    public static let commentLabel = "Comment: "

    /// The monthly figures under an exported indicator page.
    public static let monthlyFigures = "Monthly figures"

    /// "What it measures", before an indicator's definition.
    public static let whatItMeasures = "What it measures"

    /// An exported visit list says it leaves the children out.
    public static let childIDsNotExported = "Child IDs are not exported."
    /// A data-quality entry's value that names someone, in JSON without `--ids`.
    public static let childIDHidden = "(child ID hidden: --ids shows it)"
    public static let nameHidden = "(name hidden: --ids shows it)"

    /// A view with no table to write as CSV.
    public static let noTableHere = "this view has no table: e exports it as Markdown"

    /// Where an export went, and that it is private.
    public static func exported(to path: String) -> String { "exported to \(path) (readable by you only; child IDs hidden)" }

    /// "no overdue children in this team", in an export.
    public static let noOverdueChildren = "No overdue children in this team."

    /// A team's due-soon list, in an export.
    public static var dueSoonList: String { "Due within \(VisitRule.workingWeek.workingDays) working days" }
    public static var noneDueSoon: String { "No child's visit falls due in the next \(VisitRule.workingWeek.workingDays) working days." }

    /// A visit list not yet read (or that could not be read) when exported.
    public static let visitListNotRead = "The visit list has not been read."

    /// The month's data-quality list not yet read (or that could not be read) when exported.
    public static let dataQualityNotRead = "The data-quality list has not been read."

    /// A month whose import noted no data-quality problem.
    public static let noDataQualityProblems = "No data-quality problems in this month's import."

    /// A month with no commentary.
    public static func noCommentary(_ m: YearMonth) -> String { "No commentary for \(monthName(m))." }
}

// MARK: wrapping

extension Words {
    /// Text broken into lines of at most `width` characters at spaces; a word longer than the
    /// line is cut. Line breaks in the text start new lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var any = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                any = true
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
                while line.count > width {
                    lines.append(String(line.prefix(width)))
                    line = String(line.dropFirst(width))
                }
            }
            if !line.isEmpty || !any { lines.append(line) }
        }
        return lines
    }

    /// `text` wrapped to `width`, its first line after `first` and the rest after `rest`
    /// (a hanging indent), joined with line breaks.
    public static func wrapped(_ text: String, width: Int, first: String = "", rest: String = "") -> String {
        let room = max(1, width - max(first.count, rest.count))
        return wrap(text, width: room).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }.joined(separator: "\n")
    }
}

// MARK: the report's workbook

extension Words {
    /// Sheet names and labels of `pop report --format xlsx`.
    public enum WorkbookSheet {
        public static let about = "About"
        public static let teams = "Teams"
        public static let breakdowns = "Breakdowns"
        public static let dataQuality = "Data quality"
        public static let item = "Item"
        public static let council = "Council"
        public static let population = "Population 0–17"
        public static let populationSource = "Population source"
        public static let neighbours = "Statistical neighbours"
        public static let comparedWith = "Compared with"
        public static let baseline = "Baseline"
        public static let demoNote = "a simulated borough, not a council's figures"
        public static let percentages = "Percentages"
        public static let percentagesNote = "stored as shares (71.1% is 0.711); changes in percentages are in points"
        public static let rankedAmong = "Ranked among"
        public static let file = "File"
        public static let sheet = "Sheet"
        public static let list = "List"
        public static let column = "Column"
        public static let kind = "Kind"
        public static let firstPlaces = "First places"
        public static let affects = "Affects"
        public static let problem = "Problem"
        public static let noProblems = "No data-quality problems were recorded for this month."
    }
}
