import PopCalendar

/// How an extract is read: a council's own spellings of codes.
public struct ReadOptions: Sendable {
    public var codes: CodeMap

    public init(codes: CodeMap = .none) { self.codes = codes }
}

/// Reads an extract's lists into typed rows and a data-quality list, from any record source.
public enum ExtractReader {
    /// Rows go to the sink in batches of this many.
    static let batchSize = 512

    /// Reads every list present in `folder` into an `Extract` holding every row. `asAt` is the
    /// reporting date, used to warn when a list starts later than its indicators need.
    public static func read(folder: String, asAt: Day) throws(ExtractError) -> Extract {
        var extract = Extract()
        try read(folder: folder, asAt: asAt, into: &extract)
        return extract
    }

    /// Streams every list present in `folder` into `sink`, one batch of rows at a time.
    public static func read<S: ExtractSink>(folder: String, asAt: Day, options: ReadOptions = ReadOptions(), into sink: inout S) throws(ExtractError) {
        guard FilePath.isDirectory(folder) else { throw ExtractError(file: folder, message: "not a folder that can be read") }
        let box = SinkBox(sink)
        defer { sink = box.sink }
        for list in ListKind.allCases {
            let path = folder + "/" + list.fileName
            // A dangling link named like a list is there, and unreadable: an error, not "not supplied".
            guard FilePath.entryExists(path) else { continue }
            try readList(list, from: CSVFile(path: path, name: list.fileName), asAt: asAt, options: options, into: box)
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
            try readList(list, from: CSVBytes(f.bytes, name: list.fileName), asAt: asAt, options: ReadOptions(), into: box)
        }
    }

    /// Reads one list from any record source into `sink`; `asAt` (when given) checks how far
    /// back the list reaches.
    public static func readList<S: ExtractSink>(_ list: ListKind, from source: some RecordSource, asAt: Day? = nil, options: ReadOptions = ReadOptions(),
                                                into sink: inout S) throws(ExtractError) {
        let box = SinkBox(sink)
        defer { sink = box.sink }
        try readList(list, from: source, asAt: asAt, options: options, into: box)
    }

    /// Reads one list file into `sink`.
    public static func readList<S: ExtractSink>(_ list: ListKind, path: String, into sink: inout S) throws(ExtractError) {
        try readList(list, from: CSVFile(path: path, name: list.fileName), into: &sink)
    }

    /// Reads one list from in-memory CSV text (tests, fuzzing, the demo).
    public static func readList<S: ExtractSink>(_ list: ListKind, bytes: [UInt8], into sink: inout S) throws(ExtractError) {
        try readList(list, from: CSVBytes(bytes, name: list.fileName), into: &sink)
    }

    /// The one place a list meets its row type. The source is an existential (opened once per
    /// list), so each `readRows` below is specialised on its row type alone: generic over the
    /// source as well, the per-record code fetched generic metadata for every row (a fifth of
    /// the read's time in `perf`).
    static func readList(_ list: ListKind, from source: any RecordSource, asAt: Day?, options: ReadOptions, into sink: RowReceiver) throws(ExtractError) {
        switch list {
        case .list1: try readRows(Contact.self, from: source, asAt: asAt, options: options, into: sink)
        case .list2: try readRows(EarlyHelpAssessment.self, from: source, asAt: asAt, options: options, into: sink)
        case .list3: try readRows(Referral.self, from: source, asAt: asAt, options: options, into: sink)
        case .list4: try readRows(Assessment.self, from: source, asAt: asAt, options: options, into: sink)
        case .list5: try readRows(Section47Enquiry.self, from: source, asAt: asAt, options: options, into: sink)
        case .list6: try readRows(ChildInNeedEpisode.self, from: source, asAt: asAt, options: options, into: sink)
        case .list7: try readRows(ChildProtectionPlan.self, from: source, asAt: asAt, options: options, into: sink)
        case .list8: try readRows(ChildInCare.self, from: source, asAt: asAt, options: options, into: sink)
        case .list9: try readRows(CareLeaver.self, from: source, asAt: asAt, options: options, into: sink)
        case .yot: try readRows(YouthOffendingCase.self, from: source, asAt: asAt, options: options, into: sink)
        case .audits: try readRows(CaseAudit.self, from: source, asAt: asAt, options: options, into: sink)
        case .workforce: try readRows(StaffMember.self, from: source, asAt: asAt, options: options, into: sink)
        }
    }

