import PopCalendar
import PopExtract

public enum RAG: String, Sendable {
    case green, amber, red

    /// Status is never shown by colour alone: a symbol and a letter go with it.
    public var letter: String { switch self { case .green: "G"; case .amber: "A"; case .red: "R" } }
}

/// A council's target for one indicator, in force from a date.
public struct Target: Sendable, Equatable {
    public let indicator: String
    public let value: Double
    /// Amber when the variance misses by no more than this many per cent (default 10).
    public let amberTolerance: Double
    public let effectiveFrom: Day
    public let note: String

    public init(indicator: String, value: Double, amberTolerance: Double = 10, effectiveFrom: Day, note: String = "") {
        self.indicator = indicator
        self.value = value
        self.amberTolerance = amberTolerance
        self.effectiveFrom = effectiveFrom
        self.note = note
    }
}

/// Variance, meets-target and RAG (data contract, section 5).
public enum Comparison {
    /// 100 × (value − target) / target; the plain difference when the target is 0.
    public static func variance(value: Double, target: Double) -> Double {
        target == 0 ? value - target : 100 * (value - target) / target
    }

    public static func meetsTarget(value: Double, target: Double, polarity: Polarity) -> Bool? {
        switch polarity {
        case .high: value >= target
        case .low: value <= target
        case .none: nil
        }
    }

    /// Green when it meets target; amber when it misses by no more than the tolerance; red
    /// otherwise. A target of 0 has no amber. None for polarity none.
    public static func rag(value: Double, target: Double, tolerance: Double, polarity: Polarity) -> RAG? {
        guard let meets = meetsTarget(value: value, target: target, polarity: polarity) else { return nil }
        if meets { return .green }
        if target == 0 { return .red }
        return abs(variance(value: value, target: target)) <= tolerance ? .amber : .red
    }
}

/// Targets by indicator; the one in force at a date is the latest effective on or before it.
public struct TargetSet: Sendable {
    public private(set) var targets: [Target]

    public init(_ targets: [Target] = []) {
        self.targets = targets.sorted { ($0.indicator, $0.effectiveFrom) < ($1.indicator, $1.effectiveFrom) }
    }

    public func target(for indicator: String, at day: Day) -> Target? {
        targets.last { $0.indicator == indicator && $0.effectiveFrom <= day }
    }

    /// Adds target, variance and RAG to a value (team rows are judged against the same target).
    public func judge(_ v: inout IndicatorValue, asAt: Day) {
        guard let t = target(for: v.id, at: asAt) else { return }
        v.target = t.value
        guard let value = v.value else { return }
        v.variance = Comparison.variance(value: value, target: t.value)
        v.rag = Comparison.rag(value: value, target: t.value, tolerance: t.amberTolerance, polarity: v.polarity)
    }

    /// Reads a targets file: CSV with the header `indicator,target,amber_tolerance,effective_from`
    /// and an optional `note` column. Errors name the file, line and column.
    public static func read(path: String) throws(ExtractError) -> TargetSet {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return try parse(name: name) { body throws in try CSVReader.read(path: path, body) }
    }

    /// Reads targets from CSV text held in memory (the demo's).
    public static func parse(name: String, text: String) throws(ExtractError) -> TargetSet {
        try parse(name: name) { body throws in try CSVReader.read(bytes: Array(text.utf8), body) }
    }

    static func parse(name: String, reading: ((CSVRecord) throws -> Bool) throws -> Void) throws(ExtractError) -> TargetSet {
        var columns: [String: Int]?
        var targets: [Target] = []
        var failure: ExtractError?
        do {
            try reading { record in
                guard let cols = columns else {
                    var map: [String: Int] = [:]
                    for i in 0..<record.count { map[Column.key(record.string(i))] = i }
                    for required in ["indicator", "target", "effective_from"] where map[required] == nil {
                        failure = ExtractError(file: name, line: record.line, column: required, message: "the column \"\(required)\" is missing")
                        return false
                    }
                    columns = map
                    return true
                }
                func cell(_ c: String) -> String { cols[c].map { record.trimmed($0) } ?? "" }
                let id = cell("indicator")
                if id.isEmpty || id.hasPrefix("#") { return true }
                guard Catalogue.definition(id) != nil else {
                    failure = ExtractError(file: name, line: record.line, column: "indicator", message: "\"\(id)\" is not an indicator pop knows")
                    return false
                }
                guard let value = Double(cell("target")), value.isFinite else {
                    failure = ExtractError(file: name, line: record.line, column: "target", message: "\"\(cell("target"))\" is not a number")
                    return false
                }
                var tolerance = 10.0
                let tol = cell("amber_tolerance")
                if !tol.isEmpty {
                    guard let t = Double(tol), t >= 0, t.isFinite else {
                        failure = ExtractError(file: name, line: record.line, column: "amber_tolerance", message: "\"\(tol)\" is not a number of per cent")
                        return false
                    }
                    tolerance = t
                }
                guard case .day(let from) = DateParser.parse(cell("effective_from")) else {
                    failure = ExtractError(file: name, line: record.line, column: "effective_from", message: "\"\(cell("effective_from"))\" is not a date")
                    return false
                }
                targets.append(Target(indicator: id, value: value, amberTolerance: tolerance, effectiveFrom: from, note: cell("note")))
                return true
            }
        } catch {
            throw ExtractError(file: name, message: "cannot be read (\(error))")
        }
        if let failure { throw failure }
        if columns == nil { throw ExtractError(file: name, line: 1, message: "the file is empty: there is no header row") }
        return TargetSet(targets)
    }
}
