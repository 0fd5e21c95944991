import Foundation
import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
import PopPage
import PopTestSupport

/// Lists read in parallel (each into a part, joined in list order) give exactly what one
/// reader gives: the same figures, the same data-quality list in the same order.
@Suite struct PartsTests {
    static func monthRows(_ folder: String, asAt: Day, threads: Int) throws -> MonthRows {
        var rows = MonthRows(asAt: asAt)
        try ExtractReader.read(folder: folder, asAt: asAt, threads: threads, into: &rows)
        return rows
    }

    static func output(_ rows: MonthRows) -> (String, String) {
        let s = Engine.compute(rows, population: Population(age0to17: 96920, age10to17: 38000))
        return (MetricsOutput.json(s, childIDs: true), MetricsOutput.csv(s))
    }

    @Test func theDemoMonthReadInParallelIsTheDemoMonthReadInTurn() throws {
        let asAt = DateParser.parse("2019-01-31").day!
        let one = try Self.monthRows(TestPaths.demo + "/2019-01", asAt: asAt, threads: 1)
        let two = try Self.monthRows(TestPaths.demo + "/2019-01", asAt: asAt, threads: 2)
        #expect(two.rowsRead == one.rowsRead)
        #expect(Self.output(two) == Self.output(one))
    }

    /// Quoted cells, a Windows-1252 file, bad values, a short row, duplicate children: every
    /// list has data-quality entries, and their order must survive the join.
    @Test func aMessyExtractReadInParallelIsTheSameReadInTurn() throws {
        let folder = NSTemporaryDirectory() + "pop-parts-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lists: [(String, [UInt8])] = [
            ("list1.csv", Array("Child Unique ID,Date of Contact,Contact Source\r\n\"A1\",\"02/01/2019\",\"6 - Police\"\r\nA2,31/02/2019,x3\r\nA3,#N/A,\"2A, Schools\"\r\n".utf8)),
            ("list3.csv", Array("Child Unique ID,Date of referral,Referral Source,Referral NFA?,Allocated Team,Allocated Worker\r\n".utf8)
                + Array("B1,03/01/2019,6,No,Children".utf8) + [0x92] + Array("s Team,Zo".utf8) + [0xEB] + Array("\r\nB1,soon,6,Maybe,#N/A,\r\nB2,04/01/2019\r\n".utf8)),
            ("list6.csv", Array("Child Unique ID,CIN Start Date,Date Child Was Last Seen,CIN Closure Date,Case Status,Allocated Team\r\nC1,01/12/2018,,,CIN,T\r\nC1,02/12/2018,,,CIN,T\r\nC2,99/12/2018,,,CIN,T\r\n".utf8)),
            ("list7.csv", Array("Child Unique ID,Child Protection Plan Start Date,Date of the Last Statutory Visit,Allocated Team\r\nD1,01/12/2018,\"15/01/2019\",T\r\nD1,01/11/2018,,T\r\n".utf8)),
        ]
        for (name, bytes) in lists { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let asAt = DateParser.parse("2019-01-31").day!
        let one = try Self.monthRows(folder, asAt: asAt, threads: 1)
        let two = try Self.monthRows(folder, asAt: asAt, threads: 2)
        #expect(one.dataQuality.count > 8)
        #expect(two.dataQuality == one.dataQuality)
        #expect(Self.output(two) == Self.output(one))
    }

    /// A list that cannot be read stops the read with that list's error, whatever ran beside it.
    @Test func theFirstUnreadableListInOrderIsTheError() throws {
        let folder = NSTemporaryDirectory() + "pop-parts-error-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("Date of referral\n01/01/2019\n".utf8).write(to: URL(fileURLWithPath: folder + "/list3.csv"))
        try Data("Child Unique ID,CIN Start Date\n\"C1,01/01/2019\n".utf8).write(to: URL(fileURLWithPath: folder + "/list6.csv"))
        let asAt = DateParser.parse("2019-01-31").day!
        var errors: [ExtractError] = []
        for threads in [1, 2] {
            do {
                _ = try Self.monthRows(folder, asAt: asAt, threads: threads)
            } catch let e as ExtractError {
                errors.append(e)
            }
        }
        #expect(errors.count == 2)
        #expect(errors.first?.file == "list3.csv")
        #expect(errors.first == errors.last)
    }

    /// `MonthRows.append(part:)` must join every field: a field added to MonthRows without a line
    /// there fails here, until the list below (and the join) name it.
    @Test func theJoinNamesEveryFieldOfMonthRows() {
        let fields = Mirror(reflecting: MonthRows(asAt: DateParser.parse("2019-01-31").day!)).children.compactMap(\.label)
        #expect(fields == [
            "period", "supplied", "origins", "columns", "dataQuality", "rowsRead", "hasContactDecisions", "contactsInMonth", "contactsYTD",
            "referralsInMonth", "referralsYTD", "referralSourcesBaseYTD", "referralSourceCountsYTD", "referralHistory",
            "earlyHelpStartedInMonth", "earlyHelpStartedYTD", "earlyHelpCompletedInMonth", "earlyHelpOpenRows",
            "assessmentsAuthorisedInMonth", "section47sStartedInMonth", "icpcsInMonth", "childrenInNeedOpenRows", "protectionPlansOpenRows",
            "protectionPlansStartedYTD", "protectionPlansEndedYTD", "childrenInCareOpenRows", "childrenInCareCeasedYTD", "careLeavers",
            "youthOffending", "auditsInMonth", "staff",
        ])
    }

    /// Teams are tallied by their bytes, then joined as Strings: `Café` written two ways (é as
    /// one character or as e and an accent) is one team, named as it was first met.
    @Test func teamsEqualAsTextAreOneTeam() throws {
        let s = try compute([.list6: """
            Child Unique ID,CIN Start Date,Date Child Was Last Seen,CIN Closure Date,Case Status,Allocated Team
            C1,01/12/2018,,,CIN,Caf\u{E9}
            C2,01/12/2018,,,CIN,Cafe\u{301}
            C3,01/12/2018,,,CIN,Other

            """])
        let teams = s.values.filter { $0.id == IndicatorID("cin.plans") && $0.team != nil }
        #expect(teams.map(\.team) == ["Caf\u{E9}", "Other"])
        #expect(teams.first?.team?.unicodeScalars.count == 4)
        #expect(teams.first?.numerator == 2)
    }

    /// Children are told apart by their IDs' bytes only while every ID is ASCII: `K1` and `K1`
    /// written with the Kelvin sign are one child, as Strings count them.
    @Test func childIDsEqualAsTextAreOneChild() throws {
        let s = try compute([.list7: """
            Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team
            K1,01/01/2010,01/12/2018,Neglect,,Y,,,0,T
            \u{212A}1,01/01/2010,02/12/2018,Neglect,,Y,,,0,T
            K2,01/01/2010,01/12/2018,Neglect,,Y,,,0,T

            """])
        #expect(s.count(IndicatorID("cp.children")) == 2)
        #expect(s.dataQuality.filter { $0.kind == .duplicateChild }.count == 1)
    }
}
