import PopExtract

/// The data-quality list grouped as a data team fixes it: by list, column and kind of problem
/// (an unknown code by its value too: one line per spelling, not per row), each group with its
/// count, its first few places in the file, and the indicators it affects.
public struct DataQualityGroup: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case entry(DataQualityIssue.Kind)
        /// A column some indicators need is missing from the list.
        case missingColumn
    }

    public let file: String
    public let sheet: String?
    public let list: ListKind?
    public let column: String
    public let kind: Kind
    /// The value, for an unknown code or an Excel error value; empty otherwise.
    public let value: String
    public let count: Int
    /// The first few places (line, or row and cell for a workbook), in file order.
    public let first: [DataQualityIssue]
    /// The indicators whose figures the problem touches.
    public let affects: [IndicatorID]
    /// A problem as the first entry words it.
    public let problem: String
}

public enum DataQualityReport {
    /// How many places each group names.
    public static let placesShown = 5

    public static func groups(_ issues: [DataQualityIssue], unavailable: [Unavailable] = []) -> [DataQualityGroup] {
        var order: [String] = []
        var grouped: [String: [DataQualityIssue]] = [:]
        for q in issues {
            let byValue = q.kind == .unknownCode || q.kind == .excelError
            let key = [q.file, q.sheet ?? "", q.column, q.kind.rawValue, byValue ? q.value : ""].joined(separator: "\u{1F}")
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(q)
        }
        var out = order.map { key -> DataQualityGroup in
            let all = grouped[key] ?? []
            let q = all[0]
            let byValue = q.kind == .unknownCode || q.kind == .excelError
            return DataQualityGroup(file: q.file, sheet: q.sheet, list: q.list, column: q.column, kind: .entry(q.kind), value: byValue ? q.value : "",
                                    count: all.count, first: Array(all.sorted { $0.line < $1.line }.prefix(placesShown)),
                                    affects: affected(list: q.list, column: q.column, kind: q.kind), problem: q.problem)
        }
        // Missing columns: one group per list and column, naming every indicator it costs.
        var missing: [String: (Unavailable, [IndicatorID])] = [:]
        var missingOrder: [String] = []
        for u in unavailable {
            let key = u.file + "\u{1F}" + (u.sheet ?? "") + "\u{1F}" + u.column
            if missing[key] == nil { missingOrder.append(key); missing[key] = (u, []) }
            if missing[key]?.1.contains(u.id) == false { missing[key]?.1.append(u.id) }
        }
        for key in missingOrder {
            guard let (u, ids) = missing[key] else { continue }
            let list = Catalogue.definition(u.id)?.needs.first { $0.column == u.column }?.list
            out.insert(DataQualityGroup(file: u.file, sheet: u.sheet, list: list, column: u.column, kind: .missingColumn, value: "", count: 1,
                                        first: [], affects: ids, problem: "this column is missing"), at: 0)
        }
        return out
    }

    /// The indicators a problem in a list's column touches: those reading that column, or for a
    /// problem with a whole row (a short row, a duplicate child), every indicator of the list.
    static func affected(list: ListKind?, column: String, kind: DataQualityIssue.Kind) -> [IndicatorID] {
        guard let list else { return [] }
        let wholeRow: Set<DataQualityIssue.Kind> = [.shortRow, .longRow, .lineTooLong, .lineBreakInCell, .fileCutShort, .duplicateChild, .blankChildID,
                                                    .duplicateWorker, .unmatchedWorkers]
        let key = Column.key(column)
        return Catalogue.definitions.filter { d in
            d.needs.contains { $0.list == list && (wholeRow.contains(kind) || Column.key($0.column) == key) }
        }.map(\.id)
    }
}
