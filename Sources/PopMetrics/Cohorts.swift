import PopCalendar
import PopExtract

/// The groups of rows indicators are computed over, each built once per snapshot.
///
/// Conventions (data contract, section 3): the month is the 1st of R's month to R; the YTD is
/// 1 April on or before R, to R; open at R is start ≤ R and (end blank or end > R); a child with
/// several open rows is the row with the latest start (on a tie, the later line).
final class Cohorts {
    let rows: MonthRows
    let period: ReportingPeriod
    var asAt: Day { period.asAt }
    let calendar: WorkingCalendar
    /// Warnings found while building cohorts (duplicate open rows).
    var warnings: [DataQualityIssue] = []

    init(rows: MonthRows, calendar: WorkingCalendar) {
        self.rows = rows
        self.calendar = calendar
        period = rows.period
    }

    func inMonth(_ f: DateField) -> Bool { period.inMonth(f) }
    func inYTD(_ f: DateField) -> Bool { period.inYTD(f) }
    func inLast12Months(_ f: DateField) -> Bool? { period.inLast12Months(f) }
    func wd(_ a: Day, _ b: Day) -> Int { calendar.workingDays(from: a, to: b) }

    /// A last-visit, last-seen or review date before the episode started belongs to an earlier
    /// episode: it counts as none recorded. nil for none recorded; `.bad` stays bad.
    static func sinceStart(_ f: DateField, _ start: Day) -> DateField {
        if case .day(let d) = f, d < start { return .blank }
        return f
    }

    // MARK: front door, assessments, S47 (flows kept for the month, tallied for the year)

    var contactsInMonth: [Contact] { rows.contactsInMonth }
    var referralsInMonth: [Referral] { rows.referralsInMonth }
    var assessmentsAuthorisedInMonth: [Assessment] { rows.assessmentsAuthorisedInMonth }
    var section47sStartedInMonth: [Section47Enquiry] { rows.section47sStartedInMonth }
    var icpcsInMonth: [Section47Enquiry] { rows.icpcsInMonth }
    lazy var rereferralsYTD: (Int, Int) = rows.referralHistory.rereferrals(period)

    // MARK: Early Help

    var earlyHelpStartedInMonth: [EarlyHelpAssessment] { rows.earlyHelpStartedInMonth }
    var earlyHelpCompletedInMonth: [EarlyHelpAssessment] { rows.earlyHelpCompletedInMonth }
    lazy var earlyHelpOpen: [EarlyHelpAssessment] = openChildren(
        rows.earlyHelpOpenRows, list: .list2, origin: rows.origin(.list2), start: { $0.start }, end: { $0.completed }, child: { $0.child }, line: { $0.line })

    // MARK: children in need, child protection, children in care

    lazy var childrenInNeedOpen: [ChildInNeedEpisode] = openChildren(
        rows.childrenInNeedOpenRows, list: .list6, origin: rows.origin(.list6), start: { $0.start }, end: { $0.closure }, child: { $0.child }, line: { $0.line })
    lazy var childInNeedPlans: [ChildInNeedEpisode] = childrenInNeedOpen.filter { $0.status == .cin_plan }

    lazy var protectionPlansOpen: [ChildProtectionPlan] = openChildren(
        rows.protectionPlansOpenRows, list: .list7, origin: rows.origin(.list7), start: { $0.start }, end: { $0.end }, child: { $0.child }, line: { $0.line })
    var protectionPlansStartedYTD: [ChildProtectionPlan] { rows.protectionPlansStartedYTD }
    var protectionPlansEndedYTD: [ChildProtectionPlan] { rows.protectionPlansEndedYTD }
    lazy var protectionPlansUnder5: [ChildProtectionPlan] = protectionPlansOpen.filter { underFive($0) == true }

    /// Aged under 5 at R. A blank or future Date of Birth on a CP plan is an unborn child (under
    /// 1); nil when the date cannot be read.
    func underFive(_ p: ChildProtectionPlan) -> Bool? {
        switch p.dateOfBirth {
        case .blank: return true
        case .bad: return nil
        case .day(let dob): return dob > asAt || dob.age(at: asAt) < 5
        }
    }

