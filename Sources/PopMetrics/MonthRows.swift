import PopCalendar
import PopExtract

/// The reporting date's windows (data contract, section 3): the month is the 1st of R's month
/// to R; the YTD is 1 April on or before R, to R; open at R is start ≤ R and (end blank or
/// end > R).
public struct ReportingPeriod: Sendable {
    public let asAt: Day
    public let monthStart: Day
    public let yearStart: Day
    /// addMonths(R, −12): "in the 12 months up to R" is after this day.
    public let twelveMonthsBefore: Day
    /// addMonths(1 April, −12): the earliest referral a YTD re-referral can look back to.
    public let referralLookBackStart: Day

    public init(asAt: Day) {
        self.asAt = asAt
        monthStart = asAt.firstOfMonth
        yearStart = asAt.financialYearStart
        twelveMonthsBefore = asAt.addingMonths(-12)
        referralLookBackStart = yearStart.addingMonths(-12)
    }

    @inline(__always) func inMonth(_ f: DateField) -> Bool { f.day.map { $0 >= monthStart && $0 <= asAt } ?? false }
    @inline(__always) func inYTD(_ f: DateField) -> Bool { f.day.map { $0 >= yearStart && $0 <= asAt } ?? false }

    /// In the 12 months up to R: addMonths(R, −12) < d ≤ R. Blank is false; unreadable is nil.
    func inLast12Months(_ f: DateField) -> Bool? {
        switch f {
        case .bad: return nil
        case .blank: return false
        case .day(let d): return d > twelveMonthsBefore && d <= asAt
        }
    }

    /// Open at R. An unreadable start or end date leaves the row out: it cannot be placed.
    @inline(__always) func isOpen(start: DateField, end: DateField) -> Bool {
        guard let s = start.day, s <= asAt else { return false }
        switch end {
        case .blank: return true
        case .day(let e): return e > asAt
        case .bad: return false
        }
    }

    func inPreviousQuarter(_ f: DateField) -> Bool {
        let q = asAt.previousCalendarQuarter
        return f.day.map { $0 >= q.first && $0 <= q.last } ?? false
    }
}

/// What one reporting date's figures need from an extract, kept as its rows stream past.
///
/// Flows (contacts, referrals, assessments, enquiries, Early Help assessments started or
/// completed, audits) are kept only for the month; the year's contacts, referrals and Early Help
/// assessments are tallied, with a compact date per referral for re-referrals. Case lists keep
/// the rows open at R, this year's CP starts and ends and this year's ends of care; the staff
/// list is kept whole (a row per member of staff). So memory follows the open cases, the staff
/// and one month's activity, not the number of rows or years an extract holds.
public struct MonthRows: PartedSink, SuppliesLists {
    public let period: ReportingPeriod
    public private(set) var supplied: Set<ListKind> = []
    /// Where each supplied list came from, for the warnings computed later.
    public private(set) var origins: [ListKind: ListOrigin] = [:]
    /// Each supplied list's columns (keys of their 2024 names).
    public private(set) var columns: [ListKind: Set<String>] = [:]
    public private(set) var dataQuality: [DataQualityIssue] = []
    public private(set) var rowsRead = 0

