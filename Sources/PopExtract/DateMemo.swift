import PopCalendar

/// Date cells already parsed, keyed by their bytes. An extract's date columns hold a few
/// thousand distinct days over millions of cells, so most `dd/mm/yyyy` cells are found here
/// rather than parsed again. Direct-mapped: a new spelling simply replaces the one in its slot.
///
/// A cache of a pure function: copies of it may share the table safely.
struct DateMemo {
    private struct Entry {
        var word: UInt64
        /// The last two bytes, with bit 16 set so an empty slot never matches.
        var tail: UInt32
        var value: DateField
    }

    private static let slotBits = 13
    /// Cached from `table`, which owns the memory: a lookup touches no reference count.
    private let entries: UnsafeMutablePointer<Entry>
    private let table: MemoTable<Entry>

    init() {
        let count = 1 << DateMemo.slotBits
        table = MemoTable<Entry>.make(capacity: count)
        entries = table.elements
        // SAFETY: the table holds at least `count` entries.
        entries.initialize(repeating: Entry(word: 0, tail: 0, value: .blank), count: count)
        table.initialised = count
    }

    /// The cell's date, as `DateParser.parse` reads it.
    @inline(__always)
    func parse(_ bytes: UnsafeRawBufferPointer) -> DateField {
        // Only the fixed 10-byte shapes are kept; anything else is parsed each time.
        guard bytes.count == 10 else { return DateParser.parse(bytes) }
        // SAFETY: the cell has exactly 10 bytes: loads of bytes 0..<8 and 8..<10.
        let word = bytes.loadUnaligned(as: UInt64.self)
        let tail = UInt32(bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) | 0x1_0000
        let mixed = (word ^ UInt64(tail) &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15
        // SAFETY: the top slotBits bits index one of the 2^slotBits entries.
        let slot = entries + Int(truncatingIfNeeded: mixed >> UInt64(64 - DateMemo.slotBits))
        if slot.pointee.word == word && slot.pointee.tail == tail { return slot.pointee.value }
        let value = DateParser.parse(bytes)
        slot.pointee = Entry(word: word, tail: tail, value: value)
        return value
    }
}
