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

    /// The bytes without surrounding spaces, tabs and non-breaking spaces (U+00A0, as UTF-8
    /// `C2 A0` or as Windows-1252's lone `A0`, which Excel leaves in copied cells).
    @inline(__always)
    public static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lo = 0, hi = bytes.count
        while lo < hi {
            let b = bytes[lo]
            if b == 0x20 || b == 0x09 { lo += 1; continue }
            if b == 0xC2 && lo + 1 < hi && bytes[lo + 1] == 0xA0 { lo += 2; continue }
            // A lone A0 cannot start a UTF-8 character: it is Windows-1252's non-breaking space.
            if b == 0xA0 { lo += 1; continue }
            break
        }
        while hi > lo {
            let b = bytes[hi - 1]
            if b == 0x20 || b == 0x09 { hi -= 1; continue }
            if b == 0xA0 && hi - 1 > lo && bytes[hi - 2] == 0xC2 { hi -= 2; continue }
            // After an ASCII byte a lone A0 is not the end of a UTF-8 character (`à` is C3 A0).
            if b == 0xA0 && (hi - 1 == lo || bytes[hi - 2] < 0x80) { hi -= 1; continue }
            break
        }
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
