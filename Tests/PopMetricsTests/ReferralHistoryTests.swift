import Testing
import PopCalendar
import PopExtract
@testable import PopMetrics

/// Re-referrals counted from the packed, sorted history are those of the definition, worked
/// child by child over every referral (children told apart as Strings are, as in every children count).
@Suite struct ReferralHistoryTests {
    static func reference(_ referrals: [(String, Day)], _ period: ReportingPeriod) -> (Int, Int) {
        var byChild: [String: [Day]] = [:]
        var numerator = 0, denominator = 0
        for (c, d) in referrals where d <= period.asAt && d >= period.referralLookBackStart {
            // A blank ID: a YTD referral in the base, never a re-referral.
            if c.isEmpty { denominator += d >= period.yearStart ? 1 : 0 } else { byChild[c, default: []].append(d) }
        }
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
        // String equality and every children count say), an ASCII ID and a spelling String
        // equality finds equal to it.
        let ids = ["C1", "C1\u{0}", "C001-BN329342", "C001-BN329343", "123456789012345", "1234567890123456",
                   "LONG-ID-0000-AAAA-0001", "LONG-ID-0000-BBBB-0001", "LONG-ID-0000-AAAA-0001x", "Zoë-1", "Zoe\u{308}-1", "12345678", "123456789",
                   // A Kelvin sign is a K to String equality (and so to every children count); a
                   // long ID likewise; and blank IDs.
                   "K1", "\u{212A}1", "LONG-ID-0000-KKKK-0001", "LONG-ID-0000-\u{212A}KKK-0001", "", ""]
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

    /// Spellings String equality joins, one referral each before and in the year: K1 then a
    /// Kelvin sign's K1 (short, then long IDs), Zoë composed then decomposed: each pair is one
    /// child's re-referral; a blank ID is a referral and nothing more.
    @Test func equalSpellingsAreOneChild() {
        let period = ReportingPeriod(asAt: Day(year: 2019, month: 1, day: 31)!)
        let june = Day(year: 2018, month: 6, day: 1)!, december = Day(year: 2018, month: 12, day: 1)!
        let pairs = [("K1", "\u{212A}1"), ("LONG-ID-0000-KKKK-0001", "LONG-ID-0000-\u{212A}KKK-0001"), ("Zoë-1", "Zoe\u{308}-1")]
        for (first, second) in pairs {
            for prepared in [false, true] {
                var history = ReferralHistory()
                history.add(child: first, day: june, period: period)
                if prepared { history.prepare() }   // sorted once already, as a part read apart is
                history.add(child: second, day: december, period: period)
                history.add(child: "", day: december, period: period)
                #expect(history.rereferrals(period) == (1, 3), "\(first) then \(second)")
            }
        }
    }
}
