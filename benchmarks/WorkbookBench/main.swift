// A timing harness for PopWorkbook, outside the tests (which carry no timing assertions).
//
//   WorkbookBench write PATH ROWS [inline]   an Annex A-like sheet of ROWS rows × 10 columns
//   WorkbookBench sample PATH                every kind of cell, for other readers to check
//   WorkbookBench dump PATH                  every sheet's cells, one line each:
//                                            sheet, row, column letter, kind, text
//   WorkbookBench read PATH [RUNS] [serial]  reads every sheet, touching every cell's bytes
//                                            (serial: on one thread only);
//                                            prints one line per run: wall seconds, CPU seconds
//                                            (both threads), rows, cells, cell bytes
import Foundation
import PopCalendar
import PopWorkbook

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// CPU time of the whole process (every thread), so a figure taken while other work shares
/// the machine still says what reading cost.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: WorkbookBench write PATH ROWS [inline] | sample PATH | read PATH [RUNS]") }
let path = arguments[2]

do {
    switch arguments[1] {
    case "write":
        guard arguments.count >= 4, let rows = Int(arguments[3]) else { fail("write needs PATH ROWS") }
        var writer = XLSXWriter(strings: arguments.count > 4 && arguments[4] == "inline" ? .inline : .shared)
        let sheet = try writer.addSheet("List 1 - Contacts", frozenRows: 1)
        try writer.addRow(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of Contact",
                           "Contact Source", "Allocated Team", "Allocated Worker", "Date of Contact Decision"].map { .text($0) }, to: sheet)
        let genders = ["a) Male", "b) Female", "c) Not stated/recorded"]
        let ethnicities = ["WBRI", "WOTH", "MWBC", "AIND", "BAFR", "OOTH", "NOBT"]
        let sources = ["1A: Individual", "2A: Schools", "3A: GP", "5A: Social care", "6: Police", "8: Other"]
        let teams = (1...12).map { "Team \($0)" }
        let base = Day(year: 2018, month: 4, day: 1) ?? Day(number: 0)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for i in 0..<rows {
            let contact = base + next(300)
            let birth = contact - 365 * (1 + next(17)) - next(365)
            try writer.addRow([
                .number(Double(9_000_000 + i)), .text(genders[next(3)]), .text(ethnicities[next(7)]), .date(birth),
                .number(Double((contact - birth) / 365)), .date(contact), .text(sources[next(6)]), .text(teams[next(12)]),
                .text("Worker \(next(400))"), next(5) == 0 ? .blank : .date(contact + next(3)),
            ], to: sheet)
        }
        try writer.write(to: path)
    case "sample":
        var writer = XLSXWriter()
        let sheet = try writer.addSheet("Sample", frozenRows: 1, columnWidths: [14, 20])
        let hidden = try writer.addSheet("Hidden", hidden: true)
        try writer.addRow([.text("kind"), .text("value")], to: sheet)
        try writer.addRow([.text("text"), .text("Zoë, \"quoted\"\nChildren’s <Services> & 東京 😀")], to: sheet)
        try writer.addRow([.text("control"), .text("bell\u{7}end")], to: sheet)
        try writer.addRow([.text("lookalike"), .text("_x0041_")], to: sheet)
        try writer.addRow([.text("integer"), .number(9_212_044, format: .integer)], to: sheet)
        try writer.addRow([.text("decimal"), .number(-2.25, format: .decimal1)], to: sheet)
        try writer.addRow([.text("percent"), .number(0.711, format: .percent1)], to: sheet)
        try writer.addRow([.text("small"), .number(0.00001)], to: sheet)
        try writer.addRow([.text("date"), .date(Day(year: 2019, month: 1, day: 31) ?? Day(number: 0))], to: sheet)
        try writer.addRow([.text("true"), .boolean(true)], to: sheet)
        try writer.addRow([.text("false"), .boolean(false)], to: sheet)
        try writer.addRow([.text("error"), .error("#N/A")], to: sheet)
        try writer.addRow([.text("blank"), .blank], to: sheet)
        try writer.addRow([.text("hidden sheet")], to: hidden)
        try writer.write(to: path)
    case "dump":
        let reader = try WorkbookReader(path: path)
        print("date1904\t\(reader.date1904)")
        for sheet in reader.sheets {
            print("sheet\t\(sheet.name)\t\(sheet.hidden ? "hidden" : "visible")")
            try reader.readRows(of: sheet) { row in
                for c in 0..<row.width where row.kind(c) != .blank {
                    let text = row.string(c).replacingOccurrences(of: "\\", with: "\\\\")
                        .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
                    print("\(sheet.name)\t\(row.number)\t\(WorkbookReader.columnLetter(c))\t\(row.kind(c))\t\(text)")
                }
                return true
            }
        }
    case "read":
        let runs = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            let reader = try WorkbookReader(path: path, parallel: !(arguments.count > 4 && arguments[4] == "serial"))
            var rows = 0, cells = 0, bytes = 0
            for sheet in reader.sheets {
                try reader.readRows(of: sheet) { row in
                    rows += 1
                    for c in 0..<row.width where row.kind(c) != .blank {
                        cells += 1
                        bytes += row.withBytes(c) { $0.count }
                    }
                    return true
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(String(format: "%.4f %.4f", seconds, cpuSeconds() - cpuStart), rows, cells, bytes)
        }
    default:
        fail("unknown command \(arguments[1])")
    }
} catch {
    fail("\(error)")
}
