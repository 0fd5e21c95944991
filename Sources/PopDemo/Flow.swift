import PopCalendar

/// One episode (a plan, a period of care, an order) as the flow model makes it.
struct FlowEpisode {
    var start: Day
    var end: Day?
    /// Never ends (it is open at the last month's end).
    var permanent = false
    /// Ends in this month, and not before.
    var endsIn: YearMonth?
}

/// A month-by-month stock-and-flow model: exactly `open[m]` episodes are open at the end of
/// month m, with `starts[m]` new episodes in it; the ends that month are what balances the two.
/// Episodes that end are chosen among those open at the previous month end.
struct FlowModel {
    enum Policy {
        /// Oldest first, each episode's age blurred by up to `jitter` days: plans that run their
        /// course.
        case oldestFirst(jitter: Int)
        /// Any open episode equally: periods of care of very different lengths.
        case random
    }

    let months: [YearMonth]
    /// Open at the end of each month.
    let open: [Int]
    /// Starts in each month that will stay open to the end.
    let permanentStarts: [Int]
    /// Other starts in each month.
    let transientStarts: [Int]
    let policy: Policy

    /// Runs the model from `initial` (open before the first month). Traps when the numbers
    /// cannot balance: the inputs are fixed data, checked by the demo's tests.
    func run(initial: [FlowEpisode], rng: inout DemoRandom) -> [FlowEpisode] {
        var episodes = initial
        var openBefore = initial.count
        for (m, month) in months.enumerated() {
            let starts = permanentStarts[m] + transientStarts[m]
            let ends = openBefore + starts - open[m]
            let monthStart = month.first
            // Candidates: open at the previous month end, not permanent, not held for later.
            var forced: [Int] = []
            var candidates: [Int] = []
            for i in episodes.indices where episodes[i].end == nil && episodes[i].start < monthStart && !episodes[i].permanent {
                if let hold = episodes[i].endsIn {
                    if hold == month { forced.append(i) }
                } else {
                    candidates.append(i)
                }
            }
            precondition(ends >= forced.count && ends - forced.count <= candidates.count,
                         "demo flow cannot balance in \(month): \(ends) ends, \(forced.count) forced, \(candidates.count) candidates")
            var chosen = forced
            switch policy {
            case .oldestFirst(let jitter):
                let keyed = candidates.map { ($0, episodes[$0].start.number + rng.int(-jitter...jitter)) }
                chosen += keyed.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(ends - forced.count).map(\.0)
            case .random:
                chosen += rng.sample(candidates.count, ends - forced.count).map { candidates[$0] }
            }
            for i in chosen { episodes[i].end = rng.day(monthStart, month.last) }
            for k in 0..<starts {
                episodes.append(FlowEpisode(start: rng.day(monthStart, month.last), end: nil, permanent: k < permanentStarts[m]))
            }
            openBefore = open[m]
        }
        return episodes
    }
}

extension YearMonth {
    /// Months from `from` to `to` inclusive.
    static func range(_ from: YearMonth, _ to: YearMonth) -> [YearMonth] {
        var out: [YearMonth] = []
        var m = from
        while m <= to {
            out.append(m)
            m = m.adding(1)
        }
        return out
    }
}
