import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopReference
import PopStore
import PopWorkbook

/// Reading and computing an extract, as `pop metrics`, `pop bench` and `pop import` do.
public enum Inputs {
    /// The built-in England & Wales calendar, plus the days of a gov.uk `bank-holidays.json`.
    public static func calendar(bankHolidays path: String?) throws(PopError) -> WorkingCalendar {
        guard let path else { return .englandAndWales }
        let text = try FileText.read(path)
        do { return WorkingCalendar(extraHolidays: try BankHolidayFile.englandAndWalesDays(json: text)) } catch {
            throw PopError(.unusableInput, "\(path): \(error)", cause: error)
        }
    }

    public static func targets(_ path: String?) throws(PopError) -> TargetSet {
        guard let path else { return TargetSet() }
        do { return try TargetsFile.read(path: path) } catch { throw .unusable(error) }
    }

    /// Streams an extract (a folder of CSV files, or an Annex A workbook) into the reporting
    /// date's rows (only what R's figures need is kept, so memory follows the open cases);
    /// refuses an extract with no lists.
    public static func monthRows(extract: String, asAt: Day, options: ReadOptions = ReadOptions()) throws(PopError) -> MonthRows {
        var rows = MonthRows(asAt: asAt)
        try read(extract: extract, asAt: asAt, options: options, threads: ExtractReader.threads(), into: &rows)
        return rows
    }

    /// Streams an extract into a sink whose lists can be read apart, on up to `threads` threads
    /// (one list per thread at a time, joined in list order: the same result as one thread).
    public static func read<S: PartedSink & SuppliesLists>(extract: String, asAt: Day, options: ReadOptions, threads: Int,
                                                           into sink: inout S) throws(PopError) {
        do {
            if WorkbookExtract.isWorkbook(extract) || FilePath.isRegularFile(extract) {
                try WorkbookExtract.read(path: extract, asAt: asAt, options: options, threads: threads, into: &sink)
            } else {
                try ExtractReader.read(folder: extract, asAt: asAt, options: options, threads: threads, into: &sink)
            }
        } catch { throw .unusable(error) }
        try checkSupplied(extract, sink)
    }

    /// Streams an extract into any sink; refuses one with no lists.
    public static func read<S: ExtractSink & SuppliesLists>(extract: String, asAt: Day, options: ReadOptions, into sink: inout S) throws(PopError) {
        do {
            if WorkbookExtract.isWorkbook(extract) || FilePath.isRegularFile(extract) {
                try WorkbookExtract.read(path: extract, asAt: asAt, options: options, into: &sink)
            } else {
                try ExtractReader.read(folder: extract, asAt: asAt, options: options, into: &sink)
            }
        } catch { throw .unusable(error) }
        try checkSupplied(extract, sink)
    }

    /// An extract with no lists is refused.
    static func checkSupplied(_ extract: String, _ sink: some SuppliesLists) throws(PopError) {
        guard ListKind.allCases.contains(where: sink.supplies) else {
            let what = FilePath.isDirectory(extract) ? "list1.csv … list9.csv or yot.csv" : "sheets named List 1 … List 9 (or headed as Annex A lists)"
            throw PopError(.unusableInput, "\(extract): no Annex A lists found (expected \(what))")
        }
    }

    /// A council's codes file (`--codes FILE`), checked.
    public static func codes(_ path: String?) throws(PopError) -> CodeMap {
        guard let path else { return .none }
        do { return try CodeMap.read(CSVFile(path: path)) } catch { throw .unusable(error) }
    }

    /// The codes file stored with `pop codes import`, or none.
    public static func storedCodes(_ store: Store) throws(PopError) -> CodeMap {
        guard let text = try storing("reading the codes", { try store.codesCSV() }) else { return .none }
        do { return try CodeMap.read(CSVBytes(Array(text.utf8), name: "stored codes")) } catch { throw .unusable(error) }
    }

    /// `--strict`: a column some indicator needs is missing (one with a fallback included) is an
    /// error, as a missing list column was before templates were told apart.
    public static func checkStrict(_ s: Snapshot) throws(PopError) {
        if let u = s.unavailable.first {
            throw PopError(.unusableInput, "\(u.file)\(u.sheet.map { ", sheet \"\($0)\"" } ?? ""), column \"\(u.column)\": this column is missing "
                           + "(\(u.id) needs it; without --strict the indicator would be unavailable and the rest computed)")
        }
        if let v = s.values.first(where: { $0.basis != nil }), let def = Catalogue.definition(v.id), let f = def.fallback {
            throw PopError(.unusableInput, "\(f.replaces.list.fileName), column \"\(f.replaces.column)\": this column is missing "
                           + "(\(v.id) needs it; without --strict it would be computed from \(f.instead.column))")
        }
    }
}

/// The populations rates are computed over, resolved in one place: given on the command line,
/// else the stored ONS estimate for the council (a date in the financial year starting 1 April Y
/// uses the mid-Y estimate, the DfE's rule), each with its source.
public enum PopulationSource {
    /// Populations given on the command line must be positive: checked before anything is opened.
    public static func check(age0to17: Int?, age10to17: Int?) throws(PopError) {
        for (name, v) in [("--population", age0to17), ("--population-10-17", age10to17)] {
            if let v, v <= 0 { throw PopError(.unusableInput, "\(name) must be a positive number of children") }
        }
    }

    public static func resolve(age0to17: Int?, age10to17: Int?, asAt: Day, store: Store?) throws(PopError) -> Population {
        try check(age0to17: age0to17, age10to17: age10to17)
        var p = Population(age0to17: age0to17, age10to17: age10to17)
        var sources: [String] = []
        if age0to17 != nil { sources.append(Words.populationGiven(.age0to17)) }
        if age10to17 != nil { sources.append(Words.populationGiven(.age10to17)) }
        if let store, let code = try storing("reading the council setting", { try store.setting(.council) }) {
            let year = asAt.financialYearStart.year
            if p.age0to17 == nil, let e = try storing("reading populations", { try store.population(code: code, year: year, ageGroup: .age0to17) }) {
                p.age0to17 = e.value
                sources.append(Words.populationStored(.age0to17, source: e.source))
            }
            if p.age10to17 == nil, let e = try storing("reading populations", { try store.population(code: code, year: year, ageGroup: .age10to17) }) {
                p.age10to17 = e.value
                sources.append(Words.populationStored(.age10to17, source: e.source))
            }
        }
        p.source = sources.isEmpty ? Words.populationMissing : sources.joined(separator: "; ")
        return p
    }
}

/// A small text file read whole (bank holidays, agendas): UTF-8, else Windows-1252.
public enum FileText {
    public static func read(_ path: String) throws(PopError) -> String {
        do {
            let bytes = try FilePath.readAll(path)
            return bytes.withUnsafeBytes { TextDecoding.decode($0) }
        } catch { throw .unusable(error) }
    }
}
