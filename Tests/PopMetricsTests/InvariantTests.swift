import Foundation
import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
import PopTestSupport

/// Relations that hold in every month of the demo, whatever its figures: they fail when a
/// team's rows and the council's drift apart, or the drill-down and the figure disagree.
@Suite struct InvariantTests {
    static let months = (2...12).map { YearMonth(year: 2018, month: $0)! } + [YearMonth(year: 2019, month: 1)!]

    static func month(_ m: YearMonth) throws -> (Snapshot, [ChildVisit]) {
        let e = try ExtractReader.read(folder: TestPaths.demo + "/\(m)", asAt: m.last)
        return (Engine.compute(e, asAt: m.last, population: Population(age0to17: 96_920)), VisitList.children(e, asAt: m.last))
    }

    /// For every indicator with team rows, the teams' numerators and denominators add up to the
    /// council's (every row has exactly one team: blank is Unallocated).
    @Test func teamRowsSumToTheCouncilRow() throws {
        var checked = 0
        for m in Self.months {
            let (s, _) = try Self.month(m)
            for def in Catalogue.definitions where def.byTeam {
                let council = try #require(s.value(def.id), "\(def.id) \(m)")
                let teams = s.values.filter { $0.id == def.id && $0.team != nil }
                #expect(!teams.isEmpty)
                #expect(teams.reduce(0) { $0 + ($1.numerator ?? 0) } == council.numerator, "\(def.id) numerators in \(m)")
                #expect(teams.reduce(0) { $0 + ($1.denominator ?? 0) } == (council.denominator ?? 0), "\(def.id) denominators in \(m)")
                checked += 1
            }
        }
        #expect(checked == Self.months.count * Catalogue.definitions.filter(\.byTeam).count)
    }

    /// The drill-down lists exactly the children the figure counts: per team, the children on the
    /// list are the denominator and those overdue are the denominator less the numerator.
    @Test func overdueChildrenAreTheDenominatorLessTheNumerator() throws {
        for m in Self.months {
            let (s, visits) = try Self.month(m)
            for def in Catalogue.visitIndicators {
                let byTeam = Dictionary(grouping: visits.filter { $0.indicator == def.id }, by: \.team)
                let teamRows = s.values.filter { $0.id == def.id && $0.team != nil }
                #expect(Set(byTeam.keys) == Set(teamRows.compactMap(\.team)), "\(def.id) teams in \(m)")
                for row in teamRows {
                    let list = byTeam[row.team!] ?? []
                    #expect(list.count == row.denominator, "\(def.id) \(row.team!) in \(m)")
                    #expect(list.filter { !$0.inTime }.count == (row.denominator ?? 0) - (row.numerator ?? 0), "\(def.id) \(row.team!) in \(m)")
                }
            }
        }
    }

    /// Every indicator id the front ends and the app name in their source exists in the catalogue.
    @Test func everyIndicatorTheFrontEndsMentionExists() throws {
        let ids = Set(Catalogue.definitions.map(\.id.rawValue))
        let prefixes = Set(ids.map { String($0.split(separator: ".").first!) })
        var mentioned = 0
        for module in ["PopDashboard", "PopPage", "PopApp", "pop", "PopDemo", "PopReference"] {
            let folder = TestPaths.project + "/Sources/" + module
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for literal in Self.literals(text) where literal.split(separator: ".").count >= 2 && prefixes.contains(String(literal.split(separator: ".")[0])) {
                    // File names (`yot.csv`) are not indicators.
                    let fileTypes = ["csv", "json", "xlsx", "sqlite", "txt", "md", "html", "pdf", "png"]
                    guard !literal.hasSuffix("."), let last = literal.split(separator: ".").last, !fileTypes.contains(String(last)) else { continue }
                    #expect(ids.contains(literal) ? true : false, "\(module)/\(file) mentions \(literal), which is not an indicator")
                    mentioned += 1
                }
            }
        }
        #expect(mentioned > 0)
    }

    /// The contents of the string literals in Swift source.
    static func literals(_ text: String) -> [String] {
        var out: [String] = []
        var inside = false, current = ""
        var previous: Character = " "
        for ch in text {
            if ch == "\"" && previous != "\\" {
                if inside { out.append(current) }
                inside.toggle()
                current = ""
            } else if inside {
                current.append(ch)
            }
            previous = ch
        }
        return out.filter { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "_" } }
    }
}
