import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

/// Re-referrals counted from the packed, sorted history are those of the definition, worked
/// child by child over every referral (children told apart as Strings are, as in every children count).
@Suite struct ReferralHistoryTests {
    static func reference(_ referrals: [(String, Day)], _ period: ReportingPeriod) -> (Int, Int) {
        var byChild: [String: [Day]] = [:]
        for (c, d) in referrals where d <= period.asAt && d >= period.referralLookBackStart { byChild[c, default: []].append(d) }
        var numerator = 0, denominator = 0
        for (_, days) in byChild {
            for d in days where d >= period.yearStart {
                denominator += 1
                if days.contains(where: { $0 < d && $0 >= d.addingMonths(-12) }) { numerator += 1 }
            }
        }
        return (numerator, denominator)
    }

    @Test func matchesTheDefinition() {
        let period = ReportingPeriod(asAt: Day(year: 2019, month: 1, day: 31)!)
        // Short and long IDs, IDs that differ only in their middle bytes or length, a NUL byte,
        // a non-ASCII ID and its decomposed spelling (one child, as
        // String equality and every children count say).
        let ids = ["C1", "C1\u{0}", "C001-BN329342", "C001-BN329343", "123456789012345", "1234567890123456",
                   "LONG-ID-0000-AAAA-0001", "LONG-ID-0000-BBBB-0001", "LONG-ID-0000-AAAA-0001x", "Zoë-1", "Zoe\u{308}-1", "12345678", "123456789"]
        var seed: UInt64 = 12
        for round in 0..<20 {
            var referrals: [(String, Day)] = []
            for _ in 0..<(200 + round * 37) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let id = ids[Int(seed >> 33) % ids.count]
                let day = Day(number: period.asAt.number - Int((seed >> 13) % 1000))
                referrals.append((id, day))
                if seed % 7 == 0 { referrals.append((id, day)) }   // the same day twice
            }
            var history = ReferralHistory()
            for (c, d) in referrals { history.add(child: c, day: d, period: period) }
            if round % 2 == 0 { history.prepare() }
            let got = history.rereferrals(period)
            #expect(got == Self.reference(referrals, period), "round \(round)")
            #expect(got.1 > 0)
        }
    }
}
