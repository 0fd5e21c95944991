/// Why a workbook could not be read or written, and where, as Excel would show the place.
///
/// `description` reads `Annex A.xlsx: sheet List 7, row 12, column J: message`, leaving out
/// what is not known (a broken zip has no sheet; a sheet cut off between rows has no column).
public struct WorkbookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The workbook's file name (the last component of its path).
    public var file: String
    public var sheet: String?
    /// Excel's 1-based row number.
    public var row: Int?
    /// The column letter, as Excel shows it (`J`, `AA`).
    public var column: String?
    public var message: String

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let sheet { place.append("sheet \(sheet)") }
        if let row { place.append("row \(row)") }
        if let column { place.append("column \(column)") }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return "\(file): \(prefix)\(message)"
    }
}

/// A fault found below the level that knows the file and sheet; the reader adds those.
struct PartFault: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
