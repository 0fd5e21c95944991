import PopCalendar

/// One month's extract: file name and CSV text, in the order the files are written.
public struct DemoExtract: Sendable {
    public let month: YearMonth
    public let asAt: Day
    public let files: [(name: String, text: String)]
}

/// Writes a month's Annex A lists from the borough's history, as its case-management system
/// would have produced them on that month's last day.
struct Projection {
    let world: DemoWorld
    let asAt: Day
    let january: Bool
    /// Put before every child ID and team name, when several councils share one extract.
    let council: String?
    /// The earliest event the flow lists carry, and the earliest end of a closed case the case
    /// lists carry: 1 April (the contract's minimum), or earlier for a longer history.
    let historyStart: Day

    init(world: DemoWorld, asAt: Day, council: String? = nil, historyMonths: Int? = nil) {
        self.world = world
        self.asAt = asAt
        self.council = council
        january = YearMonth(asAt) == Calibration.lastMonth
        let fy = asAt.financialYearStart
        historyStart = historyMonths.map { min(fy, asAt.firstOfMonth.addingMonths(1 - $0)) } ?? fy
    }

    var fy: Day { asAt.financialYearStart }

    func childID(_ p: Person) -> String { council.map { $0 + "-" + p.id } ?? p.id }
    func team(_ t: String) -> String { council.map { $0 + " " + t } ?? t }
    /// A worker's name, with the council's code when several share an extract (their staff
    /// lists must not name one worker twice).
    func worker(_ w: String) -> String { w.isEmpty ? w : council.map { $0 + " " + w } ?? w }

