import Foundation

/// Golden files: a test's whole output kept beside the test and compared byte for byte;
/// `POP_RECORD_GOLDEN=1 swift test` rewrites them.
public enum Golden {
    /// What is wrong with `text` against the golden file at `path` (nil when it matches, or when
    /// recording): a missing file, or the first line that differs.
    public static func mismatch(_ text: String, path: String) -> String? {
        if ProcessInfo.processInfo.environment["POP_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! text.write(toFile: path, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "no golden file \(path): run POP_RECORD_GOLDEN=1 swift test"
        }
        guard text != expected else { return nil }
        let a = text.split(separator: "\n", omittingEmptySubsequences: false), b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return "\((path as NSString).lastPathComponent) differs from its golden file from line \(line + 1): \(line < a.count ? String(a[line]) : "(end)")"
    }
}
