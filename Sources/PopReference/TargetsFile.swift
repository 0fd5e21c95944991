import PopCalendar
import PopExtract
import PopMetrics

/// A council's targets file: CSV with the header `indicator,target,amber_tolerance,effective_from`
/// and an optional `note` column (docs/targets.md). Errors name the file, line and column.
public enum TargetsFile {
    public static func read(path: String) throws(ExtractError) -> TargetSet { try read(CSVFile(path: path)) }

    /// Targets from CSV text held in memory (the demo's).
    public static func parse(name: String, text: String) throws(ExtractError) -> TargetSet { try read(CSVBytes(Array(text.utf8), name: name)) }

    public static func read(_ source: some RecordSource) throws(ExtractError) -> TargetSet {
        let name = source.name
        let t = try ReferenceFiles.table(source)
        try ReferenceFiles.require(t.header, ["indicator", "target", "effective_from"], file: name)
        var targets: [Target] = []
        for (line, c) in t.rows {
            func cell(_ k: String) -> String { c[k] ?? "" }
            let id = cell("indicator")
            if id.isEmpty || id.hasPrefix("#") { continue }
            guard Catalogue.definition(IndicatorID(id)) != nil else {
                throw ExtractError(file: name, line: line, column: "indicator", message: "\"\(id)\" is not an indicator pop knows")
            }
            guard let value = Double(cell("target")), value.isFinite else {
                throw ExtractError(file: name, line: line, column: "target", message: "\"\(cell("target"))\" is not a number")
            }
            var tolerance = 10.0
            let tol = cell("amber_tolerance")
            if !tol.isEmpty {
                guard let t = Double(tol), t >= 0, t.isFinite else {
                    throw ExtractError(file: name, line: line, column: "amber_tolerance", message: "\"\(tol)\" is not a number of per cent")
                }
                tolerance = t
            }
            guard case .day(let from) = DateParser.parse(cell("effective_from")) else {
                throw ExtractError(file: name, line: line, column: "effective_from", message: "\"\(cell("effective_from"))\" is not a date")
            }
            targets.append(Target(indicator: IndicatorID(id), value: value, amberTolerance: tolerance, effectiveFrom: from, note: cell("note")))
        }
        return TargetSet(targets)
    }
}
