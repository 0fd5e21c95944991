import PopCalendar
import PopExtract

public enum MeasureUnit: String, Sendable {
    case count, percent, per_10k, per_100k
}

public enum Polarity: String, Sendable {
    case high, low, none
}

/// The services of the performance page, in the council's order.
public enum Service: String, CaseIterable, Sendable {
    case mash, assessments, cin, cp, cla, careLeavers = "care_leavers", yot

    public var title: String {
        switch self {
        case .mash: "MASH / front door"
        case .assessments: "Assessments & S47"
        case .cin: "Children in need"
        case .cp: "Child protection"
        case .cla: "Children in care"
        case .careLeavers: "Care leavers"
        case .yot: "Youth offending"
        }
    }
}

/// What an indicator is: the catalogue's entry, without how it is computed.
public struct IndicatorDefinition: Sendable {
    public let id: String
    public let title: String
    public let service: Service
    public let unit: MeasureUnit
    public let polarity: Polarity
    /// The lists it needs; absent from the output when any of them was not supplied.
    public let lists: [ListKind]
    public let byTeam: Bool
    /// The definition in a manager's words.
    public let definition: String
    /// One group of a "count, %" breakdown: its numerator is the count, its value the share.
    public var isBreakdown = false
}

/// One computed figure: the council's, or one team's.
public struct IndicatorValue: Sendable, Equatable {
    public let id: String
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

    public init(id: String, team: String?, numerator: Int?, denominator: Int?, value: Double?,
                unit: MeasureUnit, polarity: Polarity) {
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

/// Every figure of one extract as at one date.
public struct Snapshot: Sendable {
    public let asAt: Day
    public let population: Population
    public var values: [IndicatorValue]
    public let dataQuality: [DataQualityIssue]
    /// Lists whose files were not supplied: their panels say so.
    public let missingLists: [ListKind]

    public init(asAt: Day, population: Population, values: [IndicatorValue], dataQuality: [DataQualityIssue], missingLists: [ListKind]) {
        self.asAt = asAt
        self.population = population
        self.values = values
        self.dataQuality = dataQuality
        self.missingLists = missingLists
    }

    /// The council-wide row of an indicator.
    public func value(_ id: String) -> IndicatorValue? { values.first { $0.id == id && $0.team == nil } }

    /// One team's row of an indicator.
    public func value(_ id: String, team: String) -> IndicatorValue? { values.first { $0.id == id && $0.team == team } }
}
