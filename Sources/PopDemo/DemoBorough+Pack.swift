import PopCalendar
import PopMetrics

/// The pages of the council's pack beyond the performance page: Early Help, who is on a plan
/// and in care, UASC, care leavers' accommodation and activity, audits and the social-work
/// workforce, calibrated to the January 2019 pack. Drawn after the rest of the history, which
/// they annotate (a team, a worker, a date of birth, a code) without moving any figure the
/// first pages reproduce.
extension DemoBorough {
    static func buildWholePack(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        calibrateChildInNeedTeams(&w, &rng)
        linkProtectionAndCare(&w, &rng)
        calibrateProtectionPlanAges(&w, &rng)
        calibrateRepeatPlans(&w, &rng)
        calibrateDisabledChildren(&w, &rng)
        calibrateCareCharacteristics(&w, &rng)
        calibrateEndsOfCare(&w, &rng)
        calibrateCareLeaverAccommodation(&w, &rng)
        buildEarlyHelp(&w, &rng)
        buildStaff(&w, &rng)
        calibrateCaseloads(&w, &rng)
        buildAudits(&w, &rng)
    }

    // MARK: teams and services

    /// The services the council's pack groups its teams into (its caseloads, its children in
    /// care by case-holding service): the demo's teams file.
    static let teamServices: [(team: String, service: String)] =
        daTeams.map { ($0, "Duty and Assessment") } + ipTeams.map { ($0, "Intervention and Planning") }
        + cicTeams.map { ($0, "Children in Care") }
        + [("0-25 Service", "0-25"), ("Onwards & Upwards", "Onwards and Upwards"), ("REACH", "REACH"),
           ("Youth Offending Team 1", "Youth Offending"), ("Youth Offending Team 2", "Youth Offending")]

    static func service(of team: String) -> String? { teamServices.first { $0.team == team }?.service }

    /// The demo's team-to-service file (`pop teams import`), as `pop demo generate` writes it.
    public static var teamsCSV: String {
        "team,service\n" + teamServices.map { Projection.field($0.team) + "," + Projection.field($0.service) + "\n" }.joined()
    }

    // MARK: codes

    static let primaryNeeds: [(String, Int)] = [
        ("N1 - Abuse or neglect", 50), ("N2 - Child's disability or illness", 7), ("N3 - Parental disability or illness", 6),
        ("N4 - Family in acute stress", 9), ("N5 - Family dysfunction", 15), ("N6 - Socially unacceptable behaviour", 3),
        ("N7 - Low income", 2), ("N8 - Absent parenting", 5), ("N0 - Not stated", 2), ("N9 - Cases other than children in need", 1),
    ]

    /// A child's primary need, fixed by the child (a hash, so no draw moves the history).
    static func primaryNeed(_ person: Int) -> String {
        var r = Int(demoHash(person, 61) % 100)
        for (code, weight) in primaryNeeds {
            if r < weight { return code }
            r -= weight
        }
        return primaryNeeds[0].0
    }

    static let fosterPlacements = ["U6 - Foster placement with other foster carer", "U4 - Long-term foster placement with other foster carer",
                                   "U3 - Foster placement with relative or friend"]
    static let otherPlacements: [(String, Int)] = [
        ("K2 - Children's home", 8), ("R1 - Residential care home", 2), ("P1 - Placed with own parents", 5),
        ("H5 - Semi-independent living accommodation", 6), ("Z1 - Other placement", 2),
    ]
    static let adoptionPlacement = "A4 - Placed for adoption with a placement order"

    // MARK: children in need

    /// January's 548 on CIN plans by case-holding team, as the pack's chart holds them.
    static func calibrateChildInNeedTeams(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let open = w.cinPlans.indices.filter { w.cinPlans[$0].end == nil }
        var teams = Calibration.cinTeamsJanuary.flatMap { Array(repeating: $0.0, count: $0.1) }
        precondition(open.count == teams.count, "CIN plans open in January: \(open.count), teams for \(teams.count)")
        rng.shuffle(&teams)
        for (k, i) in open.enumerated() {
            w.cinPlans[i].team = teams[k]
            w.cinPlans[i].worker = worker(teams[k], &rng)
        }
    }

    // MARK: child protection

    static func isOpen(_ start: Day, _ end: Day?, at d: Day) -> Bool { start <= d && (end.map { $0 > d } ?? true) }

