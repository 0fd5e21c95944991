import Foundation
import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics
import PopPage

/// `pop metrics --format json`: every percentage row, the council's and each team's, carries its
/// Wilson 95% interval as `ci_low` and `ci_high` in percent; rows of other units are as before.
@Suite struct IntervalOutputTests {
    @Test func percentageRowsCarryTheirIntervalAndNoOtherRowDoes() throws {
        let s = try compute([.list7: ChildProtectionTests.list7, .list8: ChildrenInCareTests.list8])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(MetricsOutput.json(s).utf8)) as? [String: Any])
        let rows = try #require(object["indicators"] as? [[String: Any]])
        #expect(rows.count == s.values.count)
        var checked = 0
        for (row, v) in zip(rows, s.values) {
            #expect(row["id"] as? String == v.id.rawValue)
            guard v.unit == .percent else {
                #expect(row["ci_low"] == nil && row["ci_high"] == nil, "\(v.id) \(v.team ?? "")")
                continue
            }
            if let n = v.numerator, let d = v.denominator, d > 0, n <= d {
                let w = try #require(Wilson.interval(successes: n, trials: d))
                // Foundation's JSON reader may differ in the last bit from the text printed: within 1e-9.
                let (low, high) = (try #require(row["ci_low"] as? Double), try #require(row["ci_high"] as? Double))
                #expect(abs(low - w.low) < 1e-9 && abs(high - w.high) < 1e-9, "\(v.id) \(v.team ?? "")")
                checked += 1
            } else {
                #expect(row["ci_low"] is NSNull && row["ci_high"] is NSNull, "\(v.id)")
            }
        }
        #expect(checked > 10)
        // CP visits in time, 3 of 5 (60%), worked by hand: centre (0.6 + 1.9208/5) / 1.76829 = 0.55654,
        // half-width 1.95996 × √(0.048 + 0.038415) / 1.76829 = 0.32579: 23.07%–88.24%.
        let visits = try #require(rows.first { $0["id"] as? String == "cp.visits_in_time" && $0["team"] is NSNull })
        #expect(abs((visits["ci_low"] as? Double ?? 0) - 23.07) < 0.01 && abs((visits["ci_high"] as? Double ?? 0) - 88.24) < 0.01)
        // A team of 1 of 1 (T3): 100% with an interval that is not of zero width.
        let t3 = try #require(rows.first { $0["id"] as? String == "cp.visits_in_time" && $0["team"] as? String == "T3" })
        #expect(t3["ci_high"] as? Double == 100 && (t3["ci_low"] as? Double ?? 100) < 25)
        // A zero denominator: the row is printed with its interval null.
        let empty = try compute([.list7: "Child Unique ID,Child Protection Plan Start Date,Child Protection Plan End Date,Date of the Last Statutory Visit,Allocated Team\n"])
        let none = try #require(try JSONSerialization.jsonObject(with: Data(MetricsOutput.json(empty).utf8)) as? [String: Any])
        let zero = try #require((none["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "cp.visits_in_time" })
        #expect(zero["value"] is NSNull && zero["ci_low"] is NSNull && zero["ci_high"] is NSNull)
    }
}
