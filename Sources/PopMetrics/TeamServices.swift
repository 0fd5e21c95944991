import PopExtract

/// Which service each team belongs to: a council's `team,service` file (`pop teams import`).
/// The pack groups teams so (the Duty and Assessment teams into one service, say): a service
/// pools its teams' figures, Σ numerators over Σ denominators, so its caseload is all its
/// children over all its workers, never a mean of its teams' caseloads.
public struct TeamServices: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let team: String
        public let service: String

        public init(team: String, service: String) {
            self.team = team
            self.service = service
        }
    }

    public let entries: [Entry]
    /// A team's name as names compare (trimmed, spaces collapsed, case folded) → its service.
    private let byKey: [String: String]

    public static let none = TeamServices([Entry]())

    public init(_ entries: [Entry]) {
        self.entries = entries
        var map: [String: String] = [:]
        for e in entries { map[TeamServices.key(e.team)] = e.service }
        byKey = map
    }

    public init(_ pairs: [(String, String)]) { self.init(pairs.map { Entry(team: $0.0, service: $0.1) }) }

    public var isEmpty: Bool { entries.isEmpty }

    /// Every service, in the order the file first names them.
    public var services: [String] {
        var seen = Set<String>()
        return entries.map(\.service).filter { seen.insert($0).inserted }
    }

    /// Names compare trimmed, runs of spaces collapsed, case folded.
    static func key(_ name: String) -> String { Codes.normalise(name) }

    /// The service a team belongs to; nil for a team the file does not name.
    public func service(of team: String) -> String? { byKey[TeamServices.key(team)] }

    /// An indicator's team rows pooled by service: each service's teams' numerators and
    /// denominators summed and its value made again in the indicator's unit. A row whose team
    /// the file does not name stays a group of its own (a QA service area already named as a
    /// service, say). In name order.
    public func pooled(_ values: [IndicatorValue], _ id: IndicatorID) -> [IndicatorValue] {
        var groups: [String: (numerator: Int, denominator: Int?, unit: MeasureUnit, polarity: Polarity)] = [:]
        for v in values where v.id == id {
            guard let team = v.team else { continue }
            let name = service(of: team) ?? team
            var g = groups[name] ?? (0, nil, v.unit, v.polarity)
            g.numerator += v.numerator ?? 0
            if let d = v.denominator { g.denominator = (g.denominator ?? 0) + d }
            groups[name] = g
        }
        return groups.keys.sorted().compactMap { name in
            guard let g = groups[name] else { return nil }
            let value: Double?
            switch g.unit {
            case .count: value = Double(g.numerator)
            case .percent: value = g.denominator.flatMap { $0 > 0 ? 100 * Double(g.numerator) / Double($0) : nil }
            case .average: value = g.denominator.flatMap { $0 > 0 ? Double(g.numerator) / Double($0) : nil }
            // Rates have no team rows; a population is not pooled.
            case .per_10k, .per_100k: value = nil
            }
            return IndicatorValue(id: id, team: name, numerator: g.numerator, denominator: g.denominator, value: value, unit: g.unit, polarity: g.polarity)
        }
    }
}
