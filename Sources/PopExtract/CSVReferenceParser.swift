/// The CSV grammar written as plainly as possible, byte by byte over the whole input: slow,
/// allocation-heavy and obviously correct. The fast parser (`CSVParser`) is property-tested
/// against it on arbitrary and quoted input; it is never used to read extracts.
public enum CSVReferenceParser {
    public struct Row: Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var fields: [[UInt8]]
        public var truncated: Bool
        /// The line the record's last byte is on.
        public var lastLine: Int

        public init(line: Int, fields: [[UInt8]], truncated: Bool, lastLine: Int) {
            self.line = line
            self.fields = fields
            self.truncated = truncated
            self.lastLine = lastLine
        }

        public var description: String {
            "\(line)\(lastLine != line ? "-\(lastLine)" : "")\(truncated ? "!" : ""): " + fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "|")
        }
    }

    /// Every record of `input` (no byte-order mark handling: the caller strips it), and the line
    /// of a quote left open (at the end of the input or at the field limit).
    public static func parse(_ input: [UInt8]) -> (rows: [Row], unclosedQuoteLine: Int?, unendedLastLine: Int?) {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }
        var rows: [Row] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var truncated = false
        var state = State.fieldStart
        var line = 1, recordLine = 1, quoteLine = 0
        var unclosed: Int?

        func add(_ b: UInt8) {
            if field.count < CSV.maxFieldBytes {
                field.append(b)
            } else {
                truncated = true
                if state == .quoted && unclosed == nil { unclosed = quoteLine }
            }
        }
        func endField() {
            if fields.count < CSV.maxFields { fields.append(field) } else { truncated = true }
            field = []
        }
        func endRecord(lastLine: Int) {
            endField()
            // A line holding nothing (one empty field) is skipped.
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: recordLine, fields: fields, truncated: truncated, lastLine: lastLine)) }
            fields = []
            truncated = false
            recordLine = line
        }
        func outside(_ b: UInt8) {
            switch b {
            case 0x2C: endField(); state = .fieldStart
            case 0x0A: line += 1; state = .fieldStart; endRecord(lastLine: line - 1)
            case 0x0D: line += 1; state = .afterCR; endRecord(lastLine: line - 1)
            default: add(b); state = .unquoted
            }
        }

        for b in input {
            switch state {
            case .afterCR:
                if b == 0x0A { state = .fieldStart; continue }
                state = .fieldStart
                if b == 0x22 { state = .quoted; quoteLine = line } else { outside(b) }
            case .fieldStart:
                if b == 0x22 { state = .quoted; quoteLine = line } else { outside(b) }
            case .unquoted:
                outside(b)
            case .quoted:
                if b == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if b == 0x0A { line += 1 }
                    add(b)
                }
            case .quoteInQuoted:
                if b == 0x22 { state = .quoted; add(0x22) } else { outside(b) }
            }
        }
        var unended: Int?
        switch state {
        case .fieldStart where fields.isEmpty && field.isEmpty: break
        case .afterCR: break
        case .quoted:
            if unclosed == nil { unclosed = quoteLine }
            unended = recordLine
            endRecord(lastLine: line)
        default:
            unended = recordLine
            endRecord(lastLine: line)
        }
        return (rows, unclosed, unended)
    }
}
