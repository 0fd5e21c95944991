/// Tolerant mapping of the many spellings codes arrive in (`C1`, `C1 - Interim Care Order`,
/// `c1: interim care order`, `a) Yes`): by a leading code first, then by words.
public enum Codes {
    /// Lower-cased, trimmed, inner white space collapsed; curly apostrophes made straight.
    public static func normalise(_ text: String) -> String {
        if let ascii = normaliseASCII(text) { return ascii }
        return normaliseCharacters(text)
    }

    /// `normalise` one Character at a time: the definition (any text).
    static func normaliseCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch == "’" || ch == "‘" ? "'" : ch)
        }
        return out
    }

    /// `normalise` for ASCII text, a byte at a time: the same result as `normaliseCharacters`
    /// (ASCII's white space is tab to carriage return and space, a CRLF pair is one Character
    /// of white space and collapses the same, and lower case is A–Z made a–z), without a
    /// Character or a lower-cased copy per call: the engine normalises every worker's name and
    /// role, which went a Character at a time. nil when the text is not all ASCII.
    static func normaliseASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { u -> String? in
            var ascii = true
            for b in u where b >= 0x80 { ascii = false; break }
            guard ascii else { return nil }
            return String(unsafeUninitializedCapacity: u.count) { out in
                var n = 0
                var pendingSpace = false
                for b in u {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        pendingSpace = n > 0
                        continue
                    }
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    // SAFETY: at most one byte out per byte in (a space only before a byte that
                    // is not white space), so n < u.count = the capacity.
                    out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    n += 1
                }
                return n
            }
        }
    }

    /// The leading code of a normalised value: the text before ` - `, `:`, `)`, a space or the
    /// end. `"c1 - interim care order"` → `"c1"`, `"a) yes"` → `"a"`, `"yes"` → `"yes"`.
    public static func leadingCode(_ n: String) -> String {
        var code = ""
        for ch in n {
            if ch == " " || ch == ":" || ch == ")" || ch == "-" || ch == "." { break }
            code.append(ch)
        }
        return code
    }

    /// True when `n` is the bare code or starts with the code followed by a separator.
    static func hasLetterCode(_ n: String, _ letter: Character) -> Bool {
        guard n.first == letter else { return false }
        let rest = n.dropFirst()
        return rest.isEmpty || rest.first == ")"
    }
}

/// Yes/No fields. Blank is "not yes": the row stays in the denominator.
public enum YesNo: Hashable, Sendable {
    case yes, no, bad

    public static func parse(_ raw: String) -> YesNo {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .no }
        if Codes.hasLetterCode(n, "a") { return .yes }
        if Codes.hasLetterCode(n, "b") { return .no }
        switch Codes.leadingCode(n) {
        case "y", "yes", "1", "true": return .yes
        case "n", "no", "0", "false": return .no
        default: break
        }
        if n.hasSuffix(" yes") { return .yes }
        if n.hasSuffix(" no") { return .no }
        return .bad
    }
}

/// A count field: blank counts as 0.
public enum CountField: Hashable, Sendable {
    case value(Int)
    case bad

    public static func parse(_ raw: String) -> CountField {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .value(0) }
        var v = 0
        var digits = 0
        for u in n.utf8 {
            guard u >= 0x30 && u <= 0x39, digits < 9 else { return .bad }
            v = v * 10 + Int(u - 0x30)
            digits += 1
        }
        return .value(v)
    }

    public var value: Int? { if case .value(let v) = self { return v } else { return nil } }
}

/// A coded cell: blank (none recorded), a value, or text that is not one of the codes.
/// Blank is not bad: it stays in a breakdown's base; bad leaves it.
public enum CodedField<Value: Sendable & Hashable>: Sendable, Hashable {
    case blank
    case value(Value)
    case bad

    public var value: Value? { if case .value(let v) = self { return v } else { return nil } }
}

public enum AbuseCategory: String, CaseIterable, Sendable {
    case neglect, physical, sexual, emotional, multiple

    /// nil for a value that is not a category (blank included).
    public static func parse(_ raw: String) -> AbuseCategory? {
        let n = Codes.normalise(raw)
        if n.isEmpty { return nil }
        for (letter, c) in zip("abcde", allCases) where Codes.hasLetterCode(n, letter) { return c }
        switch Codes.leadingCode(n) {
        case "n1", "neg": return .neglect
        case "n2", "pa", "phy": return .physical
        case "n3", "sa", "sex": return .sexual
        case "n4", "ea", "emo": return .emotional
        case "mul", "mix": return .multiple
        default: break
        }
        if n.contains("neglect") { return .neglect }
        if n.contains("physical") { return .physical }
        if n.contains("sexual") { return .sexual }
        if n.contains("emotional") { return .emotional }
        if n.contains("multiple") || n.contains("mixed") { return .multiple }
        return nil
    }
}

