/// What a cell holds. A CSV file holds only text; a workbook cell may hold a number (a date
/// column's serial day, a Child Unique ID typed as a number), a boolean or an Excel error value.
public enum CellKind: UInt8, Sendable {
    case text, number, boolean, error
}

/// One record of a list: its cells' bytes, what each holds, and where it came from (the line of a
/// CSV file, or the row of a workbook sheet).
///
/// A record is a view into its source's memory, valid only while the callback that receives it
/// runs. It is not copyable and callbacks receive it `borrowing`, so it cannot be stored or
/// returned; cell bytes are lent to a closure in the same way (`withCell`).
public struct Record: ~Copyable {
    /// Cell i is `base[starts[i] ..< ends[i]]` (a CSV record), or `spans[i]` when the cells lie
    /// in several buffers (a workbook row: its own text and the shared strings).
    @usableFromInline let spans: UnsafePointer<UnsafeRawBufferPointer>?
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let starts: UnsafePointer<Int32>
    @usableFromInline let ends: UnsafePointer<Int32>
    /// nil: every cell is text (a CSV record).
    @usableFromInline let kinds: UnsafePointer<CellKind>?
    /// Cells in the record.
    public let count: Int
    /// The CSV line the record starts on, or the workbook row (1-based).
    public let line: Int
    /// A cell was cut at its size limit, or cells past the limit were dropped.
    public let truncated: Bool
    /// The last line the record reaches: past `line` when a quoted cell holds a line break.
    public let lastLine: Int

    /// A record over memory its source owns for the duration of one callback.
    ///
    /// SAFETY: the caller guarantees that `starts` and `ends` hold `count` offsets each, that
    /// every `starts[i] ≤ ends[i]` lies inside the memory at `base`, that `kinds` (when given)
    /// holds `count` values, and that all of it stays valid and unchanged while the record is
    /// lent to the callback.
    public init(unsafeBase base: UnsafePointer<UInt8>, starts: UnsafePointer<Int32>, ends: UnsafePointer<Int32>,
                kinds: UnsafePointer<CellKind>?, count: Int, line: Int, truncated: Bool, lastLine: Int? = nil) {
        self.spans = nil
        self.base = base
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
        self.count = count
        self.line = line
        self.truncated = truncated
        self.lastLine = lastLine ?? line
    }

    /// A record whose cells each lie where `spans` says, with their kinds.
    ///
    /// SAFETY: the caller guarantees that `spans` and `kinds` hold `count` values each, that every
    /// span points at valid memory, and that all of it stays valid and unchanged while the record
    /// is lent to the callback.
    public init(unsafeSpans spans: UnsafePointer<UnsafeRawBufferPointer>, kinds: UnsafePointer<CellKind>, count: Int, line: Int) {
        self.spans = spans
        // Unused for a record of spans; any valid pointer will do.
        self.base = UnsafePointer(bitPattern: 1)!
        self.starts = UnsafePointer(bitPattern: 4)!
        self.ends = UnsafePointer(bitPattern: 4)!
        self.kinds = kinds
        self.count = count
        self.line = line
        self.truncated = false
        self.lastLine = line
    }

    /// What cell `i` holds; text for a cell the record does not have.
    @inline(__always)
    public func kind(_ i: Int) -> CellKind {
        guard let kinds, i >= 0, i < count else { return .text }
        // SAFETY: 0 ≤ i < count, and the source gave `count` kinds (init's contract).
        return kinds[i]
    }

    /// Lends cell `i`'s bytes to `body` (empty when the record has fewer cells). The bytes are
    /// only valid inside `body`.
    @inline(__always)
    public func withCell<T, E: Error>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> T) throws(E) -> T {
        guard i >= 0, i < count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        // SAFETY: 0 ≤ i < count, and the source gave `count` spans (init's contract).
        if let spans { return try body(spans[i]) }
        // SAFETY: 0 ≤ i < count; the source guarantees starts[i] ≤ ends[i] inside its memory.
        let start = Int(starts[i]), end = Int(ends[i])
        assert(start >= 0 && start <= end, "cell \(i) has a negative extent")
        return try body(UnsafeRawBufferPointer(start: base + start, count: end - start))
    }

    /// Cell `i` as text: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (as Excel writes).
    public func string(_ i: Int) -> String { withCell(i) { TextDecoding.decode($0) } }

    /// Cell `i` without surrounding white space.
    public func trimmed(_ i: Int) -> String { withCell(i) { TextDecoding.decode(TextDecoding.trim($0)) } }

    /// Every cell as text, for tests and messages.
    public var strings: [String] { (0..<count).map { string($0) } }
}

/// Where the records of one list come from: a CSV file, a workbook sheet, bytes in memory.
public protocol RecordSource {
    /// The name the data-quality list and errors give: the file (`list7.csv`) or the workbook.
    var name: String { get }
    /// The workbook sheet the records come from; nil for a CSV file.
    var sheet: String? { get }
    /// Whether a number in a date column counts days from 1904 (a workbook setting).
    var date1904: Bool { get }
    /// Sends every record in order until `body` returns false. A record is valid only inside
    /// `body`. Errors name the source.
    @discardableResult
    func forEachRecord(_ body: (borrowing Record) throws(ExtractError) -> Bool) throws(ExtractError) -> SourceEnd
}

extension RecordSource {
    public var date1904: Bool { false }
}

/// How a source ended, for what the data-quality list should say about it.
public struct SourceEnd: Equatable, Sendable {
    /// The line of a last record that had no line end (a file cut short looks like this).
    public var unendedLastLine: Int?

    public init(unendedLastLine: Int? = nil) { self.unendedLastLine = unendedLastLine }
}
