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

/// Reads an extract folder into typed rows and a data-quality list.
public enum ExtractReader {
    /// Reads every list present in `folder` into an `Extract` holding every row. `asAt` is the
    /// reporting date, used to warn when a list starts later than its indicators need.
    public static func read(folder: String, asAt: Day) throws(ExtractError) -> Extract {
        var extract = Extract()
        try read(folder: folder, asAt: asAt, into: &extract)
        return extract
    }

    /// Streams every list present in `folder` into `sink`, one row at a time.
    public static func read<S: ExtractSink>(folder: String, asAt: Day, into sink: inout S) throws(ExtractError) {
        if !isDirectory(folder) {
            throw ExtractError(file: folder, message: "not a folder that can be read")
        }
        let box = SinkBox(sink)
        defer { sink = box.sink }
        for list in ListKind.allCases {
            let path = folder + "/" + list.fileName
            guard fileExists(path) else { continue }
            try readList(list, asAt: asAt, into: box) { body throws in try CSVReader.read(path: path, body) }
        }
    }

    /// Reads an extract held in memory: file names (`list7.csv`) and their bytes.
    public static func read(files: [(name: String, bytes: [UInt8])], asAt: Day) throws(ExtractError) -> Extract {
        var extract = Extract()
        try read(files: files, asAt: asAt, into: &extract)
        return extract
    }

    /// Streams an extract held in memory into `sink`.
    public static func read<S: ExtractSink>(files: [(name: String, bytes: [UInt8])], asAt: Day, into sink: inout S) throws(ExtractError) {
        let box = SinkBox(sink)
        defer { sink = box.sink }
        for list in ListKind.allCases {
            guard let f = files.first(where: { $0.name == list.fileName }) else { continue }
            try readList(list, asAt: asAt, into: box) { body throws in try CSVReader.read(bytes: f.bytes, body) }
        }
    }

    /// Reads one list file into `sink`.
    public static func readList<S: ExtractSink>(_ list: ListKind, path: String, into sink: inout S) throws(ExtractError) {
        let box = SinkBox(sink)
        defer { sink = box.sink }
        try readList(list, asAt: nil, into: box) { body throws in try CSVReader.read(path: path, body) }
    }

    /// Reads one list from in-memory CSV text (tests, fuzzing, the demo).
    public static func readList<S: ExtractSink>(_ list: ListKind, bytes: [UInt8], into sink: inout S) throws(ExtractError) {
        let box = SinkBox(sink)
        defer { sink = box.sink }
        try readList(list, asAt: nil, into: box) { body throws in try CSVReader.read(bytes: bytes, body) }
    }