    static let personColumns = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]

    func extract() -> DemoExtract {
        DemoExtract(month: YearMonth(asAt), asAt: asAt, files: [
            ("list1.csv", list1()), ("list2.csv", list2()), ("list3.csv", list3()), ("list4.csv", list4()), ("list5.csv", list5()),
            ("list6.csv", list6()), ("list7.csv", list7()), ("list8.csv", list8()), ("list9.csv", list9()), ("yot.csv", yot()),
            ("audits.csv", audits()), ("workforce.csv", workforce()),
        ])
    }

    // MARK: cells

    func date(_ d: Day?) -> String { d.map { $0 <= asAt ? $0.annexA : "" } ?? "" }
    func yesNo(_ b: Bool) -> String { b ? "Yes" : "No" }

    /// A person's shared columns; an unborn child has no date of birth or age yet.
    func person(_ i: Int) -> [String] {
        let p = world.people[i]
        if p.dateOfBirth > asAt { return [childID(p), p.gender, p.ethnicity, "", ""] }
        return [childID(p), p.gender, p.ethnicity, p.dateOfBirth.annexA, String(p.dateOfBirth.age(at: asAt))]
    }

    /// The last of `days` on or before `limit`, and not before `from`.
    func last(_ days: [Day], from: Day, limit: Day) -> Day? {
        days.last { $0 <= limit && $0 >= from }
    }

    func csv(_ header: [String], _ rows: [[String]]) -> String {
        var out = header.map(Projection.field).joined(separator: ",") + "\r\n"
        for r in rows { out += r.map(Projection.field).joined(separator: ",") + "\r\n" }
        return out
    }

    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            var q = "\""
            for ch in s { q += ch == "\"" ? "\"\"" : String(ch) }
            return q + "\""
        }
        return s
    }

    /// Open at R, or closed since 1 April: the rows Lists 6–9 carry.
    func listed(start: Day, end: Day?) -> Bool {
        guard start <= asAt else { return false }
        guard let e = end else { return true }
        return e > asAt || e >= historyStart
    }

    // MARK: lists

    func list1() -> String {
        let rows = world.contacts.filter { $0.date >= historyStart && $0.date <= asAt }.map { c in
            person(c.person) + [c.date.annexA, c.source, date(c.decision)]
        }
        return csv(Projection.personColumns + ["Date of Contact", "Contact Source", "Date of Contact Decision"], rows)
    }

    func list3() -> String {
        let from = min(fy.addingMonths(-12), historyStart)
        var byPerson: [Int: [Day]] = [:]
        for r in world.referrals where r.date <= asAt { byPerson[r.person, default: []].append(r.date) }
        let rows = world.referrals.filter { $0.date >= from && $0.date <= asAt }.map { r in
            let since = r.date.addingMonths(-12)
            let count = byPerson[r.person]!.filter { $0 > since && $0 <= r.date }.count
            return person(r.person) + [r.date.annexA, r.source, yesNo(r.nfa), String(count), team(r.team), worker(r.worker)]
        }
        return csv(Projection.personColumns + ["Date of referral", "Referral Source", "Referral NFA?",
                                                "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"], rows)
    }

    func list4() -> String {
        let rows = world.assessments.filter { $0.start <= asAt && $0.authorised >= historyStart }.map { a in
            let done = a.authorised <= asAt
            return person(a.person) + [a.start.annexA, done ? yesNo(a.childSeen) : "", date(a.authorised), done ? yesNo(a.needsSupport) : "",
                                       team(a.team), worker(a.worker)]
        }
        return csv(Projection.personColumns + ["Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                                                "Continuous Assessment Date of Authorisation",
                                                "Was the child assessed as requiring LA children's social care support?", "Allocated Team",
                                                "Allocated Worker"], rows)
    }

    func list5() -> String {
        let rows = world.section47s.filter { s in s.start <= asAt && (s.start >= historyStart || (s.icpc.map { $0 >= historyStart && $0 <= asAt } ?? false)) }.map { s in
            let held = s.icpc.map { $0 <= asAt } ?? false
            return person(s.person) + [s.start.annexA, held ? "No" : "", date(s.icpc), team(s.team), worker(s.worker)]
        }
        return csv(Projection.personColumns + ["Strategy discussion initiating Section 47 Enquiry Start Date",
                                                "Was an Initial Child Protection Conference deemed unnecessary?",
                                                "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker"], rows)
    }

    /// List 6 carries every child in need: those on CIN plans, and (as Annex A does) children on
    /// CP plans and in care, with their status; a child in care and on a plan is one open
    /// episode, looked after.
    func list6() -> String {
        var rows: [[String]] = []
        func row(_ p: Int, _ start: Day, _ end: Day?, _ visits: [Day], _ status: String, _ need: String, _ team: String, _ holder: String) {
            guard listed(start: start, end: end) else { return }
            let closed = end.map { $0 <= asAt } ?? false
            let seen = last(visits, from: start, limit: min(end ?? asAt, asAt))
            rows.append(person(p) + [start.annexA, date(seen), closed ? date(end) : "", closed ? "e) Closed episode" : status, need,
                                     self.team(team), self.worker(holder)])
        }
        let inCare = Set(world.care.filter { $0.start <= asAt && ($0.end.map { $0 > asAt } ?? true) }.map(\.person))
        for c in world.cinPlans { row(c.person, c.start, c.end, c.visits, "c) Child in need plan", c.primaryNeed, c.team, c.worker) }
        for c in world.cpPlans where !inCare.contains(c.person) {
            row(c.person, c.start, c.end, c.visits, "b) Child Protection plan", DemoBorough.primaryNeeds[0].0, c.team, c.worker)
        }
        for c in world.care { row(c.person, c.start, c.end, c.visits, "a) Looked after child", DemoBorough.primaryNeed(c.person), c.team, c.worker) }
        return csv(Projection.personColumns + ["CIN Start Date", "Date Child Was Last Seen", "CIN Closure Date", "Case Status", "Primary Need Code",
                                                "Allocated Team", "Allocated Worker"], rows)
    }

    func list7() -> String {
        let month = YearMonth(asAt)
        let rows = world.cpPlans.filter { listed(start: $0.start, end: $0.end) }.map { p -> [String] in
            let limit = min(p.end ?? asAt, asAt)
            let visit = last(p.visits, from: p.start, limit: limit)
            let alone = january && p.end == nil ? (p.seenAloneJanuary ?? false)
                : demoChance(0.42, world.people[p.person].id.hashValueStable, month.year * 12 + month.month)
            let review = last(p.reviews, from: p.start, limit: limit)
            let ended = p.end.map { $0 <= asAt } ?? false
            return person(p.person) + [yesNo(p.disabled), p.start.annexA, p.category, date(visit), yesNo(alone), date(review),
                                       ended ? date(p.end) : "", String(p.previousPlans), team(p.team), worker(p.worker)]
        }
        return csv(Projection.personColumns + ["Does the Child have a Disability", "Child Protection Plan Start Date", "Latest Category of Abuse",
                                                "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
                                                "Child Protection Plan End Date", "Number of Previous Child Protection Plans", "Allocated Team",
                                                "Allocated Worker"], rows)
    }

    func list8() -> String {
        let w12 = asAt.addingMonths(-12)
        let rows = world.care.filter { listed(start: $0.start, end: $0.end) }.map { c -> [String] in
            let limit = min(c.end ?? asAt, asAt)
            let ended = c.end.map { $0 <= asAt } ?? false
            // Placements with any day in the 12 months up to R (or up to the end of care).
            var placements = 0
            for (k, p) in c.placements.enumerated() where p <= limit {
                let lastDay = k + 1 < c.placements.count ? c.placements[k + 1] - 1 : limit
                if min(lastDay, limit) > w12 { placements += 1 }
            }
            let missing = c.missingEpisodes.filter { $0 > w12 && $0 <= limit }.count
            return person(c.person) + [
                c.uasc ? "Y" : "N", c.start.annexA, c.legalStatus, date(last(c.reviews, from: c.start, limit: limit)),
                date(last(c.visits, from: c.start, limit: limit)), date(last(c.healthAssessments, from: c.start, limit: limit)),
                date(last(c.dentalChecks, from: c.start, limit: limit)), String(placements), ended ? date(c.end) : "",
                ended ? c.reasonCeased : "", date(last(c.placements, from: c.start, limit: limit)), c.placementType, c.inBorough ? "In" : "Out",
                missing == 0 ? "" : String(missing), team(c.team), worker(c.worker),
            ]
        }
        return csv(Projection.personColumns + [
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Date Started to be Looked After",
            "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit", "Date of Last Health Assessment",
            "Date of Last Dental Check", "Number of Placements in the Last 12 months", "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type", "Placement Location",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "Allocated Team", "Allocated Worker",
        ], rows)
    }

    func list9() -> String {
        let month = YearMonth(asAt)
        let key = month.year * 12 + month.month
        let rows = world.careLeavers.filter { $0.from <= asAt && asAt < $0.until }.map { l -> [String] in
            let id = world.people[l.person].id.hashValueStable
            let contact = last(l.contacts, from: Day(number: Int.min / 2), limit: asAt)
            let activity = january ? (l.activityJanuary ?? "")
                : demoChance(0.09, id, key, 3) ? DemoBorough.higherEducation
                : demoChance(0.6, id, key) ? DemoBorough.eetCodes[Int(demoHash(id, key) % 5)] : DemoBorough.neetCodes[Int(demoHash(id, key) % 3)]
            let suitable = january ? (l.suitableJanuary ?? true) : demoChance(0.95, id, key, 7)
            let inTouch = contact.map { $0 > asAt.addingMonths(-12) } ?? false
            return person(l.person) + [team(l.team), worker(l.worker), date(last(l.pathwayReviews, from: l.from, limit: asAt)), inTouch ? "Yes" : "No",
                                       date(contact), l.accommodation, suitable ? "Suitable" : "Unsuitable", activity]
        }
        return csv(Projection.personColumns + ["Allocated Team", "Allocated Worker", "Latest Pathway Plan Review Date", "LA in Touch",
                                                "Latest Date of Contact", "Type of Accommodation", "Suitability of Accommodation",
                                                "Activity Status"], rows)
    }

    func yot() -> String {
        // Open orders, those ended since 1 April, since the start of the previous quarter (for
        // ETE) and in the last 12 months (for first-time entrants).
        let since = min(historyStart, asAt.previousCalendarQuarter.first, asAt.addingMonths(-12))
        let rows = world.youthOrders.filter { $0.start <= asAt && ($0.end.map { $0 > asAt || $0 >= since } ?? true) }.map { o -> [String] in
            let p = world.people[o.person]
            let ended = o.end.map { $0 <= asAt } ?? false
            return [childID(p), p.dateOfBirth.annexA, p.gender, p.ethnicity, o.start.annexA, ended ? date(o.end) : "",
                    o.statutory ? "Statutory" : "Out of court", date(o.firstTimeEntrant), date(o.custody), o.intensity,
                    o.gang ? "Y" : "N", ended ? (o.eteAtEnd ? "Y" : "N") : "", team(o.team), worker(o.worker)]
        }
        return csv(["Child Unique ID", "Date of Birth", "Gender", "Ethnicity", "Order Start Date", "Order End Date", "Order Type",
                    "First Time Entrant Date", "Custodial Sentence Date", "Scaled Approach Intensity", "Confirmed Gang Member",
                    "ETE at Order End", "Allocated Team", "Allocated Worker"], rows)
    }
}

