/// Values keyed by a cell's raw bytes. Code, team and worker columns hold a handful of
/// spellings repeated on every row: looking them up by bytes means a String is made once per
/// spelling, not once per cell.
///
/// The table lives in `ManagedBuffer`s (which own and free it); the struct also keeps their
/// element pointers, so a lookup reads no reference-counted storage (a lookup through Swift
/// arrays retained and released four buffers per cell, which was a fifth of the reader's time).
/// Copies share the buffers until one of them inserts (copy on write).
public struct ByteMemo<Value> {
    /// Open addressing: index into `values`, or -1 for an empty slot. Kept at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// Every key's bytes back to back; key i is `arena[keyEnds[i-1] ..< keyEnds[i]]`.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaUsed = 0
    private var keyEnds: UnsafeMutablePointer<Int>
    private var values: UnsafeMutablePointer<Value>
    public private(set) var count = 0
    private var storage: Storage

    /// The buffers the pointers above point into.
    private final class Storage {
        var slots: MemoTable<Int32>
        var arena: MemoTable<UInt8>
        var keyEnds: MemoTable<Int>
        var values: MemoTable<Value>

        init(slots: MemoTable<Int32>, arena: MemoTable<UInt8>, keyEnds: MemoTable<Int>, values: MemoTable<Value>) {
            self.slots = slots
            self.arena = arena
            self.keyEnds = keyEnds
            self.values = values
        }
    }

    public init() {
        let slotTable = MemoTable<Int32>.make(capacity: 64)
        slotTable.fill(-1)
        storage = Storage(slots: slotTable, arena: .make(capacity: 256), keyEnds: .make(capacity: 16), values: .make(capacity: 16))
        mask = slotTable.capacityAsked - 1
        slots = slotTable.elements
        arena = storage.arena.elements
        keyEnds = storage.keyEnds.elements
        values = storage.values.elements
    }

    /// Length and the first and last eight bytes, mixed: constant time whatever the key's
    /// length. Keys that share those still land apart after the byte comparison.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        let n = key.count
        var a: UInt64 = 0, b: UInt64 = 0
        if n >= 8 {
            // SAFETY: n ≥ 8, so both eight-byte loads lie inside the key.
            a = key.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            b = key.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else {
            for i in 0..<n { a = a << 8 | UInt64(key[i]) }
        }
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private func key(_ i: Int) -> UnsafeRawBufferPointer {
        // SAFETY: 0 ≤ i < count; keyEnds[0..<count] are initialised and within arenaUsed.
        assert(i >= 0 && i < count)
        let start = i == 0 ? 0 : keyEnds[i - 1]
        return UnsafeRawBufferPointer(start: arena + start, count: keyEnds[i] - start)
    }

    @inline(__always)
    private func matches(_ i: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let stored = self.key(i)
        let n = key.count
        guard stored.count == n else { return false }
        guard n > 0, let a = stored.baseAddress, let b = key.baseAddress else { return true }
        // Eight bytes at a time, the last eight overlapping the one before: keys are short,
        // and a call to memcmp or a byte loop would cost more than the comparison.
        // SAFETY: every load reads bytes k ..< k + 8 ≤ n of both keys, which have n bytes.
        @inline(__always) func word(_ p: UnsafeRawPointer, _ k: Int) -> UInt64 { p.loadUnaligned(fromByteOffset: k, as: UInt64.self) }
        if n < 8 {
            for k in 0..<n where a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
            return true
        }
        var k = 0
        while k &+ 8 < n {
            if word(a, k) != word(b, k) { return false }
            k &+= 8
        }
        return word(a, n &- 8) == word(b, n &- 8)
    }

    @inline(__always)
    public func find(_ key: UnsafeRawBufferPointer) -> Value? {
        // SAFETY: index(of:) returns an initialised position below count.
        index(of: key).map { values[$0] }
    }

    /// The key's place in insertion order (0, 1, 2, …), if it is known.
    @inline(__always)
    func index(of key: UnsafeRawBufferPointer) -> Int? {
        var s = ByteMemo.hash(key) & mask
        while true {
            // SAFETY: s ≤ mask, and the slot table holds mask + 1 slots; it is never full.
            let v = Int(slots[s])
            if v < 0 { return nil }
            if matches(v, key) { return v }
            s = (s + 1) & mask
        }
    }

    public mutating func insert(_ key: UnsafeRawBufferPointer, _ value: Value) {
        if !isKnownUniquelyReferenced(&storage) { copyTables() }
        if count == min(storage.values.capacity, storage.keyEnds.capacity) {
            storage.keyEnds = storage.keyEnds.grown(to: count * 2)
            storage.values = storage.values.grown(to: count * 2)
            keyEnds = storage.keyEnds.elements
            values = storage.values.elements
        }
        if arenaUsed + key.count > storage.arena.capacity {
            var c = storage.arena.capacity * 2
            while arenaUsed + key.count > c { c *= 2 }
            storage.arena = storage.arena.grown(to: c)
            arena = storage.arena.elements
        }
        // SAFETY: the arena has room for the key (grown above); values has room for one more.
        if let from = key.baseAddress { UnsafeMutableRawPointer(arena + arenaUsed).copyMemory(from: from, byteCount: key.count) }
        arenaUsed += key.count
        storage.arena.initialised = arenaUsed
        keyEnds[count] = arenaUsed
        storage.keyEnds.initialised = count + 1
        (values + count).initialize(to: value)
        count += 1
        storage.values.initialised = count
        if count * 2 > mask + 1 { rehash(slotCount: (mask + 1) * 2) } else { place(count - 1, hash: ByteMemo.hash(key)) }
    }

    /// Gives this copy tables of its own (the old ones stay with the other copies).
    private mutating func copyTables() {
        storage = Storage(slots: storage.slots.copy(), arena: storage.arena.copy(), keyEnds: storage.keyEnds.copy(), values: storage.values.copy())
        slots = storage.slots.elements
        arena = storage.arena.elements
        keyEnds = storage.keyEnds.elements
        values = storage.values.elements
    }

    private func place(_ index: Int, hash: Int) {
        var s = hash & mask
        // SAFETY: s ≤ mask; the table is at most half full, so an empty slot exists.
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(index)
    }

    private mutating func rehash(slotCount: Int) {
        let table = MemoTable<Int32>.make(capacity: slotCount)
        table.fill(-1)
        storage.slots = table
        slots = table.elements
        mask = table.capacityAsked - 1
        for i in 0..<count { place(i, hash: ByteMemo.hash(key(i))) }
    }
}

/// Tail-allocated elements whose header counts how many are initialised, so that the buffer
/// deinitialises exactly those when it is freed.
final class MemoTable<Element>: ManagedBuffer<Int, Element> {
    /// A table of exactly `capacity` elements when that is a power of two (slot tables rely
    /// on it), none initialised.
    static func make(capacity: Int) -> MemoTable<Element> {
        // SAFETY: `create` called on this subclass makes an instance of it.
        unsafeDowncast(create(minimumCapacity: capacity) { _ in 0 }, to: MemoTable<Element>.self)
    }

