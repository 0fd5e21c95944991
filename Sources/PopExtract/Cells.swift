import PopCalendar

/// A column as found in the header: its 2024 name (for messages), its key, and its position.
struct ColumnRef {
    let name: String
    let key: String
    let index: Int?
}

/// A header row's columns by their 2024 names' keys, resolved once per list.
struct Header {
    let positions: [String: Int]

    func callAsFunction(_ name: String) -> ColumnRef {
        let key = Column.key(name)
        return ColumnRef(name: name, key: key, index: positions[key])
    }
}

/// A parsed code and the data-quality problem its spelling raises, if any.
struct Coded<T> {
    let value: T
    /// A literal, so a looked-up code is copied without reference counting.
    let problem: StaticString?
    let kind: DataQualityIssue.Kind
}

/// Typed reads of a list's cells, noting each unusable value. One per list being read; code,
/// team and worker cells are parsed once per distinct spelling (looked up by their bytes).
///
/// Cell bytes are only ever looked at inside `Record.withCell`, so no pointer into a record
/// outlives the callback that lends it.
struct Cells {
    let file: String
    let sheet: String?
    let list: ListKind
    let codes: CodeMap
    /// Workbook serials count from 1904 (a workbook setting).
    let date1904: Bool
    var line = 0
    var issues: [DataQualityIssue] = []
    var history = HistoryStart()

    var yesNos = ByteMemo<Coded<YesNo>>()
    var inTouch = ByteMemo<Coded<YesNo>>()
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
    var genders = ByteMemo<Coded<Gender?>>()
    var ethnicities = ByteMemo<Coded<EthnicGroup?>>()
    var placementTypes = ByteMemo<Coded<CodedField<PlacementGroup>>>()
    var reasonsCeased = ByteMemo<Coded<CodedField<ReasonCeased>>>()
    var primaryNeeds = ByteMemo<Coded<CodedField<PrimaryNeed>>>()
    var accommodations = ByteMemo<Coded<CodedField<AccommodationType>>>()
    var activityDetails = ByteMemo<Coded<ActivityDetail?>>()
    var grades = ByteMemo<Coded<AuditGrade?>>()
    var teams = ByteMemo<String>()
    var workers = ByteMemo<String>()
    /// Other free text read once per spelling (roles, audit domains, auditors).
    var texts = ByteMemo<String>()
    let dates = DateMemo()

    init(file: String, sheet: String?, list: ListKind, codes: CodeMap = .none, date1904: Bool = false) {
        self.file = file
        self.sheet = sheet
        self.list = list
        self.codes = codes
        self.date1904 = date1904
    }

    /// Notes a problem with the current row (a workbook's note names the cell too).
    mutating func issue(_ c: ColumnRef?, column: String? = nil, value: String, problem: String, kind: DataQualityIssue.Kind) {
        let cell = sheet != nil ? c?.index.map { Column.letter($0) + String(line) } : nil
        issues.append(DataQualityIssue(file: file, sheet: sheet, line: line, column: column ?? c?.name ?? "(whole line)", cell: cell,
                                       value: value, problem: problem, kind: kind, list: list))
    }

    /// A cell the header has but this row lacks (a short row): unreadable, never blank.
    @inline(__always)
    static func lacks(_ r: borrowing Record, _ c: ColumnRef) -> Bool {
        guard let i = c.index else { return false }
        return i >= r.count
    }

    /// An Excel error value in a cell: blank, with a note.
    @inline(never)
    mutating func excelError(_ c: ColumnRef, _ text: String) {
        issue(c, value: text, problem: "an Excel error value: read as blank", kind: .excelError)
    }

    /// A cell's text: a workbook's number as its digits (`9212044`, never `9212044.0`).
    static func text(_ r: borrowing Record, _ i: Int) -> String {
        let raw = r.withCell(i) { TextDecoding.decode(TextDecoding.trim($0)) }
        guard r.kind(i) == .number, let d = Double(raw), d.isFinite else { return raw }
        if d == d.rounded(), d.magnitude < 1e15 { return String(Int(d)) }
        return raw
    }

    /// The value of 1 to 9 ASCII digits; nil for anything else.
    @inline(__always)
    static func wholeNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 1, bytes.count <= 9 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    mutating func child(_ r: borrowing Record, _ c: ColumnRef) -> String {
        guard let i = c.index, i < r.count else { return "" }
        let id = Cells.text(r, i)
        if r.kind(i) == .error || ExcelError.matches(id) {
            excelError(c, id)
            return ""
        }
        if id.isEmpty { issue(c, value: "", problem: "blank child ID: left out of children counts", kind: .blankChildID) }
        return id
    }

