import PopCalendar

/// Many demo boroughs in one extract, for measuring pop at the scale of a region or of
/// England: each council is the demo borough's simulator run with its own seed, its child IDs
/// and team names prefixed with its code (`C007-BN100023`, `C007 Duty & Assessment Team 2`),
/// as at 31 January 2019, holding `months` months of history.
public enum ScaleDemo {
    public static var asAt: Day { Calibration.reportDate }
    /// 10 months reaches back to 1 April (the contract's minimum); the simulated history
    /// allows 22 (contacts start in April 2017).
    public static let historyMonths = 10...22

    public static func councilCode(_ index: Int) -> String {
        let digits = String(index)
        return "C" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// A council's own seed: the same (seed, index) always gives the same borough.
    static func councilSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Council `index`'s lists, each with its header row.
    public static func council(_ index: Int, months: Int, seed: UInt64) -> DemoExtract {
        precondition(historyMonths.contains(months), "months outside \(historyMonths)")
        let world = DemoBorough.build(seed: councilSeed(seed, index))
        return Projection(world: world, asAt: asAt, council: councilCode(index), historyMonths: months).extract()
    }

    /// Children aged 0–17 and 10–17 across `councils` demo boroughs.
    public static func population(councils: Int) -> (age0to17: Int, age10to17: Int) {
        (councils * DemoBorough.reportPopulation, councils * DemoBorough.population10to17)
    }
}
