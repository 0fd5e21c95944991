#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PopCalendar

/// An extract that cannot be used: a file that cannot be read, or a list without a column its
/// indicators need. Names the file, and the line and column where there is one.
public struct ExtractError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let column: String?
    public let message: String

    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var s = file
        if let line { s += ", line \(line)" }
        if let column { s += ", column \"\(column)\"" }
        return s + ": " + message
    }
}

/// Reads an extract folder into typed lists and a data-quality list.
public enum ExtractReader {
    /// Reads every list present in `folder`. `asAt` is the reporting date, used to warn when a
    /// list starts later than its indicators need.
    public static func read(folder: String, asAt: Day) throws(ExtractError) -> Extract {
        var extract = Extract()
        if !isDirectory(folder) {
            throw ExtractError(file: folder, message: "not a folder that can be read")
        }
        for list in ListKind.allCases {
            let path = folder + "/" + list.fileName
            guard fileExists(path) else { continue }
            try readList(list, path: path, into: &extract)
        }
        warnAboutShortHistory(&extract, asAt: asAt)
        return extract
    }

    /// Reads an extract held in memory: file names (`list7.csv`) and their bytes.
    public static func read(files: [(name: String, bytes: [UInt8])], asAt: Day) throws(ExtractError) -> Extract {
        var extract = Extract()
        for list in ListKind.allCases {
            guard let f = files.first(where: { $0.name == list.fileName }) else { continue }
            try readList(list, bytes: f.bytes, into: &extract)
        }
        warnAboutShortHistory(&extract, asAt: asAt)
        return extract
    }

    /// Reads one list file into `extract`.
    public static func readList(_ list: ListKind, path: String, into extract: inout Extract) throws(ExtractError) {
        try readList(list, into: &extract) { body throws in try CSVReader.read(path: path, body) }
    }

    /// Reads one list from in-memory CSV text (tests, fuzzing, the demo).
    public static func readList(_ list: ListKind, bytes: [UInt8], into extract: inout Extract) throws(ExtractError) {
        try readList(list, into: &extract) { body throws in try CSVReader.read(bytes: bytes, body) }
    }

