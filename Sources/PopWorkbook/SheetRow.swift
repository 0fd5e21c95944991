/// What a cell holds.
public enum CellKind: UInt8, Sendable {
    /// No value: the cell is left out, empty, holds empty text, or only carries a format.
    case blank
    /// A shared or inline string, a formula's cached text (`t="str"`), or an ISO date (`t="d"`).
    case text
    /// A number, as written in the sheet (`43496`, `9212044`, `1.5E-3`); dates are serial days.
    case number
    /// `1` or `0`.
    case boolean
    /// An Excel error value such as `#N/A` or `#REF!`.
    case error
}

/// One row of a sheet, as the reader streams it.
///
/// A row is a view into the reader's memory and exists only inside the `readRows` callback:
/// it is non-copyable and the callback borrows it, so it cannot be kept. Copy out what you need
/// (`string(_:)`, or the bytes inside `withBytes`).
public struct SheetRow: ~Copyable {
    /// Excel's 1-based row number.
    public let number: Int
    /// 1 + the largest 0-based column index of a cell with a value; 0 for a row with none.
    public let width: Int
    /// Per column: the `CellKind`, with `RowCells.sharedFlag` set when the bytes are in the
    /// shared-string table rather than the row's own buffer.
    let kinds: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int>
    let lengths: UnsafePointer<Int32>
    let rowBytes: UnsafePointer<UInt8>
    let sharedBytes: UnsafePointer<UInt8>

    /// What the cell at 0-based `column` holds; `.blank` for any column the row lacks.
    @inline(__always)
    public func kind(_ column: Int) -> CellKind {
        guard column >= 0, column < width else { return .blank }
        // SAFETY: column < width <= RowCells.maxColumns, the slots' capacity.
        assert(column < RowCells.maxColumns)
        return CellKind(rawValue: kinds[column] & ~RowCells.sharedFlag) ?? .blank
    }

    /// Calls `body` with the UTF-8 bytes of the cell at 0-based `column` (empty when blank).
    /// The bytes are valid only inside `body`.
    @inline(__always)
    public func withBytes<T>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard column >= 0, column < width, kinds[column] & ~RowCells.sharedFlag != CellKind.blank.rawValue else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        let base = kinds[column] & RowCells.sharedFlag != 0 ? sharedBytes : rowBytes
        // SAFETY: the parser recorded start and length inside the buffer it filled (the row's, or
        // the shared-string table's), and neither changes until the callback returns.
        assert(starts[column] >= 0 && lengths[column] >= 0)
        return try body(UnsafeRawBufferPointer(start: base + starts[column], count: Int(lengths[column])))
    }

    /// The cell at 0-based `column` as a String ("" when blank).
    public func string(_ column: Int) -> String {
        withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }
}

/// The cell slots a row is built in: one per possible column, allocated once per read.
final class RowCells {
    /// Excel's last column is XFD, the 16,384th.
    static let maxColumns = 16_384
    static let sharedFlag: UInt8 = 0x80

    let kinds = UnsafeMutablePointer<UInt8>.allocate(capacity: RowCells.maxColumns)
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: RowCells.maxColumns)
    let lengths = UnsafeMutablePointer<Int32>.allocate(capacity: RowCells.maxColumns)

    init() {
        kinds.initialize(repeating: CellKind.blank.rawValue, count: RowCells.maxColumns)
        starts.initialize(repeating: 0, count: RowCells.maxColumns)
        lengths.initialize(repeating: 0, count: RowCells.maxColumns)
    }

    deinit {
        kinds.deallocate()
        starts.deallocate()
        lengths.deallocate()
    }
}

extension WorkbookReader {
    /// Excel's letters for a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
    /// A negative index gives "".
    public static func columnLetter(_ index: Int) -> String {
        guard index >= 0 else { return "" }
        var letters: [UInt8] = []
        var n = index + 1
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 0-based column index of Excel's letters (`A` → 0, `XFD` → 16383); nil for anything
    /// that is not one to three letters naming a column Excel has.
    public static func columnIndex(_ letters: String) -> Int? {
        var n = 0
        var count = 0
        for b in letters.utf8 {
            let upper = b & ~0x20
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return nil }
            n = n * 26 + Int(upper - UInt8(ascii: "A")) + 1
            count += 1
            if count > 3 { return nil }
        }
        guard count > 0, n <= RowCells.maxColumns else { return nil }
        return n - 1
    }
}
