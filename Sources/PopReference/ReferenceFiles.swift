import PopCalendar
import PopExtract
import PopMetrics

/// Readers for the reference data councils and the DfE publish, all through pop's CSV reader.
public enum ReferenceFiles {
    /// Values DfE publishes in place of a number: suppressed, not applicable, not available.
    /// They are missing, never zero.
    public static let suppressed: Set<String> = ["c", "x", "z", "k", "u", "low", ":", ".."]

    /// A published cell as a number; suppressed and blank cells are nil.
    public static func number(_ s: String) -> Double? {
        let t = trimmed(s)
        if t.isEmpty || suppressed.contains(t.lowercased()) { return nil }
        return Double(t.replacingAll(",", with: ""))
    }

    /// A CSV with a header, its rows keyed by normalised header names (spaces as `_`).
    public struct Table {
        public let header: [String]
        public let rows: [(line: Int, cells: [String: String])]
    }

    /// Reads a reference file of any record source.
    public static func table(_ source: some RecordSource) throws(ExtractError) -> Table {
        var header: [String]?
        var rows: [(Int, [String: String])] = []
        try source.forEachRecord { r in
            guard let h = header else {
                header = (0..<r.count).map { Column.key(r.string($0)).replacingAll(" ", with: "_") }
                return true
            }
            var cells: [String: String] = [:]
            for (i, k) in h.enumerated() where i < r.count { cells[k] = r.trimmed(i) }
            rows.append((r.line, cells))
            return true
        }
        guard let header else { throw ExtractError(file: source.name, line: 1, message: "the file is empty: there is no header row") }
        return Table(header: header, rows: rows)
    }

    static func table(_ path: String) throws(ExtractError) -> Table { try table(CSVFile(path: path)) }

    /// Only the header of a reference file, normalised as `table` does: to tell what it is.
    public static func header(_ source: some RecordSource) throws(ExtractError) -> [String] {
        var header: [String]?
        try source.forEachRecord { r in
            header = (0..<r.count).map { Column.key(r.string($0)).replacingAll(" ", with: "_") }
            return false
        }
        guard let header else { throw ExtractError(file: source.name, line: 1, message: "the file is empty: there is no header row") }
        return header
    }

    /// A figure of `unit` from a reference file: a finite number in the unit's sensible range,
    /// else an error naming the file, line, column and value.
    static func figure(_ text: String, unit: MeasureUnit, file: String, line: Int, column: String) throws(ExtractError) -> Double {
        guard let v = number(text), v.isFinite else {
            throw ExtractError(file: file, line: line, column: column, message: "\"\(text)\" is not a number")
        }
        guard unit.sensibleRange.contains(v) else {
            let r = unit.sensibleRange
            throw ExtractError(file: file, line: line, column: column,
                               message: "\(text) is outside what a \(unit.rawValue) figure can be (\(Int(r.lowerBound)) to \(Int(r.upperBound)))")
        }
        return v
    }

    static func require(_ header: [String], _ columns: [String], file: String) throws(ExtractError) {
        for c in columns where !header.contains(c) {
            throw ExtractError(file: file, line: 1, column: c, message: "this column is missing")
        }
    }

    static func fileName(_ path: String) -> String { FilePath.lastComponent(path) }

