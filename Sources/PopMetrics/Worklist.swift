/// The team manager's worklists from a visit list: the children whose visit is overdue, and
/// those whose visit falls due within the next five working days (`VisitRule.isDueSoon`).
public enum Worklist {
    public enum Kind: String, Sendable, CaseIterable {
        case overdue
        case dueSoon = "due_soon"

        public func includes(_ c: ChildVisit) -> Bool { self == .overdue ? !c.inTime : c.dueSoon }
    }

    /// One list's children in the order a team acts on them: most overdue first, or soonest due
    /// first; then by child ID.
    public static func children(_ visits: [ChildVisit], _ kind: Kind) -> [ChildVisit] {
        visits.filter(kind.includes).sorted { a, b in
            switch kind {
            case .overdue where a.overdueBy != b.overdueBy: return a.overdueBy > b.overdueBy
            case .dueSoon where a.due != b.due: return a.due < b.due
            default: return a.child < b.child
            }
        }
    }

    /// A worklist across visit indicators, as a team manager hands it out: by indicator (the
    /// catalogue's order), team and worker, and within each worker's children in the list's order.
    public static func byTeamAndWorker(_ visits: [ChildVisit], _ kind: Kind) -> [ChildVisit] {
        let order = Dictionary(Catalogue.visitIndicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return children(visits, kind).enumerated().sorted { a, b in
            let (x, y) = (order[a.element.indicator] ?? Int.max, order[b.element.indicator] ?? Int.max)
            if x != y { return x < y }
            if a.element.team != b.element.team { return a.element.team < b.element.team }
            if a.element.worker != b.element.worker { return a.element.worker < b.element.worker }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// How many are overdue and how many due soon, per team.
    public static func counts(_ visits: [ChildVisit]) -> [String: (overdue: Int, dueSoon: Int)] {
        var out: [String: (overdue: Int, dueSoon: Int)] = [:]
        for v in visits {
            var c = out[v.team] ?? (0, 0)
            if !v.inTime { c.overdue += 1 }
            if v.dueSoon { c.dueSoon += 1 }
            out[v.team] = c
        }
        return out
    }
}