    /// Aged under 5 at R, unborn children included.
    static func underFive(_ dob: Day) -> Bool { dob > R || dob.age(at: R) < 5 }

    /// Three children already in care (since before November) whose CP plans started in
    /// December: none on a plan and in care at the end of November, 3 at the end of December
    /// and of January, as the pack has it.
    static func linkProtectionAndCare(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let december = YearMonth(year: 2018, month: 12)!
        let plans = w.cpPlans.indices.filter { i in
            let p = w.cpPlans[i]
            return p.end == nil && YearMonth(p.start) == december && !underFive(w.people[p.person].dateOfBirth)
        }
        let children = w.care.indices.filter { i in
            let c = w.care[i]
            return c.end == nil && c.start < YearMonth(year: 2018, month: 11)!.first && !c.uasc && !underFive(w.people[c.person].dateOfBirth)
        }
        precondition(plans.count >= Calibration.cpAlsoInCare && children.count >= Calibration.cpAlsoInCare)
        let chosenPlans = rng.sample(plans.count, Calibration.cpAlsoInCare).map { plans[$0] }
        let chosenChildren = rng.sample(children.count, Calibration.cpAlsoInCare).map { children[$0] }
        for (p, c) in zip(chosenPlans, chosenChildren) { w.cpPlans[p].person = w.care[c].person }
    }

    /// The 194 plans started in 2018-19 by the child's age at the start (the pack's 39, 56,
    /// 54, 40 and 5). Children on a plan in January keep what the January page needs (the 49
    /// under 5, 4 of them unborn); a child also in care keeps its date of birth.
    static func calibrateProtectionPlanAges(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let fy = R.financialYearStart
        let ytd = w.cpPlans.indices.filter { w.cpPlans[$0].start >= fy && w.cpPlans[$0].start <= R }
        var slots = Calibration.cpStartAgesYTD
        precondition(ytd.count == slots.reduce(0, +), "plans started in 2018-19: \(ytd.count)")
        func band(_ dob: Day, _ start: Day) -> Int {
            if dob > start { return 0 }
            let age = dob.age(at: start)
            return age < 1 ? 0 : age <= 5 ? 1 : age <= 10 ? 2 : age <= 15 ? 3 : 4
        }
        let inCare = Set(w.care.map(\.person))
        var assigned = [Int: Int]()
        var rest: [Int] = []
        var young: [Int] = [], older: [Int] = []
        for i in ytd {
            let p = w.cpPlans[i], dob = w.people[p.person].dateOfBirth
            if inCare.contains(p.person) {
                assigned[i] = band(dob, p.start)          // a child in care keeps its date of birth
            } else if p.end == nil && dob > R {
                assigned[i] = 0                           // unborn at R, so at the start too
            } else if p.end == nil {
                if underFive(dob) { young.append(i) } else { older.append(i) }
            } else {
                rest.append(i)
            }
        }
        for b in assigned.values { slots[b] -= 1 }
        precondition(slots.allSatisfy { $0 >= 0 })
        // Drawn in proportion to the slots left among the bands a child can be in.
        func draw(_ among: [Int]) -> Int {
            var r = rng.below(max(1, among.reduce(0) { $0 + slots[$1] }))
            for b in among {
                if r < slots[b] { return b }
                r -= slots[b]
            }
            preconditionFailure("no age band left for a plan started in 2018-19")
        }
        for i in young { let b = draw([0, 1]); assigned[i] = b; slots[b] -= 1 }
        for i in older { let b = draw([2, 3, 4]); assigned[i] = b; slots[b] -= 1 }
        var left = slots.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
        rng.shuffle(&left)
        precondition(left.count == rest.count)
        for (k, i) in rest.enumerated() { assigned[i] = left[k] }
        // Dates of birth for each band: under 5 at R stays under 5 and born; 5 or over stays so.
        let youngSet = Set(young), olderSet = Set(older)
        for i in ytd {
            let p = w.cpPlans[i]
            guard let b = assigned[i], !inCare.contains(p.person), !(p.end == nil && w.people[p.person].dateOfBirth > R) else { continue }
            let s = p.start
            let (lo, hi): (Day, Day)
            switch b {
            case 0 where youngSet.contains(i): (lo, hi) = (max(s.addingMonths(-12) + 1, R.addingMonths(-60) + 1), min(s + 150, R - 20))
            case 0 where rng.chance(0.4): (lo, hi) = (s + 20, s + 150)      // a plan made before the child's birth
            case 0: (lo, hi) = (s.addingMonths(-12) + 1, s)
            case 1 where youngSet.contains(i): (lo, hi) = (max(s.addingMonths(-72) + 1, R.addingMonths(-60) + 1), s.addingMonths(-12))
            case 1: (lo, hi) = (s.addingMonths(-72) + 1, s.addingMonths(-12))
            case 2: (lo, hi) = (s.addingMonths(-132) + 1, s.addingMonths(-72))
            case 3: (lo, hi) = (s.addingMonths(-192) + 1, s.addingMonths(-132))
            default: (lo, hi) = (max(s.addingMonths(-216), R.addingMonths(-216)) + 1, s.addingMonths(-192))
            }
            precondition(lo <= hi && (!olderSet.contains(i) || b >= 2), "no date of birth for age band \(b)")
            w.people[p.person].dateOfBirth = rng.day(lo, hi)
        }
    }

