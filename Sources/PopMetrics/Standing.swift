/// Where the council stands nationally on an indicator DfE publishes: England's and its
/// region's published figures, and its rank and quartile band among every English council with
/// a published value. Numbers only.
public struct Standing: Sendable, Equatable {
    /// The year ending 31 March the figures are of ("2017-18").
    public let period: String
    public let england: Double?
    /// The council's region's figure, as loaded for the council.
    public let region: Double?
    /// This month's figure ranked among every other English council's published value for the
    /// period: 1 is best by polarity (highest for polarity none); ties share the better rank.
    public let rank: Int?
    /// How many are ranked, this council included.
    public let rankOf: Int?
    /// The quartile band of the rank: A is the best quarter.
    public let band: QuartileBand?

    public init(period: String, england: Double?, region: Double?, rank: Int?, rankOf: Int?, band: QuartileBand?) {
        self.period = period
        self.england = england
        self.region = region
        self.rank = rank
        self.rankOf = rankOf
        self.band = band
    }
}

extension Benchmark {
    /// One council's published value: `what` is its old LA code (digits only, "302").
    public var isCouncil: Bool { !what.isEmpty && what.allSatisfy { $0.isASCII && $0.isNumber } }
}

extension PageModel {
    /// The council's national standing for the latest period at or before `period` with
    /// published figures (England, its region or any council's value): England and region as
    /// published; this month's value ranked among every other council's (`council`, our own
    /// code, is left out so the council is not ranked against its own published figure), and
    /// its band. nil when no period has published figures.
    public static func standing(_ v: IndicatorValue, benchmarks: [Benchmark], period: String, council: String) -> Standing? {
        let wanted = Benchmark.yearEnding(period) ?? Int.max
        let published = benchmarks.filter { b in
            (b.what == "england" || b.what == "region" || b.isCouncil) && (Benchmark.yearEnding(b.period) ?? Int.max) <= wanted
        }
        guard let latest = published.max(by: { (Benchmark.yearEnding($0.period) ?? 0) < (Benchmark.yearEnding($1.period) ?? 0) }) else {
            return nil
        }
        let ofPeriod = published.filter { $0.period == latest.period }
        let others = ofPeriod.filter { $0.isCouncil && $0.what != council }.map(\.value)
        var rank: Int?, of: Int?, band: QuartileBand?
        if let mine = v.value, mine.isFinite, !others.isEmpty {
            let r = Ranking.rank(value: mine, among: others, polarity: v.polarity)
            (rank, of, band) = (r.rank, r.of, Ranking.band(rank: r.rank, of: r.of))
        }
        return Standing(period: latest.period, england: ofPeriod.first { $0.what == "england" }?.value,
                        region: ofPeriod.first { $0.what == "region" }?.value, rank: rank, rankOf: of, band: band)
    }
}
