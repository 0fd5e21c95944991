/// The formats pop prints a page or a snapshot in; `xlsx` (the report's workbook for analysts)
/// is written to a file, never printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, json, xlsx

    /// Whether the format is text that can go to standard output.
    public var isText: Bool { self != .xlsx }
}