/// Referral (and contact) source groups, from CIN-census codes or words.
public enum SourceGroup: String, CaseIterable, Sendable {
    case police, education, health, la_services, other

    public static func parse(_ raw: String) -> (group: SourceGroup, recognised: Bool) {
        let n = Codes.withoutLetterCode(Codes.normalise(raw))
        if n.isEmpty { return (.other, true) }
        let code = Codes.leadingCode(n)
        switch code {
        case "6", "7": return (.police, true)
        case "2a", "2b": return (.education, true)
        case "3a", "3b", "3c", "3d", "3e", "3f": return (.health, true)
        case "5a", "5b", "5c", "5d": return (.la_services, true)
        case "1a", "1b", "1c", "1d", "4", "8", "9", "10": return (.other, true)
        default: break
        }
        if n.contains("police") || n.contains("legal") { return (.police, true) }
        if n.contains("school") || n.contains("education") { return (.education, true) }
        if n.contains("health") || n.contains("gp") || n.contains("hospital") || n.contains("a&e") || n.contains("nurse") { return (.health, true) }
        if n.contains("la service") || n.contains("social care") || n.contains("local authority") { return (.la_services, true) }
        for w in ["individual", "family", "relative", "self", "housing", "other", "anonymous", "unknown", "friend", "parent", "carer"] where n.contains(w) {
            return (.other, true)
        }
        return (.other, false)
    }
}

/// List 6 Case Status.
public enum CaseStatus: String, CaseIterable, Sendable {
    case cla, cp, cin_plan, open_assessment, closed

    public static func parse(_ raw: String) -> CaseStatus? {
        let n = Codes.normalise(raw)
        if n.isEmpty { return nil }
        for (letter, s) in zip("abcde", allCases) where Codes.hasLetterCode(n, letter) { return s }
        switch Codes.leadingCode(n) {
        case "cla", "lac": return .cla
        case "cp", "cpp": return .cp
        case "cin": return .cin_plan
        case "closed": return .closed
        default: break
        }
        if n.contains("looked after") { return .cla }
        if n.contains("protection") { return .cp }
        if n.contains("child in need") || n.contains("cin plan") { return .cin_plan }
        if n.contains("assessment") { return .open_assessment }
        if n.contains("closed") { return .closed }
        return nil
    }
}

/// Child's Legal Status groups.
public enum LegalGroup: String, CaseIterable, Sendable {
    case ico, co, s20, po, epo, yj, other

    public static func parse(_ raw: String) -> LegalGroup {
        let n = Codes.withoutLetterCode(Codes.normalise(raw))
        switch Codes.leadingCode(n) {
        case "c1": return .ico
        case "c2": return .co
        case "v2", "v3", "v4", "s20": return .s20
        case "e1", "d1": return .po
        case "l1", "l2", "l3": return .epo
        case "j1", "j2", "j3": return .yj
        default: break
        }
        if n.contains("interim care") { return .ico }
        if n.contains("section 20") || n.contains("s20") || n.contains("s.20") { return .s20 }
        if n.contains("placement order") || n.contains("freed for adoption") { return .po }
        if n.contains("emergency protection") || n.contains("police protection") { return .epo }
        if n.contains("remand") || n.contains("youth justice") { return .yj }
        if n.contains("care order") { return .co }
        return .other
    }
}

public enum PlacementLocation: Sendable {
    case inside, outside, unknown, bad

    public static func parse(_ raw: String) -> PlacementLocation {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .unknown }
        if Codes.hasLetterCode(n, "a") { return .inside }
        if Codes.hasLetterCode(n, "b") { return .outside }
        if n == "in" || n.hasPrefix("in borough") || n.hasPrefix("inside") || n.hasPrefix("in la") || n.hasPrefix("within") { return .inside }
        if n == "out" || n.hasPrefix("out of") || n.hasPrefix("outside") || n.hasPrefix("out ") { return .outside }
        return .bad
    }
}

/// Care leavers' Activity Status.
public enum ActivityGroup: Sendable, Equatable {
    case eet(higherEducation: Bool), neet, unknown

    public static func parse(_ raw: String) -> ActivityGroup {
        let n = Codes.withoutLetterCode(Codes.normalise(raw))
        let code = Codes.leadingCode(n)
        switch code {
        case "f1", "p1": return .eet(higherEducation: true)
        case "f2", "f3", "f4", "f5", "p2", "p3", "p4", "p5": return .eet(higherEducation: false)
        case "g4", "g5", "g6": return .neet
        default: break
        }
        if n.contains("not in") || n.contains("neet") { return .neet }
        if n.contains("higher education") { return .eet(higherEducation: true) }
        if n.contains("education") || n.contains("training") || n.contains("employment") { return .eet(higherEducation: false) }
        return .unknown
    }
}

