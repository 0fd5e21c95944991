/// A council's own spellings mapped onto the codes the built-in rules read (a codes file:
/// `column,value,code`, e.g. `Placement Location,Home Town,in`). The mapping applies before the
/// built-in rules, to the column by any name pop accepts for it, in every list that has it.
public struct CodeMap: Sendable {
    public struct Entry: Sendable, Equatable {
        public let column: String
        public let value: String
        public let code: String
        public let line: Int
    }

    public let entries: [Entry]
    /// Column key (canonical) → value key → the spelling to read instead.
    private let map: [String: [String: String]]

    public static let none = CodeMap(checked: [])

    private init(checked entries: [Entry]) {
        self.entries = entries
        var map: [String: [String: String]] = [:]
        for e in entries { map[Column.canonicalKey(e.column), default: [:]][Column.key(e.value)] = e.code }
        self.map = map
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The spelling to read for `text` in the column of key `column`, if the council maps it.
    @inline(__always)
    func lookup(column: String, _ text: String) -> String? {
        guard !map.isEmpty, let values = map[column] else { return nil }
        return values[Column.key(text)]
    }

    /// Reads and checks a codes file: a header `column,value,code`; each column must be one pop
    /// reads codes from, each code one the built-in rules accept (an empty code maps to blank),
    /// and no column and value may be mapped twice. Errors name the file and line.
    public static func read(_ source: some RecordSource) throws(ExtractError) -> CodeMap {
        var columns: [String: Int]?
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        try source.forEachRecord { (r) throws(ExtractError) -> Bool in
            guard let cols = columns else {
                var map: [String: Int] = [:]
                for i in 0..<r.count { map[Column.key(r.string(i))] = i }
                for required in ["column", "value", "code"] where map[required] == nil {
                    throw ExtractError(file: source.name, line: r.line, column: required, message: "this column is missing (a codes file's header is column,value,code)")
                }
                columns = map
                return true
            }
            // (Not a local function: one capturing the borrowed record crashes the compiler.)
            let column = r.trimmed(cols["column"] ?? -1), value = r.trimmed(cols["value"] ?? -1), code = r.trimmed(cols["code"] ?? -1)
            if column.isEmpty && value.isEmpty && code.isEmpty { return true }
            guard let accepts = CodeRules.accepts(columnKey: Column.canonicalKey(column)) else {
                throw ExtractError(file: source.name, line: r.line, column: "column", message: "\"\(column)\" is not a column pop reads codes from")
            }
            guard code.isEmpty || accepts(code) else {
                throw ExtractError(file: source.name, line: r.line, column: "code",
                                   message: "\"\(code)\" is not a code pop accepts for \(column) (see docs/extract-format.md)")
            }
            let key = Column.canonicalKey(column) + "\u{1F}" + Column.key(value)
            if let first = seen[key] {
                throw ExtractError(file: source.name, line: r.line, column: "value",
                                   message: "\(column) \"\(value)\" is mapped twice (first on line \(first))")
            }
            seen[key] = r.line
            entries.append(Entry(column: column, value: value, code: code, line: r.line))
            return true
        }
        guard columns != nil else { throw ExtractError(file: source.name, line: 1, message: "the file is empty: there is no header row") }
        return CodeMap(checked: entries)
    }
}

/// Which columns pop reads codes from, and which codes the built-in rules accept for each: a
/// codes file may map a council's spelling only onto one of these.
enum CodeRules {
    static func accepts(columnKey k: String) -> ((String) -> Bool)? {
        let yesNo: (String) -> Bool = { YesNo.parse($0) != .bad }
        let rules: [String: (String) -> Bool] = [
            Column.key(Column.contactSource): { SourceGroup.parse($0).recognised },
            Column.key(Column.referralSource): { SourceGroup.parse($0).recognised },
            Column.key(Column.referralNFA): yesNo,
            Column.key(Column.assessmentSeen): yesNo,
            Column.key(Column.cpSeenAlone): yesNo,
            Column.key(Column.claUASC): yesNo,
            Column.key(Column.disability): yesNo,
            Column.key(Column.icpcUnnecessary): yesNo,
            Column.key(Column.yotGang): yesNo,
            Column.key(Column.yotETE): yesNo,
            Column.key(Column.caseStatus): { CaseStatus.parse($0) != nil },
            Column.key(Column.cpCategory): { AbuseCategory.parse($0) != nil },
            Column.key(Column.claLegalStatus): { _ in true },
            Column.key(Column.claLocation): { PlacementLocation.parse($0) == .inside || PlacementLocation.parse($0) == .outside },
            Column.key(Column.clActivity): { ActivityGroup.parse($0) != .unknown },
            Column.key(Column.clSuitability): { Suitability.parse($0) != .unknown },
            Column.key(Column.clAccommodation): { AccommodationType.parse($0) != nil },
            Column.key(Column.clInTouch): { InTouch.parse($0) != .bad },
            Column.key(Column.gender): { Gender.parse($0) != nil },
            Column.key(Column.claPlacementType): { PlacementGroup.parse($0) != nil },
            Column.key(Column.claReasonCeased): { ReasonCeased.parse($0) != nil },
            Column.key(Column.cinPrimaryNeed): { PrimaryNeed.parse($0) != nil },
            Column.key(Column.ethnicity): { EthnicGroup.parse($0) != nil },
            Column.key(Column.yotOrderType): { OrderType.parse($0) != .other || Codes.normalise($0) == "other" },
            Column.key(Column.yotIntensity): { Intensity.parse($0) != .bad && Intensity.parse($0) != .blank },
            Column.key(Column.assessmentNeedsSupport): yesNo,
            Column.key(Column.auditGrade): { AuditGrade.parse($0) != nil },
            Column.key(Column.staffAgency): yesNo,
        ]
        return rules[k]
    }
}