    /// Plans started in 2018-19 for children who had one before: the pack's 18 to November, none
    /// in December, 2 in January.
    static func calibrateRepeatPlans(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let fy = R.financialYearStart, nov = YearMonth(year: 2018, month: 11)!, dec = YearMonth(year: 2018, month: 12)!
        let r = Calibration.cpRepeatPlansYTD
        let periods: [(ClosedRange<Day>, Int)] = [(fy...nov.last, r.november), (dec.first...dec.last, r.december - r.november),
                                                  (Calibration.lastMonth.first...R, r.january - r.december)]
        for (days, repeats) in periods {
            let started = w.cpPlans.indices.filter { days.contains(w.cpPlans[$0].start) }
            precondition(started.count >= repeats)
            let again = Set(rng.sample(started.count, repeats).map { started[$0] })
            for i in started { w.cpPlans[i].previousPlans = again.contains(i) ? rng.weighted([(1, 85), (2, 15)]) : 0 }
        }
    }

    /// Disabled children on plans: 10 at the end of November, 11 at the end of December and
    /// January (the ten and one whose plan started in December); other plans now and then.
    static func calibrateDisabledChildren(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let nov = YearMonth(year: 2018, month: 11)!.last, dec = YearMonth(year: 2018, month: 12)!.last
        let plans = w.cpPlans
        let late = plans.indices.filter { isOpen(plans[$0].start, plans[$0].end, at: nov) || isOpen(plans[$0].start, plans[$0].end, at: dec)
            || isOpen(plans[$0].start, plans[$0].end, at: R) }
        for i in plans.indices { w.cpPlans[i].disabled = false }
        let lateSet = Set(late)
        for i in plans.indices where !lateSet.contains(i) { w.cpPlans[i].disabled = rng.chance(0.06) }
        let allThree = late.filter { isOpen(plans[$0].start, plans[$0].end, at: nov) && isOpen(plans[$0].start, plans[$0].end, at: R) }
        let december = late.filter { YearMonth(plans[$0].start) == YearMonth(dec) && isOpen(plans[$0].start, plans[$0].end, at: R) }
        let d = Calibration.cpDisabled
        for k in rng.sample(allThree.count, d.november) { w.cpPlans[allThree[k]].disabled = true }
        for k in rng.sample(december.count, d.december - d.november) { w.cpPlans[december[k]].disabled = true }
        precondition(d.january == d.december)
    }

    // MARK: children in care

    static let ethnicDescriptions: [String: [String]] = [
        "white": ["White British", "White British", "Any other White background", "White Irish"],
        "mixed": ["White and Black Caribbean", "White and Black African", "White and Asian", "Any other Mixed background"],
        "asian": ["Indian", "Pakistani", "Bangladeshi", "Any other Asian background", "Chinese"],
        "black": ["Caribbean", "African", "Any other Black background"],
        "not_recorded": [""],
    ]