    /// The DfE/ONS mid-year population estimates file (explore-education-statistics format).
    public static func populations(path: String) throws(ExtractError) -> [PopulationEstimate] {
        let file = fileName(path)
        let t = try table(path)
        let (header, rows) = (t.header, t.rows)
        try require(header, ["time_period", "geographic_level", "old_la_code", "la_name", "age_group", "population_estimate"], file: file)
        var out: [PopulationEstimate] = []
        for (line, c) in rows where c["geographic_level"]?.lowercased() == "local authority" {
            let ageText = (c["age_group"] ?? "").lowercased()
            let age: PopulationEstimate.AgeGroup
            if ageText.contains("0 to 17") || ageText.contains("0-17") { age = .age0to17 } else if ageText.contains("10 to 17") || ageText.contains("10-17") { age = .age10to17 } else { continue }
            guard let year = Int(c["time_period"] ?? "") else {
                throw ExtractError(file: file, line: line, column: "time_period", message: "\"\(c["time_period"] ?? "")\" is not a year")
            }
            let text = c["population_estimate"] ?? ""
            guard let v = number(text) else { continue }   // suppressed: missing, never zero
            // England's population is about 12 million children: anything beyond 100 million is not a population.
            guard v.isFinite, v >= 1, v <= 100_000_000 else {
                throw ExtractError(file: file, line: line, column: "population_estimate", message: "\"\(text)\" is not a population (1 to 100,000,000)")
            }
            guard (1900...9999).contains(year) else {
                throw ExtractError(file: file, line: line, column: "time_period", message: "\(year) is not a year pop can use")
            }
            out.append(PopulationEstimate(code: c["old_la_code"] ?? "", name: c["la_name"] ?? "", year: year, ageGroup: age,
                                          value: Int(v.rounded()), source: "ONS mid-\(year) estimate (\(file))"))
        }
        return out
    }

    /// DfE's statistical-neighbour model (`sn_model_2025_wide.csv`): `old_la_code`, `la_name`,
    /// `SN_1` … `SN_10` (its byte-order mark and the trailing spaces of its labels are harmless).
    public static func neighbourGroups(path: String) throws(ExtractError) -> NeighbourGroups {
        let file = fileName(path)
        let t = try table(path)
        let (header, rows) = (t.header, t.rows)
        try require(header, ["old_la_code", "sn_1"], file: file)
        var neighbours: [String: [String]] = [:], names: [String: String] = [:]
        for (_, c) in rows {
            guard let code = c["old_la_code"], !code.isEmpty else { continue }
            names[code] = c["la_name"] ?? ""
            neighbours[code] = (1...10).compactMap { c["sn_\($0)"] }.filter { !$0.isEmpty }
        }
        return NeighbourGroups(neighbours: neighbours, names: names)
    }

    /// A council-level DfE publication in explore-education-statistics format, mapped to pop's
    /// indicators by the table of publications (`Publications.all`): the figures for indicators
    /// in the catalogue. `population` gives a council's 0–17 population for a mid-year, for the
    /// rates the file publishes only as counts (children in need, referrals).
    public static func publication(path: String, population: (String, Int) -> Int?) throws(ExtractError) -> [PublishedValue] {
        try publicationImport(path: path, population: population).values
    }

    /// A benchmarks file of pop's own: `indicator,period,what,value,source`, for SN figures typed
    /// from a report.
    public static func typedBenchmarks(path: String) throws(ExtractError) -> [Benchmark] {
        try typedBenchmarks(name: fileName(path), table(path))
    }

    /// The same, from CSV text held in memory (the demo's).
    public static func typedBenchmarks(name: String, text: String) throws(ExtractError) -> [Benchmark] {
        try typedBenchmarks(name: name, table(CSVBytes(Array(text.utf8), name: name)))
    }

    static func typedBenchmarks(name file: String, _ t: Table) throws(ExtractError) -> [Benchmark] {
        let (header, rows) = (t.header, t.rows)
        try require(header, ["indicator", "period", "what", "value"], file: file)
        var out: [Benchmark] = []
        for (line, c) in rows {
            let id = c["indicator"] ?? ""
            if id.isEmpty || id.hasPrefix("#") { continue }
            guard let def = Catalogue.definition(IndicatorID(id)) else {
                throw ExtractError(file: file, line: line, column: "indicator", message: "\"\(id)\" is not an indicator pop knows")
            }
            let period = c["period"] ?? ""
            guard let ending = Benchmark.yearEnding(period), (1900...9999).contains(ending) else {
                throw ExtractError(file: file, line: line, column: "period", message: "\"\(period)\" is not a year like 2017-18")
            }
            let v = try figure(c["value"] ?? "", unit: def.unit, file: file, line: line, column: "value")
            out.append(Benchmark(indicator: IndicatorID(id), period: period, what: c["what"] ?? "", value: v, source: c["source"] ?? file))
        }
        return out
    }

