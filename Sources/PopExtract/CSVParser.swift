/// A streaming, byte-level RFC 4180 parser: quoted fields with commas, `""` and line breaks,
/// LF or CRLF line ends. It holds at most one record, so memory is bounded whatever the input;
/// a field longer than `maxFieldBytes` is cut (and the record flagged) rather than grown without
/// end.
///
/// Two paths read the same grammar: records wholly inside the chunk whose quoted fields, if any,
/// hold no `""` or line break are read in place (their cells are ranges of the chunk), everything else goes through a state
/// machine into the parser's own memory. `CSVReferenceParser` is the slow, obviously correct
/// oracle both are property-tested against.
public enum CSV {
    public static let maxFieldBytes = 1 << 16
    public static let maxFields = 2048
    static let chunkSize = 1 << 20

    /// The records of bytes in memory (a leading UTF-8 byte-order mark is skipped). `body`
    /// returns false to stop early.
    public static func records<E: Error>(_ data: [UInt8], _ body: (borrowing Record) throws(E) -> Bool) throws(E) -> CSVParser.End {
        var parser = CSVParser()
        // withUnsafeBytes rethrows untyped errors: carry the typed one out by hand.
        var failure: E?
        data.withUnsafeBytes { raw in
            var view = raw
            if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
                view = UnsafeRawBufferPointer(rebasing: raw[3...])
            }
            do throws(E) {
                if try parser.feed(view, body) { try parser.finish(body) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return parser.end
    }
}

/// The state of a CSV parse fed chunk by chunk.
public struct CSVParser {
    /// How the input ended: where a quote was left open, if one was.
    public struct End: Equatable, Sendable {
        /// The line where a quoted field opened and never closed before the end of the input
        /// (or before the field limit cut it); nil when every quote closed.
        public var unclosedQuoteLine: Int?
        /// The line of a last record that ended with the input rather than a line end.
        public var unendedLastLine: Int?

        public init(unclosedQuoteLine: Int? = nil, unendedLastLine: Int? = nil) {
            self.unclosedQuoteLine = unclosedQuoteLine
            self.unendedLastLine = unendedLastLine
        }
    }

    enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }
    var state = State.fieldStart
    let memory: Memory
    /// Cached from `memory` so that adding a byte is a plain store (no reference counting).
    var bytes: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var used = 0
    let starts: UnsafeMutablePointer<Int32>
    let ends: UnsafeMutablePointer<Int32>
    var fields = 0
    var fieldStart = 0
    var line = 1
    var recordLine = 1
    var truncated = false
    /// The line the current quoted field opened on.
    var quoteLine = 0
    public private(set) var end = End()

    /// The memory records are built in: the bytes of the record and its fields' offsets.
    final class Memory {
        var bytes: ManagedBuffer<Void, UInt8>
        let offsets: ManagedBuffer<Void, Int32>

        init(capacity: Int) {
            bytes = ManagedBuffer<Void, UInt8>.create(minimumCapacity: capacity) { _ in }
            offsets = ManagedBuffer<Void, Int32>.create(minimumCapacity: 2 * CSV.maxFields) { _ in }
        }
    }

    public init() {
        memory = Memory(capacity: 4096)
        capacity = memory.bytes.capacity
        // SAFETY: the pointers stay valid while `memory` (held by this struct) keeps the
        // buffers; `reserve` refreshes `bytes` when it replaces the byte buffer. UInt8 and
        // Int32 are trivial, so the buffers need no element initialisation or deinitialisation.
        bytes = memory.bytes.withUnsafeMutablePointerToElements { $0 }
        let offsets = memory.offsets.withUnsafeMutablePointerToElements { $0 }
        starts = offsets
        ends = offsets + CSV.maxFields
    }

    @inline(__always)
    mutating func reserve(_ n: Int) {
        guard used + n > capacity else { return }
        var c = capacity * 2
        while c < used + n { c *= 2 }
        let grown = ManagedBuffer<Void, UInt8>.create(minimumCapacity: c) { _ in }
        let to = grown.withUnsafeMutablePointerToElements { $0 }
        // SAFETY: `used` bytes are initialised in the old buffer and fit in the new one (c ≥ used + n).
        to.update(from: bytes, count: used)
        memory.bytes = grown
        bytes = to
        capacity = grown.capacity
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        if used - fieldStart < CSV.maxFieldBytes {
            reserve(1)
            // SAFETY: reserve(1) made used < capacity.
            assert(used < capacity)
            bytes[used] = b
            used += 1
        } else {
            truncated = true
            if state == .quoted && end.unclosedQuoteLine == nil { end.unclosedQuoteLine = quoteLine }
        }
    }

    @inline(__always)
    mutating func endField() {
        if fields < CSV.maxFields {
            // SAFETY: fields < maxFields, the capacity of each offset table.
            starts[fields] = Int32(fieldStart)
            ends[fields] = Int32(used)
            fields += 1
        } else {
            truncated = true
            used = fieldStart
        }
        fieldStart = used
    }

    /// Ends the record; skips a wholly empty line. Returns the callback's verdict. `lastLine`
    /// is the line the record's last byte is on.
    mutating func endRecord<E: Error>(_ body: (borrowing Record) throws(E) -> Bool, lastLine: Int) throws(E) -> Bool {
        endField()
        var keepGoing = true
        // SAFETY: fields ≥ 1 after endField.
        if !(fields == 1 && ends[0] == 0) {
            let record = Record(unsafeBase: bytes, starts: starts, ends: ends, kinds: nil, count: fields, line: recordLine, truncated: truncated,
                                lastLine: lastLine)
            keepGoing = try body(record)
        }
        used = 0
        fields = 0
        truncated = false
        fieldStart = 0
        recordLine = line
        return keepGoing
    }

    /// Handles a byte outside quotes: a separator, a line end or data. Returns the callback's
    /// verdict when a record ended.
    @inline(__always)
    mutating func unquoted<E: Error>(_ b: UInt8, _ body: (borrowing Record) throws(E) -> Bool) throws(E) -> Bool {
        switch b {
        case 0x2C:
            endField()
            state = .fieldStart
        case 0x0A, 0x0D:
            line += 1
            state = b == 0x0D ? .afterCR : .fieldStart
            return try endRecord(body, lastLine: line - 1)
        default:
            append(b)
            state = .unquoted
        }
        return true
    }

    /// Appends a run of plain bytes at once, cutting the field at `maxFieldBytes`.
    @inline(__always)
    mutating func append(run: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        let room = CSV.maxFieldBytes - (used - fieldStart)
        let n = min(count, room)
        if n > 0 {
            reserve(n)
            // SAFETY: reserve(n) made used + n ≤ capacity; `run` holds `count` ≥ n bytes.
            assert(used + n <= capacity)
            let to = bytes + used
            if n <= 16 {
                for k in 0..<n { to[k] = run[k] }
            } else {
                to.update(from: run, count: n)
            }
            used += n
        }
        if count > room { truncated = true }
    }

    /// The first comma, LF or CR in `from..<to`, or `to`. Eight bytes at a time.
    @inline(__always)
    static func nextSeparator(_ base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int {
        var j = from
        while j + 8 <= n {
            // SAFETY: j + 8 ≤ n, the chunk's length.
            let m = separators(UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)))
            if m != 0 { return j + m.trailingZeroBitCount >> 3 }
            j += 8
        }
        while j < n {
            let c = base[j]
            if c == 0x2C || c == 0x0A || c == 0x0D { return j }
            j += 1
        }
        return n
    }

