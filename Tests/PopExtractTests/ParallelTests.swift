import Testing
import PopExtract

/// `Parallel.map` gives what `map` gives: every element transformed once, in the elements' order.
@Suite struct ParallelTests {
    @Test func sameAsMapInOrder() {
        let items = Array(0..<1_000)
        let squares = Parallel.map(items, threads: 2) { $0 * $0 }
        #expect(squares.count == 1_000)
        #expect(squares[0] == 0 && squares[31] == 961 && squares[999] == 998_001)
        #expect(squares == items.map { $0 * $0 })
    }

    /// Uneven work (a few heavy elements) still comes back in order.
    @Test func unevenWorkInOrder() {
        let items = (0..<64).map { $0 % 16 == 0 ? 20_000 : $0 }
        let sums = Parallel.map(items, threads: 4) { n in (0..<n).reduce(0, &+) }
        #expect(sums[0] == 199_990_000 && sums[1] == 0 && sums[5] == 10)
        #expect(sums == items.map { n in (0..<n).reduce(0, &+) })
    }

    @Test func emptyAndOne() {
        #expect(Parallel.map([Int](), threads: 2) { $0 + 1 } == [])
        #expect(Parallel.map(["a"], threads: 2) { $0 + "b" } == ["ab"])
    }
}
