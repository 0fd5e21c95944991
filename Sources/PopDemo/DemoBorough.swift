import PopCalendar
import PopMetrics

/// The demo borough: a simulated Barnet (about 97,000 children) whose history reproduces the
/// council's published January 2019 page. Deterministic by seed: the same seed gives the same
/// extracts, byte for byte, on every machine.
public enum DemoBorough {
    public static let defaultSeed: UInt64 = 2019
    public static let councilName = "Barnet"
    public static let councilCode = "302"
    /// The 0–17 population the January 2019 report used for its rates.
    public static let reportPopulation = 96_920
    /// Young people aged 10–17, for the youth-offending rate: the data contract's illustrative
    /// figure (the report gives none).
    public static let population10to17 = 38_000
    /// The months the demo ships, as at each month's last day.
    public static var months: [YearMonth] { YearMonth.range(Calibration.firstMonth, Calibration.lastMonth) }

    static let calendar = WorkingCalendar.englandAndWales
    static var R: Day { Calibration.reportDate }

    static let firstNames = ["Amira", "Ben", "Chloe", "Daniel", "Efua", "Farah", "George", "Hannah", "Imran", "Jade", "Kwame",
                             "Laura", "Mehmet", "Nadia", "Oliver", "Priya", "Rachel", "Samuel", "Tomasz", "Yasmin"]
    static let lastNames = ["Adeyemi", "Brennan", "Cohen", "Demir", "Evans", "Fernandes", "Gupta", "Hughes", "Ivanova", "Khan",
                            "Lewis", "Mensah", "Novak", "O'Connor", "Patel", "Quinn", "Rahman", "Shah", "Taylor", "Walsh"]

    static let ipTeams = (1...7).map { "Intervention & Planning Team \($0)" }
    static let daTeams = (1...4).map { "Duty & Assessment Team \($0)" }
    static let cicTeams = (1...3).map { "Children in Care Team \($0)" }

    /// Every team with staff, in a fixed order: a worker's name comes from its team's place
    /// here and its slot, so no two teams (and no two workers) share a name.
    static let staffedTeams = daTeams + ipTeams + cicTeams + ["Onwards & Upwards", "0-25 Service", "REACH", "Youth Offending Team 1", "Youth Offending Team 2"]

    /// How a team is staffed: the social workers who hold its cases, then its other
    /// practitioners who hold cases too (family support workers, personal advisers, youth
    /// justice officers). A case goes to one of these; each team also has a manager.
    struct Staffing {
        let socialWorkers: Int
        let others: Int
        let otherRole: String
        var size: Int { socialWorkers + others }
    }

    static func staffing(_ team: String) -> Staffing? {
        switch team {
        case daTeams[0], daTeams[1]: Staffing(socialWorkers: 3, others: 1, otherRole: "Family Support Worker")
        case daTeams[2], daTeams[3]: Staffing(socialWorkers: 2, others: 1, otherRole: "Family Support Worker")
        case let t where ipTeams.contains(t): Staffing(socialWorkers: 5, others: 1, otherRole: "Family Support Worker")
        case cicTeams[0]: Staffing(socialWorkers: 5, others: 1, otherRole: "Social Work Assistant")
        case cicTeams[1], cicTeams[2]: Staffing(socialWorkers: 4, others: 1, otherRole: "Social Work Assistant")
        case "Onwards & Upwards": Staffing(socialWorkers: 12, others: 3, otherRole: "Personal Adviser")
        case "0-25 Service": Staffing(socialWorkers: 4, others: 1, otherRole: "Personal Adviser")
        case "REACH": Staffing(socialWorkers: 2, others: 1, otherRole: "Family Support Worker")
        case "Youth Offending Team 1", "Youth Offending Team 2": Staffing(socialWorkers: 0, others: 4, otherRole: "Youth Justice Officer")
        default: nil
        }
    }

    /// The slot a team's manager's name takes (beyond any team's case-holding staff).
    static let managerSlot = 19

    /// The name of a team's worker in `slot`: slot p = 20 × team + slot runs through the 400
    /// first and last name pairs once each (p ↦ (p mod 20, (p ÷ 20 + 7p) mod 20) is one to one).
    static func workerName(_ team: String, slot: Int) -> String {
        guard let t = staffedTeams.firstIndex(of: team) else { return "" }
        let p = t * 20 + slot
        return firstNames[p % 20] + " " + lastNames[(p / 20 + 7 * (p % 20)) % 20]
    }

    /// A worker of the team's case-holding staff, drawn at random (one draw whatever the team).
    static func worker(_ team: String, _ rng: inout DemoRandom) -> String {
        guard let staff = staffing(team) else { return "" }
        return workerName(team, slot: rng.below(staff.size))
    }

    /// A date of birth making someone `lo…hi` years old on `at`.
    static func born(aged lo: Int, _ hi: Int, at: Day, _ rng: inout DemoRandom) -> Day {
        rng.day(at.addingMonths(-12 * (hi + 1)) + 1, at.addingMonths(-12 * lo))
    }

    static func workingDay(in month: YearMonth, _ rng: inout DemoRandom) -> Day {
        for _ in 0..<50 {
            let d = rng.day(month.first, month.last)
            if calendar.isWorkingDay(d) { return d }
        }
        return month.first
    }

    /// Builds the borough's whole history.
    static func build(seed: UInt64) -> DemoWorld {
        var rng = DemoRandom(seed: seed)
        var w = DemoWorld()
        buildContacts(&w, &rng)
        buildReferrals(&w, &rng)
        buildAssessments(&w, &rng)
        buildSection47s(&w, &rng)
        buildChildInNeedPlans(&w, &rng)
        buildProtectionPlans(&w, &rng)
        buildCare(&w, &rng)
        buildCareLeavers(&w, &rng)
        buildYouthOffending(&w, &rng)
        buildWholePack(&w, &rng)
        return w
    }

