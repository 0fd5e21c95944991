#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One CSV record: its fields' unescaped bytes, and the physical line it starts on (1-based).
///
/// The record is a view into the reader's buffer and is only valid inside the callback.
public struct CSVRecord {
    public internal(set) var line: Int = 0
    /// Unescaped bytes of every field, back to back.
    var bytes: [UInt8] = []
    /// End offset in `bytes` of each field.
    var ends: [Int] = []
    /// A field was cut at `CSVReader.maxFieldBytes`, or fields past `maxFields` were dropped.
    public internal(set) var truncated = false

    public var count: Int { ends.count }

    /// Calls `body` with field `i`'s bytes (empty when the record has fewer fields).
    @inline(__always)
    public func withField<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard i >= 0, i < ends.count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[start..<ends[i]]))
        }
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

    struct Parser {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }
        var state = State.fieldStart
        var record = CSVRecord()
        var fieldStart = 0
        var line = 1

        init() {
            record.bytes.reserveCapacity(4096)
            record.ends.reserveCapacity(64)
            record.line = 1
        }

        @inline(__always)
        mutating func append(_ b: UInt8) {
            if record.bytes.count - fieldStart < CSVReader.maxFieldBytes {
                record.bytes.append(b)
            } else {
                record.truncated = true
            }
        }

        @inline(__always)
        mutating func endField() {
            if record.ends.count < CSVReader.maxFields {
                record.ends.append(record.bytes.count)
            } else {
                record.truncated = true
                record.bytes.removeSubrange(fieldStart...)
            }
            fieldStart = record.bytes.count
        }

        /// Ends the record; skips a wholly empty line. Returns the callback's verdict.
        mutating func endRecord(_ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
            endField()
            var keepGoing = true
            if !(record.ends.count == 1 && record.ends[0] == 0) {
                keepGoing = try body(record)
            }
            record.bytes.removeAll(keepingCapacity: true)
            record.ends.removeAll(keepingCapacity: true)
            record.truncated = false
            fieldStart = 0
            record.line = line
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
            let room = CSVReader.maxFieldBytes - (record.bytes.count - fieldStart)
            if count <= room {
                record.bytes.append(contentsOf: UnsafeBufferPointer(start: run, count: count))
            } else {
                if room > 0 { record.bytes.append(contentsOf: UnsafeBufferPointer(start: run, count: room)) }
                record.truncated = true
            }
        }

        /// Feeds a chunk. Runs of plain bytes (most of any file) are found by a tight scan and
        /// copied at once; only separators, line ends and quotes go through the state machine.
        mutating func feed(_ data: UnsafeRawBufferPointer, _ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
            guard let base = data.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
            let n = data.count
            var i = 0
            while i < n {
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
                    var j = i
                    while j < n {
                        let c = base[j]
                        if c == 0x2C || c == 0x0A || c == 0x0D { break }
                        j += 1
                    }
                    if j > i {
                        append(run: base + i, count: j - i)
                        state = .unquoted
                        i = j
                        continue
                    }
                    if try !unquoted(b, body) { return false }
                    i += 1
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
            case .fieldStart where record.ends.isEmpty && record.bytes.isEmpty, .afterCR:
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
        if ascii { return String(decoding: bytes, as: UTF8.self) }
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