    lazy var childrenInCareOpen: [ChildInCare] = openChildren(
        rows.childrenInCareOpenRows, list: .list8, origin: rows.origin(.list8), start: { $0.started }, end: { $0.ceased }, child: { $0.child }, line: { $0.line })
    var childrenInCareCeasedYTD: [ChildInCare] { rows.childrenInCareCeasedYTD }
    /// The children counted in `cla.uasc`: the base of every UASC indicator.
    lazy var unaccompaniedChildren: [ChildInCare] = childrenInCareOpen.filter { $0.uasc == .yes }

    /// Age at a CP plan's start: a blank Date of Birth, or one after the start, is an unborn
    /// child (under 1); nil when the date cannot be read.
    func ageAtStart(_ p: ChildProtectionPlan) -> Int? {
        guard let start = p.start.day else { return nil }
        switch p.dateOfBirth {
        case .blank: return 0
        case .bad: return nil
        case .day(let dob): return dob > start ? 0 : dob.age(at: start)
        }
    }

    // MARK: care leavers

    /// Every row is a current care leaver; a child listed twice is counted once (the later line).
    lazy var careLeavers: [CareLeaver] = {
        let rows = self.rows.careLeavers
        var standing: [String: Int] = [:]
        for (i, r) in rows.enumerated() where !r.child.isEmpty {
            if let prev = standing[r.child] {
                warnings.append(duplicate(self.rows.origin(.list9), list: .list9, line: rows[prev].line, child: r.child, keptLine: r.line))
            }
            standing[r.child] = i
        }
        return standing.values.sorted().map { rows[$0] }
    }()

    func ageBand(_ c: CareLeaver) -> String? {
        guard let dob = c.dateOfBirth.day else { return nil }
        let age = dob.age(at: asAt)
        switch age {
        case ..<18: return "17_under"
        case 18, 19, 20, 21: return String(age)
        default: return "22_over"
        }
    }

    lazy var careLeavers19to21: [CareLeaver] = careLeavers.filter {
        guard let dob = $0.dateOfBirth.day else { return false }
        return (19...21).contains(dob.age(at: asAt))
    }

    // MARK: youth offending

    lazy var youthCasesOpen: [YouthOffendingCase] = rows.youthOffending.filter { period.isOpen(start: $0.orderStart, end: $0.orderEnd) }
    lazy var youthStatutoryOpen: [YouthOffendingCase] = youthCasesOpen.filter { $0.orderType == .statutory }
    lazy var youthOrdersEndedLastQuarter: [YouthOffendingCase] = rows.youthOffending.filter { period.inPreviousQuarter($0.orderEnd) }

    // MARK: quality assurance

    /// The month's audits (their overall grades) and domain gradings; a row with a blank domain
    /// is neither (the reader noted it).
    lazy var auditsInMonth: [CaseAudit] = rows.auditsInMonth.filter(\.isOverall)
    lazy var domainGradingsInMonth: [CaseAudit] = rows.auditsInMonth.filter { !$0.isOverall && !$0.domain.isEmpty }

    // MARK: workforce

    /// Staff in post at R, one row per worker: Start Date ≤ R (blank counts as in post) and End
    /// Date blank or after R. A worker named twice counts once, the later line standing (with a
    /// warning); a row whose dates cannot be read, or with a blank Worker (noted by the reader),
    /// is left out.
    lazy var staffInPost: [StaffMember] = {
        var standing: [String: Int] = [:]
        let staff = rows.staff
        for (i, m) in staff.enumerated() where !m.worker.isEmpty {
            let started: Bool
            switch m.start {
            case .blank: started = true
            case .bad: continue
            case .day(let d): started = d <= asAt
            }
            let left: Bool
            switch m.end {
            case .blank: left = false
            case .bad: continue
            case .day(let d): left = d <= asAt
            }
            guard started && !left else { continue }
            let key = StaffMember.nameKey(m.worker)
            if let earlier = standing[key] {
                let origin = rows.origin(.workforce)
                let place = origin.sheet == nil ? "line" : "row"
                warnings.append(DataQualityIssue(file: origin.file, sheet: origin.sheet, line: staff[earlier].line, column: Column.staffWorker,
                                                 value: staff[earlier].worker,
                                                 problem: "the same worker is also on \(place) \(m.line); that line stands and this one is not counted",
                                                 kind: .duplicateWorker, list: .workforce))
            }
            standing[key] = i
        }
        return standing.values.sorted().map { staff[$0] }
    }()

