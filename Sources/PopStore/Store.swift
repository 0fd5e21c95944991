import GRDB
import PopCalendar
import PopExtract
import PopMetrics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// A database pop cannot use or a write that failed, in words a user can act on.
public struct StoreError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

/// pop's database: every imported month, commentary and reference data, in one SQLite file
/// created readable by its owner only (it holds children's records). pop opens only its own
/// databases: a file is checked (SQLite, pop's application id, a schema this pop knows) before
/// anything is written to it or its mode is changed.
public final class Store: @unchecked Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// The file could not be opened for writing: reads work, writes say so.
    public let readOnly: Bool
    /// Whether the file has passed SQLite's quick check since it was opened (a new file has):
    /// checked once before the first import, not before every one.
    var checked: Bool

    /// "POP!" in the SQLite header's application-id field: marks a database as pop's.
    public static let applicationID: Int32 = 0x504F_5021
    /// The schema this pop writes (PRAGMA user_version); a newer one is refused.
    public static let schemaVersion = 6

    /// `--db PATH`, else `$POP_DB`, else `$XDG_DATA_HOME/pop/pop.sqlite`, else
    /// `$HOME/.local/share/pop/pop.sqlite`; nil when none of them is set (an empty HOME is not
    /// a home: pop will not create `/.local/share/pop`).
    public static func location(explicit: String?, environment: [String: String]) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let db = environment["POP_DB"], !db.isEmpty { return db }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/pop/pop.sqlite" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/pop/pop.sqlite" }
        return nil
    }

    /// Whether anything is at `path` (a dangling link included).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Opens (creating if need be) the database at `path`: a new one in a folder 0700, the file
    /// 0600. An existing file is checked first and its mode left as it is.
    public init(path: String) throws {
        self.path = path
        let existing = try Store.checkExisting(path)
        if !existing { try Store.create(path) }
        readOnly = existing && access(path, W_OK) != 0
        checked = !existing
        var config = Configuration()
        // A second pop importing at the same time waits its turn rather than failing at once.
        config.busyMode = .timeout(30)
        config.readonly = readOnly
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreError(description: "\(path): cannot be opened (\(Store.words(error)))")
        }
        do {
            try queue.read { db in
                if try Store.migrator.hasBeenSuperseded(db) {
                    let theirs = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    throw StoreError(description: "\(path): written by a newer pop (schema version \(theirs); this pop knows \(Store.schemaVersion)); "
                                     + "use that pop, or a database of this one")
                }
            }
            if readOnly {
                let done = try queue.read { db in try Store.migrator.hasCompletedMigrations(db) }
                if !done { throw StoreError(description: "\(path): read-only, and it needs updating to this pop's schema: make it writable once") }
            } else {
                try Store.migrator.migrate(queue)
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(description: "\(path): cannot be read as pop's database (\(Store.words(error)))")
        }
    }

    /// Checks an existing file before anything touches it; false when there is none.
    static func checkExisting(_ path: String) throws -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        guard stat(path, &st) == 0 else { throw StoreError(description: "\(path): cannot be opened (\(String(cString: strerror(errno))))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(description: "\(path): not a database file (it is a folder, link to nothing, pipe or device); give --db a file")
        }
        if st.st_size == 0 { return true }   // an empty file is an empty database: pop may make it its own
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(description: "\(path): cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let n = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        guard n == 100, Array(header[0..<16]) == Array("SQLite format 3\0".utf8) else {
            throw StoreError(description: "\(path): not a pop database (not an SQLite file); pop leaves it as it is")
        }
        func int32(_ at: Int) -> Int32 {
            Int32(bitPattern: UInt32(header[at]) << 24 | UInt32(header[at + 1]) << 16 | UInt32(header[at + 2]) << 8 | UInt32(header[at + 3]))
        }
        let application = int32(68), version = int32(60)
        if application != applicationID && application != 0 {
            throw StoreError(description: "\(path): an SQLite database of another application; pop will not write to it")
        }
        if version > schemaVersion {
            throw StoreError(description: "\(path): written by a newer pop (schema version \(version); this pop knows \(schemaVersion)); "
                             + "use that pop, or a database of this one")
        }
        if application == 0 {
            // Before pop marked its databases: accept only one whose tables are pop's.
            var config = Configuration()
            config.readonly = true
            let looksLikePops: Bool
            do {
                let q = try DatabaseQueue(path: path, configuration: config)
                looksLikePops = try q.read { db in
                    let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    return tables.isEmpty || tables.isSuperset(of: ["grdb_migrations", "month", "figure", "setting"])
                }
            } catch {
                throw StoreError(description: "\(path): cannot be read as an SQLite database (\(Store.words(error)))")
            }
            if !looksLikePops { throw StoreError(description: "\(path): an SQLite database of another application; pop will not write to it") }
        }
        return true
    }

    /// Creates a new database file 0600, and the folders leading to it 0700.
    static func create(_ path: String) throws {
        var folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if folder.isEmpty && path.hasPrefix("/") { folder = "/" }
        if !folder.isEmpty && !exists(folder) {
            var built = path.hasPrefix("/") ? "" : "."
            for part in folder.split(separator: "/") {
                built += "/" + part
                if !exists(built) && mkdir(built, 0o700) != 0 && errno != EEXIST {
                    throw StoreError(description: "\(built): cannot create the folder (\(String(cString: strerror(errno))))")
                }
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError(description: "\(path): cannot create (\(String(cString: strerror(errno))))") }
        close(fd)
    }

    /// SQLite's errors in words a user can act on.
    static func words(_ error: Error) -> String {
        guard let e = error as? DatabaseError else { return "\(error)" }
        switch e.resultCode {
        case .SQLITE_READONLY: return "the database is read-only"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the database is damaged"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another pop is using the database"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return "it cannot be opened"
        default: return e.message ?? "\(e.resultCode)"
        }
    }

    /// Runs a read or write, turning SQLite's errors into words, and checking the file's
    /// integrity when a read fails (a damaged database is reported, never crashed on).
    func guarded<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
            throw StoreError(description: "\(path): the database is damaged (\(integrity())); \(what) failed. Restore it from a backup.")
        } catch {
            throw StoreError(description: "\(path): \(what) failed: \(Store.words(error))")
        }
    }

    /// SQLite's quick check: "ok", or what it found.
    public func integrity() -> String {
        let found = try? queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard let found else { return "it cannot be checked" }
        return found == ["ok"] ? "ok" : found.prefix(3).joined(separator: "; ")
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "month") { t in
                t.primaryKey("month", .text)
                t.column("as_at", .text).notNull()
                t.column("imported_at", .text).notNull()
                t.column("source", .text).notNull()
                t.column("population_0_17", .integer)
                t.column("population_10_17", .integer)
                t.column("population_source", .text).notNull()
                t.column("missing_lists", .text).notNull()
                t.column("replacements", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "figure") { t in
                t.column("month", .text).notNull().references("month", onDelete: .cascade)
                t.column("indicator", .text).notNull()
                t.column("team", .text).notNull()   // "" for the whole council
                t.column("numerator", .integer)
                t.column("denominator", .integer)
                t.column("value", .double)
                t.column("unit", .text).notNull()
                t.column("polarity", .text).notNull()
                t.primaryKey(["month", "indicator", "team"])
            }
            try db.create(table: "data_quality") { t in
                t.column("month", .text).notNull().references("month", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("file", .text).notNull()
                t.column("line", .integer).notNull()
                t.column("column", .text).notNull()
                t.column("value", .text).notNull()
                t.column("problem", .text).notNull()
                t.primaryKey(["month", "seq"])
            }
            try db.create(table: "child_visit") { t in
                t.column("month", .text).notNull().references("month", onDelete: .cascade)
                t.column("indicator", .text).notNull()
                t.column("team", .text).notNull()
                t.column("worker", .text).notNull()
                t.column("child", .text).notNull()
                t.column("start", .text).notNull()
                t.column("last_visit", .text)
                t.column("elapsed", .integer).notNull()
                t.column("limit", .integer).notNull()
                t.column("working_days", .boolean).notNull()
            }
            try db.create(index: "child_visit_by_team", on: "child_visit", columns: ["month", "indicator", "team"])
            try db.create(table: "commentary") { t in
                t.column("month", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("text", .text).notNull()
                t.column("updated_at", .text).notNull()
                t.primaryKey(["month", "indicator"])
            }
            try db.create(table: "target") { t in
                t.column("indicator", .text).notNull()
                t.column("target", .double).notNull()
                t.column("amber_tolerance", .double).notNull()
                t.column("effective_from", .text).notNull()
                t.column("note", .text).notNull()
                t.primaryKey(["indicator", "effective_from"])
            }
            try db.create(table: "population") { t in
                t.column("code", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("age_group", .text).notNull()
                t.column("value", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("source", .text).notNull()
                t.primaryKey(["code", "year", "age_group"])
            }
            try db.create(table: "neighbour") { t in
                t.column("code", .text).notNull()
                t.column("rank", .integer).notNull()
                t.column("neighbour", .text).notNull()
                t.primaryKey(["code", "rank"])
            }
            try db.create(table: "council") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "benchmark") { t in
                t.column("indicator", .text).notNull()
                t.column("period", .text).notNull()
                t.column("what", .text).notNull()
                t.column("value", .double).notNull()
                t.column("source", .text).notNull()
                t.primaryKey(["indicator", "period", "what"])
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        // Marks the file as pop's and records its schema (checked before anything is written).
        m.registerMigration("v2-identity") { db in
            try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        // Every import of a month is kept (a re-import adds a version; `pop restore` brings an
        // earlier one back); figures carry the basis of a fallback definition; data-quality
        // entries carry a workbook's sheet and cell.
        m.registerMigration("v3-versions") { db in
            try db.execute(sql: """
                CREATE TABLE import (
                    month TEXT NOT NULL, version INTEGER NOT NULL, as_at TEXT NOT NULL, imported_at TEXT NOT NULL, source TEXT NOT NULL,
                    pop_version TEXT NOT NULL, population_0_17 INTEGER, population_10_17 INTEGER, population_source TEXT NOT NULL,
                    missing_lists TEXT NOT NULL, unavailable TEXT NOT NULL DEFAULT '', PRIMARY KEY (month, version));
                INSERT INTO import SELECT month, 1, as_at, imported_at, source, 'earlier', population_0_17, population_10_17, population_source,
                    missing_lists, '' FROM month;
                CREATE TABLE current (month TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL);
                INSERT INTO current SELECT month, 1 FROM month;
                CREATE TABLE figure_v3 (
                    month TEXT NOT NULL, version INTEGER NOT NULL, indicator TEXT NOT NULL, team TEXT NOT NULL, numerator INTEGER,
                    denominator INTEGER, value DOUBLE, unit TEXT NOT NULL, polarity TEXT NOT NULL, basis TEXT,
                    PRIMARY KEY (month, version, indicator, team));
                INSERT INTO figure_v3 SELECT month, 1, indicator, team, numerator, denominator, value, unit, polarity, NULL FROM figure;
                CREATE TABLE data_quality_v3 (
                    month TEXT NOT NULL, version INTEGER NOT NULL, seq INTEGER NOT NULL, file TEXT NOT NULL, sheet TEXT, line INTEGER NOT NULL,
                    "column" TEXT NOT NULL, cell TEXT, value TEXT NOT NULL, problem TEXT NOT NULL, PRIMARY KEY (month, version, seq));
                INSERT INTO data_quality_v3 SELECT month, 1, seq, file, NULL, line, "column", NULL,
                    CASE WHEN "column" = 'Child Unique ID' THEN '' ELSE value END, problem FROM data_quality;
                CREATE TABLE child_visit_v3 (
                    month TEXT NOT NULL, version INTEGER NOT NULL, indicator TEXT NOT NULL, team TEXT NOT NULL, worker TEXT NOT NULL,
                    child TEXT NOT NULL, start TEXT NOT NULL, last_visit TEXT, elapsed INTEGER NOT NULL, "limit" INTEGER NOT NULL,
                    working_days BOOLEAN NOT NULL);
                INSERT INTO child_visit_v3 SELECT month, 1, indicator, team, worker, child, start, last_visit, elapsed, "limit", working_days
                    FROM child_visit;
                DROP TABLE child_visit; DROP TABLE data_quality; DROP TABLE figure; DROP TABLE month;
                ALTER TABLE figure_v3 RENAME TO figure;
                ALTER TABLE data_quality_v3 RENAME TO data_quality;
                ALTER TABLE child_visit_v3 RENAME TO child_visit;
                CREATE INDEX child_visit_by_team ON child_visit (month, version, indicator, team);
                CREATE TABLE code_map (column TEXT NOT NULL, value TEXT NOT NULL, code TEXT NOT NULL, line INTEGER NOT NULL);
                ALTER TABLE data_quality ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
                ALTER TABLE data_quality ADD COLUMN list TEXT;
                PRAGMA user_version = 3;
                """)
        }
        // Visit lists carry each child's due date and due-soon flag (the worklists of `pop due`
        // and the team table); the lists stored before are given theirs from what they hold (the
        // reference day is the last visit, or the start when none is recorded) by the built-in
        // calendar. Councils carry their new (ONS) code and region, so `pop settings --council`
        // takes a name or either code.
        m.registerMigration("v4-due-soon") { db in
            try db.execute(sql: """
                ALTER TABLE child_visit ADD COLUMN due TEXT;
                ALTER TABLE child_visit ADD COLUMN due_soon BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE council ADD COLUMN new_code TEXT NOT NULL DEFAULT '';
                ALTER TABLE council ADD COLUMN region_code TEXT NOT NULL DEFAULT '';
                """)
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, start, last_visit, elapsed, \"limit\", working_days FROM child_visit")
            let update = try db.makeStatement(sql: "UPDATE child_visit SET due = ?, due_soon = ? WHERE rowid = ?")
            for r in rows {
                let f = Fields(r, "child_visit")
                guard let start = DateParser.parse(try f.text("start")).day else { continue }
                let reference = try f.optionalText("last_visit").flatMap { DateParser.parse($0).day } ?? start
                let rule = VisitRule(limit: try f.int("limit"), days: try f.bool("working_days") ? .working : .calendar)
                try update.execute(arguments: [rule.due(from: reference, calendar: .englandAndWales).iso,
                                               rule.isDueSoon(elapsed: try f.int("elapsed")), try f.int("rowid")])
            }
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        // The council's team-to-service file (`pop teams import`): services pool their teams.
        m.registerMigration("v5-team-services") { db in
            try db.execute(sql: """
                CREATE TABLE team_service (team TEXT NOT NULL, service TEXT NOT NULL, line INTEGER NOT NULL);
                PRAGMA user_version = 5;
                """)
        }
        // Each import's social workers (the workforce page's drill-down: name, team, caseload,
        // last supervision), kept like the visit lists; an import made before has none, and says
        // so (`worker_list` 0), never "no workers".
        m.registerMigration("v6-worker-caseloads") { db in
            try db.execute(sql: """
                CREATE TABLE worker_caseload (
                    month TEXT NOT NULL, version INTEGER NOT NULL, team TEXT NOT NULL, worker TEXT NOT NULL, role TEXT NOT NULL,
                    agency BOOLEAN, caseload INTEGER, last_supervision TEXT, working_days_since INTEGER, supervision_in_time BOOLEAN,
                    seq INTEGER NOT NULL, PRIMARY KEY (month, version, seq));
                ALTER TABLE import ADD COLUMN worker_list BOOLEAN NOT NULL DEFAULT 0;
                PRAGMA user_version = 6;
                """)
        }
        return m
    }
}

/// What the settings table holds, by key.
public enum Setting: String, CaseIterable, Sendable {
    /// Our council's old LA code (302 is Barnet).
    case council
    case councilName = "council_name"
    /// `mean` or `median`.
    case snStatistic = "sn_statistic"
    /// `yes` for the bundled demo.
    case demo
    /// The baseline month (`YYYY-MM`) the page's "since" column compares with: the improvement
    /// plan's month of the inspection. Absent: no comparison is shown.
    case baseline
}
