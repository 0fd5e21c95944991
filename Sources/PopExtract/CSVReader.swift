#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One CSV record: its fields' unescaped bytes, and the physical line it starts on (1-based).
///
/// The record is a view into the reader's memory and is only valid inside the callback.
public struct CSVRecord {
    public internal(set) var line: Int = 0
    /// Field i is `bytes[starts[i] ..< ends[i]]`: the read buffer itself for a plain record,
    /// or the parser's own memory for one that needed unescaping or crossed a chunk.
    let bytes: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int32>
    let ends: UnsafePointer<Int32>
    public let count: Int
    /// A field was cut at `CSVReader.maxFieldBytes`, or fields past `maxFields` were dropped.
    public internal(set) var truncated = false

    /// Calls `body` with field `i`'s bytes (empty when the record has fewer fields).
    @inline(__always)
    public func withField<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard i >= 0, i < count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let start = Int(starts[i])
        return try body(UnsafeRawBufferPointer(start: bytes + start, count: Int(ends[i]) - start))
    }

    /// Field `i` as text: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (as Excel writes).
    public func string(_ i: Int) -> String { withField(i) { TextDecoding.decode($0) } }

    /// Field `i` with surrounding spaces removed.
    public func trimmed(_ i: Int) -> String { withField(i) { TextDecoding.decode(TextDecoding.trim($0)) } }

    public func isBlank(_ i: Int) -> Bool { withField(i) { TextDecoding.trim($0).isEmpty } }
}

/// A streaming, byte-level RFC 4180 reader: quoted fields with commas, `""` and line breaks,
/// LF or CRLF line ends, a UTF-8 byte-order mark. It never holds more than one record, so memory
/// is bounded whatever the file size; a field longer than `maxFieldBytes` is cut (and the record
/// flagged) rather than grown without end.
public struct CSVReader {
    public static let maxFieldBytes = 1 << 16
    public static let maxFields = 2048
    static let chunkSize = 1 << 20

    public enum Failure: Error, Equatable {
        case cannotOpen(path: String, reason: String)
        case readFailed(path: String, reason: String)
    }

    /// Reads every record of the file at `path`; `body` returns false to stop early.
    public static func read(path: String, _ body: (CSVRecord) throws -> Bool) throws {
        guard let file = fopen(path, "rb") else {
            throw Failure.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var parser = Parser()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var first = true
        while true {
            let n = fread(chunk.baseAddress, 1, chunkSize, file)
            if n == 0 {
                if ferror(file) != 0 { throw Failure.readFailed(path: path, reason: String(cString: strerror(errno))) }
                break
            }
            var view = UnsafeRawBufferPointer(rebasing: chunk[0..<n])
            if first {
                first = false
                if n >= 3, view[0] == 0xEF, view[1] == 0xBB, view[2] == 0xBF {
                    view = UnsafeRawBufferPointer(rebasing: view[3...])
                }
            }
            if try !parser.feed(view, body) { return }
        }
        _ = try parser.finish(body)
    }

    /// Reads every record of `data` (for tests and in-memory text).
    public static func read(bytes data: [UInt8], _ body: (CSVRecord) throws -> Bool) rethrows {
        var parser = Parser()
        try data.withUnsafeBytes { raw in
            var view = raw
            if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
                view = UnsafeRawBufferPointer(rebasing: raw[3...])
            }
            if try parser.feed(view, body) { _ = try parser.finish(body) }
        }
    }

    /// Owns the memory a parser builds records in, and frees it.
    final class Allocation {
        var bytes: UnsafeMutablePointer<UInt8>
        let starts: UnsafeMutablePointer<Int32>
        let ends: UnsafeMutablePointer<Int32>

        init(capacity: Int) {
            bytes = .allocate(capacity: capacity)
            starts = .allocate(capacity: CSVReader.maxFields)
            ends = .allocate(capacity: CSVReader.maxFields)
        }

        deinit {
            bytes.deallocate()
            starts.deallocate()
            ends.deallocate()
        }
    }

    /// The record being built lives in raw memory with its counters in this struct, so adding
    /// a byte or ending a field is a plain store.
    struct Parser {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }
        var state = State.fieldStart
        let allocation: Allocation
        var bytes: UnsafeMutablePointer<UInt8>
        var capacity = 4096
        var used = 0
        let starts: UnsafeMutablePointer<Int32>
        let ends: UnsafeMutablePointer<Int32>
        var fields = 0
        var fieldStart = 0
        var line = 1
        var recordLine = 1
        var truncated = false

        init() {
            allocation = Allocation(capacity: capacity)
            bytes = allocation.bytes
            starts = allocation.starts
            ends = allocation.ends
        }

