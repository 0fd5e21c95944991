import Dispatch

/// Independent work spread over the machine's cores.
public enum Parallel {
    /// `transform` of each element, computed on up to `threads` threads, in the elements' order:
    /// the same array a plain `map` gives, since each element is transformed alone.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int = ExtractReader.threads(),
                                                     _ transform: @Sendable (T) -> R) -> [R] {
        guard threads > 1 && items.count > 1 else { return items.map(transform) }
        let slots = Slots<R>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in slots.put(i, transform(items[i])) }
        return slots.taken()
    }
}

/// One result per element. Slot i is written only by the iteration for element i, and read only
/// after `concurrentPerform` has returned (it waits for every iteration).
private final class Slots<R>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<R?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        // SAFETY: `count` initialised elements from here until deinit.
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func put(_ i: Int, _ value: R) { base[i] = value }

    func taken() -> [R] { (0..<count).map { base[$0]! } }
}