    /// Reads the records of one list: the header first, then one typed row per record.
    static func readRows<Row: ReadableRow>(_ type: Row.Type, from source: any RecordSource, asAt: Day?, options: ReadOptions,
                                           into sink: RowReceiver) throws(ExtractError) {
        let list = Row.list
        var cells = Cells(file: source.name, sheet: source.sheet, list: list, codes: options.codes, date1904: source.date1904)
        let isSheet = source.sheet != nil
        var build: RowReader<Row>?
        var width = 0
        var batch: [Row] = []
        batch.reserveCapacity(batchSize)
        let end = try source.forEachRecord { (r) throws(ExtractError) -> Bool in
            guard let build else {
                build = Row.reader(try header(r, list: list, source: source, sink: sink))
                width = r.count
                return true
            }
            cells.line = r.line
            if r.truncated {
                cells.issue(nil, value: "", problem: "the line is too long or has too many fields; it was cut", kind: .lineTooLong)
            } else if r.count < width && !isSheet {
                // (A workbook row leaves out its blank cells: a short row is a CSV notion.)
                cells.issue(nil, value: "\(r.count) cells",
                            problem: "the line has \(r.count) cells and the header \(width) columns: the cells it lacks are unreadable, and the row leaves every indicator that needs them",
                            kind: .shortRow)
            } else if r.count > width && !isSheet {
                cells.issue(nil, value: "\(r.count) cells", problem: "the line has \(r.count) cells and the header \(width) columns: the cells beyond the header are ignored",
                            kind: .longRow)
            }
            if r.lastLine > r.line {
                cells.issue(nil, value: "lines \(r.line)–\(r.lastLine)",
                            problem: "a quoted cell holds a line break, so lines \(r.line) to \(r.lastLine) were read as one row: check a quote is not stray",
                            kind: .lineBreakInCell)
            }
            batch.append(build(r, &cells))
            if !cells.issues.isEmpty {
                for i in cells.issues { sink.note(i) }
                cells.issues.removeAll(keepingCapacity: true)
            }
            if batch.count == batchSize {
                sink.add(batch)
                batch.removeAll(keepingCapacity: true)
            }
            return true
        }
        guard build != nil else {
            throw ExtractError(file: source.name, sheet: source.sheet, line: 1, message: "the file is empty: there is no header row")
        }
        if !batch.isEmpty { sink.add(batch) }
        if let line = end.unendedLastLine, line > 1 {
            sink.note(DataQualityIssue(file: source.name, sheet: source.sheet, line: line, column: "(whole line)", value: "",
                                       problem: "the last line has no line end: if the file was cut short, its last row may be incomplete",
                                       kind: .fileCutShort, list: list))
        }
        if let asAt, let issue = cells.history.warning(list, file: source.name, sheet: source.sheet, asAt: asAt) { sink.note(issue) }
    }

    /// Checks the header row, tells the sink the list begins, and returns its columns. Names of
    /// earlier templates count as their 2024 column. A column pop reads that the header names
    /// twice (or by two of its names) is an error: which one holds the data cannot be known. A
    /// missing column is not an error (its indicators are unavailable), but for the list's
    /// identity column (Child Unique ID; a staff list's Worker; audits need neither).
    static func header(_ r: borrowing Record, list: ListKind, source: any RecordSource, sink: RowReceiver) throws(ExtractError) -> Header {
        var positions: [String: Int] = [:]
        let used = Set(([list.identityColumn].compactMap { $0 } + list.requiredColumns + list.optionalColumns).map(Column.key))
        for i in 0..<r.count {
            let key = Column.canonicalKey(Cells.text(r, i))
            if key.isEmpty { continue }
            if let first = positions[key] {
                if used.contains(key) {
                    throw ExtractError(file: source.name, sheet: source.sheet, line: r.line, column: r.trimmed(i),
                                       message: "the header names this column twice (columns \(first + 1) and \(i + 1)): which one holds the data cannot be known")
                }
                continue
            }
            positions[key] = i
        }
        if let identity = list.identityColumn, positions[Column.key(identity)] == nil {
            let why = identity == Column.childID ? "to count children" : "to tell its staff apart"
            throw ExtractError(file: source.name, sheet: source.sheet, line: r.line, column: identity,
                               message: "this column is missing (\(list.title) needs it \(why))")
        }
        sink.begin(list, from: ListOrigin(file: source.name, sheet: source.sheet), columns: Set(positions.keys))
        return Header(positions: positions)
    }
}

/// The reader's hold on a sink: rows reach it a batch at a time through one class call, so the
/// per-row path is the same compiled code whatever the sink is.
protocol RowReceiver: AnyObject {
    func begin(_ list: ListKind, from origin: ListOrigin, columns: Set<String>)
    func add<Row: ListRow>(_ rows: [Row])
    func note(_ issue: DataQualityIssue)
}

final class SinkBox<S: ExtractSink>: RowReceiver {
    /// Only the reader touches it, one batch at a time: no need for a run-time exclusivity check.
    @exclusivity(unchecked) var sink: S
    init(_ sink: S) { self.sink = sink }
    func begin(_ list: ListKind, from origin: ListOrigin, columns: Set<String>) { sink.begin(list, from: origin, columns: columns) }
    func add<Row: ListRow>(_ rows: [Row]) { sink.add(rows) }
    func note(_ issue: DataQualityIssue) { sink.note(issue) }
}
