import Testing
import PopCalendar
@testable import PopExtract

@Suite struct MemoTests {
    static func withBytes<T>(_ s: String, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        var copy = s
        return copy.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// Past several rehashes and arena growths, every key still finds its own value; keys that
    /// share length and first and last eight bytes (the hash's inputs) stay apart.
    @Test func keysSurviveGrowthAndHashTies() {
        var memo = ByteMemo<Int>()
        let keys = (0..<5000).map { "Team \($0 % 10) — middle \($0) — same tail" } + ["", "Y", "Yes", "N"]
        for (i, k) in keys.enumerated() { Self.withBytes(k) { memo.insert($0, i) } }
        #expect(memo.count == keys.count)
        for (i, k) in keys.enumerated() { #expect(Self.withBytes(k) { memo.find($0) } == i) }
        #expect(Self.withBytes("Team 1 — middle 1 — same tai") { memo.find($0) } == nil)
        #expect(Self.withBytes("No") { memo.find($0) } == nil)
    }

    /// A copy shares the table until one side inserts; then each sees only its own keys.
    @Test func copiesAreIndependentAfterAnInsert() {
        var a = ByteMemo<String>()
        Self.withBytes("Duty 1") { a.insert($0, "Duty 1") }
        var b = a
        Self.withBytes("Duty 2") { b.insert($0, "Duty 2") }
        Self.withBytes("Duty 3") { a.insert($0, "Duty 3") }
        #expect(Self.withBytes("Duty 1") { a.find($0) } == "Duty 1")
        #expect(Self.withBytes("Duty 1") { b.find($0) } == "Duty 1")
        #expect(Self.withBytes("Duty 2") { a.find($0) } == nil)
        #expect(Self.withBytes("Duty 2") { b.find($0) } == "Duty 2")
        #expect(Self.withBytes("Duty 3") { a.find($0) } == "Duty 3")
        #expect(Self.withBytes("Duty 3") { b.find($0) } == nil)
        #expect((a.count, b.count) == (2, 2))
    }

    @Test func numbersFollowFirstSight() {
        var n = ByteNumbering()
        let seen = ["C1-7", "C1-2", "C1-7", "", "C1-2", "C1-9"].map { s in Self.withBytes(s) { n.number($0) } }
        #expect(seen == [0, 1, 0, 2, 1, 3])
        #expect(n.count == 4)
    }

    /// Every day of 2019–2020 in both shapes, twice over (the second pass from the memo), plus
    /// impossible dates and other shapes: the memo answers as the parser does. 1,462 distinct
    /// ten-byte spellings in 8,192 slots means some share a slot and replace each other.
    @Test func dateMemoAnswersAsTheParser() {
        let memo = DateMemo()
        var cells: [String] = []
        var d = Day(year: 2019, month: 1, day: 1)!
        while d <= Day(year: 2020, month: 12, day: 31)! {
            cells.append(d.annexA)
            cells.append(d.iso)
            d = d + 1
        }
        cells += ["29/02/2019", "31/04/2020", "00/01/2019", "2019-13-01", "1/2/2019", " 01/02/2019 ", "01/02/2019 00:00", "", "not a date"]
        for _ in 0..<2 {
            for c in cells { #expect(Self.withBytes(c) { memo.parse($0) } == DateParser.parse(c), "\(c)") }
        }
        #expect(Self.withBytes("29/02/2020") { memo.parse($0) } == .day(Day(year: 2020, month: 2, day: 29)!))
        #expect(Self.withBytes("29/02/2019") { memo.parse($0) } == .bad)
    }
}
