/// The formats pop prints a page or a snapshot in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, json
}