    /// One shared String per distinct spelling; a blank team is `Unallocated` (and so is one a
    /// short row lacks: the row's own note says so, or an Excel error value, noted).
    mutating func team(_ r: borrowing Record, _ c: ColumnRef) -> String {
        let name = interned(r, c, &teams) { $0.isEmpty ? "Unallocated" : $0 }
        if name.error { excelError(c, name.text) }
        return name.value
    }

    mutating func worker(_ r: borrowing Record, _ c: ColumnRef) -> String {
        let name = interned(r, c, &workers) { $0 }
        if name.error { excelError(c, name.text) }
        return name.value
    }

    /// A trimmed text cell (a role, an audit's domain); an Excel error value is blank, noted.
    mutating func text(_ r: borrowing Record, _ c: ColumnRef) -> String {
        let t = interned(r, c, &texts) { $0 }
        if t.error { excelError(c, t.text) }
        return t.value
    }

    /// A text cell made a String once per distinct spelling; an Excel error value reads as blank.
    @inline(__always)
    private func interned(_ r: borrowing Record, _ c: ColumnRef, _ memo: inout ByteMemo<String>,
                          _ name: (String) -> String) -> (value: String, error: Bool, text: String) {
        guard let i = c.index, i < r.count else { return (name(""), false, "") }
        if r.kind(i) != .text {
            let text = Cells.text(r, i)
            return r.kind(i) == .error ? (name(""), true, text) : (name(text), false, text)
        }
        return r.withCell(i) { raw in
            let bytes = TextDecoding.trim(raw)
            if let known = memo.find(bytes) { return (known, false, "") }
            let text = TextDecoding.decode(bytes)
            if ExcelError.matches(text) { return (name(""), true, text) }
            let s = name(text)
            memo.insert(bytes, s)
            return (s, false, "")
        }
    }

    mutating func date(_ r: borrowing Record, _ c: ColumnRef) -> DateField {
        guard let i = c.index else { return .blank }
        if i >= r.count { return .bad }
        switch r.kind(i) {
        case .text: break
        case .number:
            // A date column's number is a serial day, whatever its display format. Nearly
            // always a whole number: its digits are read as they are (the same value Double
            // reads from them), anything else through Double.
            if let serial = r.withCell(i, { Cells.wholeNumber(TextDecoding.trim($0)) }) {
                if let d = Day(excelSerial: Double(serial), date1904: date1904) { return .day(d) }
            } else if let serial = Double(r.withCell(i) { TextDecoding.decode(TextDecoding.trim($0)) }), let d = Day(excelSerial: serial, date1904: date1904) {
                return .day(d)
            }
            issue(c, value: Cells.text(r, i), problem: "not a date", kind: .notADate)
            return .bad
        case .error:
            excelError(c, r.trimmed(i))
            return .blank
        case .boolean:
            issue(c, value: r.trimmed(i), problem: "not a date", kind: .notADate)
            return .bad
        }
        let f = r.withCell(i) { dates.parse($0) }
        if f == .bad {
            let text = r.trimmed(i)
            if ExcelError.matches(text) {
                excelError(c, text)
                return .blank
            }
            issue(c, value: text, problem: "not a date", kind: .notADate)
        }
        return f
    }

    /// Parses a code cell once per distinct spelling, the council's own spellings mapped first;
    /// `problem` says when a value is unusable. (The memo comes in as its own argument: a key
    /// path would be looked up on every cell.)
    @inline(__always)
    private static func code<T>(_ r: borrowing Record, _ c: ColumnRef, _ memo: inout ByteMemo<Coded<T>>, _ codes: CodeMap,
                                _ parse: (String) -> T, problem: (String, T) -> (StaticString, DataQualityIssue.Kind)?) -> Coded<T> {
        // A column the list lacks is reported once, as missing (its indicators unavailable),
        // never as a blank value on every row.
        guard let i = c.index else { return Coded(value: parse(""), problem: nil, kind: .other) }
        if r.kind(i) != .text {
            // A workbook's number, boolean or error value: read as text (booleans as yes/no).
            let kind = r.kind(i)
            let text = kind == .boolean ? (Cells.text(r, i) == "1" ? "yes" : "no") : Cells.text(r, i)
            return Cells.parsed(kind == .error ? "#N/A" : text, c, codes, parse, problem)
        }
        return r.withCell(i) { raw in
            let bytes = TextDecoding.trim(raw)
            if let known = memo.find(bytes) { return known }
            let made = Cells.parsed(TextDecoding.decode(bytes), c, codes, parse, problem)
            memo.insert(bytes, made)
            return made
        }
    }

