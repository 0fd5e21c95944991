/// A small checker for the markup the pack writes: every element closed in order, script and
/// style read as raw text, every table captioned (its first child) and with header cells that say
/// what they head (`scope`),
/// every svg an image (`role="img"`) whose first child is its `<title>`, no id used twice.
enum HTMLCheck {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    static func problems(_ html: String) -> [String] {
        let b = Array(html.utf8)
        var problems: [String] = []
        var open: [String] = []
        var tableHasHeader: [Bool] = []
        var svgAwaitingTitle = false
        var tableAwaitingCaption = false
        var ids = Set<String>()
        var i = 0

        func find(_ s: String, from: Int) -> Int? {
            var k = from
            while k < b.count {
                if b[k...].starts(with: s.utf8) { return k }
                k += 1
            }
            return nil
        }

        func attribute(_ name: String, in tag: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[r.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }

        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            if b[i...].starts(with: "<!--".utf8) {
                guard let end = find("-->", from: i + 4) else { problems.append("unclosed comment"); break }
                i = end + 3
                continue
            }
            guard let close = b[i...].firstIndex(of: UInt8(ascii: ">")) else { problems.append("a tag never ends"); break }
            let tag = String(decoding: b[(i + 1)..<close], as: UTF8.self)
            i = close + 1
            if tag.hasPrefix("!") { continue }   // <!DOCTYPE html>
            let closing = tag.hasPrefix("/")
            let body = closing ? tag.dropFirst() : Substring(tag)
            let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
            guard !name.isEmpty else { problems.append("not a tag: <\(tag)>"); continue }
            if closing {
                guard let top = open.last else { problems.append("</\(name)> closes nothing"); continue }
                guard top == name else { problems.append("</\(name)> closes <\(top)>"); open.removeLast(); continue }
                open.removeLast()
                if name == "table", let hasHeader = tableHasHeader.popLast(), !hasHeader { problems.append("a table without header cells") }
                if name == "svg" && svgAwaitingTitle { problems.append("an svg without a title"); svgAwaitingTitle = false }
                continue
            }
            if let id = attribute("id", in: tag), !ids.insert(id).inserted { problems.append("id \(id) used twice") }
            if svgAwaitingTitle {
                if name != "title" { problems.append("an svg whose first child is <\(name)>, not its title") }
                svgAwaitingTitle = false
            }
            if tableAwaitingCaption {
                if name != "caption" { problems.append("a table whose first child is <\(name)>, not its caption") }
                tableAwaitingCaption = false
            }
            if name == "th" {
                if attribute("scope", in: tag) == nil { problems.append("a header cell without scope: <\(tag)>") }
                if !tableHasHeader.isEmpty { tableHasHeader[tableHasHeader.count - 1] = true }
            }
            if voidElements.contains(name) || tag.hasSuffix("/") { continue }
            if name == "script" || name == "style" {
                guard let end = find("</\(name)>", from: i) else { problems.append("<\(name)> never closed"); break }
                i = end + name.utf8.count + 3
                continue
            }
            if name == "table" {
                tableHasHeader.append(false)
                tableAwaitingCaption = true
            }
            if name == "svg" {
                if attribute("role", in: tag) != "img" { problems.append("an svg that is not role=\"img\"") }
                svgAwaitingTitle = true
            }
            open.append(name)
        }
        if !open.isEmpty { problems.append("never closed: \(open.joined(separator: " "))") }
        return problems
    }
}
