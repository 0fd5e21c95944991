/// Text made safe for HTML, SVG and CSS. Everything the pack writes from data (a council's name,
/// a team's name, commentary typed by anyone) goes through here, so a comment holding
/// `<script>` prints as text and a control character prints as a visible picture of itself.
public enum Escape {
    /// Text for an element's content or a quoted attribute value: `& < > " '` as entities; C0
    /// controls other than tab and line feed as their Control Pictures (U+2400 block: BEL is
    /// ␇), CR LF and a lone CR as a line feed, DEL as ␡ and C1 controls as �, so nothing is
    /// interpreted and nothing is silently lost.
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousWasCR = false
        for u in s.unicodeScalars {
            defer { previousWasCR = u == "\r" }
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out.unicodeScalars.append(u)
            case "\n": if !previousWasCR { out += "\n" }
            case "\r": out += "\n"
            default:
                switch u.value {
                case 0x00...0x1F: out.unicodeScalars.append(Unicode.Scalar(0x2400 + u.value) ?? "\u{FFFD}")
                case 0x7F: out += "\u{2421}"
                case 0x80...0x9F: out += "\u{FFFD}"
                default: out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// Text for a CSS string between double quotes (a running footer's `content`): quotes,
    /// backslashes, `<` (which could end the style element) and every control character as CSS
    /// hexadecimal escapes.
    public static func cssString(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x00...0x1F, 0x7F...0x9F:
                out += "\\" + String(u.value, radix: 16, uppercase: true) + " "
            default:
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// An id or class name from data: letters, digits and `-`, everything else as `-`.
    static func identifier(_ s: String) -> String {
        String(s.unicodeScalars.map { u -> Character in
            ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "-" ? Character(u) : "-"
        })
    }
}

/// A document written element by element, one element per line and indented by depth, so the
/// golden file reads and diffs line by line.
struct Markup {
    private(set) var text = ""
    private var stack: [String] = []

    /// Attributes in the order given, values escaped.
    static func attributes(_ attrs: [(String, String)]) -> String {
        attrs.map { " \($0.0)=\"\(Escape.html($0.1))\"" }.joined()
    }

    private var indent: String { String(repeating: "  ", count: stack.count) }

    /// `<tag …>` on its own line; the matching `close` ends it.
    mutating func open(_ tag: String, _ attrs: [(String, String)] = []) {
        text += indent + "<\(tag)\(Markup.attributes(attrs))>\n"
        stack.append(tag)
    }

    /// Ends the innermost open element; a mismatched tag is a programming error.
    mutating func close(_ tag: String) {
        let open = stack.popLast()
        assert(open == tag, "closing \(tag) inside \(open ?? "nothing")")
        text += indent + "</\(tag)>\n"
    }

    /// `<tag …>text</tag>` on one line, the text escaped.
    mutating func element(_ tag: String, _ attrs: [(String, String)] = [], _ content: String) {
        text += indent + "<\(tag)\(Markup.attributes(attrs))>\(Escape.html(content))</\(tag)>\n"
    }

    /// `<tag>text</tag>` on one line, the text escaped.
    mutating func element(_ tag: String, _ content: String) { element(tag, [], content) }

    /// `<tag …>` followed by markup already made safe (built from `inline` pieces), `</tag>`.
    mutating func element(_ tag: String, _ attrs: [(String, String)] = [], markup: String) {
        text += indent + "<\(tag)\(Markup.attributes(attrs))>\(markup)</\(tag)>\n"
    }

    /// An element with no content and no end tag (`<meta>`), or a self-closed SVG element.
    mutating func void(_ tag: String, _ attrs: [(String, String)] = [], selfClosing: Bool = false) {
        text += indent + "<\(tag)\(Markup.attributes(attrs))\(selfClosing ? "/>" : ">")\n"
    }

    /// Lines already made safe (the style sheet, a script), indented as they are.
    mutating func raw(_ lines: String) {
        text += lines.hasSuffix("\n") ? lines : lines + "\n"
    }

    /// An inline element as text, for a cell that mixes a figure and a note.
    static func inline(_ tag: String, _ attrs: [(String, String)] = [], _ content: String) -> String {
        "<\(tag)\(attributes(attrs))>\(Escape.html(content))</\(tag)>"
    }

    var isBalanced: Bool { stack.isEmpty }
}