    /// January's 316 by gender and ethnicity (the UASC among them as their nationalities give
    /// them), and every period of care's placement type (the UASC's as the pack has them).
    static func calibrateCareCharacteristics(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let stayers = w.care.indices.filter { w.care[$0].end == nil }
        precondition(stayers.count == Calibration.claInCareJanuary)
        let uasc = stayers.filter { w.care[$0].uasc }, others = stayers.filter { !w.care[$0].uasc }
        func deal(_ group: [Int], _ counts: [(String, Int)], _ set: (Int, String) -> Void) {
            var values = counts.flatMap { Array(repeating: $0.0, count: $0.1) }
            precondition(values.count == group.count)
            rng.shuffle(&values)
            for (k, i) in group.enumerated() { set(i, values[k]) }
        }
        let g = Calibration.claGenderJanuary
        let boys = Calibration.uascMale
        deal(uasc, [("Male", boys), ("Female", uasc.count - boys)]) { w.people[w.care[$0].person].gender = $1 }
        deal(others, [("Male", g.male - boys), ("Female", g.female - (uasc.count - boys))]) { w.people[w.care[$0].person].gender = $1 }
        deal(uasc, Calibration.uascEthnicity) { i, group in
            w.people[w.care[i].person].ethnicity = group == "white" ? "Any other White background" : group == "black" ? "African"
                : group == "asian" ? (rng.chance(0.05) ? "Pakistani" : "Any other Asian background") : ""
        }
        var rest = Calibration.claEthnicityJanuary
        for (group, n) in Calibration.uascEthnicity {
            guard let j = rest.firstIndex(where: { $0.0 == group }) else { preconditionFailure("no \(group) among January's children in care") }
            rest[j].1 -= n
        }
        deal(others, rest) { i, group in w.people[w.care[i].person].ethnicity = rng.pick(ethnicDescriptions[group] ?? [""]) }
        deal(uasc, Calibration.uascPlacements) { w.care[$0].placementType = $1 }
        // The others: placed for adoption under some placement orders, semi-independent living
        // only from 16, foster care above all.
        for i in w.care.indices where !w.care[i].uasc {
            let c = w.care[i], age = w.people[c.person].dateOfBirth.age(at: min(c.end ?? R, R))
            if c.legalStatus.hasPrefix("E1") && rng.chance(0.4) {
                w.care[i].placementType = adoptionPlacement
            } else if rng.chance(age >= 16 ? 0.45 : 0.8) {
                w.care[i].placementType = rng.pick(fosterPlacements)
            } else {
                var other = rng.weighted(otherPlacements)
                if age < 16 && other.hasPrefix("H5") { other = fosterPlacements[0] }
                w.care[i].placementType = other
            }
        }
    }

    static let otherReasonsCeased: [(String, Int)] = [
        ("E4A - Returned home to live with parents", 45), ("E13 - Left care to live with parents, no parental responsibility", 8),
        ("E41 - Residence order or child arrangement order", 10), ("E5 - Moved into independent living", 12),
        ("E8 - Period of care ceased for any other reason", 15), ("E7 - Transferred to residential care funded by adult social services", 2),
        ("E3 - Died", 1),
    ]

    /// Why each period of care ended: in 2018-19 the pack's adoptions (2 to November, 3 to
    /// December, 5 to January) and special guardianship orders (8, 8 and 9).
    static func calibrateEndsOfCare(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let fy = R.financialYearStart
        let nov = YearMonth(year: 2018, month: 11)!, dec = YearMonth(year: 2018, month: 12)!, jan = Calibration.lastMonth
        for i in w.care.indices {
            guard w.care[i].end != nil else { w.care[i].reasonCeased = ""; continue }
            w.care[i].reasonCeased = rng.chance(0.05) ? "E11 - Adopted, application unopposed"
                : rng.chance(0.07) ? "E44 - Special guardianship order made to a former foster carer" : rng.weighted(otherReasonsCeased)
        }
        let a = Calibration.claAdoptedYTD, s = Calibration.claSGOYTD
        let periods: [(ClosedRange<Day>, adopted: Int, sgo: Int)] = [
            (fy...nov.last, a.november, s.november), (dec.first...dec.last, a.december - a.november, s.december - s.november),
            (jan.first...jan.last, a.january - a.december, s.january - s.december),
        ]
        for (days, adopted, sgo) in periods {
            let ended = w.care.indices.filter { w.care[$0].end.map { days.contains($0) } ?? false }
            for i in ended { w.care[i].reasonCeased = rng.weighted(otherReasonsCeased) }
            precondition(ended.count >= adopted + sgo)
            let chosen = rng.sample(ended.count, adopted + sgo).map { ended[$0] }
            for (k, i) in chosen.enumerated() {
                if k < adopted {
                    w.care[i].reasonCeased = rng.chance(0.8) ? "E11 - Adopted, application unopposed" : "E12 - Adopted, consent dispensed with"
                    w.care[i].legalStatus = "E1 - Placement order granted"
                    w.care[i].placementType = adoptionPlacement
                } else {
                    w.care[i].reasonCeased = rng.pick(["E43 - Special guardianship order made to a former foster carer who was a relative or friend",
                                                       "E44 - Special guardianship order made to a former foster carer",
                                                       "E45 - Special guardianship order made to a carer, not a former foster carer, who was a relative or friend"])
                }
            }
        }
    }