    static func readList(_ list: ListKind, into extract: inout Extract,
                         reading: ((CSVRecord) throws -> Bool) throws -> Void) throws(ExtractError) {
        var sheet = Sheet(list: list)
        do {
            try reading { record in
                try sheet.take(record, extract: &extract)
                return true
            }
        } catch let e as ExtractError {
            throw e
        } catch CSVReader.Failure.cannotOpen(_, let reason), CSVReader.Failure.readFailed(_, let reason) {
            throw ExtractError(file: list.fileName, message: "cannot be read (\(reason))")
        } catch {
            throw ExtractError(file: list.fileName, message: "cannot be read (\(error))")
        }
        if sheet.build == nil {
            throw ExtractError(file: list.fileName, line: 1, message: "the file is empty: there is no header row")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func fileExists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Lists 1, 3, 4 and 5 must reach back to 1 April of R's financial year (List 3 a year
    /// further, for re-referrals). A list whose first event is more than a week after that has
    /// probably been cut short; say so rather than let YTD figures silently shrink.
    static func warnAboutShortHistory(_ extract: inout Extract, asAt: Day) {
        let fy = asAt.financialYearStart
        func check(_ list: ListKind, _ column: String, _ dates: [(DateField, Int)], needFrom: Day) {
            var earliest: (Day, Int)?
            for (f, line) in dates {
                if let d = f.day, earliest == nil || d < earliest!.0 { earliest = (d, line) }
            }
            guard let (first, line) = earliest, first - needFrom > 7 else { return }
            extract.dataQuality.append(DataQualityIssue(
                file: list.fileName, line: line, column: column, value: first.annexA,
                problem: "the list starts on \(first.iso), later than the \(needFrom.iso) its indicators need"))
        }
        if let c = extract.contacts { check(.list1, Column.contactDate, c.map { ($0.date, $0.line) }, needFrom: fy) }
        if let r = extract.referrals { check(.list3, Column.referralDate, r.map { ($0.date, $0.line) }, needFrom: fy.addingMonths(-12)) }
        if let a = extract.assessments { check(.list4, Column.assessmentAuthorised, a.map { ($0.authorised, $0.line) }, needFrom: fy) }
        if let s = extract.section47s { check(.list5, Column.strategyStart, s.map { ($0.strategyStart, $0.line) }, needFrom: fy) }
    }
}

/// Reads the records of one list: the header first, then one typed row per record.
struct Sheet {
    let list: ListKind
    /// Builds and appends one row; made at the header, with every column's index resolved once.
    var build: ((inout Row, inout Extract) -> Void)?

    init(list: ListKind) { self.list = list }

    mutating func take(_ record: CSVRecord, extract: inout Extract) throws(ExtractError) {
        guard let build else {
            try readHeader(record, extract: &extract)
            return
        }
        var row = Row(record: record, file: list.fileName, codes: codes)
        if record.truncated {
            row.issue(column: "(whole line)", value: "", problem: "the line is too long or has too many fields; it was cut")
        }
        build(&row, &extract)
        codes = row.codes
        extract.dataQuality += row.issues
    }

    /// Parsed code values by their raw text: code columns hold a handful of spellings, so each
    /// is parsed once per file.
    var codes = CodeMemo()

    mutating func readHeader(_ record: CSVRecord, extract: inout Extract) throws(ExtractError) {
        var map: [String: Int] = [:]
        for i in 0..<record.count {
            let key = Column.key(record.string(i))
            if !key.isEmpty && map[key] == nil { map[key] = i }
        }
        for name in [Column.childID] + Column.required(list) where map[Column.key(name)] == nil {
            throw ExtractError(file: list.fileName, line: record.line, column: name,
                               message: "this column is missing (\(list.title) needs it)")
        }
        func c(_ name: String) -> ColumnRef { ColumnRef(name: name, index: map[Column.key(name)]) }
        let child = c(Column.childID), team = c(Column.team), worker = c(Column.worker)
        /// Child ID, team and worker, common to every list.
        func common(_ row: inout Row) -> (String, String, String) {
            let id = row.text(child)
            if id.isEmpty { row.issue(column: Column.childID, value: "", problem: "blank child ID: left out of children counts") }
            let t = row.text(team)
            return (id, row.intern(t.isEmpty ? "Unallocated" : t), row.text(worker))
        }
        switch list {
        case .list1:
            extract.contacts = []
            extract.hasContactDecisions = map[Column.key(Column.contactDecision)] != nil
            let date = c(Column.contactDate), source = c(Column.contactSource), decision = c(Column.contactDecision)
            build = { row, x in
                let (id, _, _) = common(&row)
                x.contacts!.append(Contact(child: id, date: row.date(date), source: row.source(source), decision: row.date(decision),
                                           line: row.record.line))
            }
        case .list3:
            extract.referrals = []
            let date = c(Column.referralDate), source = c(Column.referralSource), nfa = c(Column.referralNFA)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.referrals!.append(Referral(child: id, date: row.date(date), source: row.source(source), nfa: row.yesNo(nfa),
                                             team: t, worker: w, line: row.record.line))
            }
        case .list4:
            extract.assessments = []
            let start = c(Column.assessmentStart), authorised = c(Column.assessmentAuthorised), seen = c(Column.assessmentSeen)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.assessments!.append(Assessment(child: id, start: row.date(start), authorised: row.date(authorised),
                                                 childSeen: row.yesNo(seen), team: t, worker: w, line: row.record.line))
            }
        case .list5:
            extract.section47s = []
            let start = c(Column.strategyStart), icpc = c(Column.icpcDate)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.section47s!.append(Section47Enquiry(child: id, strategyStart: row.date(start), icpc: row.date(icpc),
                                                      team: t, worker: w, line: row.record.line))
            }
        case .list6:
            extract.childrenInNeed = []
            let start = c(Column.cinStart), seen = c(Column.cinLastSeen), closure = c(Column.cinClosure), status = c(Column.caseStatus)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.childrenInNeed!.append(ChildInNeedEpisode(child: id, start: row.date(start), lastSeen: row.date(seen),
                                                             closure: row.date(closure), status: row.caseStatus(status),
                                                             team: t, worker: w, line: row.record.line))
            }
        case .list7:
            extract.protectionPlans = []
            let dob = c(Column.dateOfBirth), start = c(Column.cpStart), category = c(Column.cpCategory), visit = c(Column.cpLastVisit)
            let alone = c(Column.cpSeenAlone), review = c(Column.cpLatestReview), end = c(Column.cpEnd), previous = c(Column.cpPreviousPlans)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.protectionPlans!.append(ChildProtectionPlan(
                    child: id, dateOfBirth: row.date(dob), start: row.date(start), category: row.category(category),
                    lastVisit: row.date(visit), seenAlone: row.yesNo(alone), latestReview: row.date(review), end: row.date(end),
                    previousPlans: row.count(previous), team: t, worker: w, line: row.record.line))
            }
        case .list8:
            extract.childrenInCare = []
            let dob = c(Column.dateOfBirth), uasc = c(Column.claUASC), started = c(Column.claStarted), legal = c(Column.claLegalStatus)
            let review = c(Column.claLatestReview), visit = c(Column.claLastVisit), health = c(Column.claHealth), dental = c(Column.claDental)
            let placements = c(Column.claPlacements), ceased = c(Column.claCeased), placementStart = c(Column.claPlacementStart)
            let location = c(Column.claLocation), missing = c(Column.claMissing)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.childrenInCare!.append(ChildInCare(
                    child: id, dateOfBirth: row.date(dob), uasc: row.yesNo(uasc), started: row.date(started),
                    legalStatus: row.legal(legal), latestReview: row.date(review), lastVisit: row.date(visit),
                    lastHealthAssessment: row.date(health), lastDentalCheck: row.date(dental), placementsLast12Months: row.count(placements),
                    ceased: row.date(ceased), placementStart: row.date(placementStart), location: row.location(location),
                    missingEpisodes: row.count(missing), team: t, worker: w, line: row.record.line))
            }
        case .list9:
            extract.careLeavers = []
            let dob = c(Column.dateOfBirth), contact = c(Column.clLatestContact), review = c(Column.clPathwayReview)
            let suitability = c(Column.clSuitability), activity = c(Column.clActivity)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.careLeavers!.append(CareLeaver(
                    child: id, dateOfBirth: row.date(dob), latestContact: row.date(contact), pathwayPlanReview: row.date(review),
                    suitability: row.suitability(suitability), activity: row.activity(activity), team: t, worker: w, line: row.record.line))
            }
        case .yot:
            extract.youthOffending = []
            let start = c(Column.yotOrderStart), end = c(Column.yotOrderEnd), type = c(Column.yotOrderType), fte = c(Column.yotFTE)
            let custody = c(Column.yotCustody), intensity = c(Column.yotIntensity), gang = c(Column.yotGang), ete = c(Column.yotETE)
            build = { row, x in
                let (id, t, w) = common(&row)
                x.youthOffending!.append(YouthOffendingCase(
                    child: id, orderStart: row.date(start), orderEnd: row.date(end), orderType: row.orderType(type),
                    firstTimeEntrant: row.date(fte), custodialSentence: row.date(custody), intensity: row.intensity(intensity),
                    gangMember: row.yesNo(gang), eteAtOrderEnd: row.yesNo(ete), team: t, worker: w, line: row.record.line))
            }
        }
    }

}