    // MARK: front door

    static let sourceSpellings: [String: [String]] = [
        "police": ["6 - Police", "6: Police", "Police", "7 - Other legal agency"],
        "education": ["2A - Schools", "2A: Schools", "2B - Education services", "School"],
        "health": ["3A - Health services: GP", "3B - Health services: Health visitor", "3C - Health services: School nurse",
                   "3E - Health services: A&E", "3F - Health services: Other primary health services"],
        "la_services": ["5A - LA services: Social care", "5B - LA services: Other internal", "5D - LA services: Other"],
        "other": ["1A - Individual: Family member/relative/carer", "1B - Individual: Acquaintance", "4 - Housing", "8 - Other",
                  "9 - Anonymous", "10 - Unknown", ""],
    ]
    static let sourceWeights: [(String, Int)] = [("police", 35), ("education", 24), ("health", 15), ("la_services", 16), ("other", 10)]

    static func sourceText(_ group: String, _ rng: inout DemoRandom) -> String { rng.pick(sourceSpellings[group]!) }

    static func buildContacts(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        var recent: [Int] = []
        for (i, n) in Calibration.contactsPerMonth.enumerated() {
            let month = Calibration.contactsFirstMonth.adding(i)
            for _ in 0..<n {
                let date = rng.chance(0.97) ? workingDay(in: month, &rng) : rng.day(month.first, month.last)
                let person: Int
                if !recent.isEmpty && rng.chance(0.25) {
                    person = rng.pick(recent)
                } else {
                    person = w.addPerson(&rng, born: born(aged: 0, 17, at: date, &rng))
                    recent.append(person)
                    if recent.count > 4_000 { recent.removeFirst(1_000) }
                }
                let wd = rng.chance(Calibration.contactDecisionWithin1WD) ? rng.int(0...1) : rng.int(2...6)
                let decision = calendar.adding(workingDays: wd, to: date)
                let group = rng.weighted(sourceWeights)
                w.contacts.append(ContactEvent(person: person, date: date, source: sourceText(group, &rng), decision: decision))
            }
        }
        w.contacts.sort { ($0.date, $0.person) < ($1.date, $1.person) }
    }

    static func buildReferrals(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        // Dates first, in order, so each re-referral can be matched to an earlier referral.
        var dates: [Day] = []
        for (i, n) in Calibration.referralsPerMonth.enumerated() {
            let month = Calibration.referralsFirstMonth.adding(i)
            for _ in 0..<n { dates.append(workingDay(in: month, &rng)) }
        }
        dates.sort()
        let fy = R.financialYearStart
        let ytd = dates.indices.filter { dates[$0] >= fy && dates[$0] <= R }
        let rereferralsYTD = Set(rng.sample(ytd.count, Calibration.rereferralsYTD).map { ytd[$0] })
        var sourcesYTD: [String] = Calibration.sourcesYTD.flatMap { Array(repeating: $0.0, count: $0.1) }
        rng.shuffle(&sourcesYTD)
        var nextYTDSource = 0
        var done: [(Day, Int)] = []  // (date, person) of referrals made so far, in date order
        for (i, date) in dates.enumerated() {
            let isYTD = date >= fy && date <= R
            let again = isYTD ? rereferralsYTD.contains(i) : rng.chance(Calibration.rereferralShareOtherYears)
            // Earlier referrals in [addMonths(d, −12), d): same-day referrals do not count.
            let from = date.addingMonths(-12)
            let lo = lowerBound(done, from), hi = lowerBound(done, date)
            let person: Int
            if again && hi > lo {
                person = done[lo + rng.below(hi - lo)].1
            } else {
                precondition(!isYTD || !again, "no earlier referral to re-refer")
                person = w.addPerson(&rng, born: born(aged: 0, 17, at: date, &rng))
            }
            let group: String
            if isYTD {
                group = sourcesYTD[nextYTDSource]
                nextYTDSource += 1
            } else {
                group = rng.weighted(sourceWeights)
            }
            let team = rng.pick(daTeams)
            w.referrals.append(ReferralEvent(person: person, date: date, source: sourceText(group, &rng), nfa: rng.chance(0.08),
                                             team: team, worker: worker(team, &rng)))
            done.append((date, person))
        }
    }

