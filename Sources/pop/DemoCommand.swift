import ArgumentParser
import PopCalendar
import PopDemo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "The demo borough (a simulated Barnet).", subcommands: [Generate.self])

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
                    FileHandleOutput.standardOutput("wrote \(folder) (as at \(e.asAt.iso))\n")
                }
                try FileOutput.save(DemoBorough.targetsCSV, to: out + "/targets.csv")
                try FileOutput.save(DemoBorough.benchmarksCSV, to: out + "/benchmarks.csv")
                FileHandleOutput.standardOutput("wrote \(out)/targets.csv and \(out)/benchmarks.csv\n")
            } catch let e as FileOutput.Failure {
                throw fail(e.description)
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
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw Failure(description: "\(path): cannot be written (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let total = bytes.count
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, total - done) }
            guard n > 0 else { throw Failure(description: "\(path): write failed (\(String(cString: strerror(errno))))") }
            done += n
        }
    }
}