public enum Suitability: Sendable {
    case suitable, unsuitable, unknown

    public static func parse(_ raw: String) -> Suitability {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .unknown }
        if Codes.hasLetterCode(n, "a") || Codes.leadingCode(n) == "1" { return .suitable }
        if Codes.hasLetterCode(n, "b") || Codes.leadingCode(n) == "2" { return .unsuitable }
        // "unsuitable" contains "suitable": test the negatives first.
        if n.contains("unsuitable") || n.contains("not suitable") { return .unsuitable }
        if n.contains("suitable") { return .suitable }
        return .unknown
    }
}

public enum OrderType: Sendable {
    case statutory, outOfCourt, other

    public static func parse(_ raw: String) -> OrderType {
        let n = Codes.normalise(raw)
        if n.hasPrefix("statutory") || n == "s" { return .statutory }
        if n.hasPrefix("out of court") || n.hasPrefix("ooc") { return .outOfCourt }
        return .other
    }
}

public enum Intensity: Sendable {
    case standard, enhanced, intensive, bad, blank

    public static func parse(_ raw: String) -> Intensity {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .blank }
        if n.hasPrefix("standard") { return .standard }
        if n.hasPrefix("enhanced") { return .enhanced }
        if n.hasPrefix("intensive") { return .intensive }
        return .bad
    }
}

/// Excel's error values, which a cell holds when a formula failed (in a workbook, or typed
/// into a CSV): blank, with a data-quality note.
public enum ExcelError {
    public static let values: Set<String> = ["#n/a", "#ref!", "#value!", "#name?", "#div/0!", "#null!", "#num!", "#getting_data", "#spill!", "#calc!"]

    /// Whether the trimmed text is one of Excel's error values.
    public static func matches(_ text: String) -> Bool { text.utf8.first == 0x23 && values.contains(text.lowercased()) }

    @inline(__always)
    static func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 4, bytes.count <= 14, bytes[0] == 0x23 else { return false }
        return matches(TextDecoding.decode(bytes))
    }
}

/// Care leavers' LA in Touch (templates before 2023): yes, or one of SSDA903's reasons the
/// council is not in touch (`c) Died`, `d) Refu`, `e) NREQ`, `f) Rhom`), which count as no.
public enum InTouch {
    public static func parse(_ raw: String) -> YesNo {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .no }
        for letter in "cdef" where Codes.hasLetterCode(n, letter) { return .no }
        switch Codes.leadingCode(n) {
        case "died", "refu", "nreq", "rhom": return .no
        default: return YesNo.parse(raw)
        }
    }
}

/// Gender (every list): blank is not recorded.
public enum Gender: String, CaseIterable, Sendable {
    case male, female, other, not_recorded

    public static func parse(_ raw: String) -> Gender? {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .not_recorded }
        for (letter, g) in zip("abcd", [Gender.male, .female, .not_recorded, .other]) where Codes.hasLetterCode(n, letter) { return g }
        switch Codes.leadingCode(Codes.withoutLetterCode(n)) {
        case "m", "male", "1": return .male
        case "f", "female", "2": return .female
        case "u", "0", "9", "unknown": return .not_recorded
        case "neither", "indeterminate": return .other
        default: break
        }
        let words = Codes.withoutLetterCode(n)
        if words.hasPrefix("not stated") || words.hasPrefix("not recorded") { return .not_recorded }
        return nil
    }
}

/// Ethnicity (every list), by the DfE's four-letter code or its description: blank is not recorded.
public enum EthnicGroup: String, CaseIterable, Sendable {
    case white, mixed, asian, black, other, not_recorded

    static let codes: [String: EthnicGroup] = [
        "wbri": .white, "wiri": .white, "wirt": .white, "woth": .white, "wrom": .white,
        "mwbc": .mixed, "mwba": .mixed, "mwas": .mixed, "moth": .mixed,
        "aind": .asian, "apkn": .asian, "aban": .asian, "aoth": .asian, "chne": .asian,
        "bcrb": .black, "bafr": .black, "both": .black, "ooth": .other, "refu": .not_recorded, "nobt": .not_recorded,
    ]

    static let descriptions: [String: EthnicGroup] = [
        "white british": .white, "white irish": .white, "traveller of irish heritage": .white, "any other white background": .white,
        "gypsy/roma": .white, "white and black caribbean": .mixed, "white and black african": .mixed, "white and asian": .mixed,
        "any other mixed background": .mixed, "indian": .asian, "pakistani": .asian, "bangladeshi": .asian,
        "any other asian background": .asian, "chinese": .asian, "caribbean": .black, "african": .black,
        "any other black background": .black, "any other ethnic group": .other, "refused": .not_recorded,
        "information not yet obtained": .not_recorded,
    ]

