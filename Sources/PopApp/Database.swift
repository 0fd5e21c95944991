import PopCalendar
import PopDemo
import PopExtract
import PopMetrics
import PopReference
import PopStore

/// Opening pop's database, and building the bundled demo into a new one.
public enum Database {
    public static func open(_ path: String) throws(PopError) -> Store {
        do { return try Store(path: path) } catch { throw PopError(.store, "\(error)", cause: error) }
    }

    /// The store, built from the bundled demo first when there is no database file yet. An
    /// existing database is never given demo data. `progress` hears each step.
    public static func openOrBuildDemo(_ path: String, progress: (String) -> Void) throws(PopError) -> Store {
        if Store.exists(path) { return try open(path) }
        progress("no database at \(path): building one from the bundled demo borough …")
        let store = try open(path)
        do { try DemoDatabase.build(into: store) { progress("  \($0)") } } catch { throw PopError(.store, "building the demo: \(error)", cause: error) }
        progress("the demo is ready (12 months, February 2018 – January 2019)")
        return store
    }
}

/// The bundled demo, built in-process: its months, targets and typed SN figures.
public enum DemoDatabase {
    public static func build(into store: Store, progress: (String) -> Void) throws {
        let population = Population(age0to17: DemoBorough.reportPopulation, age10to17: DemoBorough.population10to17,
                                    source: "0–17 as Barnet's January 2019 report; 10–17 illustrative (the data contract's example)")
        for e in DemoBorough.extracts() {
            let extract = try ExtractReader.read(files: e.files.map { ($0.name, Array($0.text.utf8)) }, asAt: e.asAt)
            let snapshot = Engine.compute(extract, asAt: e.asAt, population: population)
            try store.importMonth(snapshot, visits: VisitList.children(extract, asAt: e.asAt), source: "bundled demo", importedAt: Clock.now())
            progress("imported \(e.month)")
        }
        try store.addTargets(TargetsFile.parse(name: "targets.csv", text: DemoBorough.targetsCSV).targets)
        try store.addBenchmarks(ReferenceFiles.typedBenchmarks(name: "benchmarks.csv", text: DemoBorough.benchmarksCSV))
        try store.setSetting(.council, DemoBorough.councilCode)
        try store.setSetting(.councilName, DemoBorough.councilName)
        try store.setSetting(.demo, "yes")
    }
}