    /// The first quote or LF in `from..<to`, or `to`. Eight bytes at a time.
    @inline(__always)
    static func nextQuoteOrLF(_ base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int {
        var j = from
        while j &+ 8 <= n {
            // SAFETY: j + 8 ≤ n, the chunk's length.
            let w = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
            let m = matching(w, 0x22) | matching(w, 0x0A)
            if m != 0 { return j &+ m.trailingZeroBitCount &>> 3 }
            j &+= 8
        }
        while j < n {
            let c = base[j]
            if c == 0x22 || c == 0x0A { return j }
            j &+= 1
        }
        return n
    }

    /// 0x80 in each byte of `w` equal to `b`, exactly (no borrow crosses bytes).
    @inline(__always)
    static func matching(_ w: UInt64, _ b: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, ones: UInt64 = 0x0101_0101_0101_0101
        let v = w ^ (ones &* UInt64(b))
        return ~(((v & low7) &+ low7) | v | low7)
    }

    /// 0x80 in each byte of `w` that is a comma, LF or CR. Exact for every byte (no borrow
    /// crosses bytes), so all the separators of a word are used from one load.
    @inline(__always)
    static func separators(_ w: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func equal(_ b: UInt64) -> UInt64 {
            let v = w ^ (ones &* b)
            return ~(((v & low7) &+ low7) | v | low7)
        }
        return equal(0x2C) | equal(0x0A) | equal(0x0D)
    }

    /// Reads records in place from `from`, without copying, for as long as each one lies
    /// wholly in this chunk and its quoted fields (if any) are simply quoted: `"a, b"` before a
    /// separator, with no `""` or line break inside (nearly every record of an extract).
    /// Returns where it stopped (a record's start, for the general path to take: a quote, a
    /// line running past the chunk, a field or field count over the limits) and the callback's
    /// verdict.
    @inline(__always)
    mutating func plainRecords<E: Error>(_ base: UnsafePointer<UInt8>, from: Int, to n: Int,
                                         _ body: (borrowing Record) throws(E) -> Bool) throws(E) -> (next: Int, keepGoing: Bool) {
        var recordStart = from, fieldStart = from, f = 0
        // The word being scanned and its separators not yet used.
        var word = from
        guard word + 8 <= n else { return (from, true) }
        // SAFETY: word + 8 ≤ n.
        var mask = CSVParser.separators(UInt64(littleEndian: UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)))
        while true {
            if fieldStart == n || f == CSV.maxFields { return (recordStart, true) }
            // The cell's bytes, and the separator after it.
            var cellStart = fieldStart, cellEnd = 0, k = 0
            if base[fieldStart] == 0x22 {
                // A quoted cell is read in place too when it is simply quoted: its closing quote
                // in this chunk, right before a separator, and no `""` or line break inside.
                // Anything else (and a cell over the limit) takes the general path.
                let q = CSVParser.nextQuoteOrLF(base, from: fieldStart &+ 1, to: n)
                guard q &+ 1 < n, base[q] == 0x22 else { return (recordStart, true) }
                let after = base[q &+ 1]
                guard after == 0x2C || after == 0x0A || after == 0x0D, q &- fieldStart &- 1 <= CSV.maxFieldBytes else { return (recordStart, true) }
                cellStart = fieldStart &+ 1
                cellEnd = q
                k = q &+ 1
                // Separators inside the quotes are not the cell's: scanning resumes after it.
                word = k &- 8
                mask = 0
            } else {
                // The next separator at or after the field's start (a CR's LF is passed over).
                repeat {
                    while mask == 0 {
                        word &+= 8
                        guard word &+ 8 <= n else { return (recordStart, true) }
                        // SAFETY: word + 8 ≤ n.
                        mask = CSVParser.separators(UInt64(littleEndian: UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)))
                    }
                    k = word &+ mask.trailingZeroBitCount &>> 3
                    mask &= mask &- 1
                } while k < fieldStart
                assert(k < n)
                if k &- fieldStart > CSV.maxFieldBytes { return (recordStart, true) }
                cellEnd = k
            }
            // SAFETY: f < maxFields (checked above), the offset tables' capacity. Offsets lie
            // within one record (at most 2,048 fields of 64 KB): they fit in 32 bits.
            starts[f] = Int32(truncatingIfNeeded: cellStart &- recordStart)
            ends[f] = Int32(truncatingIfNeeded: cellEnd &- recordStart)
            f &+= 1
            fieldStart = k &+ 1
            if base[k] == 0x2C { continue }
            // The line end: a CR's LF belongs to it, in this chunk or at the next one's start.
            line += 1
            if base[k] == 0x0D {
                if fieldStart < n { if base[fieldStart] == 0x0A { fieldStart += 1 } } else { state = .afterCR }
            }
            var keepGoing = true
            // A wholly empty line (or one holding only `""`, as the general path reads it) is skipped.
            if !(f == 1 && ends[0] == starts[0]) {
                // SAFETY: every offset lies in base[recordStart ..< n], which the caller's chunk
                // keeps valid for the callback.
                keepGoing = try body(Record(unsafeBase: base + recordStart, starts: starts, ends: ends, kinds: nil, count: f,
                                            line: recordLine, truncated: false))
            }
            recordLine = line
            recordStart = fieldStart
            f = 0
            if !keepGoing || fieldStart >= n { return (fieldStart, keepGoing) }
        }
    }

    /// Feeds a chunk. Whole plain records are read in place; otherwise runs of plain bytes are
    /// found by a tight scan and copied at once, and only separators, line ends and quotes go
    /// through the state machine. Returns false when the callback asked to stop.
    public mutating func feed<E: Error>(_ data: UnsafeRawBufferPointer, _ body: (borrowing Record) throws(E) -> Bool) throws(E) -> Bool {
        guard let base = data.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let n = data.count
        var i = 0
        while i < n {
            if state == .fieldStart && fields == 0 && used == 0 {
                let (next, keepGoing) = try plainRecords(base, from: i, to: n, body)
                if !keepGoing { return false }
                // Where no record could be read in place, the general path reads one.
                if next > i {
                    i = next
                    continue
                }
            }
            let b = base[i]
            switch state {
            case .afterCR:
                // A CR ended the record; a following LF belongs to it.
                state = .fieldStart
                if b == 0x0A { i += 1; continue }
                if b == 0x22 { openQuote(); i += 1; continue }
                if try !unquoted(b, body) { return false }
                i += 1
            case .fieldStart, .unquoted:
                if state == .fieldStart && b == 0x22 { openQuote(); i += 1; continue }
                let j = CSVParser.nextSeparator(base, from: i, to: n)
                if j > i {
                    append(run: base + i, count: j - i)
                    state = .unquoted
                }
                // The chunk ended inside the field: the next chunk carries on with it.
                guard j < n else { i = j; continue }
                i = j + 1
                if base[j] == 0x2C {
                    endField()
                    state = .fieldStart
                    continue
                }
                line += 1
                state = base[j] == 0x0D ? .afterCR : .fieldStart
                if try !endRecord(body, lastLine: line - 1) { return false }
            case .quoted:
                var j = i
                while j < n {
                    let c = base[j]
                    if c == 0x22 || c == 0x0A { break }
                    j += 1
                }
                // A quoted field that runs past the field limit is a quote that never closed.
                if j - i > CSV.maxFieldBytes - (used - fieldStart) && end.unclosedQuoteLine == nil { end.unclosedQuoteLine = quoteLine }
                append(run: base + i, count: j - i)
                i = j
                guard i < n else { break }
                if base[i] == 0x22 { state = .quoteInQuoted } else {
                    line += 1
                    append(0x0A)
                }
                i += 1
            case .quoteInQuoted:
                // `""` is a quote; anything else ends the quoted part (text after a closing
                // quote, `"a"b`, is kept, as Excel does).
                if b == 0x22 {
                    state = .quoted
                    append(0x22)
                } else if try !unquoted(b, body) { return false }
                i += 1
            }
        }
        return true
    }

    @inline(__always)
    mutating func openQuote() {
        state = .quoted
        quoteLine = line
    }

    /// Ends the input: the last record, if it had no line end. A quote still open is noted in
    /// `end`.
    public mutating func finish<E: Error>(_ body: (borrowing Record) throws(E) -> Bool) throws(E) {
        switch state {
        case .fieldStart where fields == 0 && used == 0, .afterCR:
            return
        case .quoted:
            end.unclosedQuoteLine = quoteLine
            end.unendedLastLine = recordLine
            _ = try endRecord(body, lastLine: line)
        default:
            end.unendedLastLine = recordLine
            _ = try endRecord(body, lastLine: line)
        }
    }
}