    // MARK: care leavers

    /// The 151 suitably housed 19–21-year-olds by type of accommodation, as the pack has them;
    /// the 6 unsuitably housed in none of those.
    static func calibrateCareLeaverAccommodation(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let middle = w.careLeavers.indices.filter { i in
            let l = w.careLeavers[i]
            return l.from <= R && R < l.until && (19...21).contains(w.people[l.person].dateOfBirth.age(at: R))
        }
        let suitable = middle.filter { w.careLeavers[$0].suitableJanuary == true }
        var types = Calibration.careLeaverAccommodation19to21.flatMap { Array(repeating: $0.0, count: $0.1) }
        precondition(suitable.count == types.count)
        rng.shuffle(&types)
        for (k, i) in suitable.enumerated() { w.careLeavers[i].accommodation = types[k] }
        for i in middle where w.careLeavers[i].suitableJanuary != true {
            w.careLeavers[i].accommodation = rng.pick(["S - No fixed abode / homeless", "W - Bed and breakfast", "X - In custody",
                                                       "R - Residence not known"])
        }
    }

    // MARK: Early Help

    /// Early Help assessments from April 2017: each month's starts as the pack has them; at 31
    /// January 2019 the pack's open assessments by duration (every January start among them),
    /// and 93 completed in January. Each assessment is a child of its own.
    static func buildEarlyHelp(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        for (k, n) in Calibration.earlyHelpStarts.enumerated() {
            let month = Calibration.earlyHelpFirstMonth.adding(k)
            for _ in 0..<n {
                let start = workingDay(in: month, &rng)
                let person = w.addPerson(&rng, born: born(aged: 0, 17, at: start, &rng))
                w.earlyHelp.append(EarlyHelpRecord(person: person, start: start, end: nil, organisation: rng.weighted(Calibration.earlyHelpOrganisations)))
            }
        }
        // Which stay open: the pack's count from each band of start months (0–3, 3–6, 6–9,
        // 9–12 months before R, then earlier), every January start among the first.
        let edges = [3, 6, 9, 12].map { R.addingMonths(-$0) }
        func band(_ s: Day) -> Int { edges.firstIndex { s > $0 } ?? edges.count }
        var open = Set<Int>()
        for (b, n) in Calibration.earlyHelpOpenJanuary.enumerated() {
            let pool = w.earlyHelp.indices.filter { band(w.earlyHelp[$0].start) == b }
            let must = b == 0 ? pool.filter { YearMonth(w.earlyHelp[$0].start) == Calibration.lastMonth } : []
            let may = pool.filter { YearMonth(w.earlyHelp[$0].start) != Calibration.lastMonth || b != 0 }
            precondition(must.count <= n && may.count >= n - must.count, "Early Help cannot keep \(n) open from band \(b)")
            open.formUnion(must)
            open.formUnion(rng.sample(may.count, n - must.count).map { may[$0] })
        }
        // The rest complete after 3 to 40 weeks, by R; 93 of them in January (those that would
        // have run on past December first).
        let january = Calibration.lastMonth.first
        var natural: [Int: Day] = [:]
        for i in w.earlyHelp.indices where !open.contains(i) { natural[i] = w.earlyHelp[i].start + rng.int(21...280) }
        let late = natural.keys.sorted().filter { natural[$0].map { $0 >= january } ?? false }
        let early = natural.keys.sorted().filter { natural[$0].map { $0 < january } ?? false }
        let n = Calibration.earlyHelpCompletedJanuary
        var inJanuary = rng.sample(late.count, min(n, late.count)).map { late[$0] }
        if inJanuary.count < n { inJanuary += rng.sample(early.count, n - inJanuary.count).map { early[$0] } }
        let januarySet = Set(inJanuary)
        for i in natural.keys.sorted() {
            let s = w.earlyHelp[i].start
            guard let d = natural[i] else { continue }
            if januarySet.contains(i) {
                w.earlyHelp[i].end = rng.day(max(s + 1, january), R)
            } else {
                // One that would have run past December completes by then (on its start day at the latest).
                w.earlyHelp[i].end = d < january ? d : rng.day(s, january - 1)
            }
        }
    }

