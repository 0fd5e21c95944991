/// Reads gov.uk's `bank-holidays.json` (its "england-and-wales" division). Only the dates are
/// taken from it, so a small byte scanner does: find the division, then its `events` array, then
/// every `"date": "yyyy-mm-dd"` inside that array.
public enum BankHolidayFile {
    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The England & Wales dates in a gov.uk bank-holidays JSON text.
    public static func englandAndWalesDays(json text: String) throws -> [Day] {
        let bytes = Array(text.utf8)
        guard let division = find(Array("\"england-and-wales\"".utf8), in: bytes, from: 0),
              let events = find(Array("\"events\"".utf8), in: bytes, from: division),
              let open = bytes[events...].firstIndex(of: UInt8(ascii: "[")) else {
            throw FormatError(description: "no \"england-and-wales\" events in the bank holidays file")
        }
        // The events array ends at the matching ']' outside any string.
        var depth = 0, inString = false, escaped = false, close = -1
        for i in open..<bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            if b == 0x22 { inString = true } else if b == 0x5B { depth += 1 } else if b == 0x5D {
                depth -= 1
                if depth == 0 { close = i; break }
            }
        }
        guard close > open else { throw FormatError(description: "the england-and-wales events array is not closed") }
        var days: [Day] = []
        let key = Array("\"date\"".utf8)
        var at = open
        while let k = find(key, in: bytes, from: at), k < close {
            guard let q1 = bytes[(k + key.count)..<close].firstIndex(of: 0x22),
                  let q2 = bytes[(q1 + 1)..<close].firstIndex(of: 0x22) else { break }
            let value = String(decoding: bytes[(q1 + 1)..<q2], as: UTF8.self)
            guard case .day(let d) = DateParser.parse(value) else {
                throw FormatError(description: "not a date in the bank holidays file: \(value)")
            }
            days.append(d)
            at = q2 + 1
        }
        if days.isEmpty { throw FormatError(description: "no dates in the bank holidays file") }
        return days
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
