import ArgumentParser
import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Until the dashboard lands, `pop` prints the demo's latest page as text.
struct Page: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the performance page of the bundled demo's latest month (the default command).")

    func run() throws {
        var template = Array("/tmp/pop-demo-XXXXXX".utf8CString)
        guard let dir = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            throw fail("cannot create a temporary folder for the demo")
        }
        defer { removeTree(dir) }
        guard let latest = DemoBorough.extracts().last else { return }
        for f in latest.files { try FileOutput.save(f.text, to: dir + "/" + f.name) }
        try FileOutput.save(DemoBorough.targetsCSV, to: dir + "/targets.csv")
        let extract: Extract
        let targets: TargetSet
        do {
            extract = try ExtractReader.read(folder: dir, asAt: latest.asAt)
            targets = try TargetSet.read(path: dir + "/targets.csv")
        } catch { throw fail(error.description) }
        let population = Population(age0to17: DemoBorough.reportPopulation, source: "report figure")
        let s = Engine.compute(extract, asAt: latest.asAt, population: population, targets: targets)
        FileHandleOutput.standardOutput(PageText.render(s, council: DemoBorough.councilName + " (DEMO DATA)",
                                                        populationNote: "population 0–17 \(Display.grouped(DemoBorough.reportPopulation)) (report figure)"))
    }
}

func removeTree(_ dir: String) {
    guard let d = opendir(dir) else { return }
    while let e = readdir(d) {
        let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { unlink(dir + "/" + name) }
    }
    closedir(d)
    rmdir(dir)
}