    // MARK: workforce

    /// Every member of staff: each team's case-holding social workers and other practitioners
    /// and its manager. Agency social workers by service as the improvement plan's 28% in
    /// January; one more agency worker, in Intervention & Planning Team 7, left in January.
    static func buildStaff(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        let leaver = (team: ipTeams[6], slot: 4)
        var bySlot: [String: Int] = [:]
        for team in staffedTeams {
            guard let st = staffing(team) else { continue }
            for slot in 0...st.size {
                let manager = slot == st.size
                let social = slot < st.socialWorkers
                let role = manager ? "Team Manager" : social ? (slot == 0 ? "Senior Social Worker" : "Social Worker") : st.otherRole
                let name = workerName(team, slot: manager ? managerSlot : slot)
                let start = rng.day(Day(year: 2008, month: 1, day: 7)!, Day(year: 2017, month: 9, day: 29)!)
                var supervisions: [Day] = []
                var d = max(start, Day(year: 2017, month: 6, day: 1)!) + rng.int(5...30)
                while d <= R {
                    if calendar.isWorkingDay(d) { supervisions.append(d) }
                    d = d + rng.int(14...48)
                }
                bySlot[name] = w.staff.count
                w.staff.append(StaffRecord(name: name, team: team, role: role, agency: false, start: start, end: nil, supervisions: supervisions))
            }
        }
        // The leaver: agency, gone on 15 January 2019.
        if let i = bySlot[workerName(leaver.team, slot: leaver.slot)] {
            w.staff[i].agency = true
            w.staff[i].end = Day(year: 2019, month: 1, day: 15)
        }
        for target in Calibration.caseloadsJanuary {
            let social = w.staff.indices.filter { i in
                let m = w.staff[i]
                return service(of: m.team) == target.service && m.role.lowercased().contains("social worker") && m.end == nil
            }
            precondition(social.count == target.socialWorkers, "\(target.service): \(social.count) social workers in post")
            for k in rng.sample(social.count, target.agency) {
                let i = social[k]
                w.staff[i].agency = true
                // Agency workers came more recently.
                let start = rng.day(Day(year: 2016, month: 9, day: 1)!, Day(year: 2018, month: 1, day: 31)!)
                w.staff[i] = StaffRecord(name: w.staff[i].name, team: w.staff[i].team, role: w.staff[i].role, agency: true, start: start,
                                         end: nil, supervisions: w.staff[i].supervisions.filter { $0 > start })
            }
        }
    }

    /// A case held at R, by the record that stands for the child: care first, then a CP plan,
    /// a CIN plan, a care leaver's record (the data contract's Lists 8, 7, 6, 9).
    enum Held {
        case care(Int), plan(Int), cin(Int), leaver(Int)
    }

