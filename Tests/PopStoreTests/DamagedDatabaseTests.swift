import Foundation
import Testing
import GRDB
import PopCalendar
import PopExtract
import PopMetrics
@testable import PopStore
import PopTestSupport

/// pop opens only its own databases, checks them before anything is written or any mode is
/// changed, and reports a damaged one instead of crashing on it.
@Suite(.serialized) struct DamagedDatabaseTests {
    static func mode(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1 }

    @Test func aFolderIsRefusedAndLeftAsItIs() throws {
        let folder = temporaryFolder() + "/somedir"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        #expect(throws: StoreError.self) { try Store(path: folder) }
        #expect(try Self.mode(folder) == 0o755)
    }

    @Test func anotherApplicationsDatabaseIsLeftAlone() throws {
        let path = temporaryFolder() + "/other.sqlite"
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
        try other.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try Store(path: path)
            Issue.record("another application's database was opened")
        } catch {
            #expect("\(error)".contains("another application"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Self.mode(path) == 0o644)
        // Not SQLite at all.
        let text = temporaryFolder() + "/notes.txt"
        try "hello".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try Store(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "hello")
    }

    @Test func aNewerSchemaIsRefusedNamingBothVersions() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        do { _ = try Store(path: path) }
        let q = try DatabaseQueue(path: path)
        try q.write { db in try db.execute(sql: "PRAGMA user_version = 9") }
        try q.close()
        do {
            _ = try Store(path: path)
            Issue.record("a newer schema was opened")
        } catch {
            #expect("\(error)".contains("schema version 9") && "\(error)".contains("knows \(Store.schemaVersion)"))
        }
    }

    @Test func anExistingFilesModeIsNotChanged() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        do { _ = try Store(path: path) }
        #expect(try Self.mode(path) == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        _ = try Store(path: path).months()
        #expect(try Self.mode(path) == 0o640)
    }

    /// Text in a numeric column crashed pop (a forced conversion printed the whole row); now it
    /// is an error naming the table and column.
    @Test func textInANumericColumnIsAnErrorNotACrash() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        let (jan, visits, _) = try demoMonth("2019-01")
        do { try Store(path: path).importMonth(jan, visits: visits, source: "t", importedAt: "t") }
        let q = try DatabaseQueue(path: path)
        try q.write { db in try db.execute(sql: "UPDATE figure SET numerator = 'many' WHERE indicator = 'cp.children' AND team = ''") }
        try q.close()
        let store = try Store(path: path)
        do {
            _ = try store.month(YearMonth(year: 2019, month: 1)!)
            Issue.record("a damaged figure was read")
        } catch {
            #expect("\(error)".contains("figure.numerator") && "\(error)".contains("many"))
        }
    }

    /// A truncated file, or garbage where its pages were, is reported as damaged; an import into
    /// it is refused and says so (it never says "replaced").
    @Test func aDamagedFileIsReportedAndNotWritten() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        let (jan, visits, _) = try demoMonth("2019-01")
        do {
            let s = try Store(path: path)
            try s.importMonth(jan, visits: visits, source: "t", importedAt: "t")
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Scribble over pages past the first (the header stays valid, so the file still opens).
        for i in stride(from: 8_192, to: min(bytes.count, 200_000), by: 7) { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            let store = try Store(path: path)
            _ = try store.importMonth(jan, visits: visits, source: "again", importedAt: "t2")
            Issue.record("an import into a damaged database succeeded")
        } catch {
            #expect("\(error)".contains("damaged") || "\(error)".contains("cannot be read"), "\(error)")
        }
        // Cut short.
        let cut = temporaryFolder() + "/cut.sqlite"
        try Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(5_000)).write(to: URL(fileURLWithPath: cut))
        #expect(throws: StoreError.self) {
            let store = try Store(path: cut)
            _ = try store.months().map { try store.month($0) }
        }
    }
}

/// Random damage to a stored database (bytes flipped anywhere, the file cut anywhere): pop opens
/// it, lists its months and reads each one, or says it cannot; it never crashes.
@Suite(.serialized) struct DatabaseFuzzTests {
    @Test func damagedDatabasesNeverCrashPop() throws {
        let folder = temporaryFolder()
        let clean = folder + "/clean.sqlite"
        let (jan, visits, _) = try demoMonth("2019-01")
        do {
            let s = try Store(path: clean)
            try s.importMonth(jan, visits: visits, source: "t", importedAt: "t")
            try s.setComment(month: YearMonth(year: 2019, month: 1)!, indicator: "cp.rate", text: "a comment", at: "t")
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: clean))
        var rng = FuzzRandom(seed: 0xDA7A_BA5E)
        let count = ProcessInfo.processInfo.environment["POP_FUZZ_COUNT"].flatMap(Int.init).map { $0 / 10 } ?? 40
        var opened = 0, refused = 0
        for i in 0..<count {
            var bytes = original
            if rng.next() % 4 == 0 {
                bytes = bytes.prefix(Int(rng.next() % UInt64(bytes.count)))
            } else {
                for _ in 0..<Int(1 + rng.next() % 64) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            let path = folder + "/damaged-\(i).sqlite"
            try bytes.write(to: URL(fileURLWithPath: path))
            do {
                let store = try Store(path: path)
                for m in try store.months() {
                    _ = try store.month(m)
                    _ = try store.comments(month: m)
                    _ = try store.visits(month: m, indicator: "cp.visits_in_time")
                }
                _ = try store.targets()
                _ = try store.benchmarks()
                opened += 1
            } catch {
                #expect(!"\(error)".isEmpty)
                refused += 1
            }
        }
        #expect(opened + refused == count)
    }
}
