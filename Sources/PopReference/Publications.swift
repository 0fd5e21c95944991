import PopExtract
import PopMetrics

/// One council-level DfE publication pop reads (explore-education-statistics CSV): how to tell
/// its file by its columns, and which of its figures are which of pop's indicators.
public struct Publication: Sendable {
    /// What DfE calls it, for messages.
    public let name: String
    /// A file is this publication when its header has every one of these columns (compared as
    /// headers are: case, surrounding punctuation and runs of spaces ignored).
    public let columns: [String]
    /// Its figures pop uses, one row per indicator.
    public let rows: [PublicationRow]

    public init(_ name: String, recognisedBy columns: [String], _ rows: [PublicationRow]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// True when `header` (normalised as `ReferenceFiles.table` gives it) has every column.
    public func isRecognised(by header: [String]) -> Bool {
        let have = Set(header)
        return columns.allSatisfy { have.contains(Publications.key($0)) }
    }
}

/// One figure of a publication: the rows of the file it comes from, where its value is, and the
/// indicator it is.
public struct PublicationRow: Sendable {
    public let indicator: IndicatorID
    public let value: PublishedMeasure
    /// Every test must pass for a line of the file to give this figure; none means every line.
    public let filter: [CellTest]

    public init(_ indicator: IndicatorID, _ value: PublishedMeasure, where filter: [CellTest] = []) {
        self.indicator = indicator
        self.value = value
        self.filter = filter
    }

    /// The columns the row reads: its filter's and its value's.
    public var columnsRead: [String] {
        var out = filter.map(\.column)
        switch value {
        case .column(let c): out.append(c)
        case .perTenThousandChildren(count: let c): out.append(c)
        }
        return out
    }

    func passes(_ cells: [String: String]) -> Bool {
        filter.allSatisfy { $0.passes(cells[Publications.key($0.column)] ?? "") }
    }
}

/// Where a published figure's value is.
public enum PublishedMeasure: Sendable, Equatable {
    /// A percentage, rate or average the file publishes, as it stands.
    case column(String)
    /// A count per 10,000 of the council's children aged 0–17 (the ONS mid-year estimate for the
    /// mid-year before the year ending 31 March), for a file that publishes counts only. Councils
    /// only: England's and regions' populations are not loaded.
    case perTenThousandChildren(count: String)

    /// The column the figure comes from.
    var columnName: String {
        switch self {
        case .column(let c), .perTenThousandChildren(count: let c): c
        }
    }
}

/// A test on one cell of a line, its text compared without regard to case or runs of spaces.
public struct CellTest: Sendable, Equatable {
    public enum Match: Sendable, Equatable {
        case equals(String)
        case startsWith(String)
    }

    public let column: String
    public let match: Match

    public init(_ column: String, _ match: Match) {
        self.column = column
        self.match = match
    }

    public static func column(_ column: String, is text: String) -> CellTest { CellTest(column, .equals(text)) }
    public static func column(_ column: String, startsWith text: String) -> CellTest { CellTest(column, .startsWith(text)) }