    /// January's caseloads by service as the improvement plan has them: of each service's
    /// children, exactly so many (its caseload × its social workers, as near as rounds to it)
    /// are held by its social workers, each of whom holds at least one; the others by its
    /// family support workers, personal advisers or a worker who has left.
    static func calibrateCaseloads(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        var held: [Held] = []
        var seen = Set<Int>()
        for (i, c) in w.care.enumerated() where isOpen(c.start, c.end, at: R) && seen.insert(c.person).inserted { held.append(.care(i)) }
        for (i, p) in w.cpPlans.enumerated() where isOpen(p.start, p.end, at: R) && seen.insert(p.person).inserted { held.append(.plan(i)) }
        for (i, c) in w.cinPlans.enumerated() where isOpen(c.start, c.end, at: R) && seen.insert(c.person).inserted { held.append(.cin(i)) }
        for (i, l) in w.careLeavers.enumerated() where l.from <= R && R < l.until && seen.insert(l.person).inserted { held.append(.leaver(i)) }
        func team(_ h: Held) -> String {
            switch h {
            case .care(let i): w.care[i].team
            case .plan(let i): w.cpPlans[i].team
            case .cin(let i): w.cinPlans[i].team
            case .leaver(let i): w.careLeavers[i].team
            }
        }
        func worker(_ h: Held) -> String {
            switch h {
            case .care(let i): w.care[i].worker
            case .plan(let i): w.cpPlans[i].worker
            case .cin(let i): w.cinPlans[i].worker
            case .leaver(let i): w.careLeavers[i].worker
            }
        }
        func give(_ h: Held, to name: String) {
            switch h {
            case .care(let i): w.care[i].worker = name
            case .plan(let i): w.cpPlans[i].worker = name
            case .cin(let i): w.cinPlans[i].worker = name
            case .leaver(let i): w.careLeavers[i].worker = name
            }
        }
        for target in Calibration.caseloadsJanuary {
            let cases = held.filter { service(of: team($0)) == target.service }
            let staff = w.staff.filter { service(of: $0.team) == target.service && $0.role != "Team Manager" }
            let inPost = staff.filter { $0.role.lowercased().contains("social worker") && $0.end.map { $0 > R } ?? true }
            let socialNames = Set(inPost.map(\.name))
            let n = inPost.count
            // The number held by social workers whose caseload rounds to the published one.
            let wanted = Int((target.caseload * 10).rounded())
            let achievable = (n...max(n, cases.count)).filter { Rounding.units(0, places: 1, numerator: $0, denominator: n, scale: 1) == wanted }
                .min { abs(Double($0) - target.caseload * Double(n)) < abs(Double($1) - target.caseload * Double(n)) }
            guard let c = achievable else { preconditionFailure("\(target.service): no number of children gives a caseload of \(target.caseload)") }
            var count: [String: Int] = [:]
            for h in cases where socialNames.contains(worker(h)) { count[worker(h), default: 0] += 1 }
            func others(_ team: String) -> [String] { staff.filter { $0.team == team && !socialNames.contains($0.name) }.map(\.name) }
            // Every social worker holds a case.
            for m in inPost where count[m.name, default: 0] == 0 {
                let from = cases.filter { team($0) == m.team && (!socialNames.contains(worker($0)) || count[worker($0), default: 0] > 1) }
                guard let h = from.isEmpty ? nil : from[rng.below(from.count)] else { preconditionFailure("\(m.team) has no case for \(m.name)") }
                if socialNames.contains(worker(h)) { count[worker(h), default: 0] -= 1 }
                give(h, to: m.name)
                count[m.name] = 1
            }
            var total = count.values.reduce(0, +)
            var order = cases
            rng.shuffle(&order)
            for h in order where total != c {
                let current = worker(h)
                if total > c, socialNames.contains(current), count[current, default: 0] > 1 {
                    let to = others(team(h))
                    guard !to.isEmpty else { continue }
                    count[current, default: 0] -= 1
                    give(h, to: to[rng.below(to.count)])
                    total -= 1
                } else if total < c, !socialNames.contains(current) {
                    let mine = inPost.filter { $0.team == team(h) }
                    guard !mine.isEmpty else { continue }
                    let to = mine[rng.below(mine.count)].name
                    count[to, default: 0] += 1
                    give(h, to: to)
                    total += 1
                }
            }
            precondition(total == c, "\(target.service): \(total) children held by social workers, not \(c)")
        }
    }

    // MARK: quality assurance

    static let auditors = ["Grace Osei", "Martin Byrne", "Leila Haddad", "Tom Whitfield", "Priti Mistry"]
    static let gradeWords = ["Good", "Requires Improvement", "Inadequate"]

