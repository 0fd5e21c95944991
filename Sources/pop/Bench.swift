import ArgumentParser
import PopApp
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time reading and computing an extract (build with -c release for figures worth quoting).",
        discussion: "benchmarks/run.sh runs this over 100k, 1M and 10M rows beside the pandas reference; see docs/performance.md.")

    @OptionGroup var options: ExtractOptions

    @Option(name: .long, help: "How many timed runs (after one warm-up).")
    var runs: Int = 20

    @Flag(name: .long, help: "Print one JSON object (for scripts) instead of text.")
    var json = false

    @Option(name: .long, help: "What to time: all (read and compute every indicator), rows (read typed rows, keep none) or csv (split the files, or a workbook's sheets, into records only).")
    var stage: Stage = .all

    /// The reader's layers, to see where the time goes.
    enum Stage: String, ExpressibleByArgument, CaseIterable { case all, rows, csv }

    func run() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
        let asAt = options.asAt
        _ = try options.snapshotAndRows()
        var times: [Double] = []
        var rows = 0, figures = 0, peak = 0
        for _ in 0..<runs {
            restartPeakResident()
            let t0 = monotonicSeconds()
            switch stage {
            case .all:
                let (s, n) = try options.snapshotAndRows()
                rows = n
                figures = s.values.count
            case .rows:
                var count = RowCount()
                try Inputs.read(extract: options.extract, asAt: asAt, options: try options.readOptions, threads: ExtractReader.threads(), into: &count)
                rows = count.rows
            case .csv:
                rows = try RecordCount.rows(of: options.extract)
            }
            times.append(monotonicSeconds() - t0)
            peak = max(peak, peakResidentBytes())
        }
        times.sort()
        let median = times[times.count / 2]
        let bytes = RecordCount.bytes(of: options.extract)
        if json {
            Output.standardOutput("""
                {"rows": \(rows), "bytes": \(bytes), "figures": \(figures), "runs": \(runs), "min_seconds": \(times[0]), \
                "median_seconds": \(median), "max_seconds": \(times[times.count - 1]), "peak_bytes": \(peak)}

                """)
            return
        }
        let ms = { (x: Double) in String(Int((x * 10_000).rounded())).withDecimal(1) }
        Output.standardOutput("""
            \(stage.title) \(options.extract) as at \(options.asAt.iso): \(Display.grouped(rows)) rows, \(bytes / 1_000_000) MB\(stage == .all ? ", \(figures) indicator rows" : "")
            runs \(runs): min \(ms(times[0])) ms, median \(ms(median)) ms, max \(ms(times[times.count - 1])) ms
            median throughput: \(Display.grouped(Int(Double(rows) / median))) rows/s, \(Int(Double(bytes) / median / 1_000_000)) MB/s
            peak memory (max resident, one pass): \(peak / 1_048_576) MiB

            """)
    }
}

extension Bench.Stage {
    var title: String {
        switch self {
        case .all: "read + compute"
        case .rows: "read typed rows of"
        case .csv: "split into records"
        }
    }
}

/// Counts the rows a reader sends and keeps nothing.
struct RowCount: PartedSink, SuppliesLists {
    var rows = 0
    var lists: Set<ListKind> = []
    func emptyPart() -> RowCount { RowCount() }
    mutating func append(part: consuming RowCount) {
        rows += part.rows
        lists.formUnion(part.lists)
    }
    func supplies(_ list: ListKind) -> Bool { lists.contains(list) }
    mutating func begin(_ list: ListKind, from origin: ListOrigin, columns: Set<String>) { lists.insert(list) }
    mutating func add<Row: ListRow>(_ rows: [Row]) { self.rows += rows.count }
    mutating func note(_ issue: DataQualityIssue) {}
}

func monotonicSeconds() -> Double { Clock.monotonicSeconds() }

func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

/// Hands freed memory back to the system and restarts the kernel's high-water mark, so that
/// the next pass's peak is its own rather than an earlier pass's leftovers (Linux; elsewhere
/// the peak stays the process's so far).
func restartPeakResident() {
    #if os(Linux)
    // glibc's malloc_trim, found at run time (Glibc does not import malloc.h).
    if let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
        _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
    }
    if let f = fopen("/proc/self/clear_refs", "w") {
        fputs("5", f)
        fclose(f)
    }
    #endif
}

/// Peak resident memory since `restartPeakResident` (Linux: VmHWM), or of the process so far.
func peakResidentBytes() -> Int {
    #if os(Linux)
    if let text = try? FileText.read("/proc/self/status"),
       let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kB = Int(line.split(separator: " ").dropFirst().first ?? "") {
        return kB * 1024
    }
    #endif
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
    #endif
}

extension String {
    /// "1234" with 1 decimal → "123.4".
    func withDecimal(_ places: Int) -> String {
        var s = self
        while s.count <= places { s = "0" + s }
        let i = s.index(s.endIndex, offsetBy: -places)
        return String(s[..<i]) + "." + String(s[i...])
    }
}
