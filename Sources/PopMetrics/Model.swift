import PopCalendar
import PopExtract

public enum MeasureUnit: String, Sendable {
    /// `average` is numerator ÷ denominator (children per social worker).
    case count, percent, per_10k, per_100k, average

    /// The values a target or a published figure of this unit can sensibly take: a reference
    /// file holding anything else (1e300, a negative rate) is refused, never stored.
    public var sensibleRange: ClosedRange<Double> {
        switch self {
        case .count: 0...10_000_000
        case .percent: 0...100
        case .per_10k: 0...10_000
        case .per_100k: 0...100_000
        case .average: 0...10_000
        }
    }
}

public enum Polarity: String, Sendable {
    case high, low, none
}

/// The services of the performance page, in the council's order; the pages added with the
/// whole pack (Early Help, UASC, quality assurance, workforce) follow the first seven, so that
/// the page's first panels stay where readers know them.
public enum Service: String, CaseIterable, Sendable {
    case mash, assessments, cin, cp, cla, careLeavers = "care_leavers", yot, earlyHelp = "early_help", uasc, qa, workforce

    public var title: String {
        switch self {
        case .mash: "MASH / front door"
        case .earlyHelp: "Early Help"
        case .assessments: "Assessments & S47"
        case .cin: "Children in need"
        case .cp: "Child protection"
        case .cla: "Children in care"
        case .uasc: "UASC"
        case .careLeavers: "Care leavers"
        case .yot: "Youth offending"
        case .qa: "Quality assurance"
        case .workforce: "Workforce"
        }
    }

    /// Its headline indicators, in panel order.
    public var headlines: [IndicatorDefinition] { Service.headlineTable[self] ?? [] }

    /// Every service's headlines, chosen from the catalogue once (every frame of the page asks
    /// for them: filtering the catalogue each time was a quarter of drawing it).
    private static let headlineTable: [Service: [IndicatorDefinition]] =
        Dictionary(grouping: Catalogue.definitions.filter { $0.headline != nil }, by: \.service).mapValues { $0.sorted { $0.headline! < $1.headline! } }

    /// The team table `t` opens from the service's panel: its first headline with team rows that
    /// is a percentage (where a team falls short), else its first headline with team rows.
    public var teamIndicator: IndicatorID? {
        let teams = headlines.filter(\.byTeam)
        return (teams.first { $0.unit == .percent } ?? teams.first)?.id
    }

    /// The lists its indicators read.
    public var lists: [ListKind] { Set(Catalogue.definitions.filter { $0.service == self }.flatMap(\.lists)).sorted() }
}

/// An indicator's id (`cp.visits_in_time`), as the data contract names it.
public struct IndicatorID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: IndicatorID, b: IndicatorID) -> Bool { a.rawValue < b.rawValue }
}

/// A column an indicator reads.
public struct ColumnNeed: Hashable, Sendable {
    public let list: ListKind
    public let column: String
    /// A local column, not Annex A's (List 1's `Date of Contact Decision`): without it the
    /// indicator is simply absent, not "unavailable".
    public let local: Bool

    public init(list: ListKind, column: String, local: Bool = false) {
        self.list = list
        self.column = column
        self.local = local
    }
}

/// A column an indicator can be computed from instead, when a template lacks the one its
/// definition reads (List 9 before 2023 has `LA in Touch` but no `Latest Date of Contact`).
public struct Fallback: Hashable, Sendable {
    public let replaces: ColumnNeed
    public let instead: ColumnNeed
}

/// When a visit (or a sight of the child) is in time: within `limit` working days of the last
/// one for CP and CIN plans, within `limit` calendar days for children in care.
public struct VisitRule: Hashable, Sendable {
    public enum Days: Sendable { case working, calendar }
    public let limit: Int
    public let days: Days

    public init(limit: Int, days: Days) {
        self.limit = limit
        self.days = days
    }

    /// Days (of the rule's kind) from `reference` to `asAt`.
    public func elapsed(from reference: Day, to asAt: Day, calendar: WorkingCalendar) -> Int {
        days == .working ? calendar.workingDays(from: reference, to: asAt) : asAt - reference
    }

    public func inTime(elapsed: Int) -> Bool { elapsed <= limit }
}