    /// Audits each month: from July 2018 the dashboard's counts by service area and grade, before
    /// it a like number; domain gradings as printed for November to January, before them one for
    /// management oversight per audit and most for assessments. Each audit is of a child open in
    /// its service area that day, where there is one.
    static func buildAudits(_ w: inout DemoWorld, _ rng: inout DemoRandom) {
        for (k, month) in YearMonth.range(Calibration.firstMonth, Calibration.lastMonth).enumerated() {
            let published = k - YearMonth.range(Calibration.firstMonth, Calibration.auditsFirstMonth).count + 1
            var audits: [AuditRecord] = []
            for (area, counts) in Calibration.auditsByArea {
                let pool = auditPool(area, month, w)
                let grades: (Int, Int, Int)
                if published >= 0 { grades = counts[published] } else {
                    switch area {
                    case "Duty and Assessment": grades = (rng.int(1...4), rng.int(5...10), rng.int(0...1))
                    case "Intervention and Planning": grades = (rng.int(1...3), rng.int(4...9), rng.int(0...2))
                    case "CP - Children in Care", "CP - Onwards and Upwards": grades = (rng.int(0...1), rng.int(0...2), 0)
                    default: grades = (0, rng.int(0...1) == 1 && rng.chance(0.3) ? 1 : 0, 0)
                    }
                }
                for (g, n) in [grades.0, grades.1, grades.2].enumerated() {
                    for _ in 0..<n {
                        let date = workingDay(in: month, &rng)
                        audits.append(AuditRecord(date: date, serviceArea: area, domain: "Overall", grade: gradeWords[g],
                                                  person: auditedChild(pool, date, &rng), auditor: rng.pick(auditors)))
                    }
                }
            }
            audits.sort { ($0.date, $0.serviceArea) < ($1.date, $1.serviceArea) }
            var domains: [AuditRecord] = []
            let printed = YearMonth.range(Calibration.domainsFirstMonth, month).count - 1
            if printed >= 0 {
                for (domain, months) in Calibration.domainGrades {
                    var next = rng.below(max(1, audits.count))
                    for (g, n) in [months[printed].0, months[printed].1, months[printed].2].enumerated() {
                        for _ in 0..<n {
                            let a = audits[next % audits.count]
                            next += 1
                            domains.append(AuditRecord(date: a.date, serviceArea: a.serviceArea, domain: domain, grade: gradeWords[g],
                                                       person: a.person, auditor: a.auditor))
                        }
                    }
                }
            } else {
                for a in audits {
                    let g = gradeWords.firstIndex(of: a.grade) ?? 1
                    domains.append(AuditRecord(date: a.date, serviceArea: a.serviceArea, domain: "Management Oversight",
                                               grade: gradeWords[rng.chance(0.7) ? g : 1], person: a.person, auditor: a.auditor))
                    if rng.chance(0.85) {
                        domains.append(AuditRecord(date: a.date, serviceArea: a.serviceArea, domain: "Combined Assessments",
                                                   grade: gradeWords[rng.chance(0.6) ? g : 1], person: a.person, auditor: a.auditor))
                    }
                }
            }
            w.audits += audits + domains
        }
    }

    /// The cases of an audit's service area open at some time in a month: (child, start, end).
    static func auditPool(_ area: String, _ month: YearMonth, _ w: DemoWorld) -> [(person: Int, start: Day, end: Day?)] {
        let from = month.first, to = month.last
        func during(_ start: Day, _ end: Day?) -> Bool { start <= to && (end.map { $0 > from } ?? true) }
        switch area {
        case "Early Help":
            return w.earlyHelp.filter { during($0.start, $0.end) }.map { ($0.person, $0.start, $0.end) }
        case "Duty and Assessment", "Intervention and Planning", "REACH":
            let teams = Set(area == "REACH" ? ["REACH"] : area == "Duty and Assessment" ? daTeams : ipTeams)
            return w.cinPlans.filter { teams.contains($0.team) && during($0.start, $0.end) }.map { ($0.person, $0.start, $0.end) }
                + w.cpPlans.filter { teams.contains($0.team) && during($0.start, $0.end) }.map { ($0.person, $0.start, $0.end) }
        case "CP - Children in Care":
            return w.care.filter { cicTeams.contains($0.team) && during($0.start, $0.end) }.map { ($0.person, $0.start, $0.end) }
        case "CP - Adoption and Post Permanence":
            return w.care.filter { $0.legalStatus.hasPrefix("E1") && during($0.start, $0.end) }.map { ($0.person, $0.start, $0.end) }
        case "CP - Onwards and Upwards":
            return w.careLeavers.filter { during($0.from, $0.until) }.map { ($0.person, $0.from, $0.until) }
        default:
            return w.care.filter { during($0.start, $0.end) }.map { ($0.person, $0.start, $0.end) }
        }
    }

    /// A child of the pool open on `date` (a few draws), or none.
    static func auditedChild(_ pool: [(person: Int, start: Day, end: Day?)], _ date: Day, _ rng: inout DemoRandom) -> Int? {
        guard !pool.isEmpty else { return nil }
        for _ in 0..<8 {
            let c = pool[rng.below(pool.count)]
            if isOpen(c.start, c.end, at: date) { return c.person }
        }
        return nil
    }
}
