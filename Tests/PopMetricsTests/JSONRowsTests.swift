import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
@testable import PopPage

/// `pop metrics`' indicator rows written as bytes are the text the string pieces give.
@Suite struct JSONRowsTests {
    @Test func indicatorRowsAsBytesAreTheStringText() throws {
        let s = try compute([.list7: ChildProtectionTests.list7, .list8: ChildrenInCareTests.list8])
        var values = s.values
        // Rows with every optional field set, unset and not finite; a team and a basis that need escaping.
        for (i, unit) in [MeasureUnit.count, .percent, .per_10k, .per_100k, .average].enumerated() {
            var v = IndicatorValue(id: s.values[i].id, team: i % 2 == 0 ? "T \"1\"\\ \u{1}" : nil, numerator: i == 3 ? nil : 7 * i - 3,
                                   denominator: i == 1 ? 0 : 13, value: [0.1 + 0.2, nil, .nan, .infinity, -1e-300][i], unit: unit,
                                   polarity: [.high, .low, .none][i % 3], basis: i == 2 ? "LA in \"Touch\"" : nil)
            v.target = [nil, 95.0, 1e21, -0.0, .nan][i]
            v.variance = [12.5, nil, -3.25, .infinity, 1 / 3][i]
            v.rag = [RAG.green, nil, .amber, .red, nil][i]
            values.append(v)
        }
        for v in values {
            var bytes = JSONBytes(capacity: 0)
            bytes.indicatorRow(v)
            #expect(bytes.string == "    {" + JSONText.indicatorFields(v) + JSONText.intervalFields(v) + "}")
        }
    }
}
