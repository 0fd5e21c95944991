import Foundation
import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
import PopTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit's defects in reading extracts, each reproduced on the demo's January first
/// (data contract, **Bad input**).
@Suite struct BadInputTests {
    static let january = TestPaths.demo + "/2019-01"
    static let asAt = Day(year: 2019, month: 1, day: 31)!

    /// January's files, with one of them changed.
    static func files(changing name: String, _ change: (inout [String]) -> Void) -> [(name: String, bytes: [UInt8])] {
        ListKind.allCases.compactMap { list in
            guard var text = TestPaths.text(january + "/" + list.fileName) else { return nil }
            if list.fileName == name {
                // The fixtures end their lines with CRLF, as Excel does.
                var lines = text.components(separatedBy: "\r\n")
                change(&lines)
                text = lines.joined(separator: "\r\n")
            }
            return (list.fileName, Array(text.utf8))
        }
    }

    static func compute(_ files: [(name: String, bytes: [UInt8])]) throws(ExtractError) -> Snapshot {
        Engine.compute(try ExtractReader.read(files: files, asAt: asAt), asAt: asAt, population: Population(age0to17: 96_920))
    }

    /// A `"` opening a field on line 10 of list7.csv turned 159 children on plans into 0 with no
    /// note; now the list is refused, naming the file and the line.
    @Test func aStrayQuoteRefusesTheListNamingItsLine() throws {
        #expect(throws: ExtractError(file: "list7.csv", line: 10,
                                     message: "a quote opens a field on this line and never closes: the list cannot be read reliably")) {
            try Self.compute(Self.files(changing: "list7.csv") { lines in lines[9] = lines[9].replacingFirst(",", with: ",\"") })
        }
        #expect(throws: ExtractError.self) {
            try Self.compute(Self.files(changing: "list1.csv") { lines in lines[99] = "\"" + lines[99] })
        }
        #expect(try Self.compute(Self.files(changing: "") { _ in }).value("cp.children")?.numerator == 159)
    }

    /// A closed plan's row cut after its start date: it was read as an open plan (159 → 160);
    /// now the cells it lacks are unreadable, so it is not open, and the line is noted.
    @Test func aShortRowNeverBecomesAnOpenPlan() throws {
        let s = try Self.compute(Self.files(changing: "list7.csv") { lines in
            lines[1] = lines[1].split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
        })
        #expect(s.value("cp.children")?.numerator == 159)
        #expect(s.dataQuality.contains { $0.file == "list7.csv" && $0.line == 2 && $0.problem.contains("6 cells and the header 15 columns") })
        // A long row: the cells beyond the header are ignored, and said so.
        let long = try Self.compute(Self.files(changing: "list7.csv") { lines in lines[3] += ",extra" })
        #expect(long.value("cp.children")?.numerator == 159)
        #expect(long.dataQuality.contains { $0.line == 4 && $0.problem.contains("beyond the header are ignored") })
    }

    /// A header naming `Child Protection Plan End Date` twice (the first empty) gave 355 children
    /// on plans with no note; it is now an error naming the file and the column.
    @Test func aColumnNamedTwiceIsAnError() {
        do {
            _ = try Self.compute(Self.files(changing: "list7.csv") { lines in
                lines = lines.enumerated().map { i, l in i == 0 ? "Child Protection Plan End Date," + l : (l.isEmpty ? l : "," + l) }
            })
            Issue.record("a repeated column was accepted")
        } catch {
            #expect(error.file == "list7.csv" && error.line == 1 && error.column == "Child Protection Plan End Date")
        }
        do {
            _ = try Self.compute(Self.files(changing: "list7.csv") { lines in lines[0] += ",child protection plan end date " })
            Issue.record("a repeated column was accepted")
        } catch {
            #expect(error.file == "list7.csv" && error.column == "child protection plan end date" && error.message.contains("twice"))
        }
    }

    /// A file cut in the middle of its last record: the last line is noted.
    @Test func aFileCutShortIsNoted() throws {
        let s = try Self.compute(Self.files(changing: "list7.csv") { lines in
            while lines.last == "" { lines.removeLast() }
            lines[lines.count - 1] = String(lines[lines.count - 1].dropLast(3))
        })
        #expect(s.dataQuality.contains { $0.file == "list7.csv" && $0.line == 356 && $0.problem.contains("no line end") })
    }

    /// `31/12/9999`, a common "no end date", is a date far after R: the plan is still open.
    @Test func theYear9999IsADate() throws {
        #expect(DateParser.parse("31/12/9999") == .day(Day(year: 9999, month: 12, day: 31)!))
        #expect(DateParser.parse("01/01/10000") == .bad)
        #expect(DateParser.parse("31/12/1899") == .bad)
        let list7 = """
            Child Unique ID,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team
            A,01/01/2010,01/12/2018,Neglect,20/01/2019,Yes,,31/12/9999,0,T1
            B,01/01/2010,soon,Neglect,20/01/2019,Yes,,10/01/2019,0,T1
            C,01/01/2010,01/06/2018,Neglect,20/01/2019,Yes,,10/01/2019,0,T1

            """
        let s = try PopMetricsTests.compute([.list7: list7])
        #expect(s.count("cp.children") == 1)       // A: open, ending in 9999
        // B's start is unreadable: its ending counts nowhere (a slip the contract forbids); C's counts.
        #expect(s.count("cp.ended_ytd") == 1)
        #expect(s.nd("cp.ended_2y_ytd") == (0, 1))
    }

    /// A name that is there but cannot be read is an error, never "not supplied", and never a hang.
    @Test func unreadableFilesAreErrors() throws {
        let folder = "/tmp/pop-unreadable-\(getpid())"
        mkdir(folder, 0o700)
        defer { _ = system("rm -rf '\(folder)'") }
        for name in ListKind.allCases.map(\.fileName) where name != "list7.csv" && name != "list1.csv" {
            let from = Self.january + "/" + name
            symlink(from, folder + "/" + name)
        }
        let cases: [(String, () -> Void)] = [
            ("a dangling link", { symlink("/nonexistent/list7.csv", folder + "/list7.csv") }),
            ("a looping link", { symlink(folder + "/list7.csv", folder + "/list7.csv") }),
            ("a folder", { mkdir(folder + "/list7.csv", 0o700) }),
            ("a pipe", { mkfifo(folder + "/list7.csv", 0o600) }),
            ("a device", { symlink("/dev/zero", folder + "/list7.csv") }),
        ]
        for (what, make) in cases {
            _ = system("rm -rf '\(folder)/list7.csv'")
            make()
            do {
                _ = try ExtractReader.read(folder: folder, asAt: Self.asAt)
                Issue.record("\(what) named list7.csv was read")
            } catch {
                #expect(error.file == "list7.csv" && error.message.contains("cannot be read"), "\(what): \(error)")
            }
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