/// A column as found in the header: its canonical name (for messages) and its position.
struct ColumnRef {
    let name: String
    let index: Int?
}

/// Memoised code parsing, keyed by the raw cell text.
struct CodeMemo {
    var yesNo: [String: YesNo] = [:]
    var source: [String: (SourceGroup, Bool)] = [:]
    var status: [String: CaseStatus?] = [:]
    var category: [String: CodedField<AbuseCategory>] = [:]
    var legal: [String: LegalGroup] = [:]
    var location: [String: PlacementLocation] = [:]
    var activity: [String: ActivityGroup] = [:]
    var suitability: [String: Suitability] = [:]
    var orderType: [String: OrderType] = [:]
    var intensity: [String: Intensity] = [:]
    var count: [String: CountField] = [:]
    var teams: [String: String] = [:]
}

/// Typed reads of one record's cells, noting each unusable value in the data-quality list.
struct Row {
    let record: CSVRecord
    let file: String
    var codes: CodeMemo
    var issues: [DataQualityIssue] = []

    init(record: CSVRecord, file: String, codes: CodeMemo) {
        self.record = record
        self.file = file
        self.codes = codes
    }

    mutating func issue(column: String, value: String, problem: String) {
        issues.append(DataQualityIssue(file: file, line: record.line, column: column, value: value, problem: problem))
    }

