/// Values keyed by a cell's raw bytes. Code, team and worker columns hold a handful of
/// spellings repeated on every row: looking them up by bytes means a String is made once per
/// spelling, not once per cell.
///
/// The table lives in raw memory whose pointers the struct holds, so a lookup reads no
/// reference-counted storage (a lookup through Swift arrays retained and released four buffers
/// per cell, which was a fifth of the reader's time). An `Owner` frees the memory and makes
/// copies copy-on-write: a copy shares the table until one of them inserts.
public struct ByteMemo<Value> {
    /// Open addressing: index into `values`, or -1 for an empty slot. Kept at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// Every key's bytes back to back; key i is `arena[keyEnds[i-1] ..< keyEnds[i]]`.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaUsed = 0
    private var keyEnds: UnsafeMutablePointer<Int>
    private var values: UnsafeMutablePointer<Value>
    private var capacity: Int
    public private(set) var count = 0
    private var owner: Owner

    /// Frees the memory of the table it was last pointed at.
    private final class Owner {
        var slots: UnsafeMutablePointer<Int32>?
        var arena: UnsafeMutablePointer<UInt8>?
        var keyEnds: UnsafeMutablePointer<Int>?
        var values: UnsafeMutablePointer<Value>?
        var count = 0

        deinit {
            values?.deinitialize(count: count)
            values?.deallocate()
            keyEnds?.deallocate()
            arena?.deallocate()
            slots?.deallocate()
        }
    }

    public init() {
        mask = 63
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
        arenaCapacity = 256
        arena = .allocate(capacity: arenaCapacity)
        capacity = 16
        keyEnds = .allocate(capacity: capacity)
        values = .allocate(capacity: capacity)
        owner = Owner()
        adopt()
    }

    /// Points the owner at this struct's current memory, to free it when the last copy goes.
    private func adopt() {
        owner.slots = slots
        owner.arena = arena
        owner.keyEnds = keyEnds
        owner.values = values
        owner.count = count
    }

    /// Length and the first and last eight bytes, mixed: constant time whatever the key's
    /// length. Keys that share those still land apart after the byte comparison.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        let n = key.count
        var a: UInt64 = 0, b: UInt64 = 0
        if n >= 8 {
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
        index(of: key).map { values[$0] }
    }

    /// The key's place in insertion order (0, 1, 2, …), if it is known.
    @inline(__always)
    func index(of key: UnsafeRawBufferPointer) -> Int? {
        var s = ByteMemo.hash(key) & mask
        while true {
            let v = Int(slots[s])
            if v < 0 { return nil }
            if matches(v, key) { return v }
            s = (s + 1) & mask
        }
    }

    public mutating func insert(_ key: UnsafeRawBufferPointer, _ value: Value) {
        if !isKnownUniquelyReferenced(&owner) { copyTable() }
        if count == capacity {
            capacity *= 2
            keyEnds = ByteMemo.grown(keyEnds, count: count, to: capacity)
            values = ByteMemo.grown(values, count: count, to: capacity)
        }
        if arenaUsed + key.count > arenaCapacity {
            while arenaUsed + key.count > arenaCapacity { arenaCapacity *= 2 }
            arena = ByteMemo.grown(arena, count: arenaUsed, to: arenaCapacity)
        }
        if let from = key.baseAddress { UnsafeMutableRawPointer(arena + arenaUsed).copyMemory(from: from, byteCount: key.count) }
        arenaUsed += key.count
        keyEnds[count] = arenaUsed
        (values + count).initialize(to: value)
        count += 1
        if count * 2 > mask + 1 { rehash(slotCount: (mask + 1) * 2) } else { place(count - 1, hash: ByteMemo.hash(key)) }
        adopt()
    }

    /// Moves `count` elements into new memory of `capacity` and frees the old.
    private static func grown<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    /// Gives this copy a table of its own (the old one stays with the other copies).
    private mutating func copyTable() {
        let (oldArena, oldEnds, oldValues) = (arena, keyEnds, values)
        arena = .allocate(capacity: arenaCapacity)
        arena.update(from: oldArena, count: arenaUsed)
        keyEnds = .allocate(capacity: capacity)
        keyEnds.update(from: oldEnds, count: count)
        values = .allocate(capacity: capacity)
        values.initialize(from: oldValues, count: count)
        let oldSlots = slots
        slots = .allocate(capacity: mask + 1)
        slots.update(from: oldSlots, count: mask + 1)
        owner = Owner()
    }

    private func place(_ index: Int, hash: Int) {
        var s = hash & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(index)
    }

    private mutating func rehash(slotCount: Int) {
        slots.deallocate()
        mask = slotCount - 1
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        for i in 0..<count { place(i, hash: ByteMemo.hash(key(i))) }
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