    lazy var socialWorkers: [StaffMember] = staffInPost.filter(\.isSocialWorker)

    /// Each social worker's caseload (by the worker's name key): the children counted in
    /// cin.children, cp.children, cla.children and cl.total, each once, by the Allocated Worker
    /// of its row in the first of Lists 8, 7, 6, 9 that counts it. nil when none of those lists
    /// was supplied. Lists that were not supplied, or have no Allocated Worker, are noted.
    lazy var caseloads: [String: Int]? = {
        let lists: [ListKind] = [.list8, .list7, .list6, .list9]
        guard lists.contains(where: rows.supplies) else { return nil }
        // Each list's (child, worker) pairs, in the order the lists are taken: a child counts
        // for the worker of the first row that names it. The cohorts are built (and their
        // warnings noted) in that order too, as the arguments are evaluated.
        var passes: [((String, String) -> Void) -> Void] = []
        func take<Row>(_ list: ListKind, _ cohort: [Row], child: @escaping (Row) -> String, worker: @escaping (Row) -> String) {
            guard rows.supplies(list), rows.has(list, Column.worker) else {
                let origin = rows.origin(list)
                let why = rows.supplies(list) ? "has no Allocated Worker" : "was not supplied"
                warnings.append(DataQualityIssue(file: origin.file, sheet: origin.sheet, line: 0, column: Column.worker, value: "",
                                                 problem: "\(list.title) \(why): its children count in no social worker's caseload",
                                                 kind: .caseloadListMissing, list: list))
                return
            }
            passes.append { visit in for r in cohort { visit(child(r), worker(r)) } }
        }
        take(.list8, childrenInCareOpen, child: { $0.child }, worker: { $0.worker })
        take(.list7, protectionPlansOpen, child: { $0.child }, worker: { $0.worker })
        take(.list6, childrenInNeedOpen, child: { $0.child }, worker: { $0.worker })
        take(.list9, careLeavers.filter { !$0.child.isEmpty }, child: { $0.child }, worker: { $0.worker })
        let social = Set(socialWorkers.map { StaffMember.nameKey($0.worker) })
        // Children per worker as written; a spelling's children then go to its name key (made
        // once per spelling).
        let perSpelling = Cohorts.childrenPerWorker(passes) ?? Cohorts.childrenPerWorkerByString(passes)
        var counts: [String: Int] = [:]
        for (w, n) in perSpelling {
            let key = StaffMember.nameKey(w)
            if social.contains(key) { counts[key, default: 0] += n }
        }
        let unmatched = socialWorkers.filter { counts[StaffMember.nameKey($0.worker)] == nil }
        if let first = unmatched.first {
            let origin = rows.origin(.workforce)
            warnings.append(DataQualityIssue(file: origin.file, sheet: origin.sheet, line: first.line, column: Column.staffWorker,
                                             value: "\(unmatched.count) of \(socialWorkers.count)",
                                             problem: "\(unmatched.count) of \(socialWorkers.count) social workers match no child's Allocated Worker in Lists 6–9: their caseload is 0",
                                             kind: .unmatchedWorkers, list: .workforce))
        }
        return counts
    }()

    /// Children per worker spelling (blank workers left out), each child counted once, for
    /// the first pair that names it. Children and workers are told apart by their bytes (a
    /// cheap hash, no String hashing per row); nil when a child ID is not all ASCII (equal
    /// Strings may then have different bytes): `childrenPerWorkerByString` counts those.
    /// Workers grouped by bytes are grouped finer than by String, and each group goes to its
    /// name key as a String, so the counts per key are the same either way.
    static func childrenPerWorker(_ passes: [((String, String) -> Void) -> Void]) -> [(String, Int)]? {
        var children = ByteNumbering()
        var workers = ByteNumbering()
        var perWorker: [(String, Int)] = []
        var ascii = true
        for pass in passes where ascii {
            pass { child, worker in
                guard ascii else { return }
                var id = child
                let first: Bool? = id.withUTF8 { u in
                    guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
                    let before = children.count
                    return Int(children.number(UnsafeRawBufferPointer(u))) == before
                }
                guard let first else { ascii = false; return }
                guard first, !worker.isEmpty else { return }
                var w = worker
                let n = Int(w.withUTF8 { workers.number(UnsafeRawBufferPointer($0)) })
                if n == perWorker.count { perWorker.append((worker, 0)) }
                perWorker[n].1 += 1
            }
        }
        return ascii ? perWorker : nil
    }