    func text(_ c: ColumnRef) -> String {
        guard let i = c.index else { return "" }
        return record.trimmed(i)
    }

    /// One shared String per distinct team name.
    mutating func intern(_ s: String) -> String {
        if let t = codes.teams[s] { return t }
        codes.teams[s] = s
        return s
    }

    mutating func date(_ c: ColumnRef) -> DateField {
        guard let i = c.index else { return .blank }
        let f = record.withField(i) { DateParser.parse($0) }
        if f == .bad { issue(column: c.name, value: record.trimmed(i), problem: "not a date") }
        return f
    }

    /// Parses a code cell once per distinct text; `problem` says when a value is unusable.
    private mutating func code<T>(_ c: ColumnRef, _ memo: WritableKeyPath<CodeMemo, [String: T]>, _ parse: (String) -> T,
                                  problem: (String, T) -> String?) -> T {
        let t = text(c)
        let v: T
        if let known = codes[keyPath: memo][t] { v = known } else {
            v = parse(t)
            codes[keyPath: memo][t] = v
        }
        if let p = problem(t, v) { issue(column: c.name, value: t, problem: p) }
        return v
    }

    mutating func yesNo(_ c: ColumnRef) -> YesNo {
        code(c, \.yesNo, YesNo.parse) { _, v in v == .bad ? "not a yes/no value" : nil }
    }

    mutating func count(_ c: ColumnRef) -> CountField {
        code(c, \.count, CountField.parse) { _, v in v == .bad ? "not a whole number" : nil }
    }

    mutating func source(_ c: ColumnRef) -> SourceGroup {
        code(c, \.source, SourceGroup.parse) { _, v in v.1 ? nil : "source not recognised: counted as other" }.0
    }

    mutating func caseStatus(_ c: ColumnRef) -> CaseStatus? {
        code(c, \.status, CaseStatus.parse) { t, v in v != nil ? nil : t.isEmpty ? "blank case status" : "not a case status" }
    }

    mutating func category(_ c: ColumnRef) -> CodedField<AbuseCategory> {
        code(c, \.category, { t in t.isEmpty ? .blank : AbuseCategory.parse(t).map { .value($0) } ?? .bad }) { _, v in
            switch v {
            case .value: nil
            case .blank: "blank category of abuse: the child counts on plans, in no category"
            case .bad: "not a category of abuse"
            }
        }
    }

    mutating func legal(_ c: ColumnRef) -> LegalGroup { code(c, \.legal, LegalGroup.parse) { _, _ in nil } }

    mutating func location(_ c: ColumnRef) -> PlacementLocation {
        code(c, \.location, PlacementLocation.parse) { _, v in v == .bad ? "not a placement location (in / out)" : nil }
    }

    mutating func activity(_ c: ColumnRef) -> ActivityGroup { code(c, \.activity, ActivityGroup.parse) { _, _ in nil } }

    mutating func suitability(_ c: ColumnRef) -> Suitability { code(c, \.suitability, Suitability.parse) { _, _ in nil } }

    mutating func orderType(_ c: ColumnRef) -> OrderType { code(c, \.orderType, OrderType.parse) { _, _ in nil } }

    mutating func intensity(_ c: ColumnRef) -> Intensity {
        code(c, \.intensity, Intensity.parse) { _, v in v == .bad ? "not a scaled approach intensity" : nil }
    }
}
