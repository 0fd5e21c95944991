/// A council as DfE's files name it: its old LA code (`302`), its new ONS code (`E09000003`),
/// its name and its region's code. The SN groupings give the old code and name; publications
/// add the new code and the region. Blank where no file loaded says.
public struct Council: Sendable, Equatable {
    public let code: String
    public let newCode: String
    public let name: String
    public let regionCode: String

    public init(code: String, newCode: String = "", name: String = "", regionCode: String = "") {
        self.code = code
        self.newCode = newCode
        self.name = name
        self.regionCode = regionCode
    }

    /// The council `text` names: by old code, by new code (any case) or by name (any case,
    /// punctuation and runs of spaces ignored; "Bristol, City of" is `bristol city of`), else by
    /// the one name that begins with it. `.ambiguous` lists the councils a beginning fits.
    public enum Match: Sendable, Equatable {
        case found(Council)
        case ambiguous([Council])
        case none
    }

    public static func find(_ text: String, in councils: [Council]) -> Match {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return .none }
        if let c = councils.first(where: { $0.code == t }) { return .found(c) }
        if let c = councils.first(where: { !$0.newCode.isEmpty && $0.newCode.uppercased() == t.uppercased() }) { return .found(c) }
        let wanted = normalisedName(t)
        guard !wanted.isEmpty else { return .none }
        let named = councils.filter { normalisedName($0.name) == wanted }
        if named.count == 1 { return .found(named[0]) }
        if named.count > 1 { return .ambiguous(named) }
        let starting = councils.filter { normalisedName($0.name).hasPrefix(wanted) }
        if starting.count == 1 { return .found(starting[0]) }
        return starting.isEmpty ? .none : .ambiguous(starting)
    }

    /// A name in lower case with every run of characters other than letters and digits one space.
    static func normalisedName(_ s: String) -> String {
        var out = "", gap = false
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber {
                if gap && !out.isEmpty { out.append(" ") }
                out.append(ch)
                gap = false
            } else {
                gap = true
            }
        }
        return out
    }
}

private extension String {
    var trimmingSpaces: String {
        var t = Substring(self)
        while t.first?.isWhitespace == true { t = t.dropFirst() }
        while t.last?.isWhitespace == true { t = t.dropLast() }
        return String(t)
    }
}
