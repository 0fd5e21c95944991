import ArgumentParser
import PopCalendar
import PopApp
import PopDemo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "The demo borough (a simulated Barnet).", subcommands: [Generate.self, Scale.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the demo's monthly Annex A extracts (February 2018 – January 2019), its targets, benchmarks and teams files.")

        @Option(name: .long, help: "The folder to write YYYY-MM/ extract folders, targets.csv, benchmarks.csv and teams.csv into.")
        var out: String

        @Option(name: .long, help: "The simulator's seed (the committed Fixtures/demo use the default).")
        var seed: UInt64 = DemoBorough.defaultSeed

        @Flag(name: .long, help: "Replace files that exist already.")
        var force = false

        func run() throws {
            try SafeFile.makeDirectory(out)
            for e in DemoBorough.extracts(seed: seed) {
                let folder = out + "/" + e.month.description
                try SafeFile.makeDirectory(folder)
                for f in e.files { try SafeFile.write(f.text, to: folder + "/" + f.name, force: force) }
                Output.standardOutput("wrote \(folder) (as at \(e.asAt.iso))\n")
            }
            try SafeFile.write(DemoBorough.targetsCSV, to: out + "/targets.csv", force: force)
            try SafeFile.write(DemoBorough.benchmarksCSV, to: out + "/benchmarks.csv", force: force)
            try SafeFile.write(DemoBorough.teamsCSV, to: out + "/teams.csv", force: force)
            Output.standardOutput("wrote \(out)/targets.csv, \(out)/benchmarks.csv and \(out)/teams.csv\n")
        }
    }
}

extension DemoCommand {
    struct Scale: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one large extract: many simulated councils, as at 31 January 2019, for benchmarks.",
            discussion: """
                Each council is the demo borough run with its own seed; child IDs and team names carry its code (C001 …). \
                About 29,600 rows per council with --months 10 and 51,300 with --months 22.
                """)

        @Option(name: .long, help: "The folder to write list1.csv … yot.csv into.")
        var out: String

        @Option(name: .long, help: "How many councils.")
        var councils: Int

        @Option(name: .long, help: "Months of history each list holds, ending at R (10–22; 10 is the YTD).")
        var months: Int = 10

        @Option(name: .long, help: "The seed; the same seed, councils and months give the same files.")
        var seed: UInt64 = DemoBorough.defaultSeed

        func validate() throws {
            guard councils >= 1 && councils <= 9_999 else { throw ValidationError("--councils must be from 1 to 9999") }
            guard ScaleDemo.historyMonths.contains(months) else {
                throw ValidationError("--months must be from \(ScaleDemo.historyMonths.lowerBound) to \(ScaleDemo.historyMonths.upperBound)")
            }
        }

        @Flag(name: .long, help: "Replace files that exist already.")
        var force = false

        func run() throws {
            do {
                try SafeFile.makeDirectory(out)
                var files: [String: SafeFile.Appender] = [:]
                var rows = 0, bytes = 0
                for index in 1...councils {
                    let e = ScaleDemo.council(index, months: months, seed: seed)
                    for f in e.files {
                        // One header per file: the first council's.
                        let text = Substring(f.text)
                        let end = text.firstIndex(of: "\r\n").map { text.index(after: $0) } ?? text.endIndex
                        let file: SafeFile.Appender
                        if let open = files[f.name] { file = open } else {
                            let path = out + "/" + f.name
                            if force && SafeFile.exists(path) { unlink(path) }
                            file = try SafeFile.Appender(path: path)
                            files[f.name] = file
                            try file.write(text[..<end])
                            bytes += text[..<end].utf8.count
                        }
                        let body = text[end...]
                        try file.write(body)
                        rows += body.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                        bytes += body.utf8.count
                    }
                    if index % 10 == 0 || index == councils {
                        Output.standardError("\r\(index) of \(councils) councils written")
                    }
                }
                Output.standardError("\n")
                let p = ScaleDemo.population(councils: councils)
                Output.standardOutput("""
                    wrote \(out): \(councils) councils, \(months) months, \(rows) data rows, \(bytes) bytes
                    as at \(ScaleDemo.asAt.iso); population 0–17 \(p.age0to17), 10–17 \(p.age10to17)

                    """)
            }
        }
    }
}
