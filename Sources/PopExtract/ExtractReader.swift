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

    /// Reads one list file into `extract`.
    public static func readList(_ list: ListKind, path: String, into extract: inout Extract) throws(ExtractError) {
        var sheet = Sheet(list: list)
        do {
            try CSVReader.read(path: path) { record in
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
        if sheet.columns == nil {
            throw ExtractError(file: list.fileName, line: 1, message: "the file is empty: there is no header row")
        }
        sheet.finish(into: &extract)
    }

    /// Reads one list from in-memory CSV text (tests, fuzzing).
    public static func readList(_ list: ListKind, bytes: [UInt8], into extract: inout Extract) throws(ExtractError) {
        var sheet = Sheet(list: list)
        do {
            try CSVReader.read(bytes: bytes) { record in
                try sheet.take(record, extract: &extract)
                return true
            }
        } catch let e as ExtractError {
            throw e
        } catch {
            throw ExtractError(file: list.fileName, message: "cannot be read (\(error))")
        }
        if sheet.columns == nil {
            throw ExtractError(file: list.fileName, line: 1, message: "the file is empty: there is no header row")
        }
        sheet.finish(into: &extract)
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
    var columns: [String: Int]?
    var teams: [String: String] = [:]

    init(list: ListKind) { self.list = list }

    mutating func take(_ record: CSVRecord, extract: inout Extract) throws(ExtractError) {
        guard let columns else {
            try readHeader(record, extract: &extract)
            return
        }
        var row = Row(record: record, columns: columns, file: list.fileName)
        if record.truncated {
            row.issue(column: "(whole line)", value: "", problem: "the line is too long or has too many fields; it was cut")
        }
        let child = row.text(Column.childID)
        if child.isEmpty { row.issue(column: Column.childID, value: "", problem: "blank child ID: left out of children counts") }
        let team = intern(row.team())
        let worker = row.text(Column.worker)
        let line = record.line
        switch list {
        case .list1:
            let source = row.source(Column.contactSource)
            extract.contacts!.append(Contact(child: child, date: row.date(Column.contactDate), source: source,
                                             decision: row.date(Column.contactDecision), line: line))
        case .list3:
            extract.referrals!.append(Referral(child: child, date: row.date(Column.referralDate), source: row.source(Column.referralSource),
                                               nfa: row.yesNo(Column.referralNFA), team: team, worker: worker, line: line))
        case .list4:
            extract.assessments!.append(Assessment(child: child, start: row.date(Column.assessmentStart),
                                                   authorised: row.date(Column.assessmentAuthorised),
                                                   childSeen: row.yesNo(Column.assessmentSeen), team: team, worker: worker, line: line))
        case .list5:
            extract.section47s!.append(Section47Enquiry(child: child, strategyStart: row.date(Column.strategyStart),
                                                        icpc: row.date(Column.icpcDate), team: team, worker: worker, line: line))
        case .list6:
            extract.childrenInNeed!.append(ChildInNeedEpisode(child: child, start: row.date(Column.cinStart), lastSeen: row.date(Column.cinLastSeen),
                                                               closure: row.date(Column.cinClosure), status: row.caseStatus(),
                                                               team: team, worker: worker, line: line))
        case .list7:
            extract.protectionPlans!.append(ChildProtectionPlan(
                child: child, dateOfBirth: row.date(Column.dateOfBirth), start: row.date(Column.cpStart), category: row.category(),
                lastVisit: row.date(Column.cpLastVisit), seenAlone: row.yesNo(Column.cpSeenAlone),
                latestReview: row.date(Column.cpLatestReview), end: row.date(Column.cpEnd),
                previousPlans: row.count(Column.cpPreviousPlans), team: team, worker: worker, line: line))
        case .list8:
            extract.childrenInCare!.append(ChildInCare(
                child: child, dateOfBirth: row.date(Column.dateOfBirth), uasc: row.yesNo(Column.claUASC),
                started: row.date(Column.claStarted), legalStatus: LegalGroup.parse(row.text(Column.claLegalStatus)),
                latestReview: row.date(Column.claLatestReview), lastVisit: row.date(Column.claLastVisit),
                lastHealthAssessment: row.date(Column.claHealth), lastDentalCheck: row.date(Column.claDental),
                placementsLast12Months: row.count(Column.claPlacements), ceased: row.date(Column.claCeased),
                placementStart: row.date(Column.claPlacementStart), location: row.location(),
                missingEpisodes: row.count(Column.claMissing), team: team, worker: worker, line: line))
        case .list9:
            extract.careLeavers!.append(CareLeaver(
                child: child, dateOfBirth: row.date(Column.dateOfBirth), latestContact: row.date(Column.clLatestContact),
                pathwayPlanReview: row.date(Column.clPathwayReview), suitability: Suitability.parse(row.text(Column.clSuitability)),
                activity: ActivityGroup.parse(row.text(Column.clActivity)), team: team, worker: worker, line: line))
        case .yot:
            extract.youthOffending!.append(YouthOffendingCase(
                child: child, orderStart: row.date(Column.yotOrderStart), orderEnd: row.date(Column.yotOrderEnd),
                orderType: OrderType.parse(row.text(Column.yotOrderType)), firstTimeEntrant: row.date(Column.yotFTE),
                custodialSentence: row.date(Column.yotCustody), intensity: row.intensity(),
                gangMember: row.yesNo(Column.yotGang), eteAtOrderEnd: row.yesNo(Column.yotETE), team: team, worker: worker, line: line))
        }
        extract.dataQuality += row.issues
    }

    mutating func readHeader(_ record: CSVRecord, extract: inout Extract) throws(ExtractError) {
        var map: [String: Int] = [:]
        for i in 0..<record.count {
            let key = Column.key(record.string(i))
            if !key.isEmpty && map[key] == nil { map[key] = i }
        }
        for name in [Column.childID] + Column.required(list) where map[Column.key(name)] == nil {
            throw ExtractError(file: list.fileName, line: record.line, column: name,
                               message: "the column \"\(name)\" is missing (\(list.title) needs it)")
        }
        // Keep only the columns pop reads, keyed by their canonical name.
        var columns: [String: Int] = [:]
        for name in [Column.childID] + Column.required(list) + Column.optional(list) {
            if let i = map[Column.key(name)] { columns[name] = i }
        }
        self.columns = columns
        switch list {
        case .list1:
            extract.contacts = []
            extract.hasContactDecisions = columns[Column.contactDecision] != nil
        case .list3: extract.referrals = []
        case .list4: extract.assessments = []
        case .list5: extract.section47s = []
        case .list6: extract.childrenInNeed = []
        case .list7: extract.protectionPlans = []
        case .list8: extract.childrenInCare = []
        case .list9: extract.careLeavers = []
        case .yot: extract.youthOffending = []
        }
    }

    /// One String per distinct team name, shared by every row.
    mutating func intern(_ s: String) -> String {
        if let t = teams[s] { return t }
        teams[s] = s
        return s
    }

    func finish(into extract: inout Extract) {}
}

/// Typed reads of one record's cells, noting each unusable value in the data-quality list.
struct Row {
    let record: CSVRecord
    let columns: [String: Int]
    let file: String
    var issues: [DataQualityIssue] = []

    init(record: CSVRecord, columns: [String: Int], file: String) {
        self.record = record
        self.columns = columns
        self.file = file
    }

    mutating func issue(column: String, value: String, problem: String) {
        issues.append(DataQualityIssue(file: file, line: record.line, column: column, value: value, problem: problem))
    }

    func text(_ column: String) -> String {
        guard let i = columns[column] else { return "" }
        return record.trimmed(i)
    }

    func team() -> String {
        let t = text(Column.team)
        return t.isEmpty ? "Unallocated" : t
    }

    mutating func date(_ column: String) -> DateField {
        guard let i = columns[column] else { return .blank }
        let f = record.withField(i) { DateParser.parse($0) }
        if f == .bad { issue(column: column, value: record.trimmed(i), problem: "not a date") }
        return f
    }

    mutating func yesNo(_ column: String) -> YesNo {
        let t = text(column)
        let v = YesNo.parse(t)
        if v == .bad { issue(column: column, value: t, problem: "not a yes/no value") }
        return v
    }

    mutating func count(_ column: String) -> CountField {
        let t = text(column)
        let v = CountField.parse(t)
        if v == .bad { issue(column: column, value: t, problem: "not a whole number") }
        return v
    }

    mutating func source(_ column: String) -> SourceGroup {
        let t = text(column)
        let (group, recognised) = SourceGroup.parse(t)
        if !recognised { issue(column: column, value: t, problem: "source not recognised: counted as other") }
        return group
    }

    mutating func caseStatus() -> CaseStatus? {
        let t = text(Column.caseStatus)
        let v = CaseStatus.parse(t)
        if v == nil { issue(column: Column.caseStatus, value: t, problem: t.isEmpty ? "blank case status" : "not a case status") }
        return v
    }

    mutating func category() -> AbuseCategory? {
        let t = text(Column.cpCategory)
        let v = AbuseCategory.parse(t)
        if v == nil { issue(column: Column.cpCategory, value: t, problem: t.isEmpty ? "blank category of abuse" : "not a category of abuse") }
        return v
    }

    mutating func location() -> PlacementLocation {
        let t = text(Column.claLocation)
        let v = PlacementLocation.parse(t)
        if v == .bad { issue(column: Column.claLocation, value: t, problem: "not a placement location (in / out)") }
        return v
    }

    mutating func intensity() -> Intensity {
        let t = text(Column.yotIntensity)
        let v = Intensity.parse(t)
        if v == .bad { issue(column: Column.yotIntensity, value: t, problem: "not a scaled approach intensity") }
        return v
    }
}
