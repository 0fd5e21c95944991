import PopCalendar
import PopExtract

/// One sheet of an Annex A workbook as a record source: its rows reach the same typed-row
/// builders a CSV file's records do. Blank rows are skipped; the first row with a value is
/// the header; a cell a row leaves out is blank (a short row is a CSV notion).
public struct WorkbookSheetSource: RecordSource, Sendable {
    let reader: WorkbookReader
    let info: SheetInfo

    public init(_ reader: WorkbookReader, _ info: SheetInfo) {
        self.reader = reader
        self.info = info
    }

    public var name: String { reader.fileName }
    public var sheet: String? { info.name }
    public var date1904: Bool { reader.date1904 }

    @discardableResult
    public func forEachRecord(_ body: (borrowing Record) throws(ExtractError) -> Bool) throws(ExtractError) -> SourceEnd {
        let spans = UnsafeMutablePointer<UnsafeRawBufferPointer>.allocate(capacity: RowCells.maxColumns)
        let kinds = UnsafeMutablePointer<PopExtract.CellKind>.allocate(capacity: RowCells.maxColumns)
        defer {
            spans.deallocate()
            kinds.deallocate()
        }
        spans.initialize(repeating: UnsafeRawBufferPointer(start: nil, count: 0), count: RowCells.maxColumns)
        kinds.initialize(repeating: .text, count: RowCells.maxColumns)
        // Every row counts as wide as the header: the cells a row leaves out are blank.
        var headerWidth = 0, filled = 0
        do {
            try reader.readRows(of: info) { row in
                guard row.width > 0 else { return true }   // a blank row
                for c in 0..<row.width {
                    let kind = row.kind(c)
                    kinds[c] = Self.kind(kind)
                    spans[c] = kind == .blank ? UnsafeRawBufferPointer(start: nil, count: 0) : row.withBytes(c) { $0 }
                }
                // Cells past this row's width hold what an earlier, wider row left: blank them.
                if filled > row.width {
                    for c in row.width..<filled {
                        spans[c] = UnsafeRawBufferPointer(start: nil, count: 0)
                        kinds[c] = .text
                    }
                }
                filled = row.width
                if headerWidth == 0 { headerWidth = row.width }
                // SAFETY: spans and kinds hold RowCells.maxColumns ≥ max(width, headerWidth)
                // entries, and the row's bytes stay valid until this callback returns.
                assert(max(row.width, headerWidth) <= RowCells.maxColumns)
                return try body(Record(unsafeSpans: spans, kinds: kinds, count: max(row.width, headerWidth), line: row.number))
            }
        } catch let e as ExtractError {
            throw e
        } catch let e as WorkbookError {
            throw ExtractError(file: e.file, sheet: e.sheet ?? info.name, line: e.row, column: e.column, message: e.message)
        } catch {
            throw ExtractError(file: name, sheet: info.name, message: "cannot be read (\(error))")
        }
        return SourceEnd()
    }

    static func kind(_ k: CellKind) -> PopExtract.CellKind {
        switch k {
        case .blank, .text: .text
        case .number: .number
        case .boolean: .boolean
        case .error: .error
        }
    }
}