    var hasContactDecisions = false
    var contactsInMonth: [Contact] = []
    var contactsYTD = 0
    var referralsInMonth: [Referral] = []
    var referralsYTD = 0
    /// YTD referrals whose source could be read: the base of the source breakdown.
    var referralSourcesBaseYTD = 0
    /// YTD referrals per Referral Source group, in `SourceGroup.allCases` order.
    var referralSourceCountsYTD = [Int](repeating: 0, count: SourceGroup.allCases.count)
    var referralSourcesYTD: [String: Int] {
        var out: [String: Int] = [:]
        for (g, n) in zip(SourceGroup.allCases, referralSourceCountsYTD) { out[g.rawValue] = n }
        return out
    }
    var referralHistory = ReferralHistory()
    var earlyHelpStartedInMonth: [EarlyHelpAssessment] = []
    var earlyHelpStartedYTD = 0
    var earlyHelpCompletedInMonth: [EarlyHelpAssessment] = []
    var earlyHelpOpenRows: [EarlyHelpAssessment] = []
    var assessmentsAuthorisedInMonth: [Assessment] = []
    var section47sStartedInMonth: [Section47Enquiry] = []
    var icpcsInMonth: [Section47Enquiry] = []
    /// Rows open at R, in file order, before one row per child is chosen.
    var childrenInNeedOpenRows: [ChildInNeedEpisode] = []
    var protectionPlansOpenRows: [ChildProtectionPlan] = []
    var protectionPlansStartedYTD: [ChildProtectionPlan] = []
    var protectionPlansEndedYTD: [ChildProtectionPlan] = []
    var childrenInCareOpenRows: [ChildInCare] = []
    /// Periods of care that ended in the YTD (a start that cannot be read counts nowhere).
    var childrenInCareCeasedYTD: [ChildInCare] = []
    /// Every row of List 9 is a current care leaver.
    var careLeavers: [CareLeaver] = []
    /// Orders open at R, ended in the previous quarter, or with a first-time-entrant date in
    /// the 12 months or a custodial sentence in the YTD.
    var youthOffending: [YouthOffendingCase] = []
    /// Audit rows dated in the month (overall grades and domain gradings).
    var auditsInMonth: [CaseAudit] = []
    /// Every row of the staff list, in file order.
    var staff: [StaffMember] = []

    public init(asAt: Day) { period = ReportingPeriod(asAt: asAt) }

    public func emptyPart() -> MonthRows { MonthRows(asAt: asAt) }

    /// Every row of an extract already read, as a reader would have sent them.
    public init(_ extract: Extract, asAt: Day) {
        self.init(asAt: asAt)
        extract.replay(into: &self)
    }

    public var asAt: Day { period.asAt }
    public func supplies(_ list: ListKind) -> Bool { supplied.contains(list) }

    /// Whether a supplied list has a column.
    public func has(_ list: ListKind, _ column: String) -> Bool { columns[list]?.contains(Column.key(column)) ?? false }

    /// Where a list came from (its own file name when it was not supplied).
    public func origin(_ list: ListKind) -> ListOrigin { origins[list] ?? ListOrigin(file: list.fileName) }

    public mutating func begin(_ list: ListKind, from origin: ListOrigin, columns: Set<String>) {
        supplied.insert(list)
        origins[list] = origin
        self.columns[list] = columns
        if list == .list1 { hasContactDecisions = columns.contains(Column.key(Column.contactDecision)) }
    }

    public mutating func note(_ issue: DataQualityIssue) { dataQuality.append(issue) }

    /// Keeps what R's figures need from a batch of any list's rows.
    public mutating func add<Row: ListRow>(_ rows: [Row]) {
        rowsRead += rows.count
        if let r = rows.of(Contact.self) { for x in r { keep(x) } }
        else if let r = rows.of(EarlyHelpAssessment.self) { for x in r { keep(x) } }
        else if let r = rows.of(Referral.self) { for x in r { keep(x) } }
        else if let r = rows.of(Assessment.self) { for x in r { keep(x) } }
        else if let r = rows.of(Section47Enquiry.self) { for x in r { keep(x) } }
        else if let r = rows.of(ChildInNeedEpisode.self) { for x in r { keep(x) } }
        else if let r = rows.of(ChildProtectionPlan.self) { for x in r { keep(x) } }
        else if let r = rows.of(ChildInCare.self) { for x in r { keep(x) } }
        else if let r = rows.of(CareLeaver.self) { careLeavers += r }
        else if let r = rows.of(YouthOffendingCase.self) { for x in r { keep(x) } }
        else if let r = rows.of(CaseAudit.self) { auditsInMonth += r.filter { period.inMonth($0.date) } }
        else if let r = rows.of(StaffMember.self) { staff += r }
    }

