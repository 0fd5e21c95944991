#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where tests find the project's fixtures and the shared reference data (`../shared`, beside
/// the project, never copied into it).
public enum TestPaths {
    public static let project: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // …/Tests/PopTestSupport/Paths.swift
        return parts.joined(separator: "/")
    }()
    public static let shared = project + "/../shared"
    public static let referenceData = shared + "/reference-data"
    public static let demo = project + "/Fixtures/demo"

    /// A whole file's bytes, or nil when it cannot be read.
    public static func bytes(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }

    public static func text(_ path: String) -> String? { bytes(path).map { String(decoding: $0, as: UTF8.self) } }
}