        @inline(__always)
        mutating func reserve(_ n: Int) {
            guard used + n > capacity else { return }
            var c = capacity * 2
            while c < used + n { c *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            grown.update(from: bytes, count: used)
            bytes.deallocate()
            bytes = grown
            allocation.bytes = grown
            capacity = c
        }

        @inline(__always)
        mutating func append(_ b: UInt8) {
            if used - fieldStart < CSVReader.maxFieldBytes {
                reserve(1)
                bytes[used] = b
                used += 1
            } else {
                truncated = true
            }
        }

        @inline(__always)
        mutating func endField() {
            if fields < CSVReader.maxFields {
                starts[fields] = Int32(fieldStart)
                ends[fields] = Int32(used)
                fields += 1
            } else {
                truncated = true
                used = fieldStart
            }
            fieldStart = used
        }

        /// Ends the record; skips a wholly empty line. Returns the callback's verdict.
        mutating func endRecord(_ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
            endField()
            var keepGoing = true
            if !(fields == 1 && ends[0] == 0) {
                let record = CSVRecord(line: recordLine, bytes: bytes, starts: starts, ends: ends, count: fields, truncated: truncated)
                keepGoing = try body(record)
            }
            used = 0
            fields = 0
            truncated = false
            fieldStart = 0
            recordLine = line
            return keepGoing
        }

        /// Handles a byte outside quotes: a separator, a line end or data. Returns the
        /// callback's verdict when a record ended.
        @inline(__always)
        mutating func unquoted(_ b: UInt8, _ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
            switch b {
            case 0x2C:
                endField()
                state = .fieldStart
            case 0x0A, 0x0D:
                line += 1
                state = b == 0x0D ? .afterCR : .fieldStart
                return try endRecord(body)
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
            let room = CSVReader.maxFieldBytes - (used - fieldStart)
            let n = min(count, room)
            if n > 0 {
                reserve(n)
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
        /// wholly in this chunk and has no quoted field (nearly every record of an extract).
        /// Returns where it stopped (a record's start, for the general path to take: a quote,
        /// a line running past the chunk, a field or field count over the limits) and the
        /// callback's verdict.
        @inline(__always)
        mutating func plainRecords(_ base: UnsafePointer<UInt8>, from: Int, to n: Int,
                                   _ body: (CSVRecord) throws -> Bool) rethrows -> (next: Int, keepGoing: Bool) {
            var recordStart = from, fieldStart = from, f = 0
            // The word being scanned and its separators not yet used.
            var word = from
            guard word + 8 <= n else { return (from, true) }
            var mask = Parser.separators(UInt64(littleEndian: UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)))
            while true {
                if fieldStart == n || base[fieldStart] == 0x22 || f == CSVReader.maxFields { return (recordStart, true) }
                // The next separator at or after the field's start (a CR's LF is passed over).
                var k = 0
                repeat {
                    while mask == 0 {
                        word &+= 8
                        guard word &+ 8 <= n else { return (recordStart, true) }
                        mask = Parser.separators(UInt64(littleEndian: UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)))
                    }
                    k = word &+ mask.trailingZeroBitCount &>> 3
                    mask &= mask &- 1
                } while k < fieldStart
                if k &- fieldStart > CSVReader.maxFieldBytes { return (recordStart, true) }
                // Offsets within one record (at most 2,048 fields of 64 KB): they fit in 32 bits.
                starts[f] = Int32(truncatingIfNeeded: fieldStart &- recordStart)
                ends[f] = Int32(truncatingIfNeeded: k &- recordStart)
                f &+= 1
                fieldStart = k &+ 1
                if base[k] == 0x2C { continue }
                // The line end: a CR's LF belongs to it, in this chunk or at the next one's start.
                line += 1
                if base[k] == 0x0D {
                    if fieldStart < n { if base[fieldStart] == 0x0A { fieldStart += 1 } } else { state = .afterCR }
                }
                var keepGoing = true
                if !(f == 1 && k == recordStart) {
                    keepGoing = try body(CSVRecord(line: recordLine, bytes: base + recordStart, starts: starts, ends: ends, count: f))
                }
                recordLine = line
                recordStart = fieldStart
                f = 0
                if !keepGoing || fieldStart >= n { return (fieldStart, keepGoing) }
            }
        }

        /// Feeds a chunk. Whole plain records are read in place; otherwise runs of plain bytes
        /// are found by a tight scan and copied at once, and only separators, line ends and
        /// quotes go through the state machine.
        mutating func feed(_ data: UnsafeRawBufferPointer, _ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
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
                    if b == 0x22 { state = .quoted; i += 1; continue }
                    if try !unquoted(b, body) { return false }
                    i += 1
                case .fieldStart, .unquoted:
                    if state == .fieldStart && b == 0x22 { state = .quoted; i += 1; continue }
                    let j = Parser.nextSeparator(base, from: i, to: n)
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
                    if try !endRecord(body) { return false }
                case .quoted:
                    var j = i
                    while j < n {
                        let c = base[j]
                        if c == 0x22 || c == 0x0A { break }
                        j += 1
                    }
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
                        append(0x22)
                        state = .quoted
                    } else if try !unquoted(b, body) { return false }
                    i += 1
                }
            }
            return true
        }

        mutating func finish(_ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
            switch state {
            case .fieldStart where fields == 0 && used == 0, .afterCR:
                return true
            default:
                return try endRecord(body)
            }
        }
    }
}

/// Text from bytes: UTF-8 when valid, else Windows-1252, so `Children’s Services` and `Zoë`
/// survive an Excel export. Decided per field, so one bad byte never garbles the whole file.
public enum TextDecoding {
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.isEmpty { return "" }
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
                return bytes.count
            }
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(windows1252(b)) }
        return String(scalars)
    }

    public static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])
    }

    /// Windows-1252's 0x80–0x9F block; the rest matches Latin-1.
    static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b <= 0x9F { return Unicode.Scalar(high[Int(b - 0x80)])! }
        return Unicode.Scalar(b)
    }
}