    /// One spelling's reading: an Excel error value is blank (noted); a council's mapping applies
    /// before the built-in rules.
    private static func parsed<T>(_ text: String, _ c: ColumnRef, _ codes: CodeMap, _ parse: (String) -> T,
                                  _ problem: (String, T) -> (StaticString, DataQualityIssue.Kind)?) -> Coded<T> {
        if ExcelError.matches(text) { return Coded(value: parse(""), problem: "an Excel error value: read as blank", kind: .excelError) }
        let mapped = codes.lookup(column: c.key, text) ?? text
        let v = parse(mapped)
        let p = problem(mapped, v)
        return Coded(value: v, problem: p?.0, kind: p?.1 ?? .other)
    }

    /// The code's value, noting its problem if it has one.
    @inline(__always)
    private mutating func value<T>(_ coded: Coded<T>, _ r: borrowing Record, _ c: ColumnRef) -> T {
        if let p = coded.problem { report(p, coded.kind, r, c) }
        return coded.value
    }

    /// Kept out of line: the usual cell has no problem.
    @inline(never)
    private mutating func report(_ problem: StaticString, _ kind: DataQualityIssue.Kind, _ r: borrowing Record, _ c: ColumnRef) {
        issue(c, value: Cells.text(r, c.index ?? -1), problem: problem.description, kind: kind)
    }

    mutating func yesNo(_ r: borrowing Record, _ c: ColumnRef) -> YesNo {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &yesNos, codes, YesNo.parse) { _, v in v == .bad ? ("not a yes/no value", .unknownCode) : nil }, r, c)
    }

    mutating func laInTouch(_ r: borrowing Record, _ c: ColumnRef) -> YesNo {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &inTouch, codes, InTouch.parse) { _, v in v == .bad ? ("not an LA in Touch value", .unknownCode) : nil }, r, c)
    }

    mutating func count(_ r: borrowing Record, _ c: ColumnRef) -> CountField {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &counts, codes, CountField.parse) { _, v in v == .bad ? ("not a whole number", .notANumber) : nil }, r, c)
    }

    mutating func source(_ r: borrowing Record, _ c: ColumnRef) -> SourceGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &sources, codes, { Optional(SourceGroup.parse($0).group) }) { t, _ in
            SourceGroup.parse(t).recognised ? nil : ("source not recognised: counted as other", .unknownCode)
        }, r, c)
    }

    mutating func caseStatus(_ r: borrowing Record, _ c: ColumnRef) -> CaseStatus? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &statuses, codes, CaseStatus.parse) { t, v in
            v != nil ? nil : t.isEmpty ? ("blank case status", .blankValue) : ("not a case status", .unknownCode)
        }, r, c)
    }

    mutating func category(_ r: borrowing Record, _ c: ColumnRef) -> CodedField<AbuseCategory> {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &categories, codes, { t in t.isEmpty ? .blank : AbuseCategory.parse(t).map { .value($0) } ?? .bad }) { _, v in
            switch v {
            case .value: nil
            case .blank: ("blank category of abuse: the child counts on plans, in no category", .blankValue)
            case .bad: ("not a category of abuse", .unknownCode)
            }
        }, r, c)
    }

    mutating func legal(_ r: borrowing Record, _ c: ColumnRef) -> LegalGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &legals, codes, { Optional(LegalGroup.parse($0)) }) { _, _ in nil }, r, c)
    }

    mutating func location(_ r: borrowing Record, _ c: ColumnRef) -> PlacementLocation {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &locations, codes, PlacementLocation.parse) { _, v in
            v == .bad ? ("not a placement location (in / out)", .unknownCode) : nil
        }, r, c)
    }

    mutating func activity(_ r: borrowing Record, _ c: ColumnRef) -> ActivityGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &activities, codes, { Optional(ActivityGroup.parse($0)) }) { t, v in
            // Blank is unknown, as the contract says; a value no rule maps is unknown too, and said so.
            v == .unknown && !t.isEmpty ? ("not an activity status: counted as unknown", .unknownCode) : nil
        }, r, c)
    }

    mutating func suitability(_ r: borrowing Record, _ c: ColumnRef) -> Suitability? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &suitabilities, codes, { Optional(Suitability.parse($0)) }) { t, v in
            v == .unknown && !t.isEmpty ? ("not a suitability of accommodation: counted as unknown", .unknownCode) : nil
        }, r, c)
    }

    mutating func orderType(_ r: borrowing Record, _ c: ColumnRef) -> OrderType? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &orderTypes, codes, { Optional(OrderType.parse($0)) }) { _, _ in nil }, r, c)
    }

    /// Gender: blank is not recorded (a group of its own); nil for a value no rule maps.
    mutating func gender(_ r: borrowing Record, _ c: ColumnRef) -> Gender? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &genders, codes, Gender.parse) { _, v in
            v == nil ? ("not a gender", .unknownCode) : nil
        }, r, c)
    }

    /// Ethnicity: blank is not recorded; nil for a value that is no DfE code or description.
    mutating func ethnicity(_ r: borrowing Record, _ c: ColumnRef) -> EthnicGroup? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &ethnicities, codes, EthnicGroup.parse) { _, v in
            v == nil ? ("not an ethnicity (a DfE code or description)", .unknownCode) : nil
        }, r, c)
    }

    /// A coded cell whose blank stays in a breakdown's base and whose unknown value leaves it.
    @inline(__always)
    private static func field<T>(_ parse: @escaping (String) -> T?) -> (String) -> CodedField<T> {
        { t in Codes.normalise(t).isEmpty ? .blank : parse(t).map { .value($0) } ?? .bad }
    }

    mutating func placementType(_ r: borrowing Record, _ c: ColumnRef) -> CodedField<PlacementGroup> {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &placementTypes, codes, Cells.field(PlacementGroup.parse)) { _, v in
            v == .bad ? ("not a placement type (an SSDA903 code)", .unknownCode) : nil
        }, r, c)
    }

    mutating func reasonCeased(_ r: borrowing Record, _ c: ColumnRef) -> CodedField<ReasonCeased> {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &reasonsCeased, codes, Cells.field(ReasonCeased.parse)) { _, v in
            v == .bad ? ("not a reason ceased to be looked after (an SSDA903 code)", .unknownCode) : nil
        }, r, c)
    }

    mutating func primaryNeed(_ r: borrowing Record, _ c: ColumnRef) -> CodedField<PrimaryNeed> {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &primaryNeeds, codes, Cells.field(PrimaryNeed.parse)) { _, v in
            v == .bad ? ("not a primary need code (N0 … N9)", .unknownCode) : nil
        }, r, c)
    }

    mutating func accommodation(_ r: borrowing Record, _ c: ColumnRef) -> CodedField<AccommodationType> {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &accommodations, codes, Cells.field(AccommodationType.parse)) { _, v in
            v == .bad ? ("not a type of accommodation (its letter code)", .unknownCode) : nil
        }, r, c)
    }

    /// The kind of education, employment or training an Activity Status names. The cell's
    /// problems are noted once, by `activity`, which reads the same cell.
    mutating func activityDetail(_ r: borrowing Record, _ c: ColumnRef) -> ActivityDetail? {
        Cells.lacks(r, c) ? nil : Cells.code(r, c, &activityDetails, codes, ActivityDetail.parse) { _, _ in nil }.value
    }

    /// An audit's grade: blank is not graded; nil for a value that is no grade.
    mutating func grade(_ r: borrowing Record, _ c: ColumnRef) -> AuditGrade? {
        Cells.lacks(r, c) ? nil : value(Cells.code(r, c, &grades, codes, AuditGrade.parse) { _, v in
            v == nil ? ("not a grade (outstanding, good, requires improvement, inadequate, not graded)", .unknownCode) : nil
        }, r, c)
    }

    mutating func intensity(_ r: borrowing Record, _ c: ColumnRef) -> Intensity {
        Cells.lacks(r, c) ? .bad : value(Cells.code(r, c, &intensities, codes, Intensity.parse) { _, v in
            v == .bad ? ("not a scaled approach intensity", .unknownCode) : nil
        }, r, c)
    }
}