    static func readList(_ list: ListKind, asAt: Day?, into sink: RowReceiver,
                         reading: ((CSVRecord) throws -> Bool) throws -> Void) throws(ExtractError) {
        var sheet = Sheet(list: list, sink: sink)
        do {
            try reading { record in
                try sheet.take(record)
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
        if let asAt, let issue = sheet.cells.history.warning(list, asAt: asAt) { sink.note(issue) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func fileExists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
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
    func warning(_ list: ListKind, asAt: Day) -> DataQualityIssue? {
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
        return DataQualityIssue(file: list.fileName, line: line, column: column, value: first.annexA,
                                problem: "the list starts on \(first.iso), later than the \(needFrom.iso) its indicators need")
    }
}

/// The reader's hold on a sink. Rows reach it through one class call each, so the per-row
/// path is the same compiled code whatever the sink is.
protocol RowReceiver: AnyObject {
    func begin(_ list: ListKind, columns: Set<String>)
    func add(_ row: Contact)
    func add(_ row: Referral)
    func add(_ row: Assessment)
    func add(_ row: Section47Enquiry)
    func add(_ row: ChildInNeedEpisode)
    func add(_ row: ChildProtectionPlan)
    func add(_ row: ChildInCare)
    func add(_ row: CareLeaver)
    func add(_ row: YouthOffendingCase)
    func note(_ issue: DataQualityIssue)
}

final class SinkBox<S: ExtractSink>: RowReceiver {
    /// Only the reader touches it, one row at a time: no need for a run-time exclusivity
    /// check on every row.
    @exclusivity(unchecked) var sink: S
    init(_ sink: S) { self.sink = sink }
    func begin(_ list: ListKind, columns: Set<String>) { sink.begin(list, columns: columns) }
    func add(_ row: Contact) { sink.add(row) }
    func add(_ row: Referral) { sink.add(row) }
    func add(_ row: Assessment) { sink.add(row) }
    func add(_ row: Section47Enquiry) { sink.add(row) }
    func add(_ row: ChildInNeedEpisode) { sink.add(row) }
    func add(_ row: ChildProtectionPlan) { sink.add(row) }
    func add(_ row: ChildInCare) { sink.add(row) }
    func add(_ row: CareLeaver) { sink.add(row) }
    func add(_ row: YouthOffendingCase) { sink.add(row) }
    func note(_ issue: DataQualityIssue) { sink.note(issue) }
}

/// Reads the records of one list: the header first, then one typed row per record.
struct Sheet {
    let list: ListKind
    let sink: RowReceiver
    /// Builds one row and sends it to the sink; made at the header, with every column's index
    /// resolved once.
    var build: ((CSVRecord, inout Cells, RowReceiver) -> Void)?
    var cells: Cells

    init(list: ListKind, sink: RowReceiver) {
        self.list = list
        self.sink = sink
        cells = Cells(file: list.fileName)
    }

    mutating func take(_ record: CSVRecord) throws(ExtractError) {
        guard let build else {
            try readHeader(record)
            return
        }
        cells.line = record.line
        if record.truncated {
            cells.issue(column: "(whole line)", value: "", problem: "the line is too long or has too many fields; it was cut")
        }
        build(record, &cells, sink)
        if !cells.issues.isEmpty {
            for i in cells.issues { sink.note(i) }
            cells.issues.removeAll(keepingCapacity: true)
        }
    }

    mutating func readHeader(_ record: CSVRecord) throws(ExtractError) {
        var map: [String: Int] = [:]
        for i in 0..<record.count {
            let key = Column.key(record.string(i))
            if !key.isEmpty && map[key] == nil { map[key] = i }
        }
        for name in [Column.childID] + Column.required(list) where map[Column.key(name)] == nil {
            throw ExtractError(file: list.fileName, line: record.line, column: name,
                               message: "this column is missing (\(list.title) needs it)")
        }
        sink.begin(list, columns: Set(map.keys))
        func c(_ name: String) -> ColumnRef { ColumnRef(name: name, index: map[Column.key(name)]) }
        let child = c(Column.childID), team = c(Column.team), worker = c(Column.worker)
        switch list {
        case .list1:
            let date = c(Column.contactDate), source = c(Column.contactSource), decision = c(Column.contactDecision)
            build = { r, cells, sink in
                let d = cells.date(r, date)
                cells.history.see(d, line: r.line)
                sink.add(Contact(child: cells.child(r, child), date: d, source: cells.source(r, source), decision: cells.date(r, decision),
                                 line: r.line))
            }
        case .list3:
            let date = c(Column.referralDate), source = c(Column.referralSource), nfa = c(Column.referralNFA)
            build = { r, cells, sink in
                let d = cells.date(r, date)
                cells.history.see(d, line: r.line)
                sink.add(Referral(child: cells.child(r, child), date: d, source: cells.source(r, source), nfa: cells.yesNo(r, nfa),
                                  team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .list4:
            let start = c(Column.assessmentStart), authorised = c(Column.assessmentAuthorised), seen = c(Column.assessmentSeen)
            build = { r, cells, sink in
                let a = cells.date(r, authorised)
                cells.history.see(a, line: r.line)
                sink.add(Assessment(child: cells.child(r, child), start: cells.date(r, start), authorised: a,
                                    childSeen: cells.yesNo(r, seen), team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .list5:
            let start = c(Column.strategyStart), icpc = c(Column.icpcDate)
            build = { r, cells, sink in
                let s = cells.date(r, start)
                cells.history.see(s, line: r.line)
                sink.add(Section47Enquiry(child: cells.child(r, child), strategyStart: s, icpc: cells.date(r, icpc),
                                          team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .list6:
            let start = c(Column.cinStart), seen = c(Column.cinLastSeen), closure = c(Column.cinClosure), status = c(Column.caseStatus)
            build = { r, cells, sink in
                sink.add(ChildInNeedEpisode(child: cells.child(r, child), start: cells.date(r, start), lastSeen: cells.date(r, seen),
                                            closure: cells.date(r, closure), status: cells.caseStatus(r, status),
                                            team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .list7:
            let dob = c(Column.dateOfBirth), start = c(Column.cpStart), category = c(Column.cpCategory), visit = c(Column.cpLastVisit)
            let alone = c(Column.cpSeenAlone), review = c(Column.cpLatestReview), end = c(Column.cpEnd), previous = c(Column.cpPreviousPlans)
            build = { r, cells, sink in
                sink.add(ChildProtectionPlan(
                    child: cells.child(r, child), dateOfBirth: cells.date(r, dob), start: cells.date(r, start), category: cells.category(r, category),
                    lastVisit: cells.date(r, visit), seenAlone: cells.yesNo(r, alone), latestReview: cells.date(r, review), end: cells.date(r, end),
                    previousPlans: cells.count(r, previous), team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .list8:
            let dob = c(Column.dateOfBirth), uasc = c(Column.claUASC), started = c(Column.claStarted), legal = c(Column.claLegalStatus)
            let review = c(Column.claLatestReview), visit = c(Column.claLastVisit), health = c(Column.claHealth), dental = c(Column.claDental)
            let placements = c(Column.claPlacements), ceased = c(Column.claCeased), placementStart = c(Column.claPlacementStart)
            let location = c(Column.claLocation), missing = c(Column.claMissing)
            build = { r, cells, sink in
                sink.add(ChildInCare(
                    child: cells.child(r, child), dateOfBirth: cells.date(r, dob), uasc: cells.yesNo(r, uasc), started: cells.date(r, started),
                    legalStatus: cells.legal(r, legal), latestReview: cells.date(r, review), lastVisit: cells.date(r, visit),
                    lastHealthAssessment: cells.date(r, health), lastDentalCheck: cells.date(r, dental),
                    placementsLast12Months: cells.count(r, placements), ceased: cells.date(r, ceased),
                    placementStart: cells.date(r, placementStart), location: cells.location(r, location),
                    missingEpisodes: cells.count(r, missing), team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .list9:
            let dob = c(Column.dateOfBirth), contact = c(Column.clLatestContact), review = c(Column.clPathwayReview)
            let suitability = c(Column.clSuitability), activity = c(Column.clActivity)
            build = { r, cells, sink in
                sink.add(CareLeaver(
                    child: cells.child(r, child), dateOfBirth: cells.date(r, dob), latestContact: cells.date(r, contact),
                    pathwayPlanReview: cells.date(r, review), suitability: cells.suitability(r, suitability),
                    activity: cells.activity(r, activity), team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        case .yot:
            let start = c(Column.yotOrderStart), end = c(Column.yotOrderEnd), type = c(Column.yotOrderType), fte = c(Column.yotFTE)
            let custody = c(Column.yotCustody), intensity = c(Column.yotIntensity), gang = c(Column.yotGang), ete = c(Column.yotETE)
            build = { r, cells, sink in
                sink.add(YouthOffendingCase(
                    child: cells.child(r, child), orderStart: cells.date(r, start), orderEnd: cells.date(r, end),
                    orderType: cells.orderType(r, type), firstTimeEntrant: cells.date(r, fte), custodialSentence: cells.date(r, custody),
                    intensity: cells.intensity(r, intensity), gangMember: cells.yesNo(r, gang), eteAtOrderEnd: cells.yesNo(r, ete),
                    team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line))
            }
        }
    }
}

/// A column as found in the header: its canonical name (for messages) and its position.
struct ColumnRef {
    let name: String
    let index: Int?
}

/// A parsed code and the data-quality problem its spelling raises, if any.
struct Coded<T> {
    let value: T
    /// A literal, so a looked-up code is copied without reference counting.
    let problem: StaticString?
}

/// Typed reads of a list's cells, noting each unusable value. One per list being read; code,
/// team and worker cells are parsed once per distinct spelling.
struct Cells {
    let file: String
    var line = 0
    var issues: [DataQualityIssue] = []
    var history = HistoryStart()

    var yesNos = ByteMemo<Coded<YesNo>>()
    var counts = ByteMemo<Coded<CountField>>()
    var sources = ByteMemo<Coded<SourceGroup>>()
    var statuses = ByteMemo<Coded<CaseStatus?>>()
    var categories = ByteMemo<Coded<CodedField<AbuseCategory>>>()
    var legals = ByteMemo<Coded<LegalGroup>>()
    var locations = ByteMemo<Coded<PlacementLocation>>()
    var activities = ByteMemo<Coded<ActivityGroup>>()
    var suitabilities = ByteMemo<Coded<Suitability>>()
    var orderTypes = ByteMemo<Coded<OrderType>>()
    var intensities = ByteMemo<Coded<Intensity>>()
    var teams = ByteMemo<String>()
    var workers = ByteMemo<String>()
    let dates = DateMemo()

    init(file: String) { self.file = file }

    mutating func issue(column: String, value: String, problem: String) {
        issues.append(DataQualityIssue(file: file, line: line, column: column, value: value, problem: problem))
    }

    /// A cell's bytes without surrounding spaces (none when the column is absent). A view
    /// into the record's memory, so only good while the record is being read.
    @inline(__always)
    static func field(_ r: CSVRecord, _ c: ColumnRef) -> UnsafeRawBufferPointer {
        r.withField(c.index ?? -1) { TextDecoding.trim($0) }
    }

    mutating func child(_ r: CSVRecord, _ c: ColumnRef) -> String {
        let id = TextDecoding.decode(Cells.field(r, c))
        if id.isEmpty { issue(column: Column.childID, value: "", problem: "blank child ID: left out of children counts") }
        return id
    }

    /// One shared String per distinct spelling; a blank team is `Unallocated`.
    mutating func team(_ r: CSVRecord, _ c: ColumnRef) -> String { Cells.interned(Cells.field(r, c), &teams) { $0.isEmpty ? "Unallocated" : $0 } }
    mutating func worker(_ r: CSVRecord, _ c: ColumnRef) -> String { Cells.interned(Cells.field(r, c), &workers) { $0 } }

    @inline(__always)
    private static func interned(_ bytes: UnsafeRawBufferPointer, _ memo: inout ByteMemo<String>, _ name: (String) -> String) -> String {
        if let known = memo.find(bytes) { return known }
        let s = name(TextDecoding.decode(bytes))
        memo.insert(bytes, s)
        return s
    }

    mutating func date(_ r: CSVRecord, _ c: ColumnRef) -> DateField {
        guard let i = c.index else { return .blank }
        let f = r.withField(i) { dates.parse($0) }
        if f == .bad { issue(column: c.name, value: r.trimmed(i), problem: "not a date") }
        return f
    }

    /// Parses a code cell once per distinct spelling; `problem` says when a value is unusable.
    @inline(__always)
    private static func code<T>(_ r: CSVRecord, _ c: ColumnRef, _ memo: inout ByteMemo<Coded<T>>, _ issues: inout [DataQualityIssue],
                                _ file: String, _ line: Int, _ parse: (String) -> T, problem: (String, T) -> StaticString?) -> T {
        let bytes = field(r, c)
        let coded: Coded<T>
        if let known = memo.find(bytes) {
            coded = known
        } else {
            let text = TextDecoding.decode(bytes)
            let v = parse(text)
            coded = Coded(value: v, problem: problem(text, v))
            memo.insert(bytes, coded)
        }
        if let p = coded.problem { report(p, bytes, column: c.name, &issues, file, line) }
        return coded.value
    }

    /// Kept out of line: the usual cell has no problem.
    @inline(never)
    private static func report(_ problem: StaticString, _ bytes: UnsafeRawBufferPointer, column: String,
                               _ issues: inout [DataQualityIssue], _ file: String, _ line: Int) {
        issues.append(DataQualityIssue(file: file, line: line, column: column, value: TextDecoding.decode(bytes), problem: problem.description))
    }

    mutating func yesNo(_ r: CSVRecord, _ c: ColumnRef) -> YesNo {
        Cells.code(r, c, &yesNos, &issues, file, line, YesNo.parse) { _, v in v == .bad ? "not a yes/no value" : nil }
    }

    mutating func count(_ r: CSVRecord, _ c: ColumnRef) -> CountField {
        Cells.code(r, c, &counts, &issues, file, line, CountField.parse) { _, v in v == .bad ? "not a whole number" : nil }
    }

    mutating func source(_ r: CSVRecord, _ c: ColumnRef) -> SourceGroup {
        Cells.code(r, c, &sources, &issues, file, line, { SourceGroup.parse($0).group }) { t, _ in
            SourceGroup.parse(t).recognised ? nil : "source not recognised: counted as other"
        }
    }

    mutating func caseStatus(_ r: CSVRecord, _ c: ColumnRef) -> CaseStatus? {
        Cells.code(r, c, &statuses, &issues, file, line, CaseStatus.parse) { t, v in v != nil ? nil : t.isEmpty ? "blank case status" : "not a case status" }
    }

    mutating func category(_ r: CSVRecord, _ c: ColumnRef) -> CodedField<AbuseCategory> {
        Cells.code(r, c, &categories, &issues, file, line, { t in t.isEmpty ? .blank : AbuseCategory.parse(t).map { .value($0) } ?? .bad }) { _, v in
            switch v {
            case .value: nil
            case .blank: "blank category of abuse: the child counts on plans, in no category"
            case .bad: "not a category of abuse"
            }
        }
    }

    mutating func legal(_ r: CSVRecord, _ c: ColumnRef) -> LegalGroup { Cells.code(r, c, &legals, &issues, file, line, LegalGroup.parse) { _, _ in nil } }

    mutating func location(_ r: CSVRecord, _ c: ColumnRef) -> PlacementLocation {
        Cells.code(r, c, &locations, &issues, file, line, PlacementLocation.parse) { _, v in v == .bad ? "not a placement location (in / out)" : nil }
    }

    mutating func activity(_ r: CSVRecord, _ c: ColumnRef) -> ActivityGroup { Cells.code(r, c, &activities, &issues, file, line, ActivityGroup.parse) { _, _ in nil } }

    mutating func suitability(_ r: CSVRecord, _ c: ColumnRef) -> Suitability { Cells.code(r, c, &suitabilities, &issues, file, line, Suitability.parse) { _, _ in nil } }

    mutating func orderType(_ r: CSVRecord, _ c: ColumnRef) -> OrderType { Cells.code(r, c, &orderTypes, &issues, file, line, OrderType.parse) { _, _ in nil } }

    mutating func intensity(_ r: CSVRecord, _ c: ColumnRef) -> Intensity {
        Cells.code(r, c, &intensities, &issues, file, line, Intensity.parse) { _, v in v == .bad ? "not a scaled approach intensity" : nil }
    }
}
