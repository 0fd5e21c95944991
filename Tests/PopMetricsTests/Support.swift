import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

func day(_ s: String) -> Day { DateParser.parse(s).day! }

/// An extract from CSV texts, one per list, read exactly as files would be.
func extract(_ lists: [ListKind: String]) throws -> Extract {
    var e = Extract()
    for list in ListKind.allCases {
        guard let text = lists[list] else { continue }
        try ExtractReader.readList(list, bytes: Array(text.utf8), into: &e)
    }
    return e
}

func compute(_ lists: [ListKind: String], asAt: String = "31/01/2019", population: Int? = 10_000, population10to17: Int? = nil,
             targets: [Target] = []) throws -> Snapshot {
    Engine.compute(try extract(lists), asAt: day(asAt), population: Population(age0to17: population, age10to17: population10to17),
                   targets: TargetSet(targets))
}

extension Snapshot {
    /// (numerator, denominator) of the council-wide row.
    func nd(_ id: IndicatorID) -> (Int?, Int?)? { value(id).map { ($0.numerator, $0.denominator) } }
    func nd(_ id: IndicatorID, team: String) -> (Int?, Int?)? { value(id, team: team).map { ($0.numerator, $0.denominator) } }
    func count(_ id: IndicatorID) -> Int? { value(id)?.numerator }
}

func == (a: (Int?, Int?)?, b: (Int, Int)) -> Bool {
    guard let a else { return false }
    return a.0 == b.0 && a.1 == b.1
}