    /// SN mean and median, England and region, per indicator and period, for a council from
    /// published values; every council's own value (for ranks); and every region's value as
    /// `region:CODE`, so the figures can be derived again for another council without the files.
    public static func benchmarks(from published: [PublishedValue], council: String, neighbours: [String]) -> [Benchmark] {
        var out: [Benchmark] = []
        let region = published.first { $0.level == .council && $0.code == council }?.regionCode
        let keys = Set(published.map { $0.indicator.rawValue + "|" + $0.period }).sorted()
        let grouped = Dictionary(grouping: published) { $0.indicator.rawValue + "|" + $0.period }
        for key in keys {
            let rows = grouped[key]!
            let indicator = rows[0].indicator, period = rows[0].period, source = rows[0].source
            let theirs = neighbours.compactMap { code in rows.first { $0.level == .council && $0.code == code }?.value }
            if let (mean, median) = PageModel.neighbourStatistics(theirs) {
                out.append(Benchmark(indicator: indicator, period: period, what: "sn_mean", value: mean,
                                     source: "\(source): mean of \(theirs.count) of \(neighbours.count) neighbours with data"))
                out.append(Benchmark(indicator: indicator, period: period, what: "sn_median", value: median,
                                     source: "\(source): median of \(theirs.count) of \(neighbours.count) neighbours with data"))
            }
            for r in rows {
                switch r.level {
                case .national: out.append(Benchmark(indicator: indicator, period: period, what: "england", value: r.value, source: source))
                case .regional:
                    if r.code == region { out.append(Benchmark(indicator: indicator, period: period, what: "region", value: r.value, source: source)) }
                    if !r.code.isEmpty {
                        out.append(Benchmark(indicator: indicator, period: period, what: regionPrefix + r.code, value: r.value, source: source))
                    }
                case .council: out.append(Benchmark(indicator: indicator, period: period, what: r.code, value: r.value, source: source))
                }
            }
        }
        return out
    }
}

extension ReferenceFiles {
    /// How a region's own figure is stored: `region:E12000007`.
    public static let regionPrefix = "region:"

    /// The published values behind stored benchmarks (England, every region, every council, from
    /// DfE's files: sources beginning "DfE "), as `benchmarks(from:)` reads them, each council in
    /// its region as `councils` has it. Derived rows (SN figures, "region") are left out.
    public static func published(from stored: [Benchmark], councils: [Council]) -> [PublishedValue] {
        let regions = Dictionary(councils.map { ($0.code, $0.regionCode) }, uniquingKeysWith: { a, _ in a })
        return stored.compactMap { b in
            guard b.source.hasPrefix("DfE ") else { return nil }
            if b.what == "england" {
                return PublishedValue(indicator: b.indicator, period: b.period, level: .national, code: "england", regionCode: "", value: b.value,
                                      source: b.source)
            }
            if b.what.hasPrefix(regionPrefix) {
                let code = String(b.what.dropFirst(regionPrefix.count))
                return PublishedValue(indicator: b.indicator, period: b.period, level: .regional, code: code, regionCode: code, value: b.value,
                                      source: b.source)
            }
            guard b.isCouncil else { return nil }
            return PublishedValue(indicator: b.indicator, period: b.period, level: .council, code: b.what, regionCode: regions[b.what] ?? "",
                                  value: b.value, source: b.source)
        }
    }

    /// The benchmarks a council's choice changes: SN mean and median and its region's figure.
    public static let derivedFigures: Set<String> = ["sn_mean", "sn_median", "region"]
}

/// Text without surrounding white space.
func trimmed<S: StringProtocol>(_ s: S) -> String {
    var t = Substring(s)
    while t.first?.isWhitespace == true { t = t.dropFirst() }
    while t.last?.isWhitespace == true { t = t.dropLast() }
    return String(t)
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard let t = target.first, target.count == 1 else { return self }
        return replacingAll(t, with: replacement)
    }
}
