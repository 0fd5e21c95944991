/// Reference data as values: populations, published figures, neighbour groupings.

/// A council's population estimate for one mid-year.
public struct PopulationEstimate: Sendable, Equatable {
    public let code: String
    public let name: String
    /// The mid-year of the estimate.
    public let year: Int
    public let ageGroup: AgeGroup
    public let value: Int
    public let source: String

    public init(code: String, name: String, year: Int, ageGroup: AgeGroup, value: Int, source: String) {
        self.code = code
        self.name = name
        self.year = year
        self.ageGroup = ageGroup
        self.value = value
        self.source = source
    }

    public enum AgeGroup: String, Sendable { case age0to17 = "0-17", age10to17 = "10-17" }
}

/// One council's (or England's, or a region's) published figure for an indicator and a year.
public struct PublishedValue: Sendable, Equatable {
    public enum Level: String, Sendable { case national, regional, council }
    public let indicator: IndicatorID
    public let period: String
    public let level: Level
    /// Old LA code for a council, region code for a region, "england" for England.
    public let code: String
    public let regionCode: String
    public let value: Double
    public let source: String
    /// A council's new (ONS) code, `E09000003` beside Barnet's `302`, so a council can be
    /// chosen by either; blank for England, a region, or a file without it.
    public let newCode: String
    /// A council's name as the file gives it (`la_name`); blank otherwise.
    public let name: String

    public init(indicator: IndicatorID, period: String, level: Level, code: String, regionCode: String, value: Double, source: String,
                newCode: String = "", name: String = "") {
        self.name = name
        self.indicator = indicator
        self.period = period
        self.level = level
        self.code = code
        self.regionCode = regionCode
        self.value = value
        self.source = source
        self.newCode = newCode
    }
}

/// DfE statistical-neighbour groupings: each council's ten neighbours, closest first.
public struct NeighbourGroups: Sendable {
    public let neighbours: [String: [String]]
    public let names: [String: String]

    public init(neighbours: [String: [String]], names: [String: String]) {
        self.neighbours = neighbours
        self.names = names
    }
}

