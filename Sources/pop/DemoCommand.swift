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
            abstract: "Write the demo's monthly Annex A extracts (February 2018 – January 2019) and its targets file.")

        @Option(name: .long, help: "The folder to write YYYY-MM/ extract folders and targets.csv into.")
        var out: String

        @Option(name: .long, help: "The simulator's seed (the committed Fixtures/demo use the default).")
        var seed: UInt64 = DemoBorough.defaultSeed

        func run() throws {
            do {
                try FileOutput.makeDirectory(out)
                for e in DemoBorough.extracts(seed: seed) {
                    let folder = out + "/" + e.month.description
                    try FileOutput.makeDirectory(folder)
                    for f in e.files { try FileOutput.save(f.text, to: folder + "/" + f.name) }
                    Output.standardOutput("wrote \(folder) (as at \(e.asAt.iso))\n")
                }
                try FileOutput.save(DemoBorough.targetsCSV, to: out + "/targets.csv")
                try FileOutput.save(DemoBorough.benchmarksCSV, to: out + "/benchmarks.csv")
                Output.standardOutput("wrote \(out)/targets.csv and \(out)/benchmarks.csv\n")
            } catch let e as FileOutput.Failure {
                throw PopError(.unusableInput, e.description)
            }
        }
    }
}

/// Files pop writes: created readable by the owner only, as they may hold children's records.
enum FileOutput {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw Failure(description: "\(path): cannot create the folder (\(String(cString: strerror(errno))))")
        }
    }

    static func save(_ text: String, to path: String) throws {
        try Appender(path: path).write(Substring(text))
    }
}

extension DemoCommand {
    struct Scale: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one large extract: many simulated councils, as at 31 January 2019, for benchmarks.",
            discussion: """
                Each council is the demo borough run with its own seed; child IDs and team names carry its code (C001 …). \
                About 26,700 rows per council with --months 10 and 45,000 with --months 22.
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

        func run() throws {
            do {
                try FileOutput.makeDirectory(out)
                var files: [String: FileOutput.Appender] = [:]
                var rows = 0, bytes = 0
                for index in 1...councils {
                    let e = ScaleDemo.council(index, months: months, seed: seed)
                    for f in e.files {
                        // One header per file: the first council's.
                        let text = Substring(f.text)
                        let end = text.firstIndex(of: "\r\n").map { text.index(after: $0) } ?? text.endIndex
                        let file: FileOutput.Appender
                        if let open = files[f.name] { file = open } else {
                            file = try FileOutput.Appender(path: out + "/" + f.name)
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
            } catch let e as FileOutput.Failure {
                throw PopError(.unusableInput, e.description)
            }
        }
    }
}

extension FileOutput {
    /// A file written in pieces, created readable by the owner only.
    final class Appender {
        let path: String
        let fd: Int32

        init(path: String) throws {
            self.path = path
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw Failure(description: "\(path): cannot be written (\(String(cString: strerror(errno))))") }
        }

        deinit { close(fd) }

        func write(_ text: Substring) throws {
            var text = text
            guard text.withUTF8({ writeFully(fd, UnsafeRawBufferPointer($0)) }) else {
                throw Failure(description: "\(path): write failed (\(String(cString: strerror(errno))))")
            }
        }
    }
}