    private mutating func keep(_ row: EarlyHelpAssessment) {
        // An assessment whose start cannot be read counts nowhere (data contract, Bad input).
        guard !row.start.isBad else { return }
        if period.inYTD(row.start) { earlyHelpStartedYTD += 1 }
        if period.inMonth(row.start) { earlyHelpStartedInMonth.append(row) }
        if period.inMonth(row.completed) { earlyHelpCompletedInMonth.append(row) }
        if period.isOpen(start: row.start, end: row.completed) { earlyHelpOpenRows.append(row) }
    }

    /// Takes a part whose lists were read apart (`ExtractReader`'s lists in parallel): its lists
    /// come after this one's. Every field is joined here; `MonthRowsPartsTests` lists them, so
    /// a field added without joining it fails there.
    public mutating func append(part p: consuming MonthRows) {
        precondition(p.period.asAt == period.asAt, "parts of one reporting date only")
        supplied.formUnion(p.supplied)
        origins.merge(p.origins) { _, later in later }
        columns.merge(p.columns) { _, later in later }
        dataQuality.join(p.dataQuality)
        rowsRead += p.rowsRead
        hasContactDecisions = hasContactDecisions || p.hasContactDecisions
        contactsInMonth.join(p.contactsInMonth)
        contactsYTD += p.contactsYTD
        referralsInMonth.join(p.referralsInMonth)
        referralsYTD += p.referralsYTD
        referralSourcesBaseYTD += p.referralSourcesBaseYTD
        for i in referralSourceCountsYTD.indices { referralSourceCountsYTD[i] += p.referralSourceCountsYTD[i] }
        referralHistory.join(p.referralHistory)
        earlyHelpStartedInMonth.join(p.earlyHelpStartedInMonth)
        earlyHelpStartedYTD += p.earlyHelpStartedYTD
        earlyHelpCompletedInMonth.join(p.earlyHelpCompletedInMonth)
        earlyHelpOpenRows.join(p.earlyHelpOpenRows)
        assessmentsAuthorisedInMonth.join(p.assessmentsAuthorisedInMonth)
        section47sStartedInMonth.join(p.section47sStartedInMonth)
        icpcsInMonth.join(p.icpcsInMonth)
        childrenInNeedOpenRows.join(p.childrenInNeedOpenRows)
        protectionPlansOpenRows.join(p.protectionPlansOpenRows)
        protectionPlansStartedYTD.join(p.protectionPlansStartedYTD)
        protectionPlansEndedYTD.join(p.protectionPlansEndedYTD)
        childrenInCareOpenRows.join(p.childrenInCareOpenRows)
        childrenInCareCeasedYTD.join(p.childrenInCareCeasedYTD)
        careLeavers.join(p.careLeavers)
        youthOffending.join(p.youthOffending)
        auditsInMonth.join(p.auditsInMonth)
        staff.join(p.staff)
    }

    /// Sorts the referral history where List 3 was read (a thread of its own, beside the other
    /// lists), rather than in the engine after every list is in.
    public mutating func partRead() { referralHistory.prepare() }

    private mutating func keep(_ row: Contact) {
        if period.inYTD(row.date) { contactsYTD += 1 }
        if period.inMonth(row.date) { contactsInMonth.append(row) }
    }

    private mutating func keep(_ row: Referral) {
        if let d = row.date.day { referralHistory.add(child: row.child, day: d, period: period) }
        if period.inYTD(row.date) {
            referralsYTD += 1
            if let source = row.source, let i = SourceGroup.allCases.firstIndex(of: source) {
                referralSourceCountsYTD[i] += 1
                referralSourcesBaseYTD += 1
            }
        }
        if period.inMonth(row.date) { referralsInMonth.append(row) }
    }

    private mutating func keep(_ row: Assessment) {
        if period.inMonth(row.authorised) { assessmentsAuthorisedInMonth.append(row) }
    }

    private mutating func keep(_ row: Section47Enquiry) {
        if period.inMonth(row.strategyStart) { section47sStartedInMonth.append(row) }
        if period.inMonth(row.icpc) { icpcsInMonth.append(row) }
    }

