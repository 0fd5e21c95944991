import PopCalendar

/// A column as found in the header: its canonical name (for messages) and its position.
struct ColumnRef {
    let name: String
    let index: Int?
}

/// A header row's columns by key, resolved once per list.
struct Header {
    let positions: [String: Int]

    func callAsFunction(_ name: String) -> ColumnRef { ColumnRef(name: name, index: positions[Column.key(name)]) }
}

/// A parsed code and the data-quality problem its spelling raises, if any.
struct Coded<T> {
    let value: T
    /// A literal, so a looked-up code is copied without reference counting.
    let problem: StaticString?
}

/// Typed reads of a list's cells, noting each unusable value. One per list being read; code,
/// team and worker cells are parsed once per distinct spelling (looked up by their bytes).
///
/// Cell bytes are only ever looked at inside `Record.withCell`, so no pointer into a record
/// outlives the callback that lends it.
struct Cells {
    let file: String
    let sheet: String?
    var line = 0
    var issues: [DataQualityIssue] = []
    var history = HistoryStart()

    var yesNos = ByteMemo<Coded<YesNo>>()
    var counts = ByteMemo<Coded<CountField>>()
    var sources = ByteMemo<Coded<SourceGroup?>>()
    var statuses = ByteMemo<Coded<CaseStatus?>>()
    var categories = ByteMemo<Coded<CodedField<AbuseCategory>>>()
    var legals = ByteMemo<Coded<LegalGroup?>>()
    var locations = ByteMemo<Coded<PlacementLocation>>()
    var activities = ByteMemo<Coded<ActivityGroup?>>()
    var suitabilities = ByteMemo<Coded<Suitability?>>()
    var orderTypes = ByteMemo<Coded<OrderType?>>()
    var intensities = ByteMemo<Coded<Intensity>>()
    var teams = ByteMemo<String>()
    var workers = ByteMemo<String>()
    let dates = DateMemo()

    init(file: String, sheet: String?) {
        self.file = file
        self.sheet = sheet
    }

    mutating func issue(column: String, value: String, problem: String) {
        issues.append(DataQualityIssue(file: file, sheet: sheet, line: line, column: column, value: value, problem: problem))
    }

    /// A cell the header has but this row lacks (a short row): unreadable, never blank.
    @inline(__always)
    static func lacks(_ r: borrowing Record, _ c: ColumnRef) -> Bool {
        guard let i = c.index else { return false }
        return i >= r.count
    }

    mutating func child(_ r: borrowing Record, _ c: ColumnRef) -> String {
        let id = r.withCell(c.index ?? -1) { TextDecoding.decode(TextDecoding.trim($0)) }
        if id.isEmpty && !Cells.lacks(r, c) { issue(column: Column.childID, value: "", problem: "blank child ID: left out of children counts") }
        return id
    }

    /// One shared String per distinct spelling; a blank team is `Unallocated` (and so is one a
    /// short row lacks: the row's own note says so).
    mutating func team(_ r: borrowing Record, _ c: ColumnRef) -> String {
        r.withCell(c.index ?? -1) { Cells.interned(TextDecoding.trim($0), &teams) { $0.isEmpty ? "Unallocated" : $0 } }
    }

    mutating func worker(_ r: borrowing Record, _ c: ColumnRef) -> String {
        r.withCell(c.index ?? -1) { Cells.interned(TextDecoding.trim($0), &workers) { $0 } }
    }

    @inline(__always)
    private static func interned(_ bytes: UnsafeRawBufferPointer, _ memo: inout ByteMemo<String>, _ name: (String) -> String) -> String {
        if let known = memo.find(bytes) { return known }
        let s = name(TextDecoding.decode(bytes))
        memo.insert(bytes, s)
        return s
    }

    mutating func date(_ r: borrowing Record, _ c: ColumnRef) -> DateField {
        guard let i = c.index else { return .blank }
        if i >= r.count { return .bad }
        let f = r.withCell(i) { dates.parse($0) }
        if f == .bad { issue(column: c.name, value: r.trimmed(i), problem: "not a date") }
        return f
    }

    /// Parses a code cell once per distinct spelling; `problem` says when a value is unusable.
    /// (The memo comes in as its own argument: a key path would be looked up on every cell.)
    @inline(__always)
    private static func code<T>(_ r: borrowing Record, _ c: ColumnRef, _ memo: inout ByteMemo<Coded<T>>,
                                _ parse: (String) -> T, problem: (String, T) -> StaticString?) -> Coded<T> {
        r.withCell(c.index ?? -1) { raw in
            let bytes = TextDecoding.trim(raw)
            if let known = memo.find(bytes) { return known }
            let text = TextDecoding.decode(bytes)
            let v = parse(text)
            let made = Coded(value: v, problem: problem(text, v))
            memo.insert(bytes, made)
            return made
        }
    }