    public static func parse(_ raw: String) -> EthnicGroup? {
        let n = Codes.normalise(raw)
        if n.isEmpty { return .not_recorded }
        let rest = Codes.withoutLetterCode(n)
        if let g = codes[Codes.leadingCode(rest)] { return g }
        return descriptions[rest]
    }
}

/// Placement Type (List 8), by SSDA903 code.
public enum PlacementGroup: String, CaseIterable, Sendable {
    case foster, adoption, parents, semi_independent, residential, other

    public static func parse(_ raw: String) -> PlacementGroup? {
        switch Codes.leadingCode(Codes.withoutLetterCode(Codes.normalise(raw))) {
        case "u1", "u2", "u3", "u4", "u5", "u6": .foster
        case "a3", "a4", "a5", "a6": .adoption
        case "p1": .parents
        case "h5", "p2": .semi_independent
        case "k1", "k2", "r1", "r2", "r3", "r5", "s1": .residential
        case "p3", "z1", "t0", "t1", "t2", "t3", "t4": .other
        default: nil
        }
    }
}

/// Reason Ceased to be Looked After (List 8), by SSDA903 code.
public enum ReasonCeased: String, CaseIterable, Sendable {
    case adopted, sgo, other

    public static func parse(_ raw: String) -> ReasonCeased? {
        switch Codes.leadingCode(Codes.withoutLetterCode(Codes.normalise(raw))) {
        case "e11", "e12": .adopted
        case "e43", "e44", "e45", "e46", "e47", "e48": .sgo
        case "e2", "e3", "e4a", "e4b", "e5", "e6", "e7", "e8", "e9", "e13", "e14", "e15", "e16", "e17", "e41": .other
        default: nil
        }
    }
}

/// Primary Need Code (List 6): N0 … N9.
public enum PrimaryNeed: String, CaseIterable, Sendable {
    case n0, n1, n2, n3, n4, n5, n6, n7, n8, n9

    public static func parse(_ raw: String) -> PrimaryNeed? {
        PrimaryNeed(rawValue: Codes.leadingCode(Codes.withoutLetterCode(Codes.normalise(raw))))
    }
}

/// Type of Accommodation (List 9): its letter code.
public enum AccommodationType: String, CaseIterable, Sendable {
    case b, c, d, e, g, h, k, r, s, t, u, v, w, x, y, z

    public static func parse(_ raw: String) -> AccommodationType? {
        // The letter is the code itself (`U`, `U: Independent living`), after a template's
        // `c)`-style letter code when one comes first (`c) D: Semi-independent…`).
        AccommodationType(rawValue: Codes.leadingCode(Codes.withoutLetterCode(Codes.normalise(raw))))
    }
}

/// Activity Status (List 9) within education, employment or training.
public enum ActivityDetail: String, CaseIterable, Sendable {
    case higher_education, other_education, training_employment

    public static func parse(_ raw: String) -> ActivityDetail? {
        switch Codes.leadingCode(Codes.withoutLetterCode(Codes.normalise(raw))) {
        case "f1", "p1": .higher_education
        case "f2", "p2": .other_education
        case "f3", "f4", "f5", "p3", "p4", "p5": .training_employment
        default: nil
        }
    }
}

/// An audit's grade (audits.csv): Ofsted's four, or none given.
public enum AuditGrade: String, CaseIterable, Sendable {
    case outstanding, good, ri, inadequate, not_graded

    /// nil for a value that is not a grade; blank is `not_graded`.
    public static func parse(_ raw: String) -> AuditGrade? {
        let n = Codes.withoutLetterCode(Codes.normalise(raw))
        switch n {
        case "", "not graded", "n/a", "na", "not applicable": return .not_graded
        case "outstanding": return .outstanding
        case "good": return .good
        case "ri", "requires improvement", "requires improvement to be good": return .ri
        case "inadequate": return .inadequate
        default: return nil
        }
    }
}

extension Codes {
    /// A normalised value without the normalised template's leading letter code (`a) `, `q) `,
    /// `zz) `), when what follows is something else: `a) u1: foster` → `u1: foster`.
    public static func withoutLetterCode(_ n: String) -> String {
        guard let close = n.firstIndex(of: ")") else { return n }
        let letters = n[..<close]
        guard (1...2).contains(letters.count), letters.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return n }
        let rest = n[n.index(after: close)...].drop { $0 == " " }
        return rest.isEmpty ? n : String(rest)
    }
}