/// An Annex A workbook as an extract: each list's sheet found by its name (`List 7`, `List 7 -
/// Child Protection`, `Child Protection`) or, failing that, by its header row holding exactly
/// one list's key column; sheets that are no list (Lists 10 and 11, notes, pivots) are left alone.
public enum WorkbookExtract {
    /// Whether a path names a workbook rather than an extract folder.
    public static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || lower.hasSuffix(".xls")
    }

    /// Reads every list the workbook holds into `sink`.
    public static func read<S: ExtractSink>(path: String, asAt: Day, options: ReadOptions = ReadOptions(), into sink: inout S) throws(ExtractError) {
        let reader: WorkbookReader
        do { reader = try WorkbookReader(path: path) } catch {
            throw ExtractError(file: error.file, sheet: error.sheet, line: error.row, column: error.column, message: error.message)
        }
        for (list, sheet) in try lists(reader) {
            try ExtractReader.readList(list, from: WorkbookSheetSource(reader, sheet), asAt: asAt, options: options, into: &sink)
        }
    }

    /// Reads every list the workbook holds into `sink` as `read(path:…)` does, its sheets on up
    /// to `threads` threads (each list into a part of its own, joined in list order: the same
    /// rows and data-quality list as one thread). The shared strings are read once, for all.
    public static func read<S: PartedSink>(path: String, asAt: Day, options: ReadOptions = ReadOptions(), threads: Int,
                                           into sink: inout S) throws(ExtractError) {
        guard threads > 1 else { return try read(path: path, asAt: asAt, options: options, into: &sink) }
        let reader: WorkbookReader
        do { reader = try WorkbookReader(path: path) } catch {
            throw ExtractError(file: error.file, sheet: error.sheet, line: error.row, column: error.column, message: error.message)
        }
        let jobs = try lists(reader).map { (list, sheet) in
            ListJob<S>(list: list, weight: Int(reader.partSize(sheet))) { (part: inout S) throws(ExtractError) in
                try ExtractReader.readList(list, from: WorkbookSheetSource(reader, sheet), asAt: asAt, options: options, into: &part)
            }
        }
        try ExtractReader.inParts(jobs, threads: threads, into: &sink)
    }

    /// Each list's sheet, in list order. Two sheets that match one list are an error naming both.
    public static func lists(_ reader: WorkbookReader) throws(ExtractError) -> [(ListKind, SheetInfo)] {
        var found: [ListKind: SheetInfo] = [:]
        for sheet in reader.sheets {
            var match = list(named: sheet.name)
            // `List 10`, `List 11`: Annex A lists pop does not read, whatever their headers hold.
            if match == nil && annexNumber(sheet.name) == nil { match = try list(byHeaderOf: sheet, reader) }
            guard let list = match else { continue }
            if let other = found[list] {
                throw ExtractError(file: reader.fileName, sheet: sheet.name,
                                   message: "both sheet \"\(other.name)\" and sheet \"\(sheet.name)\" look like \(list.title): which one to read cannot be known")
            }
            found[list] = sheet
        }
        return ListKind.allCases.compactMap { l in found[l].map { (l, $0) } }
    }

    /// The list a sheet's name stands for: `List 1` … `List 9` with or without text after the
    /// number (but not `List 10`), or the list's own name (`Early Help`, `Audits`, `Workforce`);
    /// case, spaces and `_` ignored.
    public static func list(named name: String) -> ListKind? {
        if let number = annexNumber(name) { return ListKind.allCases.first { $0.annexNumber == number } }
        let n = squeezed(name)
        for list in ListKind.allCases {
            for own in list.sheetNames where squeezed(own) == n { return list }
        }
        return nil
    }

    /// The Annex A list number a sheet's name starts with (`List 10 - Adoption` → 10).
    static func annexNumber(_ name: String) -> Int? {
        let n = squeezed(name)
        guard n.hasPrefix("list") else { return nil }
        return Int(n.dropFirst(4).prefix { $0.isNumber })
    }

    /// A sheet name made comparable: lower case, without spaces or `_`.
    static func squeezed(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && !$0.isWhitespace })
    }

    /// The list a sheet's header row holds the key column of, when it holds exactly one's.
    /// The list a sheet's header row holds the key columns of, when it holds exactly one's.
    static func list(byHeaderOf sheet: SheetInfo, _ reader: WorkbookReader) throws(ExtractError) -> ListKind? {
        var keys: Set<String> = []
        try WorkbookSheetSource(reader, sheet).forEachRecord { r in
            for i in 0..<r.count { keys.insert(Column.canonicalKey(r.trimmed(i))) }
            return false
        }
        let matches = ListKind.allCases.filter { $0.keyColumns.allSatisfy { keys.contains(Column.key($0)) } }
        return matches.count == 1 ? matches[0] : nil
    }
}