    var elements: UnsafeMutablePointer<Element> { withUnsafeMutablePointerToElements { $0 } }

    var initialised: Int {
        get { header }
        set { header = newValue }
    }

    /// Initialises every element to `value` (trivial element types only: the slot table).
    func fill(_ value: Element) {
        // Uses exactly the power-of-two count callers ask for, not the allocator's rounding.
        let n = capacityAsked
        elements.initialize(repeating: value, count: n)
        initialised = n
    }

    /// The capacity rounded down to a power of two: slot tables index with a mask.
    var capacityAsked: Int {
        var n = 1
        while n * 2 <= capacity { n *= 2 }
        return n
    }

    /// A new table of `capacity` holding these elements moved over; this one keeps none.
    func grown(to capacity: Int) -> MemoTable<Element> {
        let new = MemoTable<Element>.make(capacity: capacity)
        // SAFETY: `initialised` elements are initialised here and fit in the new table.
        new.elements.moveInitialize(from: elements, count: initialised)
        new.initialised = initialised
        initialised = 0
        return new
    }

    /// A new table with copies of these elements.
    func copy() -> MemoTable<Element> {
        let new = MemoTable<Element>.make(capacity: capacity)
        // SAFETY: `initialised` elements are initialised here and fit in the new table.
        new.elements.initialize(from: elements, count: initialised)
        new.initialised = initialised
        return new
    }

    deinit {
        _ = withUnsafeMutablePointers { n, e in e.deinitialize(count: n.pointee) }
    }
}

/// Numbers each distinct byte string in order of first sight (0, 1, 2, …): a compact key for
/// child IDs. Not generic, so callers in other modules get the specialised lookup.
public struct ByteNumbering {
    /// A key's number is its place in the memo, so no value is stored.
    private var keys = ByteMemo<Void>()

    public init() {}

    public var count: Int { keys.count }

    public mutating func number(_ key: UnsafeRawBufferPointer) -> UInt32 {
        if let known = keys.index(of: key) { return UInt32(known) }
        keys.insert(key, ())
        return UInt32(keys.count - 1)
    }
}