    /// `childrenPerWorker` keyed by Strings, for child IDs that are not all ASCII.
    static func childrenPerWorkerByString(_ passes: [((String, String) -> Void) -> Void]) -> [(String, Int)] {
        var workerOf: [String: String] = [:]
        for pass in passes {
            pass { child, worker in if workerOf[child] == nil { workerOf[child] = worker } }
        }
        var perWorker: [String: Int] = [:]
        for (_, w) in workerOf where !w.isEmpty { perWorker[w, default: 0] += 1 }
        return perWorker.map { ($0.key, $0.value) }
    }

    // MARK: shared kernels

    /// One row per child open at R: the row with the latest start stands (on a tie, the later
    /// line); each other open row of that child is a data-quality warning. In file order.
    /// (Closures rather than key paths: a key path is looked up at run time on every row.)
    func openChildren<Row>(_ rows: [Row], list: ListKind, origin: ListOrigin, start: (Row) -> DateField, end: (Row) -> DateField,
                           child: (Row) -> String, line: (Row) -> Int) -> [Row] {
        // Children are told apart by their IDs' bytes (a cheap hash) while every ID is ASCII,
        // where equal bytes and equal Strings are the same thing; an ID of other characters
        // (which a String may count equal to another spelling) sends the list the String way.
        var numbers = ByteNumbering()
        var standing: [Int] = []   // by child number: the standing row
        var found: [DataQualityIssue] = []
        for (i, r) in rows.enumerated() where !child(r).isEmpty && period.isOpen(start: start(r), end: end(r)) {
            var id = child(r)
            guard let n = id.withUTF8({ u in u.allSatisfy { $0 < 0x80 } ? Int(numbers.number(UnsafeRawBufferPointer(u))) : nil }) else {
                return openChildrenByString(rows, list: list, origin: origin, start: start, end: end, child: child, line: line)
            }
            guard n < standing.count else { standing.append(i); continue }
            let j = standing[n]
            let other = rows[j]
            let rStart = start(r).day!, oStart = start(other).day!
            let rWins = rStart > oStart || (rStart == oStart && line(r) > line(other))
            let (kept, dropped) = rWins ? (r, other) : (other, r)
            if rWins { standing[n] = i }
            found.append(duplicate(origin, list: list, line: line(dropped), child: id, keptLine: line(kept)))
        }
        warnings += found
        return standing.sorted().map { rows[$0] }
    }

    /// `openChildren` keyed by Strings, for a list whose IDs are not all ASCII.
    private func openChildrenByString<Row>(_ rows: [Row], list: ListKind, origin: ListOrigin, start: (Row) -> DateField, end: (Row) -> DateField,
                                           child: (Row) -> String, line: (Row) -> Int) -> [Row] {
        var standing: [String: Int] = [:]
        for (i, r) in rows.enumerated() where !child(r).isEmpty && period.isOpen(start: start(r), end: end(r)) {
            let id = child(r)
            guard let j = standing[id] else { standing[id] = i; continue }
            let other = rows[j]
            let rStart = start(r).day!, oStart = start(other).day!
            let rWins = rStart > oStart || (rStart == oStart && line(r) > line(other))
            let (kept, dropped) = rWins ? (r, other) : (other, r)
            if rWins { standing[id] = i }
            warnings.append(duplicate(origin, list: list, line: line(dropped), child: id, keptLine: line(kept)))
        }
        return standing.values.sorted().map { rows[$0] }
    }

    private func duplicate(_ origin: ListOrigin, list: ListKind, line: Int, child: String, keptLine: Int) -> DataQualityIssue {
        let place = origin.sheet == nil ? "line" : "row"
        return DataQualityIssue(file: origin.file, sheet: origin.sheet, line: line, column: Column.childID, value: child,
                                problem: "the same child is also on \(place) \(keptLine); that row stands and this one is not counted",
                                kind: .duplicateChild, list: list)
    }
}