extension Projection {
    /// List 2: Early Help assessments open at R, or started or completed since 1 April.
    func list2() -> String {
        let rows = world.earlyHelp.filter { listed(start: $0.start, end: $0.end) }.map { e -> [String] in
            let done = e.end.map { $0 <= asAt } ?? false
            return person(e.person) + [e.start.annexA, done ? date(e.end) : "", team(e.organisation)]
        }
        return csv(Projection.personColumns + ["Early Help Assessment Start Date", "Early Help Assessment Completion Date",
                                                "Organisation Completing Early Help Assessment"], rows)
    }

    /// audits.csv: each audit since 1 April (its overall grade and its domains' gradings).
    func audits() -> String {
        let rows = world.audits.filter { $0.date >= historyStart && $0.date <= asAt }.map { a -> [String] in
            [a.date.annexA, team(a.serviceArea), a.domain, a.grade, a.person.map { childID(world.people[$0]) } ?? "", a.auditor]
        }
        return csv(["Audit Date", "Service Area", "Domain", "Grade", "Child Unique ID", "Auditor"], rows)
    }

    /// workforce.csv: the staff as at R, and those who left since 1 April with their end date.
    func workforce() -> String {
        let rows = world.staff.filter { $0.start <= asAt && ($0.end.map { $0 >= historyStart } ?? true) }.map { m -> [String] in
            let left = m.end.map { $0 <= asAt } ?? false
            return [worker(m.name), team(m.team), m.role, m.agency ? "Y" : "N", m.start.annexA, left ? date(m.end) : "",
                    date(m.supervisions.last { $0 <= asAt })]
        }
        return csv(["Worker", "Team", "Role", "Agency", "Start Date", "End Date", "Date of Last Supervision"], rows)
    }
}