    func passes(_ cell: String) -> Bool {
        let have = Codes.normalise(cell)
        switch match {
        case .equals(let want): return have == Codes.normalise(want)
        case .startsWith(let want): return have.hasPrefix(Codes.normalise(want))
        }
    }
}

/// What reading a publication's file gave.
public struct PublicationImport: Sendable, Equatable {
    /// The publications whose columns the file has, by name, in the table's order.
    public let publications: [String]
    /// Every figure for an indicator in pop's catalogue.
    public let values: [PublishedValue]
    /// Indicators the table maps the file's figures to that pop's catalogue does not have yet:
    /// nothing is read for them, and they come alive when the catalogue gains them.
    public let notInCatalogue: [IndicatorID]
}

/// The table of DfE publications pop recognises. A new publication is a new entry here, and a
/// new figure of a known one a new row: no other code changes. Each row's labels are DfE's as
/// they appear in the files under `../shared/reference-data/ees/` (or, for the two not shipped,
/// as DfE's files describe them).
public enum Publications {
    public static let all: [Publication] = [
        Publication("Children looked after: numbers and rates per 10,000 children",
                    recognisedBy: ["population_type", "rate_per_10000"], [
            PublicationRow("cla.rate", .column("rate_per_10000"),
                           where: [.column("population_type", startsWith: "Children looked after on 31 March")]),
        ]),
        Publication("Children in need: referrals and re-referrals",
                    recognisedBy: ["referral_count", "rereferral_percent"], [
            PublicationRow("mash.rereferrals_ytd", .column("rereferral_percent")),
            // Counts only: pop's referral rate is per 10,000 children.
            PublicationRow("mash.referral_rate_ytd", .perTenThousandChildren(count: "referral_count")),
        ]),
        Publication("Child protection plans which are a second or subsequent plan",
                    recognisedBy: ["CPP_subsequent_percent"], [
            PublicationRow("cp.repeat_ytd", .column("CPP_subsequent_percent")),
        ]),
        Publication("Children in need at 31 March",
                    recognisedBy: ["At31_episodes"], [
            PublicationRow("cin.rate", .perTenThousandChildren(count: "At31_episodes")),
        ]),
        Publication("Child protection plans at 31 March by length of time",
                    recognisedBy: ["CPP_At31", "2_years_or_more_percent"], [
            PublicationRow("cp.open_2y", .column("2_years_or_more_percent")),
        ]),
        Publication("Children's social work workforce",
                    recognisedBy: ["agency_rate_headcount", "caseload_fte"], [
            // pop's wf.agency counts people (workforce.csv rows), so DfE's headcount rate, agency
            // workers of agency and in-post social workers, is the like for like; not its FTE rate.
            PublicationRow("wf.agency", .column("agency_rate_headcount")),
            // DfE's only caseload: cases per case-holding FTE.
            PublicationRow("wf.caseload", .column("caseload_fte")),
        ]),
        Publication("Children looked after: placement stability",
                    recognisedBy: ["cla_group", "placement_stability", "children_percent"], [
            PublicationRow("cla.long_term_stability", .column("children_percent"), where: [
                .column("cla_group", is: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"),
                .column("placement_stability", is: "Living with the same carer for at least 2 years"),
            ]),
            PublicationRow("cla.placements_3plus", .column("children_percent"), where: [
                .column("cla_group", is: "CLA on 31 March"),
                .column("placement_stability", is: "With 3 or more placements during the year"),
            ]),
        ]),
        // The care leavers' activity and accommodation files have the same columns: the
        // breakdown labels tell their figures apart, so each file matches both entries and
        // gives only its own figures.
        Publication("Care leavers: activity",
                    recognisedBy: ["care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"], [
            PublicationRow("cl.eet_19_21", .column("care_leaver_percent"), where: [
                .column("care_leaver_age", is: "19 to 21 years"),
                .column("breakdown", is: "Total in education, employment or training"),
            ]),
        ]),
        Publication("Care leavers: accommodation",
                    recognisedBy: ["care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"], [
            PublicationRow("cl.suitable_19_21", .column("care_leaver_percent"), where: [
                .column("care_leaver_age", is: "19 to 21 years"),
                .column("breakdown", is: "Accommodation considered suitable"),
            ]),
        ]),
        Publication("Children looked after: health outcomes",
                    recognisedBy: ["characteristic", "breakdown", "children_count", "children_percent"], [
            PublicationRow("cla.health_assessments", .column("children_percent"), where: [
                .column("characteristic", is: "Health assessments: Children looked after all ages"),
                .column("breakdown", is: "Had their annual health assessment"),
            ]),
            PublicationRow("cla.dental", .column("children_percent"), where: [
                .column("characteristic", is: "Health assessments: Children looked after all ages"),
                .column("breakdown", is: "Had their teeth checked by a dentist"),
            ]),
        ]),
    ]

    /// A column name as `ReferenceFiles.table` keys its cells.
    static func key(_ column: String) -> String { Column.key(column).replacingAll(" ", with: "_") }

    /// The year a time period ends in: `2025`, or a financial or academic year written
    /// `202425`, ending in 2025.
    static func yearEnding(_ text: String) -> Int? {
        guard text.count == 4 || text.count == 6, text.allSatisfy({ ("0"..."9").contains($0) }), let n = Int(text), n > 0 else { return nil }
        if text.count == 4 { return n }
        let start = n / 100, end = n % 100
        return (start + 1) % 100 == end ? start + 1 : nil
    }

    /// The figures of one publication file, read as `ReferenceFiles.table` gives it, for the
    /// indicators `isIndicator` accepts (the catalogue's; tests read the rest too).
    static func read(file: String, _ t: ReferenceFiles.Table, population: (String, Int) -> Int?,
                     isIndicator: (IndicatorID) -> Bool = { Catalogue.definition($0) != nil }) throws(ExtractError) -> PublicationImport {
        let matched = all.filter { $0.isRecognised(by: t.header) }
        guard !matched.isEmpty else {
            throw ExtractError(file: file, line: 1, message: "not a publication pop knows: its columns are none of "
                               + all.map { "\($0.name) (\($0.columns.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        try ReferenceFiles.require(t.header, ["time_period", "geographic_level"], file: file)
        let rows = matched.flatMap(\.rows)
        let live = rows.filter { isIndicator($0.indicator) }
        var notInCatalogue: [IndicatorID] = []
        for r in rows where !isIndicator(r.indicator) && !notInCatalogue.contains(r.indicator) { notInCatalogue.append(r.indicator) }
        let source = "DfE \(file)"
        var out: [PublishedValue] = []
        for (line, c) in t.rows {
            let periodText = c["time_period"] ?? ""
            guard let year = yearEnding(periodText) else {
                throw ExtractError(file: file, line: line, column: "time_period", message: "\"\(periodText)\" is not a year")
            }
            let level: PublishedValue.Level
            let code: String
            switch (c["geographic_level"] ?? "").lowercased() {
            case "national": (level, code) = (.national, "england")
            case "regional": (level, code) = (.regional, c["region_code"] ?? "")
            case "local authority": (level, code) = (.council, c["old_la_code"] ?? "")
            default: continue      // other geographies (local authority districts, …) pop does not compare with
            }
            let newCode = level == .council ? c["new_la_code"] ?? "" : ""
            let name = level == .council ? c["la_name"] ?? "" : ""
            let region = c["region_code"] ?? ""
            let period = Benchmark.period(yearEnding: year)
            for r in live where r.passes(c) {
                let value: Double?
                switch r.value {
                case .column(let column):
                    value = ReferenceFiles.number(c[key(column)] ?? "")
                case .perTenThousandChildren(count: let column):
                    if level == .council, let count = ReferenceFiles.number(c[key(column)] ?? ""), let p = population(code, year - 1), p > 0 {
                        value = 10_000 * count / Double(p)
                    } else {
                        value = nil
                    }
                }
                // Suppressed, blank or not a number: missing, never zero.
                guard let value, value.isFinite else { continue }
                // A figure no indicator of its unit can take is a damaged file, not a benchmark.
                if let unit = Catalogue.definition(r.indicator)?.unit, !unit.sensibleRange.contains(value) {
                    throw ExtractError(file: file, line: line, column: r.value.columnName,
                                       message: "\(value) is outside what a \(unit.rawValue) figure can be")
                }
                out.append(PublishedValue(indicator: r.indicator, period: period, level: level, code: code, regionCode: region,
                                          value: value, source: source, newCode: newCode, name: name))
            }
        }
        return PublicationImport(publications: matched.map(\.name), values: out, notInCatalogue: notInCatalogue)
    }
}

extension ReferenceFiles {
    /// A council-level DfE publication file read through `Publications.all`: its figures for
    /// indicators in the catalogue, the publications it matched and the indicators it maps to
    /// that the catalogue lacks. `population` gives a council's (old code's) 0–17 population for
    /// a mid-year, for figures published as counts only. A file matching no publication is an
    /// error naming it; one that matches but has no line any row takes gives no figures.
    public static func publicationImport(path: String, population: (String, Int) -> Int?) throws(ExtractError) -> PublicationImport {
        try Publications.read(file: fileName(path), table(path), population: population)
    }

    /// The same, from CSV text held in memory under the name `name`.
    public static func publicationImport(name: String, text: String, population: (String, Int) -> Int?) throws(ExtractError) -> PublicationImport {
        try Publications.read(file: name, table(CSVBytes(Array(text.utf8), name: name)), population: population)
    }
}