    static func lowerBound(_ xs: [(Day, Int)], _ d: Day) -> Int {
        var lo = 0, hi = xs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if xs[mid].0 < d { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// A child referred in the two months before `day`, or a new child.
    static func referredChild(_ w: inout DemoWorld, before day: Day, _ rng: inout DemoRandom) -> Int {
        // Referrals are in date order.
        func firstIndex(onOrAfter d: Day) -> Int {
            var lo = 0, hi = w.referrals.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if w.referrals[mid].date < d { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let lo = firstIndex(onOrAfter: day - 60), hi = firstIndex(onOrAfter: day + 1)
        if hi > lo { return w.referrals[lo + rng.below(hi - lo)].person }
        return w.addPerson(&rng, born: born(aged: 0, 17, at: day, &rng))
    }

    // MARK: assessments and S47

    static func buildAssessments(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        for month in YearMonth.range(Calibration.contactsFirstMonth, Calibration.lastMonth) {
            let january = month == Calibration.lastMonth
            var teams: [String]
            if january {
                teams = Calibration.assessmentTeamsJanuary.flatMap { Array(repeating: $0.0, count: $0.1) }
            } else {
                let n = rng.int(Calibration.assessmentsOtherMonths)
                teams = (0..<n).map { _ in rng.weighted(Calibration.assessmentTeamsJanuary.map { ($0.0, $0.1) }) }
            }
            rng.shuffle(&teams)
            let n = teams.count
            let inTime = january ? Set(rng.sample(n, Calibration.assessmentsWithin45January)) : Set((0..<n).filter { _ in rng.chance(0.85) })
            let seen = january ? Set(rng.sample(n, Calibration.assessmentsSeenJanuary)) : Set((0..<n).filter { _ in rng.chance(0.95) })
            // January's in-time assessments by the pack's bands of working days: the first 144
            // (in file order) took 0–25, the next 87 26–40, the last 20 41–45.
            let bands = Calibration.assessmentDaysJanuary
            var inTimeSoFar = 0
            for k in 0..<n {
                let authorised = workingDay(in: month, &rng)
                let days: Int
                if !inTime.contains(k) {
                    days = rng.int(46...70)
                } else if january {
                    days = inTimeSoFar < bands[0] ? rng.int(5...25) : inTimeSoFar < bands[0] + bands[1] ? rng.int(26...40) : rng.int(41...45)
                    inTimeSoFar += 1
                } else {
                    days = rng.int(5...45)
                }
                var start = calendar.subtracting(workingDays: days, from: authorised)
                while !calendar.isWorkingDay(start) { start = start - 1 }
                let person = referredChild(&w, before: start, &rng)
                w.assessments.append(AssessmentEvent(person: person, start: start, authorised: authorised, childSeen: seen.contains(k),
                                                     team: teams[k], worker: worker(teams[k], &rng),
                                                     needsSupport: demoChance(0.55, authorised.number, k, 41)))
            }
        }
    }

    static func buildSection47s(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        for month in YearMonth.range(Calibration.contactsFirstMonth, Calibration.lastMonth) {
            var teams: [String]
            if month == Calibration.lastMonth {
                teams = Calibration.section47TeamsJanuary.flatMap { Array(repeating: $0.0, count: $0.1) }
            } else {
                teams = (0..<rng.int(Calibration.section47sOtherMonths)).map { _ in
                    rng.weighted(Calibration.section47TeamsJanuary.map { ($0.0, $0.1) })
                }
            }
            for team in teams {
                let start = workingDay(in: month, &rng)
                var icpc: Day?
                if rng.chance(0.3) { icpc = calendar.adding(workingDays: rng.chance(0.95) ? rng.int(8...15) : rng.int(16...22), to: start) }
                // No conference is dated after the last month the demo covers.
                if let c = icpc, c > R { icpc = nil }
                let person = referredChild(&w, before: start, &rng)
                w.section47s.append(Section47Event(person: person, start: start, icpc: icpc, team: team, worker: worker(team, &rng)))
            }
        }
    }

    // MARK: visits

    /// Visit days from `start` until `end` (or R), at intervals drawn from `gap`; now and then a
    /// longer gap.
    static func visits(from start: Day, to end: Day?, gap: ClosedRange<Int>, longGap: ClosedRange<Int>, _ rng: inout DemoRandom) -> [Day] {
        var out: [Day] = []
        let last = min(end ?? R, R)
        var d = start + rng.int(1...gap.upperBound)
        while d <= last {
            out.append(d)
            d = d + (rng.chance(0.1) ? rng.int(longGap) : rng.int(gap))
        }
        return out
    }

    /// Makes a January 2019 visit in time or overdue: visits on or after `windowStart` are
    /// removed, and one is added inside the window when it must be in time.
    static func setVisitInTime(_ visits: inout [Day], start: Day, inTime: Bool, windowStart: Day, _ rng: inout DemoRandom,
                               workingDaysOnly: Bool, at R: Day = Calibration.reportDate) {
        visits.removeAll { $0 >= windowStart && $0 <= R }
        if inTime {
            var d = rng.day(max(windowStart, start), R)
            if workingDaysOnly { while !calendar.isWorkingDay(d) && d < R { d = d + 1 } }
            visits.append(d)
            visits.sort()
        }
    }

    /// The earliest day a visit can be on and still be in time by `rule` at `at` (the catalogue's
    /// rule, so the demo's calibration and the figures agree): for working days, the earliest `a`
    /// with WD(a, at) ≤ limit.
    static func inTimeFrom(_ rule: VisitRule, at: Day) -> Day {
        guard rule.days == .working else { return at - rule.limit }
        var d = calendar.subtracting(workingDays: rule.limit, from: at)
        while !calendar.isWorkingDay(d) { d = d - 1 }
        return d
    }

    static func isInTime(_ visits: [Day], start: Day, windowStart: Day, at R: Day = Calibration.reportDate) -> Bool {
        let last = visits.last { $0 <= R && $0 >= start } ?? start
        return last >= windowStart
    }

    /// Of the open records, makes exactly `target` in time; only those that started before the
    /// window can be overdue. Returns the in-time flag chosen for each.
    static func calibrateInTime(count: Int, target: Int, starts: (Int) -> Day, natural: (Int) -> Bool, windowStart: Day,
                                _ rng: inout DemoRandom) -> [Bool] {
        var flags = (0..<count).map(natural)
        var have = flags.filter { $0 }.count
        var order = Array(0..<count)
        rng.shuffle(&order)
        for i in order where have != target {
            if have < target && !flags[i] {
                flags[i] = true
                have += 1
            } else if have > target && flags[i] && starts(i) < windowStart {
                flags[i] = false
                have -= 1
            }
        }
        precondition(have == target, "cannot calibrate visits to \(target) of \(count)")
        return flags
    }

    /// Brings each earlier month end's visit timeliness to the share given for it, month by
    /// month in order: a month's changes lie inside its own window, so earlier months keep
    /// theirs. January 2019 is calibrated afterwards, to the report's exact figures.
    static func calibrateEarlierMonths(_ unused: Never?, shares: [Double], rule: VisitRule,
                                       records: inout [(start: Day, end: Day?, visits: [Day])], _ rng: inout DemoRandom) {
        for (k, month) in YearMonth.range(Calibration.firstMonth, Calibration.lastMonth.adding(-1)).enumerated() {
            let at = month.last
            let windowStart = inTimeFrom(rule, at: at)
            let open = records.indices.filter { records[$0].start <= at && (records[$0].end.map { $0 > at } ?? true) }
            let target = Int((shares[k] * Double(open.count)).rounded())
            let snapshot = records
            let flags = calibrateInTime(count: open.count, target: target, starts: { snapshot[open[$0]].start },
                                        natural: { isInTime(snapshot[open[$0]].visits, start: snapshot[open[$0]].start, windowStart: windowStart, at: at) },
                                        windowStart: windowStart, &rng)
            for (j, i) in open.enumerated() where flags[j] != isInTime(records[i].visits, start: records[i].start, windowStart: windowStart, at: at) {
                setVisitInTime(&records[i].visits, start: records[i].start, inTime: flags[j], windowStart: windowStart, &rng,
                               workingDaysOnly: true, at: at)
            }
        }
    }

    // MARK: children in need

    static func buildChildInNeedPlans(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let months = YearMonth.range(Calibration.cinFirstMonth, Calibration.lastMonth)
        let initial = (0..<600).map { _ in
            FlowEpisode(start: rng.day(Day(year: 2016, month: 4, day: 1)!, Day(year: 2017, month: 3, day: 31)!))
        }
        let model = FlowModel(months: months, open: Calibration.cinOpen, permanentStarts: months.map { _ in 0 },
                              transientStarts: Calibration.cinStarts, policy: .oldestFirst(jitter: 150))
        let teams: [(String, Int)] = ipTeams.map { ($0, 10) } + daTeams.map { ($0, 3) } + [("0-25 Service", 4), ("REACH", 3)]
        for e in model.run(initial: initial, rng: &rng) {
            let person = w.addPerson(&rng, born: born(aged: 0, 16, at: e.start, &rng))
            let team = rng.weighted(teams)
            let v = visits(from: e.start, to: e.end, gap: 7...30, longGap: 31...50, &rng)
            w.cinPlans.append(CINPlanRecord(person: person, start: e.start, end: e.end, visits: v, team: team, worker: worker(team, &rng),
                                            primaryNeed: primaryNeed(person)))
        }
        var records = w.cinPlans.map { (start: $0.start, end: $0.end, visits: $0.visits) }
        calibrateEarlierMonths(nil, shares: Calibration.cinVisitsInTimeEarlier, rule: Catalogue.cinVisits, records: &records, &rng)
        for i in records.indices { w.cinPlans[i].visits = records[i].visits }
        let windowStart = inTimeFrom(Catalogue.cinVisits, at: R)
        let open = w.cinPlans.indices.filter { w.cinPlans[$0].end == nil }
        let plans = w.cinPlans
        let flags = calibrateInTime(count: open.count, target: Calibration.cinVisitsInTimeJanuary, starts: { plans[open[$0]].start },
                                    natural: { isInTime(plans[open[$0]].visits, start: plans[open[$0]].start, windowStart: windowStart) },
                                    windowStart: windowStart, &rng)
        for (k, i) in open.enumerated() {
            setVisitInTime(&w.cinPlans[i].visits, start: w.cinPlans[i].start, inTime: flags[k], windowStart: windowStart, &rng, workingDaysOnly: true)
        }
    }

    // MARK: child protection

    static let categoryWeights: [(String, Int)] = [("Emotional abuse", 50), ("Neglect", 36), ("Physical abuse", 10), ("Sexual abuse", 4)]

    static func buildProtectionPlans(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let months = YearMonth.range(Calibration.cpFirstMonth, Calibration.lastMonth)
        let first = Calibration.cpFirstMonth.first
        // Open before April 2016: as many as at its end (so its ends match its starts), three of
        // them the long plans held open until they end in 2018-19.
        var initial = (0..<(Calibration.cpOpen[0] - Calibration.cpLongPlansEnd.count)).map { _ in
            FlowEpisode(start: rng.day(first.addingMonths(-12), first - 1))
        }
        for month in Calibration.cpLongPlansEnd {
            initial.append(FlowEpisode(start: rng.day(Day(year: 2016, month: 1, day: 4)!, Day(year: 2016, month: 3, day: 24)!), endsIn: month))
        }
        // The plans open at 31 January 2019 are chosen at their start (their start months give
        // the pack's durations); every other plan ends, oldest first.
        let kept = Calibration.cpOpenInJanuaryByStart
        let model = FlowModel(months: months, open: Calibration.cpOpen, permanentStarts: kept,
                              transientStarts: zip(Calibration.cpStarts, kept).map { $0 - $1 }, policy: .oldestFirst(jitter: 60))
        for e in model.run(initial: initial, rng: &rng) {
            let r = rng.below(100)
            let dob: Day
            if r < 5 { dob = e.start + rng.int(20...150) }                      // unborn at the start
            else if r < 35 { dob = born(aged: 0, 4, at: e.start, &rng) }
            else { dob = born(aged: 5, 15, at: e.start, &rng) }
            let person = w.addPerson(&rng, born: dob)
            let team = rng.weighted(ipTeams.map { ($0, 10) } + [("Duty & Assessment Team 2", 3), ("0-25 Service", 2)])
            var reviews: [Day] = []
            var review = e.start.addingMonths(3) - rng.int(0...14)
            while review <= min(e.end ?? R, R) {
                reviews.append(review)
                review = review.addingMonths(6) - rng.int(0...20)
            }
            w.cpPlans.append(CPPlanRecord(
                person: person, start: e.start, end: e.end, category: rng.weighted(categoryWeights),
                visits: visits(from: e.start, to: e.end, gap: 6...20, longGap: 21...40, &rng), reviews: reviews,
                previousPlans: rng.weighted([(0, 88), (1, 10), (2, 2)]), team: team, worker: worker(team, &rng)))
        }
        var records = w.cpPlans.map { (start: $0.start, end: $0.end, visits: $0.visits) }
        calibrateEarlierMonths(nil, shares: Calibration.cpVisitsInTimeEarlier, rule: Catalogue.cpVisits, records: &records, &rng)
        for i in records.indices { w.cpPlans[i].visits = records[i].visits }
        calibrateProtectionPlansJanuary(&w, &rng)
    }

    /// January 2019's 159: teams, visits in time by team, under-5s, categories and seen alone,
    /// as the report gives them.
    static func calibrateProtectionPlansJanuary(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let open = w.cpPlans.indices.filter { w.cpPlans[$0].end == nil }
        precondition(open.count == 159)
        let windowStart = inTimeFrom(Catalogue.cpVisits, at: R)
        // Slots of (team, in time); plans too new to be overdue take in-time slots first.
        var slots: [(String, Bool)] = Calibration.cpTeamsJanuary.flatMap { t in
            Array(repeating: (t.0, true), count: t.2) + Array(repeating: (t.0, false), count: t.1 - t.2)
        }
        rng.shuffle(&slots)
        var order = open
        rng.shuffle(&order)
        order.sort { (w.cpPlans[$0].start >= windowStart ? 0 : 1) < (w.cpPlans[$1].start >= windowStart ? 0 : 1) }
        var inTime: [Int: Bool] = [:]
        for i in order {
            let mustBeInTime = w.cpPlans[i].start >= windowStart
            let s = slots.firstIndex { !mustBeInTime || $0.1 }!
            let (team, ok) = slots.remove(at: s)
            w.cpPlans[i].team = team
            w.cpPlans[i].worker = worker(team, &rng)
            inTime[i] = ok
            setVisitInTime(&w.cpPlans[i].visits, start: w.cpPlans[i].start, inTime: ok, windowStart: windowStart, &rng, workingDaysOnly: true)
        }
        // Under 5s: 38 of the in-time children and 11 of the overdue; 4 of them unborn.
        let inTimeOpen = open.filter { inTime[$0]! }, overdueOpen = open.filter { !inTime[$0]! }
        var under5 = rng.sample(inTimeOpen.count, Calibration.cpUnder5InTimeJanuary).map { inTimeOpen[$0] }
        under5 += rng.sample(overdueOpen.count, Calibration.cpUnder5January - Calibration.cpUnder5InTimeJanuary).map { overdueOpen[$0] }
        let under5Set = Set(under5)
        for (k, i) in under5.enumerated() {
            w.people[w.cpPlans[i].person].dateOfBirth = k < Calibration.cpUnbornJanuary
                ? R + rng.int(10...120)
                : rng.day(R.addingMonths(-60) + 1, R - 20)
        }
        for i in open where !under5Set.contains(i) {
            w.people[w.cpPlans[i].person].dateOfBirth = born(aged: 5, 17, at: R, &rng)
        }
        // Categories and seen alone (seen alone among children old enough to speak to alone).
        var categories = Calibration.cpCategoriesJanuary.flatMap { Array(repeating: $0.0, count: $0.1) }
        rng.shuffle(&categories)
        for (k, i) in open.enumerated() { w.cpPlans[i].category = categories[k] }
        let talkers = open.filter { !under5Set.contains($0) }
        let alone = Set(rng.sample(talkers.count, Calibration.cpSeenAloneJanuary).map { talkers[$0] })
        for i in open { w.cpPlans[i].seenAloneJanuary = alone.contains(i) }
    }

    // MARK: children in care

    static let legalOther: [(String, Int)] = [("C2 - Full care order", 45), ("V2 - Section 20 single period", 35),
                                              ("C1 - Interim care order", 15), ("E1 - Placement order granted", 5)]

    static func buildCare(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let months = YearMonth.range(Calibration.claFirstMonth, Calibration.lastMonth)
        let firstDay = Calibration.claFirstMonth.first
        let w24 = R.addingMonths(-24), w12 = R.addingMonths(-12), july2016 = R.addingMonths(-30)
        var initial: [FlowEpisode] = []
        for _ in 0..<Calibration.claStartedByJuly2016 {
            initial.append(FlowEpisode(start: rng.day(Day(year: 2005, month: 1, day: 1)!, july2016), permanent: true))
        }
        for _ in 0..<Calibration.claStartedAug2016ToMar2017 {
            initial.append(FlowEpisode(start: rng.day(july2016 + 1, firstDay - 1), permanent: true))
        }
        for _ in 0..<Calibration.claTransientAtStart {
            initial.append(FlowEpisode(start: rng.day(Day(year: 2011, month: 1, day: 1)!, firstDay - 1)))
        }
        var permanentSoFar = Calibration.claStartedByJuly2016 + Calibration.claStartedAug2016ToMar2017
        var open: [Int] = []
        for m in months.indices {
            permanentSoFar += Calibration.claPermanentStarts[m]
            open.append(permanentSoFar + Calibration.claTransientOpen[m])
        }
        let model = FlowModel(months: months, open: open, permanentStarts: Calibration.claPermanentStarts,
                              transientStarts: Calibration.claTransientStarts, policy: .random)
        let episodes = model.run(initial: initial, rng: &rng)
        let stayers = episodes.indices.filter { episodes[$0].permanent }
        precondition(stayers.count == Calibration.claInCareJanuary && stayers.allSatisfy { episodes[$0].end == nil })

        // Who the 316 are: UASC by their years in care (the pack's 38, 17, 2 and 5; those in care
        // three years or more arrived at 13 or over, so are still under 18), the stability
        // cohort's ages among the others, the rest.
        let byJuly2016 = stayers.filter { episodes[$0].start <= july2016 }
        var uasc = Set<Int>()
        for (years, n) in Calibration.uascYearsInCare.enumerated() {
            let pool = stayers.filter { i in
                let y = episodes[i].start.age(at: R)
                return years < 3 ? y == years : y >= 3 && episodes[i].start > R.addingMonths(-60)
            }
            precondition(pool.count >= n, "too few children in care \(years) years to be UASC")
            uasc.formUnion(rng.sample(pool.count, n).map { pool[$0] })
        }
        precondition(uasc.count == Calibration.claUASCJanuary)
        let cohortPool = byJuly2016.filter { !uasc.contains($0) }
        let cohort = Set(rng.sample(cohortPool.count, Calibration.claStabilityCohortJanuary).map { cohortPool[$0] })
        var dob: [Int: Day] = [:]
        for i in stayers {
            let start = episodes[i].start
            if uasc.contains(i) {
                let arrivedAtLeast = start.age(at: R) >= 3 ? 156 : 168
                dob[i] = rng.day(max(R.addingMonths(-216) + 1, start.addingMonths(-204)), start.addingMonths(-arrivedAtLeast))
            } else if byJuly2016.contains(i) {
                dob[i] = cohort.contains(i) ? rng.day(R.addingMonths(-192) + 1, start) : rng.day(R.addingMonths(-216) + 1, R.addingMonths(-192))
            } else {
                dob[i] = rng.day(max(R.addingMonths(-216) + 1, start.addingMonths(-204)), start)
            }
        }
        // Placement classes for the 316: stable or not within the cohort; 30 with 3+ moves.
        let stable = Set(rng.sample(cohort.count, Calibration.claStableJanuary).map { Array(cohort).sorted()[$0] })
        let movable = stayers.filter { !stable.contains($0) && episodes[$0].start <= R - 60 }
        let threePlus = Set(rng.sample(movable.count, Calibration.claThreePlusJanuary).map { movable[$0] })

        var legal = Calibration.claLegalJanuary.flatMap { Array(repeating: $0.0, count: $0.1) }
        // UASC: 59 on section 20, 3 on care orders; the rest share out what is left.
        var uascLegal = Array(repeating: "V2 - Section 20 single period", count: Calibration.claUASCJanuary - Calibration.claUASCOnCareOrders)
            + Array(repeating: "C2 - Full care order", count: Calibration.claUASCOnCareOrders)
        for l in uascLegal { legal.remove(at: legal.firstIndex(of: l)!) }
        rng.shuffle(&legal)
        rng.shuffle(&uascLegal)
        var teams = Calibration.claTeamsJanuary.flatMap { Array(repeating: $0.0, count: $0.1) }
        rng.shuffle(&teams)
        // The UASC's teams as the pack has them; the others share what is left.
        var uascTeams = Calibration.uascTeams.flatMap { Array(repeating: $0.0, count: $0.1) }
        for t in uascTeams {
            guard let j = teams.firstIndex(of: t) else { preconditionFailure("the UASC's team \(t) holds fewer children in care than the pack gives it") }
            teams.remove(at: j)
        }
        rng.shuffle(&uascTeams)
        let inBorough = Set(rng.sample(stayers.count, Calibration.claInBoroughJanuary).map { stayers[$0] })

        var indexOfStayer: [Int: Int] = [:]
        for (i, e) in episodes.enumerated() {
            let born: Day
            if let d = dob[i] { born = d } else {
                // Others leave care before 18.
                let last = e.end ?? R
                born = rng.day(max(last.addingMonths(-216) + 1, e.start.addingMonths(-204)), e.start)
            }
            let person = w.addPerson(&rng, born: born)
            let isStayer = dob[i] != nil
            let legalStatus: String
            let team: String
            if isStayer {
                legalStatus = uasc.contains(i) ? uascLegal.removeLast() : legal.removeLast()
                team = uasc.contains(i) ? uascTeams.removeLast() : teams.removeLast()
            } else {
                legalStatus = rng.weighted(legalOther)
                team = rng.weighted(cicTeams.map { ($0, 10) } + ipTeams.map { ($0, 2) })
            }
            var placements = [e.start]
            func move(_ lo: Day, _ hi: Day) {
                let from = max(lo, placements.last! + 7)
                if from <= hi { placements.append(rng.day(from, hi)) }
            }
            if isStayer {
                if e.start < w24 { for _ in 0..<rng.int(0...2) { move(e.start + 1, w24) } }
                if stable.contains(i) {
                    // No move in the last two years.
                } else if threePlus.contains(i) {
                    let k = rng.int(2...3)
                    for j in 0..<k {
                        let lo = max(w12 + 1, e.start + 1)
                        let span = (R - lo) / k
                        move(lo + span * j, lo + span * (j + 1))
                    }
                } else if cohort.contains(i) {
                    if rng.chance(0.5) { move(max(w24 + 1, e.start + 1), w12) } else { move(max(w12 + 1, e.start + 1), R) }
                } else if rng.chance(0.3) {
                    move(max(w12 + 1, e.start + 1), R)
                }
            } else {
                let last = min(e.end ?? R, R)
                for _ in 0..<rng.weighted([(0, 50), (1, 30), (2, 15), (3, 5)]) { move(e.start + 1, last) }
            }
            var missing: [Day] = []
            if rng.chance(0.1) { for _ in 0..<rng.int(1...4) { missing.append(rng.day(e.start, min(e.end ?? R, R))) } }
            missing.sort()
            let under5 = born.addingMonths(60)
            var health: [Day] = []
            var h = e.start + rng.int(15...40)
            while h <= min(e.end ?? R, R) {
                health.append(h)
                h = h + (h < under5 ? rng.int(150...190) : rng.int(320...380))
            }
            var dental: [Day] = []
            var dd = e.start + rng.int(30...150)
            while dd <= min(e.end ?? R, R) {
                if rng.chance(0.8) { dental.append(dd) }
                dd = dd + rng.int(300...420)
            }
            var reviews: [Day] = []
            var rv = calendar.adding(workingDays: rng.int(12...20), to: e.start)
            while rv <= min(e.end ?? R, R) {
                reviews.append(rv)
                rv = rv.addingMonths(6) - rng.int(0...25)
            }
            w.care.append(CareRecord(
                person: person, start: e.start, end: e.end, legalStatus: legalStatus, uasc: uasc.contains(i),
                visits: visits(from: e.start, to: e.end, gap: 14...40, longGap: 41...60, &rng), reviews: reviews,
                healthAssessments: health, dentalChecks: dental, placements: placements,
                inBorough: isStayer ? inBorough.contains(i) : rng.chance(0.5), missingEpisodes: missing,
                team: team, worker: worker(team, &rng)))
            if isStayer { indexOfStayer[i] = w.care.count - 1 }
        }
        calibrateCareJanuary(&w, stayers: stayers.map { indexOfStayer[$0]! }, &rng)
    }

    /// Visits (281 of 316 within 42 days), health assessments (241 of 250) and dental checks
    /// (164 of 250) in the last 12 months.
    static func calibrateCareJanuary(_ w: inout DemoWorld, stayers: [Int], _ rng: inout DemoRandom) {
        let windowStart = inTimeFrom(Catalogue.claVisits, at: R)
        let care = w.care
        let flags = calibrateInTime(count: stayers.count, target: Calibration.claVisitsInTimeJanuary, starts: { care[stayers[$0]].start },
                                    natural: { isInTime(care[stayers[$0]].visits, start: care[stayers[$0]].start, windowStart: windowStart) },
                                    windowStart: windowStart, &rng)
        for (k, i) in stayers.enumerated() {
            setVisitInTime(&w.care[i].visits, start: w.care[i].start, inTime: flags[k], windowStart: windowStart, &rng, workingDaysOnly: false)
        }
        let w12 = R.addingMonths(-12)
        let cohort = stayers.filter { w.care[$0].start <= w12 }
        precondition(cohort.count == 250)
        func calibrate(_ path: WritableKeyPath<CareRecord, [Day]>, target: Int) {
            func inWindow(_ i: Int) -> Bool { w.care[i][keyPath: path].contains { $0 > w12 && $0 <= R } }
            var flags = cohort.map { inWindow($0) }
            var have = flags.filter { $0 }.count
            var order = Array(cohort.indices)
            rng.shuffle(&order)
            for k in order where have != target {
                if have < target && !flags[k] { flags[k] = true; have += 1 } else if have > target && flags[k] { flags[k] = false; have -= 1 }
            }
            for (k, i) in cohort.enumerated() where flags[k] != inWindow(i) {
                if flags[k] {
                    w.care[i][keyPath: path].append(rng.day(w12 + 1, R))
                    w.care[i][keyPath: path].sort()
                } else {
                    w.care[i][keyPath: path].removeAll { $0 > w12 && $0 <= R }
                }
            }
        }
        calibrate(\.healthAssessments, target: Calibration.claHealthJanuary)
        calibrate(\.dentalChecks, target: Calibration.claDentalJanuary)
    }

    // MARK: care leavers

    static let accommodationTypes: [(String, Int)] = [
        ("B - With parents or relatives", 6), ("C - Community home or other form of residential care", 3),
        ("D - Semi-independent, transitional accommodation", 16), ("E - Supported lodgings", 3), ("T - Foyers", 3),
        ("U - Independent living", 56), ("V - Stepping Stone accommodation", 1), ("Y - Other accommodation", 5),
        ("Z - With former foster carers", 8),
    ]
    static let otherEducationCodes = ["F2 - Full-time further education", "P2 - Part-time further education"]
    static let trainingEmploymentCodes = ["F3 - Full-time training", "F4 - Full-time employment", "P4 - Part-time employment"]
    static let eetCodes = [otherEducationCodes[0], trainingEmploymentCodes[0], trainingEmploymentCodes[1], otherEducationCodes[1], trainingEmploymentCodes[2]]
    static let neetCodes = ["G4 - Not in education, employment or training: illness or disability",
                            "G5 - Not in education, employment or training: other reasons",
                            "G6 - Not in education, employment or training: pregnancy or parenting"]
    static let higherEducation = "F1 - Full-time higher education"

    static func buildCareLeavers(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let w12 = R.addingMonths(-12)
        var records: [CareLeaverRecord] = []
        var ages: [Int] = []
        func add(dob: Day, until: Day, team: String) {
            let person = w.addPerson(&rng, born: dob)
            let from = dob.addingMonths(216)
            var contacts: [Day] = []
            var c = from - rng.int(30...60)
            while c <= min(until - 1, R) {
                contacts.append(c)
                c = c + rng.int(20...85)
            }
            var reviews: [Day] = []
            var r = from + rng.int(10...60)
            while r <= min(until - 1, R) {
                reviews.append(r)
                r = r + rng.int(140...215)
            }
            records.append(CareLeaverRecord(person: person, from: from, until: until, contacts: contacts, pathwayReviews: reviews,
                                            accommodation: rng.weighted(accommodationTypes), team: team, worker: worker(team, &rng)))
        }
        for (age, n) in Calibration.careLeaverAgesJanuary {
            for _ in 0..<n {
                if age < 22 {
                    let dob = born(aged: age, age, at: R, &rng)
                    add(dob: dob, until: dob.addingMonths(264), team: "Onwards & Upwards")
                    ages.append(age)
                } else {
                    let dob = born(aged: 22, 24, at: R, &rng)
                    add(dob: dob, until: dob.addingMonths(300), team: "0-25 Service")
                    ages.append(22)
                }
            }
        }
        // January: 30 out of touch, all aged 19 or more (so 12 months without contact is possible).
        let older = records.indices.filter { ages[$0] >= 19 }
        for k in rng.sample(older.count, records.count - Calibration.careLeaversInTouch) {
            let i = older[k]
            let lost = rng.day(min(records[i].from - 30, w12 - 1), w12 - 1)
            records[i].contacts.removeAll { $0 > lost }
        }
        // January activity and accommodation: the 19–21s to the report's figures.
        let middle = records.indices.filter { (19...21).contains(ages[$0]) }
        var middleOrder = middle
        rng.shuffle(&middleOrder)
        for (k, i) in middleOrder.enumerated() {
            let a = Calibration.careLeaverActivity19to21
            if k < a.higherEducation { records[i].activityJanuary = higherEducation }
            else if k < a.higherEducation + a.otherEducation { records[i].activityJanuary = rng.pick(otherEducationCodes) }
            else if k < Calibration.careLeaversEET19to21 { records[i].activityJanuary = rng.pick(trainingEmploymentCodes) }
            else { records[i].activityJanuary = rng.chance(0.85) ? rng.pick(neetCodes) : "" }
        }
        for k in rng.sample(middle.count, Calibration.careLeaversSuitable19to21) { records[middle[k]].suitableJanuary = true }
        for i in middle where records[i].suitableJanuary == nil { records[i].suitableJanuary = false }
        let others = records.indices.filter { !(19...21).contains(ages[$0]) }
        let he = Set(rng.sample(others.count, Calibration.careLeaversHigherEducation - Calibration.careLeaversHigherEducation19to21).map { others[$0] })
        for i in others {
            records[i].activityJanuary = he.contains(i) ? higherEducation : (rng.chance(0.6) ? rng.pick(eetCodes) : rng.pick(neetCodes))
            records[i].suitableJanuary = rng.chance(0.95)
        }
        // Those whose service ended during the year, at 22.
        for _ in 0..<Calibration.careLeaversLeftDuringYear {
            let until = rng.day(Calibration.firstMonth.first, R)
            add(dob: until.addingMonths(-264), until: until, team: "Onwards & Upwards")
        }
        w.careLeavers = records
    }

    // MARK: youth offending

    static func buildYouthOffending(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let months = YearMonth.range(Calibration.yotFirstMonth, Calibration.lastMonth)
        let first = Calibration.yotFirstMonth.first
        let initial = (0..<Calibration.yotOpenAtStart).map { _ in FlowEpisode(start: rng.day(first.addingMonths(-10), first - 1)) }
        let model = FlowModel(months: months, open: Calibration.yotOpen, permanentStarts: months.map { _ in 0 },
                              transientStarts: Calibration.yotStarts, policy: .oldestFirst(jitter: 90))
        let episodes = model.run(initial: initial, rng: &rng)
        let fy = R.financialYearStart
        let quarter = R.previousCalendarQuarter
        var orders: [YouthOrderRecord] = []
        for e in episodes {
            let person = w.addPerson(&rng, born: born(aged: 10, 16, at: e.start, &rng))
            let statutory = rng.chance(0.75)
            var custody: Day?
            if statutory && rng.chance(0.12) {
                // Custody outside 2018-19 here; 2018-19's five are placed below.
                let d = rng.day(e.start, min(e.end ?? R, R))
                if d < fy { custody = d }
            }
            let team = rng.chance(0.5) ? "Youth Offending Team 1" : "Youth Offending Team 2"
            orders.append(YouthOrderRecord(
                person: person, start: e.start, end: e.end, statutory: statutory,
                firstTimeEntrant: rng.chance(0.4) && YearMonth(e.start) != Calibration.lastMonth ? e.start : nil,
                custody: custody, intensity: rng.weighted([("Standard", 40), ("Enhanced", 30), ("Intensive", 30)]),
                gang: rng.chance(0.5), eteAtEnd: rng.chance(0.6), team: team, worker: worker(team, &rng)))
        }
        // January: 48 statutory of 65 open, 15 intensive, 39 gang members; 8 first-time entrants.
        let open = orders.indices.filter { orders[$0].end == nil }
        var statutoryFlags = Array(repeating: true, count: Calibration.yotStatutoryJanuary)
            + Array(repeating: false, count: open.count - Calibration.yotStatutoryJanuary)
        rng.shuffle(&statutoryFlags)
        for (k, i) in open.enumerated() {
            orders[i].statutory = statutoryFlags[k]
            orders[i].gang = false
            if !statutoryFlags[k] { orders[i].custody = nil }
        }
        let statutoryOpen = open.filter { orders[$0].statutory }
        let intensiveSet = Set(rng.sample(statutoryOpen.count, Calibration.yotIntensiveJanuary).map { statutoryOpen[$0] })
        for i in open {
            orders[i].intensity = intensiveSet.contains(i) ? "Intensive" : (orders[i].statutory ? rng.pick(["Standard", "Enhanced"]) : "")
        }
        for k in rng.sample(open.count, Calibration.yotGangJanuary) { orders[open[k]].gang = true }
        let january = orders.indices.filter { YearMonth(orders[$0].start) == Calibration.lastMonth }
        for k in rng.sample(january.count, Calibration.yotFirstTimeEntrantsJanuary) { orders[january[k]].firstTimeEntrant = orders[january[k]].start }
        // 2018-19's custodial sentences: five, on statutory orders running during the year.
        let running = orders.indices.filter { orders[$0].statutory && (orders[$0].end ?? R) > fy + 30 && orders[$0].start < R - 30 }
        for k in rng.sample(running.count, Calibration.yotCustodyYTD) {
            let i = running[k]
            orders[i].custody = rng.day(max(orders[i].start, fy), min(orders[i].end ?? R, R))
        }
        // October–December 2018's ended orders: 14 of 25 in ETE.
        let ended = orders.indices.filter { orders[$0].end.map { $0 >= quarter.first && $0 <= quarter.last } ?? false }
        precondition(ended.count == 25)
        let ete = Set(rng.sample(ended.count, Calibration.yotETEPreviousQuarter).map { ended[$0] })
        for i in ended { orders[i].eteAtEnd = ete.contains(i) }
        w.youthOrders = orders
    }
}