extension String {
    /// A hash that is the same in every process (Swift's own is seeded per run).
    var hashValueStable: Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for u in utf8 {
            h ^= UInt64(u)
            h = h &* 0x100_0000_01B3
        }
        return Int(truncatingIfNeeded: h >> 1)
    }
}

extension DemoBorough {
    /// Every month's extract, February 2018 to January 2019, as at each month's last day.
    public static func extracts(seed: UInt64 = defaultSeed) -> [DemoExtract] {
        let world = build(seed: seed)
        return months.map { Projection(world: world, asAt: $0.last).extract() }
    }

    /// Statistical-neighbour figures the January 2019 report quotes, typed from it (the report
    /// does not say which year they are; they are taken as the latest published, 2017-18).
    public static let benchmarksCSV = """
        indicator,period,what,value,source
        cp.rate,2017-18,sn_mean,41.2,"Barnet Performance Matters, January 2019"
        cla.placements_3plus,2017-18,sn_mean,11.5,"Barnet Performance Matters, January 2019"
        cla.long_term_stability,2017-18,sn_mean,66.4,"Barnet Performance Matters, January 2019"

        """

    /// The demo's targets file: Barnet's targets as its January 2019 report gives them.
    public static let targetsCSV = """
        indicator,target,amber_tolerance,effective_from,note
        cp.visits_in_time,95,10,2018-04-01,Barnet target (Performance Matters Jan 2019)
        cp.visits_in_time_u5,95,10,2018-04-01,Barnet target
        cin.visits_in_time,95,10,2018-04-01,Barnet target
        cla.visits_in_time,95,10,2018-04-01,Barnet target
        cp.repeat_ytd,15.6,10,2018-04-01,Barnet target
        cla.placements_3plus,11.5,10,2018-04-01,Barnet target
        cla.long_term_stability,62,10,2018-04-01,Barnet target
        cla.dental,95,10,2018-04-01,Barnet target
        cla.health_assessments,95,10,2018-04-01,Barnet target
        cla.reviews_in_time,95,10,2018-04-01,Barnet target
        cl.in_touch,90,10,2018-04-01,Barnet target
        yot.custody_ytd,0,,2018-04-01,Barnet target
        yot.ete,66,10,2018-04-01,Barnet target

        """
}
