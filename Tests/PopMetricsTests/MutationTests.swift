import Foundation
import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
import PopTestSupport

/// The demo's January, damaged the ways real files are damaged (a row cut short, a column
/// duplicated, a stray quote opening a field, the header repeated, the file cut mid-record):
/// for every mutant pop either refuses the list or computes the month; and a figure may change
/// only with a data-quality note that explains it. Bounded and seeded: `POP_FUZZ_COUNT` runs
/// more (docs/reliability.md gives the counts of the last long run).
@Suite struct MutationTests {
    enum Operation: String, CaseIterable {
        case truncateRow = "row cut short"
        case duplicateColumn = "column duplicated"
        case strayQuote = "stray quote opening a field"
        case repeatHeader = "header line repeated"
        case cutFile = "file cut mid-record"
    }

    static let january = TestPaths.demo + "/2019-01"
    static let asAt = Day(year: 2019, month: 1, day: 31)!
    static let files: [(name: String, text: String)] = ListKind.allCases.compactMap { l in TestPaths.text(january + "/" + l.fileName).map { (l.fileName, $0) } }

    static func figures(_ s: Snapshot) -> [String: String] {
        Dictionary(s.values.map { ("\($0.id)|\($0.team ?? "")", "\($0.numerator.map(String.init) ?? "-")/\($0.denominator.map(String.init) ?? "-")") },
                   uniquingKeysWith: { a, _ in a })
    }

    static func compute(_ files: [(name: String, text: String)]) throws(ExtractError) -> Snapshot {
        Engine.compute(try ExtractReader.read(files: files.map { ($0.name, Array($0.text.utf8)) }, asAt: asAt), asAt: asAt,
                       population: Population(age0to17: 96_920))
    }

    /// One mutant of one file's text.
    static func mutate(_ text: String, _ op: Operation, _ rng: inout FuzzRandom) -> String {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        func pick(_ range: Range<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(max(1, range.count))) }
        let dataLine = pick(1..<max(2, lines.count))
        switch op {
        case .truncateRow:
            guard dataLine < lines.count else { break }
            var cells = lines[dataLine].components(separatedBy: ",")
            cells.removeLast(1 + pick(0..<max(1, cells.count - 1)))
            lines[dataLine] = cells.joined(separator: ",")
        case .duplicateColumn:
            let column = pick(0..<(lines[0].components(separatedBy: ",").count))
            lines = lines.map { l in
                var cells = l.components(separatedBy: ",")
                if column < cells.count { cells.insert(cells[column], at: column) }
                return cells.joined(separator: ",")
            }
        case .strayQuote:
            guard dataLine < lines.count else { break }
            var cells = lines[dataLine].components(separatedBy: ",")
            let c = pick(0..<cells.count)
            cells[c] = "\"" + cells[c]
            lines[dataLine] = cells.joined(separator: ",")
        case .repeatHeader:
            lines.insert(lines[0], at: dataLine)
        case .cutFile:
            // Somewhere inside a record: never just after a line end (or its CR), where the file
            // would simply be shorter and well formed, which no reader can tell.
            let whole = lines.joined(separator: "\r\n") + "\r\n"
            var bytes = Array(whole.utf8)
            let start = lines[0].utf8.count + 2
            for _ in 0..<20 {
                let at = pick(start..<bytes.count)
                if bytes[at - 1] != 0x0A && bytes[at - 1] != 0x0D { bytes = Array(bytes[..<at]); break }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func everyMutantIsRefusedOrExplained() throws {
        let count = ProcessInfo.processInfo.environment["POP_FUZZ_COUNT"].flatMap(Int.init) ?? 60
        let baseline = try Self.compute(Self.files)
        let before = Self.figures(baseline)
        var rng = FuzzRandom(seed: 0xFA11_0FF5)
        var tally: [Operation: (refused: Int, explained: Int, unchanged: Int)] = [:]
        for i in 0..<count {
            let op = Operation.allCases[i % Operation.allCases.count]
            let target = Int(rng.next() % UInt64(Self.files.count))
            var files = Self.files
            files[target].text = Self.mutate(files[target].text, op, &rng)
            let name = files[target].name
            do {
                let s = try Self.compute(files)
                let changed = Self.figures(s) != before
                // Notes on the damaged file that the undamaged one did not have.
                let notes = Set(s.dataQuality.filter { $0.file == name }).subtracting(baseline.dataQuality).count
                if changed {
                    #expect(notes > 0, "mutant \(i) (\(op.rawValue) in \(name)) changed figures with no note")
                    tally[op, default: (0, 0, 0)].explained += 1
                } else {
                    tally[op, default: (0, 0, 0)].unchanged += 1
                }
            } catch {
                #expect(error.file == name, "mutant \(i): \(error)")
                tally[op, default: (0, 0, 0)].refused += 1
            }
        }
        if ProcessInfo.processInfo.environment["POP_FUZZ_REPORT"] == "1" {
            for op in Operation.allCases {
                let t = tally[op, default: (0, 0, 0)]
                print("| \(op.rawValue) | \(t.refused + t.explained + t.unchanged) | \(t.refused) | \(t.explained) | \(t.unchanged) |")
            }
        }
        #expect(tally.values.reduce(0) { $0 + $1.refused + $1.explained + $1.unchanged } == count)
    }
}