    /// The code's value, noting its problem if it has one.
    @inline(__always)
    private mutating func value<T>(_ coded: Coded<T>, _ r: borrowing Record, _ c: ColumnRef) -> T {
        if let p = coded.problem { report(p, r, c) }
        return coded.value
    }

    /// Kept out of line: the usual cell has no problem.
    @inline(never)
    private mutating func report(_ problem: StaticString, _ r: borrowing Record, _ c: ColumnRef) {
        issue(column: c.name, value: r.trimmed(c.index ?? -1), problem: problem.description)
    }

    mutating func yesNo(_ r: borrowing Record, _ c: ColumnRef) -> YesNo {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &yesNos, YesNo.parse) { _, v in v == .bad ? "not a yes/no value" : nil }, r, c)
    }

    mutating func count(_ r: borrowing Record, _ c: ColumnRef) -> CountField {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &counts, CountField.parse) { _, v in v == .bad ? "not a whole number" : nil }, r, c)
    }

    mutating func source(_ r: borrowing Record, _ c: ColumnRef) -> SourceGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &sources, { Optional(SourceGroup.parse($0).group) }) { t, _ in
            SourceGroup.parse(t).recognised ? nil : "source not recognised: counted as other"
        }, r, c)
    }

    mutating func caseStatus(_ r: borrowing Record, _ c: ColumnRef) -> CaseStatus? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &statuses, CaseStatus.parse) { t, v in v != nil ? nil : t.isEmpty ? "blank case status" : "not a case status" },
              r, c)
    }

    mutating func category(_ r: borrowing Record, _ c: ColumnRef) -> CodedField<AbuseCategory> {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &categories, { t in t.isEmpty ? .blank : AbuseCategory.parse(t).map { .value($0) } ?? .bad }) { _, v in
            switch v {
            case .value: nil
            case .blank: "blank category of abuse: the child counts on plans, in no category"
            case .bad: "not a category of abuse"
            }
        }, r, c)
    }

    mutating func legal(_ r: borrowing Record, _ c: ColumnRef) -> LegalGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &legals, { Optional(LegalGroup.parse($0)) }) { _, _ in nil }, r, c)
    }

    mutating func location(_ r: borrowing Record, _ c: ColumnRef) -> PlacementLocation {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &locations, PlacementLocation.parse) { _, v in v == .bad ? "not a placement location (in / out)" : nil },
              r, c)
    }

    mutating func activity(_ r: borrowing Record, _ c: ColumnRef) -> ActivityGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &activities, { Optional(ActivityGroup.parse($0)) }) { _, _ in nil }, r, c)
    }

    mutating func suitability(_ r: borrowing Record, _ c: ColumnRef) -> Suitability? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &suitabilities, { Optional(Suitability.parse($0)) }) { _, _ in nil }, r, c)
    }

    mutating func orderType(_ r: borrowing Record, _ c: ColumnRef) -> OrderType? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &orderTypes, { Optional(OrderType.parse($0)) }) { _, _ in nil }, r, c)
    }

    mutating func intensity(_ r: borrowing Record, _ c: ColumnRef) -> Intensity {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &intensities, Intensity.parse) { _, v in v == .bad ? "not a scaled approach intensity" : nil }, r, c)
    }
}

/// The earliest event of a flow list, to warn when it starts later than its indicators need.
struct HistoryStart {
    var earliest: (day: Day, line: Int)?

    @inline(__always)
    mutating func see(_ f: DateField, line: Int) {
        if let d = f.day, earliest == nil || d < earliest!.day { earliest = (d, line) }
    }

    /// Lists 1, 3, 4 and 5 must reach back to 1 April of R's financial year (List 3 a year
    /// further, for re-referrals). A list whose first event is more than a week after that has
    /// probably been cut short; say so rather than let YTD figures silently shrink.
    func warning(_ list: ListKind, file: String, sheet: String?, asAt: Day) -> DataQualityIssue? {
        let fy = asAt.financialYearStart
        let (column, needFrom): (String, Day)
        switch list {
        case .list1: (column, needFrom) = (Column.contactDate, fy)
        case .list3: (column, needFrom) = (Column.referralDate, fy.addingMonths(-12))
        case .list4: (column, needFrom) = (Column.assessmentAuthorised, fy)
        case .list5: (column, needFrom) = (Column.strategyStart, fy)
        default: return nil
        }
        guard let (first, line) = earliest, first - needFrom > 7 else { return nil }
        return DataQualityIssue(file: file, sheet: sheet, line: line, column: column, value: first.annexA,
                                problem: "the list starts on \(first.iso), later than the \(needFrom.iso) its indicators need")
    }
}
