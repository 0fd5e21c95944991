/// A list's typed row. Every list has one; `ListKind` says which list a type belongs to.
public protocol ListRow: Sendable {
    static var list: ListKind { get }
}

/// Where a list's records came from: its file, and the sheet when the file is a workbook.
public struct ListOrigin: Hashable, Sendable {
    public let file: String
    public let sheet: String?

    public init(file: String, sheet: String? = nil) {
        self.file = file
        self.sheet = sheet
    }
}

/// Where the reader sends each list's typed rows as it reads them, a batch at a time. `Extract`
/// keeps every row; the engine keeps only what the reporting date's figures need, so memory
/// follows the open cases rather than the size of the files.
///
/// One generic method takes every list's rows: a sink picks out the lists it uses with
/// `rows.of(Contact.self)` (a type comparison per batch, not per row) and ignores the rest.
public protocol ExtractSink {
    /// A list's header has been read and its rows follow. `columns` are the header's keys
    /// (`Column.key`), for optional columns.
    mutating func begin(_ list: ListKind, from origin: ListOrigin, columns: Set<String>)
    /// The next rows of the list begun last, in file order.
    mutating func add<Row: ListRow>(_ rows: [Row])
    /// A value that could not be used, or a warning about a list.
    mutating func note(_ issue: DataQualityIssue)
}

extension Array where Element: ListRow {
    /// These rows as rows of `type`, when that is what they are.
    @inline(__always)
    public func of<T: ListRow>(_ type: T.Type) -> [T]? {
        // SAFETY: the element types are the same type, so the arrays have the same layout.
        Element.self == T.self ? unsafeBitCast(self, to: [T].self) : nil
    }
}

/// A sink that says which lists it was given.
public protocol SuppliesLists {
    func supplies(_ list: ListKind) -> Bool
}

extension Extract: SuppliesLists {}

/// One list's rows behind a reference, so that a batch is appended in place.
private final class StoredRows<Row: ListRow>: @unchecked Sendable, ReplayableRows {
    var rows: [Row] = []
    func replay<S: ExtractSink>(into sink: inout S) { sink.add(rows) }
}

private protocol ReplayableRows: AnyObject, Sendable {
    func replay<S: ExtractSink>(into sink: inout S)
}

/// Everything read from one extract: every row of every list supplied. A list is nil when it
/// was not supplied.
public struct Extract: ExtractSink, Sendable {
    private var lists: [ListKind: any ReplayableRows] = [:]
    /// Each supplied list's header keys.
    public private(set) var columns: [ListKind: Set<String>] = [:]
    /// Where each supplied list came from.
    public private(set) var origins: [ListKind: ListOrigin] = [:]
    public private(set) var dataQuality: [DataQualityIssue] = []

    public init() {}

    public func supplies(_ list: ListKind) -> Bool { columns[list] != nil }

    /// The rows of one list; nil when it was not supplied.
    public func rows<Row: ListRow>(_ type: Row.Type) -> [Row]? {
        guard supplies(Row.list) else { return nil }
        return (lists[Row.list] as? StoredRows<Row>)?.rows ?? []
    }

    public mutating func begin(_ list: ListKind, from origin: ListOrigin, columns: Set<String>) {
        self.columns[list] = columns
        origins[list] = origin
    }

    public mutating func add<Row: ListRow>(_ rows: [Row]) {
        // Taken out of the table while it grows, so that a copy of this extract sharing it is
        // seen (copy on write) and left as it was.
        var store = lists.removeValue(forKey: Row.list) as? StoredRows<Row> ?? StoredRows<Row>()
        if !isKnownUniquelyReferenced(&store) {
            let copy = StoredRows<Row>()
            copy.rows = store.rows
            store = copy
        }
        store.rows += rows
        lists[Row.list] = store
    }

    public mutating func note(_ issue: DataQualityIssue) { dataQuality.append(issue) }

    /// Sends every row, list by list in file order, to another sink: the rows a reader would send.
    public func replay<S: ExtractSink>(into sink: inout S) {
        for list in ListKind.allCases where supplies(list) {
            sink.begin(list, from: origins[list] ?? ListOrigin(file: list.fileName), columns: columns[list] ?? [])
            lists[list]?.replay(into: &sink)
        }
        for issue in dataQuality { sink.note(issue) }
    }
}
