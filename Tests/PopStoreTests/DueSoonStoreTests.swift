import Foundation
import GRDB
import Testing
import PopCalendar
import PopExtract
import PopMetrics
@testable import PopStore

@Suite(.serialized) struct DueSoonStoreTests {
    /// The stored visit list gives back each child exactly as computed, due date and flag
    /// included; the flag is stored too, so a team's counts are one query away.
    @Test func dueDatesAndFlagsAreStoredWithTheVisitList() throws {
        let path = temporaryFolder() + "/pop.sqlite"
        let (jan, visits, _) = try demoMonth("2019-01")
        let store = try Store(path: path)
        try store.importMonth(jan, visits: visits, source: "test", importedAt: "t")
        let january = YearMonth(year: 2019, month: 1)!
        let back = try store.visits(month: january, indicator: nil)
        func key(_ v: ChildVisit) -> String { "\(v.indicator)|\(v.child)|\(v.team)" }
        #expect(back.count == visits.count)
        let computed = Dictionary(visits.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        for v in back { #expect(computed[key(v)] == v, "\(key(v))") }
        #expect(back.contains(where: \.dueSoon) && back.contains { !$0.inTime })
        let flagged = try store.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child_visit WHERE due_soon") ?? -1
        }
        #expect(flagged == visits.filter(\.dueSoon).count)
    }

    /// A database written before due dates were stored is migrated: each child's due date and
    /// flag are worked out from what the list holds (the last visit, or the start).
    @Test func anEarlierDatabaseGetsItsDueDates() throws {
        let path = temporaryFolder() + "/old.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v3-versions")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO import VALUES ('2018-12', 1, '2018-12-21', 't', 'old', '0.3', NULL, NULL, '', '', '');
                    INSERT INTO current VALUES ('2018-12', 1);
                    INSERT INTO child_visit VALUES ('2018-12', 1, 'cp.visits_in_time', 'T1', 'Ann', 'A', '2018-10-01', '2018-12-07', 10, 10, 1);
                    INSERT INTO child_visit VALUES ('2018-12', 1, 'cp.visits_in_time', 'T2', 'Bob', 'E', '2018-12-21', NULL, 0, 10, 1);
                    INSERT INTO child_visit VALUES ('2018-12', 1, 'cla.visits_in_time', 'K1', 'Eve', 'N', '2018-01-01', '2018-11-15', 36, 42, 0);
                    """)
            }
        }
        let store = try Store(path: path)
        let list = Dictionary(try store.visits(month: YearMonth(year: 2018, month: 12)!, indicator: nil).map { ($0.child, $0) },
                              uniquingKeysWith: { a, _ in a })
        #expect(list["A"]?.due == day("23/12/2018") && list["A"]?.dueSoon == true)
        #expect(list["E"]?.due == day("09/01/2019") && list["E"]?.dueSoon == false)
        #expect(list["N"]?.due == day("27/12/2018") && list["N"]?.dueSoon == true)
        let version = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == Store.schemaVersion)
    }
}