    private mutating func keep(_ row: ChildInNeedEpisode) {
        if period.isOpen(start: row.start, end: row.closure) { childrenInNeedOpenRows.append(row) }
    }

    private mutating func keep(_ row: ChildProtectionPlan) {
        if period.isOpen(start: row.start, end: row.end) { protectionPlansOpenRows.append(row) }
        if period.inYTD(row.start) { protectionPlansStartedYTD.append(row) }
        // A plan whose start cannot be read counts nowhere, its ending included (data contract, Bad input).
        if period.inYTD(row.end) && !row.start.isBad { protectionPlansEndedYTD.append(row) }
    }

    private mutating func keep(_ row: ChildInCare) {
        if period.isOpen(start: row.started, end: row.ceased) { childrenInCareOpenRows.append(row) }
        if period.inYTD(row.ceased) && !row.started.isBad { childrenInCareCeasedYTD.append(row) }
    }

    private mutating func keep(_ row: YouthOffendingCase) {
        if period.isOpen(start: row.orderStart, end: row.orderEnd) || period.inPreviousQuarter(row.orderEnd)
            || period.inLast12Months(row.firstTimeEntrant) == true || period.inYTD(row.custodialSentence) {
            youthOffending.append(row)
        }
    }
}

/// Every referral date per child, for re-referrals: a YTD referral is a re-referral when the
/// same child has another referral dated in [addMonths(d, −12), d). Only dates from
/// addMonths(1 April, −12) to R can matter, so only those are kept.
///
/// Children are told apart by their IDs' bytes. An ID of up to 15 bytes is its own key (its
/// bytes and length packed in 16 bytes), so no table of children is kept: the referrals are
/// sorted by child and date once, and read in one pass. (A hash table numbering a million
/// children missed the cache on every referral: half of List 3's read at 10M rows.) A longer
/// ID is numbered exactly, by its bytes.
struct ReferralHistory {
    struct Entry: Comparable {
        /// An ID's bytes 0–7, and 8–14 with its length in the top byte; or a long ID's number,
        /// and 0xFF in the top byte (no short ID has that length); or a non-ASCII ID's number and 0xFE.
        let k0: UInt64, k1: UInt64
        let day: Int32

        static func < (a: Entry, b: Entry) -> Bool {
            a.k0 != b.k0 ? a.k0 < b.k0 : a.k1 != b.k1 ? a.k1 < b.k1 : a.day < b.day
        }

        func sameChild(_ o: Entry) -> Bool { k0 == o.k0 && k1 == o.k1 }
    }

    private var longIDs = ByteNumbering()
    /// The long IDs, by number (to be compared as Strings when a non-ASCII ID turns up).
    private var longStrings: [String] = []
    /// IDs with characters beyond ASCII, numbered by String equality (0xFE in the top byte).
    private var otherIDs: [String: Int] = [:]
    /// YTD referrals with a blank Child Unique ID: in the base (a flow counts rows), never a
    /// re-referral (no child to have another).
    private var blankYTD = 0
    /// A class so that sorting happens in place, not in a second copy of what can be millions
    /// of entries.
    private final class Entries {
        var list: [Entry] = []
        var sorted = true
        /// Non-ASCII IDs equal as Strings to an ASCII one have been given its key.
        var joined = false
    }
    private var entries = Entries()

