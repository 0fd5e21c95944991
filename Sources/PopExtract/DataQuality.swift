/// One entry of the data-quality list: a value pop could not use, or a warning about a list.
/// A CSV file's entries name the file and line; a workbook's also name the sheet and the cell
/// (`J12`), `line` being the sheet's row.
public struct DataQualityIssue: Hashable, Sendable {
    /// What kind of problem it is, for grouping (`pop check`, the dashboard's view).
    public enum Kind: String, CaseIterable, Sendable {
        case notADate = "unreadable date"
        case unknownCode = "unknown code"
        case notANumber = "not a whole number"
        case excelError = "Excel error value"
        case blankChildID = "blank child ID"
        case duplicateChild = "duplicate child"
        case listStartsLate = "list starting too late"
        case shortRow = "row with fewer cells than the header"
        case longRow = "row with more cells than the header"
        case lineTooLong = "line cut at its length limit"
        case lineBreakInCell = "line break inside a quoted cell"
        case fileCutShort = "last line without a line end"
        case blankValue = "blank value"
        case duplicateWorker = "worker listed twice"
        case unmatchedWorkers = "social workers matching no child"
        case caseloadListMissing = "list missing from caseloads"
        case other
    }

    public let file: String
    public let sheet: String?
    public let line: Int
    public let column: String
    /// Excel's reference of the cell (`J12`), for a workbook.
    public let cell: String?
    public let value: String
    public let problem: String
    public let kind: Kind
    /// The list it is about, when it is about one.
    public let list: ListKind?

    public init(file: String, sheet: String? = nil, line: Int, column: String, cell: String? = nil, value: String, problem: String,
                kind: Kind = .other, list: ListKind? = nil) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.cell = cell
        self.value = value
        self.problem = problem
        self.kind = kind
        self.list = list
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
