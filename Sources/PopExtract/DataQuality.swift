/// One entry of the data-quality list: a value pop could not use, or a warning about a list.
/// A CSV file's entries name the file and line; a workbook's also name the sheet and the cell
/// (`J12`), `line` being the sheet's row.
public struct DataQualityIssue: Hashable, Sendable {
    public let file: String
    public let sheet: String?
    public let line: Int
    public let column: String
    /// Excel's reference of the cell (`J12`), for a workbook.
    public let cell: String?
    public let value: String
    public let problem: String

    public init(file: String, sheet: String? = nil, line: Int, column: String, cell: String? = nil, value: String, problem: String) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.cell = cell
        self.value = value
        self.problem = problem
    }
}

/// An extract that cannot be used: a file that cannot be read, or a list without a column its
/// indicators need. Names the file, and the line and column where there is one.
public struct ExtractError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let sheet: String?
    public let line: Int?
    public let column: String?
    public let message: String

    public init(file: String, sheet: String? = nil, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var s = file
        if let sheet { s += ", sheet \"\(sheet)\"" }
        if let line { s += sheet == nil ? ", line \(line)" : ", row \(line)" }
        if let column { s += ", column \"\(column)\"" }
        return s + ": " + message
    }
}
