import ArgumentParser
import PopCalendar
import PopExtract
import PopMetrics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time reading and computing an extract (build with -c release for figures worth quoting).")

    @OptionGroup var options: ExtractOptions

    @Option(name: .long, help: "How many timed runs (after one warm-up).")
    var runs: Int = 20

    func run() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
        do { _ = try options.snapshot() } catch let e as UnusableInput { throw fail(e.description) }
        var times: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            let t0 = monotonicSeconds()
            guard let s = try? options.snapshot() else { throw fail("the extract could not be read on a repeat run") }
            times.append(monotonicSeconds() - t0)
            rows = s.values.count
        }
        times.sort()
        let ms = { (x: Double) in String(Int((x * 10_000).rounded())).withDecimal(1) }
        FileHandleOutput.standardOutput("read + compute \(options.extract) as at \(options.asAt): \(rows) indicator rows\n")
        FileHandleOutput.standardOutput("runs \(runs): min \(ms(times[0])) ms, median \(ms(times[times.count / 2])) ms, max \(ms(times[times.count - 1])) ms\n")
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
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