    mutating func add(child: String, day: Day, period: ReportingPeriod) {
        guard day <= period.asAt, day >= period.referralLookBackStart else { return }
        guard !child.isEmpty else {
            if day >= period.yearStart { blankYTD += 1 }
            return
        }
        var id = child
        let key = id.withUTF8 { u -> (UInt64, UInt64)? in
            let n = u.count
            // Other characters: told apart as Strings, as every children count tells them.
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard n <= 15 else {
                let number = Int(longIDs.number(UnsafeRawBufferPointer(u)))
                if number == longStrings.count { longStrings.append(child) }
                return (UInt64(number), 0xFF << 56)
            }
            var a: UInt64 = 0, b: UInt64 = 0
            for i in 0..<min(n, 8) { a |= UInt64(u[i]) << UInt64(8 * i) }
            if n > 8 { for i in 8..<n { b |= UInt64(u[i]) << UInt64(8 * (i - 8)) } }
            return (a, b | UInt64(n) << 56)
        }
        let k: (UInt64, UInt64)
        if let key { k = key } else {
            let number = otherIDs[child] ?? otherIDs.count
            otherIDs[child] = number
            k = (UInt64(number), 0xFE << 56)
        }
        let e = Entry(k0: k.0, k1: k.1, day: Int32(day.number))
        if !isKnownUniquelyReferenced(&entries) {
            let copy = Entries()
            copy.list = entries.list
            copy.sorted = entries.sorted
            entries = copy
        }
        entries.joined = false
        if let last = entries.list.last, e < last { entries.sorted = false }
        entries.list.append(e)
    }

    /// Takes the referrals of a part read apart. Only List 3 adds referrals, so one of the two
    /// is empty: the other is taken whole.
    mutating func join(_ other: ReferralHistory) {
        if other.entries.list.isEmpty && other.blankYTD == 0 { return }
        precondition(entries.list.isEmpty && blankYTD == 0, "referrals come from one list")
        self = other
    }

    /// Sorts the entries (once): by child, then date. A non-ASCII ID that Swift's String
    /// equality finds equal to an ASCII one (a Kelvin sign `K`, say) first takes that ID's key,
    /// so that re-referrals tell children apart as the children counts do.
    func prepare() {
        if !entries.joined {
            joinEqualIDs()
            entries.joined = true
        }
        if !entries.sorted {
            entries.list.sort()
            entries.sorted = true
        }
    }

    private func joinEqualIDs() {
        guard !otherIDs.isEmpty else { return }
        let tag: UInt64 = 0xFF << 56
        var ascii: [String: (UInt64, UInt64)] = [:]
        for e in entries.list where e.k1 & tag != 0xFE << 56 {
            let id: String
            if e.k1 & tag == tag {
                id = longStrings[Int(e.k0)]
            } else {
                let n = Int(e.k1 >> 56)
                var bytes: [UInt8] = []
                for i in 0..<n {
                    let word: UInt64 = i < 8 ? e.k0 : e.k1
                    let shift = UInt64(8 * (i < 8 ? i : i - 8))
                    bytes.append(UInt8(truncatingIfNeeded: word >> shift))
                }
                id = String(decoding: bytes, as: UTF8.self)
            }
            ascii[id] = (e.k0, e.k1)
        }
        var renamed: [UInt64: (UInt64, UInt64)] = [:]
        for (id, number) in otherIDs { if let key = ascii[id] { renamed[UInt64(number)] = key } }
        guard !renamed.isEmpty else { return }
        for (i, e) in entries.list.enumerated() where e.k1 == 0xFE << 56 {
            if let key = renamed[e.k0] { entries.list[i] = Entry(k0: key.0, k1: key.1, day: e.day) }
        }
        entries.sorted = false
    }

    /// (re-referrals, referrals) among the YTD referrals; a referral with a blank ID is in the
    /// second alone.
    func rereferrals(_ period: ReportingPeriod) -> (Int, Int) {
        prepare()
        let sorted = entries.list
        func day(_ i: Int) -> Day { Day(number: Int(sorted[i].day)) }
        var numerator = 0, denominator = 0
        var i = 0
        while i < sorted.count {
            let c = sorted[i]
            var earlier: Day?   // the latest date before the current one, for this child
            while i < sorted.count && sorted[i].sameChild(c) {
                let d = day(i)
                var j = i
                while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
                if d >= period.yearStart {
                    denominator += j - i
                    if let e = earlier, e >= d.addingMonths(-12) { numerator += j - i }
                }
                earlier = d
                i = j
            }
        }
        return (numerator, denominator + blankYTD)
    }
}

extension Array {
    /// Appends a part's elements; an empty array takes the part's storage as it is.
    mutating func join(_ other: [Element]) {
        if isEmpty { self = other } else { self += other }
    }
}
