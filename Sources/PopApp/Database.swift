import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
import PopReference
import PopStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening pop's database, and building the bundled demo into a new one.
public enum Database {
    public static func open(_ path: String) throws(PopError) -> Store {
        do { return try Store(path: path) } catch { throw PopError(.store, "\(error)", cause: error) }
    }

    /// The store, built from the bundled demo first when there is no database file yet. An
    /// existing database is never given demo data. The demo is built in a file of its own
    /// beside the target and moved into place only when complete, so an interrupted first run
    /// leaves nothing (and the next run builds it again) or everything. `progress` hears each step.
    public static func openOrBuildDemo(_ path: String, progress: (String) -> Void) throws(PopError) -> Store {
        if Store.exists(path) { return try open(path) }
        progress("no database at \(path): building one from the bundled demo borough …")
        let building = path + ".building-\(getpid())"
        defer { unlink(building) }
        do {
            let store = try Store(path: building)
            try DemoDatabase.build(into: store) { progress("  \($0)") }
        } catch {
            throw PopError(.store, "building the demo: \(error)", cause: error)
        }
        // link() never replaces: a database another pop made meanwhile is kept, and used.
        if link(building, path) != 0 && errno != EEXIST {
            throw PopError(.store, "\(path): cannot put the demo database in place (\(String(cString: strerror(errno))))")
        }
        progress("the demo is ready (12 months, February 2018 – January 2019)")
        return try open(path)
    }
}

/// The bundled demo, built in-process: its months, targets, typed SN figures and teams.
public enum DemoDatabase {
    public static func build(into store: Store, progress: (String) -> Void) throws {
        let population = Population(age0to17: DemoBorough.reportPopulation, age10to17: DemoBorough.population10to17,
                                    source: "0–17 as Barnet's January 2019 report; 10–17 illustrative (the data contract's example)")
        for e in DemoBorough.extracts() {
            let extract = try ExtractReader.read(files: e.files.map { ($0.name, Array($0.text.utf8)) }, asAt: e.asAt)
            let snapshot = Engine.compute(extract, asAt: e.asAt, population: population)
            try store.importMonth(snapshot, visits: VisitList.children(extract, asAt: e.asAt), workers: WorkerList.workers(extract, asAt: e.asAt),
                                  source: "bundled demo", importedAt: Clock.now())
            progress("imported \(e.month)")
        }
        try store.addTargets(TargetsFile.parse(name: "targets.csv", text: DemoBorough.targetsCSV).targets)
        try store.addBenchmarks(ReferenceFiles.typedBenchmarks(name: "benchmarks.csv", text: DemoBorough.benchmarksCSV))
        try store.setTeamServices(TeamsFile.parse(name: "teams.csv", text: DemoBorough.teamsCSV))
        try store.setSetting(.council, DemoBorough.councilCode)
        try store.setSetting(.councilName, DemoBorough.councilName)
        try store.setSetting(.demo, "yes")
        // The improvement plan compares with the month of the Ofsted inspection, July 2017: the
        // demo's baseline when it holds that month, else its earliest.
        let months = try store.months()
        if let baseline = months.contains(DemoDatabase.inspection) ? DemoDatabase.inspection : months.first {
            try store.setSetting(.baseline, baseline.description)
        }
    }

    /// The month of the Ofsted inspection the council's improvement plan measures change since.
    public static let inspection = YearMonth(year: 2017, month: 7)!
}