/// The earliest event of a flow list, to warn when it starts later than its indicators need.
struct HistoryStart {
    var earliest: (day: Day, line: Int)?

    @inline(__always)
    mutating func see(_ f: DateField, line: Int) {
        if let d = f.day, earliest == nil || d < earliest!.day { earliest = (d, line) }
    }

    /// Lists 1, 2, 3, 4 and 5 must reach back to 1 April of R's financial year (List 3 a year
    /// further, for re-referrals). A list whose first event is more than a week after that has
    /// probably been cut short; say so rather than let YTD figures silently shrink.
    func warning(_ list: ListKind, file: String, sheet: String?, asAt: Day) -> DataQualityIssue? {
        let fy = asAt.financialYearStart
        let (column, needFrom): (String, Day)
        switch list {
        case .list1: (column, needFrom) = (Column.contactDate, fy)
        case .list2: (column, needFrom) = (Column.ehStart, fy)
        case .list3: (column, needFrom) = (Column.referralDate, fy.addingMonths(-12))
        case .list4: (column, needFrom) = (Column.assessmentAuthorised, fy)
        case .list5: (column, needFrom) = (Column.strategyStart, fy)
        default: return nil
        }
        guard let (first, line) = earliest, first - needFrom > 7 else { return nil }
        return DataQualityIssue(file: file, sheet: sheet, line: line, column: column, value: first.annexA,
                                problem: "the list starts on \(first.iso), later than the \(needFrom.iso) its indicators need",
                                kind: .listStartsLate, list: list)
    }
}
