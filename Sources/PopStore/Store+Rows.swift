import GRDB

/// Reading a stored row without trusting it: a damaged or edited database may hold text in a
/// numeric column, a NULL where there should be text, or numbers out of any range. Each read
/// says which table and column did not hold what pop wrote, instead of trapping.
struct Fields {
    let row: Row
    let table: String
    /// The columns the query selected, in order, when it named them: a column is then found by
    /// its position (GRDB's look-up by name folds case on every call, a fifth of loading the
    /// dashboard's months).
    let selected: [String]?

    init(_ row: Row, _ table: String, selected: [String]? = nil) {
        self.row = row
        self.table = table
        self.selected = selected
    }

    private func value(_ column: String) -> DatabaseValue {
        if let selected, let i = selected.firstIndex(of: column) { return row[i] }
        return row[column] ?? .null
    }

    private func damaged(_ column: String, _ what: String) -> StoreError {
        StoreError(description: "the database is damaged: \(table).\(column) holds \(what)")
    }

    func text(_ column: String) throws -> String {
        guard let s = try optionalText(column) else { throw damaged(column, "nothing where pop wrote text") }
        return s
    }

    func optionalText(_ column: String) throws -> String? {
        let v = value(column)
        switch v.storage {
        case .null: return nil
        case .string(let s): return s
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .blob: throw damaged(column, "binary data where pop wrote text")
        }
    }

    func int(_ column: String) throws -> Int {
        guard let i = try optionalInt(column) else { throw damaged(column, "nothing where pop wrote a number") }
        return i
    }

    func optionalInt(_ column: String) throws -> Int? {
        let v = value(column)
        switch v.storage {
        case .null: return nil
        case .int64(let i): return Int(i)
        case .double(let d):
            // A whole number stored as a real is still that number; anything else is damage.
            guard d.isFinite, d == d.rounded(), d.magnitude < 9.0e15 else { throw damaged(column, "\(d) where pop wrote a whole number") }
            return Int(d)
        case .string(let s): throw damaged(column, "the text \"\(s.prefix(40))\" where pop wrote a number")
        case .blob: throw damaged(column, "binary data where pop wrote a number")
        }
    }

    func double(_ column: String) throws -> Double {
        guard let d = try optionalDouble(column) else { throw damaged(column, "nothing where pop wrote a number") }
        return d
    }

    func optionalDouble(_ column: String) throws -> Double? {
        let v = value(column)
        switch v.storage {
        case .null: return nil
        case .int64(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): throw damaged(column, "the text \"\(s.prefix(40))\" where pop wrote a number")
        case .blob: throw damaged(column, "binary data where pop wrote a number")
        }
    }

    func bool(_ column: String) throws -> Bool { try int(column) != 0 }
}

extension Store {
    /// `columns` of `table`'s rows (`rest`: the WHERE and ORDER BY), each read through `Fields`
    /// by position.
    static func select<T>(_ db: Database, _ columns: [String], from table: String, _ rest: String, _ args: StatementArguments,
                          _ read: (Fields) throws -> T) throws -> [T] {
        let sql = "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(table) \(rest)"
        return try Row.fetchAll(db, sql: sql, arguments: args).map { try read(Fields($0, table, selected: columns)) }
    }
}
