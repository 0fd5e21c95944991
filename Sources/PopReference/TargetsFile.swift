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
        var seen: [String: Int] = [:]
        for (line, c) in t.rows {
            func cell(_ k: String) -> String { c[k] ?? "" }
            let id = cell("indicator")
            if id.isEmpty || id.hasPrefix("#") { continue }
            guard let def = Catalogue.definition(IndicatorID(id)) else {
                throw ExtractError(file: name, line: line, column: "indicator", message: "\"\(id)\" is not an indicator pop knows")
            }
            let value = try ReferenceFiles.figure(cell("target"), unit: def.unit, file: name, line: line, column: "target")
            var tolerance = 10.0
            let tol = cell("amber_tolerance")
            if !tol.isEmpty {
                guard let t = Double(tol), t.isFinite, (0...100).contains(t) else {
                    throw ExtractError(file: name, line: line, column: "amber_tolerance", message: "\"\(tol)\" is not a number of per cent (0 to 100)")
                }
                tolerance = t
            }
            guard case .day(let from) = DateParser.parse(cell("effective_from")) else {
                throw ExtractError(file: name, line: line, column: "effective_from", message: "\"\(cell("effective_from"))\" is not a date")
            }
            // Two targets for one indicator from one date: which is meant cannot be known.
            let key = id + "|" + from.iso
            if let first = seen[key] {
                throw ExtractError(file: name, line: line, column: "effective_from",
                                   message: "a second target for \(id) from \(from.iso) (the first is on line \(first))")
            }
            seen[key] = line
            targets.append(Target(indicator: IndicatorID(id), value: value, amberTolerance: tolerance, effectiveFrom: from, note: cell("note")))
        }
        return TargetSet(targets)
    }
}
