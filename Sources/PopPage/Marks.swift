import PopMetrics

/// The marks that carry status beside colour, never instead of it: a symbol and a letter for
/// each RAG, arrows for direction. Unicode where the locale is UTF-8, ASCII otherwise.
public struct Marks: Sendable {
    public let green, amber, red: String
    public let up, down, same: String
    public let dot: String

    public static let unicode = Marks(green: "✔", amber: "◆", red: "✖", up: "▲", down: "▼", same: "=", dot: "·")
    public static let ascii = Marks(green: "+", amber: "~", red: "x", up: "^", down: "v", same: "=", dot: "-")

    public func symbol(_ r: RAG) -> String {
        switch r {
        case .green: green
        case .amber: amber
        case .red: red
        }
    }

    public static func letter(_ r: RAG) -> String {
        switch r {
        case .green: "G"
        case .amber: "A"
        case .red: "R"
        }
    }

    /// `✔ G` (or `✔G` compact); empty when there is no RAG.
    public func rag(_ r: RAG?, compact: Bool = false) -> String {
        guard let r else { return "" }
        return symbol(r) + (compact ? "" : " ") + Marks.letter(r)
    }

    /// The key to the RAG marks: long for reports, short for a footer.
    public func ragLegend(long: Bool) -> String {
        long
            ? "RAG: \(green) G \(Words.ragMeaning(.green)) \(dot) \(amber) A \(Words.ragMeaning(.amber)) \(dot) \(red) R \(Words.ragMeaning(.red))"
            : "\(green)G met  \(amber)A near  \(red)R missed"
    }
}
