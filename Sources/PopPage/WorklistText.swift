import PopCalendar
import PopMetrics

/// What a worklist is of: whose, when, which list and which team.
public struct WorklistHeading: Sendable {
    public let council: String
    public let asAt: Day
    public let kind: Worklist.Kind
    /// nil for every team.
    public let team: String?
    public let demo: Bool

    public init(council: String, asAt: Day, kind: Worklist.Kind, team: String?, demo: Bool) {
        self.council = council
        self.asAt = asAt
        self.kind = kind
        self.team = team
        self.demo = demo
    }
}

/// `pop due` and `pop overdue`: a team manager's worklist as text, CSV or JSON. Without `ids` no
/// child ID is printed (not even its column); with them the output is headed with the marking
/// councils give such lists.
public enum WorklistText {
    /// The Government Security Classification marking of a list that names children.
    public static let marking = "OFFICIAL-SENSITIVE: personal data"

    public static func render(_ format: OutputFormat, _ h: WorklistHeading, _ children: [ChildVisit], ids: Bool) -> String {
        switch format {
        // No workbook is made of a worklist (the commands refuse xlsx): anything but CSV and JSON is text.
        case .text, .markdown, .xlsx: Words.visible(text(h, children, ids: ids))
        case .csv: csv(children, ids: ids)
        case .json: json(h, children, ids: ids)
        }
    }

    /// "visits due within the next 5 working days" or "overdue visits".
    public static func title(_ kind: Worklist.Kind) -> String {
        kind == .dueSoon ? "visits due within the next \(VisitRule.workingWeek.workingDays) working days" : "overdue visits"
    }

    /// "Sun 3 Feb 2019".
    public static func date(_ d: Day) -> String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return "\(names[max(0, min(6, d.weekday - 1))]) \(d.dayOfMonth) \(Words.monthName(YearMonth(d)).prefix(3)) \(d.year)"
    }

    /// "2 working days", "1 day".
    public static func days(_ n: Int, _ rule: VisitRule) -> String {
        "\(n) \(rule.days == .working ? "working " : "")day\(n == 1 ? "" : "s")"
    }

    /// What the list's last column says of a child: days left, or days overdue.
    static func left(_ c: ChildVisit, _ kind: Worklist.Kind) -> String {
        kind == .dueSoon ? (c.daysLeft == 0 ? "due today" : days(c.daysLeft, c.rule) + " left") : days(c.overdueBy, c.rule) + " overdue"
    }

    static func text(_ h: WorklistHeading, _ children: [ChildVisit], ids: Bool) -> String {
        var out = ids ? marking + "\n" : ""
        out += "\(h.council) \(Marks.unicode.dot) \(title(h.kind)) \(Marks.unicode.dot) as at \(Words.longDate(h.asAt)) \(Marks.unicode.dot) "
            + (h.team ?? "all teams") + (h.demo ? " \(Marks.unicode.dot) \(Words.demoData)" : "") + "\n"
        if !ids { out += "Child IDs are not shown: --ids shows them (the list is then marked \(marking)).\n" }
        for def in Catalogue.visitIndicators {
            let mine = children.filter { $0.indicator == def.id }
            out += "\n\(def.title): " + (mine.isEmpty ? (h.kind == .dueSoon ? "none due soon" : "none overdue") : "\(mine.count) "
                + (h.kind == .dueSoon ? "due soon" : "overdue")) + "\n"
            guard !mine.isEmpty else { continue }
            let teamWidth = max(4, mine.map(\.team.count).max() ?? 4), workerWidth = max(6, mine.map(\.worker.count).max() ?? 6)
            let childWidth = max(8, mine.map(\.child.count).max() ?? 8)
            func line(_ team: String, _ worker: String, _ child: String, _ last: String, _ due: String, _ left: String) -> String {
                "  " + Display.padRight(team, teamWidth) + "  " + Display.padRight(worker, workerWidth) + "  "
                    + (ids ? Display.padRight(child, childWidth) + "  " : "") + Display.padRight(last, 11) + "  " + Display.padRight(due, 16)
                    + "  " + left
            }
            out += line("Team", "Worker", "Child ID", "Last visit", h.kind == .dueSoon ? "Due" : "Was due", h.kind == .dueSoon ? "Left" : "Overdue")
                + "\n"
            for c in mine {
                out += line(c.team, c.worker.isEmpty ? "–" : c.worker, c.child, c.lastVisit?.annexA ?? "none", date(c.due), left(c, h.kind)) + "\n"
            }
        }
        return out
    }

    static let csvColumns = ["indicator", "team", "worker", "child", "start", "last_visit", "due", "elapsed", "limit", "days", "days_left", "overdue_by"]

    static func csv(_ children: [ChildVisit], ids: Bool) -> String {
        var out = ids ? marking + "\n" : ""
        out += csvColumns.filter { ids || $0 != "child" }.joined(separator: ",") + "\n"
        for c in children {
            var cells = [c.indicator.rawValue, c.team, c.worker]
            if ids { cells.append(c.child) }
            cells += [c.start.iso, c.lastVisit?.iso ?? "", c.due.iso, String(c.elapsed), String(c.rule.limit),
                      c.rule.days == .working ? "working" : "calendar", String(c.daysLeft), String(c.overdueBy)]
            out += CSVText.row(cells)
        }
        return out
    }

    static func json(_ h: WorklistHeading, _ children: [ChildVisit], ids: Bool) -> String {
        let q = JSONText.quote
        var out = "{\n"
        if ids { out += "  \"marking\": \(q(marking)),\n" }
        out += "  \"council\": \(q(h.council)),\n  \"as_at\": \(q(h.asAt.iso)),\n  \"month\": \(q(YearMonth(h.asAt).description)),\n"
        out += "  \"list\": \(q(h.kind.rawValue)),\n  \"team\": \(h.team.map(q) ?? "null"),\n  \"demo\": \(h.demo),\n  \"child_ids\": \(ids),\n"
        out += "  \"children\": [\n"
        out += children.map { c in
            "    {\"indicator\": \(q(c.indicator.rawValue)), \"team\": \(q(c.team)), \"worker\": \(q(c.worker)), "
                + (ids ? "\"child\": \(q(c.child)), " : "")
                + "\"start\": \(q(c.start.iso)), \"last_visit\": \(c.lastVisit.map { q($0.iso) } ?? "null"), \"due\": \(q(c.due.iso)), "
                + "\"elapsed\": \(c.elapsed), \"limit\": \(c.rule.limit), \"days\": \(q(c.rule.days == .working ? "working" : "calendar")), "
                + "\"days_left\": \(c.daysLeft), \"overdue_by\": \(c.overdueBy)}"
        }.joined(separator: ",\n")
        return out + (children.isEmpty ? "" : "\n") + "  ]\n}\n"
    }
}