/// Everything about one indicator, as a data dictionary row: what it is called, what it
/// measures and in which unit, which way is better, what it reads, where it shows and what
/// lies beneath it. The catalogue adds how it is computed.
public struct IndicatorDefinition: Sendable {
    public let id: IndicatorID
    /// As the report words it.
    public let title: String
    /// For a panel line (about 19 columns).
    public let shortTitle: String
    /// For a presentation slide.
    public let slideTitle: String
    public let service: Service
    public let unit: MeasureUnit
    public let polarity: Polarity
    /// The columns it reads; absent from the output when a list it needs was not supplied.
    public let needs: [ColumnNeed]
    /// Also computed per team: `t` opens its team table.
    public let byTeam: Bool
    /// The column its team rows are grouped by: Allocated Team, or a list's own (an Early Help
    /// assessment's organisation, an audit's Service Area or Domain, a worker's Team); nil
    /// without team rows. Without it only the team rows are lost, unless the figure reads it too.
    public let teamColumn: ColumnNeed?
    /// The team column is among the columns the figure itself reads (an audit's Domain tells
    /// audits from domain gradings): without it the indicator is unavailable.
    public let readsTeamColumn: Bool
    /// The definition in a manager's words.
    public let definition: String
    /// Its place among its service's headline indicators (panels and slides); nil when it is
    /// not a headline.
    public let headline: Int?
    /// When it counts visits in time: the rule, which the drill-down's overdue list, the
    /// due-soon list and the demo apply too.
    public let visitRule: VisitRule?
    /// The heading of the breakdown table its group sits in ("Category of abuse"); nil when it
    /// is not one group of a "count, %" breakdown.
    public let breakdownHeading: String?

    /// One group of a "count, %" breakdown: its numerator is the count, its value the share.
    public var isBreakdown: Bool { breakdownHeading != nil }
    /// What it is computed from when the column its definition reads is missing.
    public let fallback: Fallback?

    /// The lists it needs, in list order.
    public var lists: [ListKind] { Set(needs.map(\.list)).sorted() }

    /// Whether a team's row opens onto its children whose visit is overdue.
    public var hasChildList: Bool { byTeam && visitRule != nil }
}

/// One computed figure: the council's, or one team's.
public struct IndicatorValue: Sendable, Equatable {
    public let id: IndicatorID
    public let team: String?
    public let numerator: Int?
    public let denominator: Int?
    /// Unrounded; nil when the denominator (or population) is zero or missing.
    public let value: Double?
    public let unit: MeasureUnit
    public let polarity: Polarity
    public var target: Double?
    public var variance: Double?
    public var rag: RAG?
    /// The fallback definition the figure was computed by (`LA in Touch` for `cl.in_touch`
    /// from a List 9 without `Latest Date of Contact`); nil for the contract's own definition.
    public var basis: String?

    public init(id: IndicatorID, team: String?, numerator: Int?, denominator: Int?, value: Double?,
                unit: MeasureUnit, polarity: Polarity, basis: String? = nil) {
        self.basis = basis
        self.id = id
        self.team = team
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.unit = unit
        self.polarity = polarity
    }
}

/// The populations rates are computed over, with where they came from.
public struct Population: Sendable, Equatable {
    public var age0to17: Int?
    public var age10to17: Int?
    public var source: String

    public init(age0to17: Int? = nil, age10to17: Int? = nil, source: String = "") {
        self.age0to17 = age0to17
        self.age10to17 = age10to17
        self.source = source
    }

    public var isMissing: Bool { age0to17 == nil && age10to17 == nil }
}

/// An indicator (or its team rows) a supplied list could not give, for want of a column.
public struct Unavailable: Hashable, Sendable {
    public let id: IndicatorID
    /// Only its team rows are lost (the list has no Allocated Team).
    public let teamRowsOnly: Bool
    /// The list lacking the column (nil only for entries stored before lists were recorded).
    public let list: ListKind?
    public let file: String
    public let sheet: String?
    public let column: String

    public init(id: IndicatorID, teamRowsOnly: Bool = false, list: ListKind?, file: String, sheet: String? = nil, column: String) {
        self.id = id
        self.teamRowsOnly = teamRowsOnly
        self.list = list
        self.file = file
        self.sheet = sheet
        self.column = column
    }
}

/// Every figure of one extract as at one date.
public struct Snapshot: Sendable {
    public let asAt: Day
    public let population: Population
    public var values: [IndicatorValue]
    public let dataQuality: [DataQualityIssue]
    /// Lists whose files were not supplied: their panels say so.
    public let missingLists: [ListKind]
    /// Indicators the supplied lists could not give: shown as not available, never as 0.
    public let unavailable: [Unavailable]

    public init(asAt: Day, population: Population, values: [IndicatorValue], dataQuality: [DataQualityIssue], missingLists: [ListKind],
                unavailable: [Unavailable] = []) {
        self.asAt = asAt
        self.population = population
        self.values = values
        self.dataQuality = dataQuality
        self.missingLists = missingLists
        self.unavailable = unavailable
    }

    /// The council-wide row of an indicator.
    public func value(_ id: IndicatorID) -> IndicatorValue? { values.first { $0.id == id && $0.team == nil } }

    /// One team's row of an indicator.
    public func value(_ id: IndicatorID, team: String) -> IndicatorValue? { values.first { $0.id == id && $0.team == team } }
}
