import Foundation
import GRDB
import Testing
import PopCalendar
import PopExtract
import PopMetrics
@testable import PopStore

@Suite(.serialized) struct WorkerStoreTests {
    /// A month's social workers are stored with its import and come back as computed, in the
    /// same order; the current import's list is the one read.
    @Test func workersRoundTripWithTheirImport() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        let (jan, visits, extract) = try demoMonth("2019-01")
        let workers = WorkerList.workers(extract, asAt: jan.asAt)
        #expect(workers.count == 75 && workers.contains { $0.lastSupervision == nil } == false)
        let store = try Store(path: path)
        try store.importMonth(jan, visits: visits, workers: workers, source: "test", importedAt: "t1")
        let january = YearMonth(year: 2019, month: 1)!
        #expect(try store.workers(month: january) == workers)
        // A re-import without a worker list (as a pop before schema 6 stored it) has none to show: nil,
        // never an empty list; restoring the first import brings its workers back.
        try store.importMonth(jan, visits: visits, source: "test", importedAt: "t2")
        #expect(try store.workers(month: january) == nil)
        try store.restore(january, version: 1)
        #expect(try store.workers(month: january) == workers)
        #expect(try store.workers(month: YearMonth(year: 2018, month: 12)!) == nil)
    }

    /// A database of schema 5 gains the worker table; its months say they kept no workers.
    @Test func anEarlierDatabaseHasNoWorkerLists() throws {
        let path = temporaryFolder() + "/v5.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v5-team-services")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO import VALUES ('2018-12', 1, '2018-12-31', 't', 'old', '0.4', NULL, NULL, '', '', '');
                    INSERT INTO current VALUES ('2018-12', 1);
                    """)
            }
        }
        let store = try Store(path: path)
        #expect(try store.workers(month: YearMonth(year: 2018, month: 12)!) == nil)
        let version = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 6 && Store.schemaVersion == 6)
    }
}
