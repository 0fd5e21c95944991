#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A list held in a CSV file, read in chunks of `CSV.chunkSize`, so memory stays bounded
/// whatever the file's size. Only a regular file (or a link to one) is read: a folder, a pipe or
/// a device named like a list is an error, never "not supplied" and never a hang.
public struct CSVFile: RecordSource, Sendable {
    public let path: String
    public let name: String
    public var sheet: String? { nil }

    /// `name` is what messages call the file (default: the last part of the path).
    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? FilePath.lastComponent(path)
    }

    @discardableResult
    public func forEachRecord(_ body: (borrowing Record) throws(ExtractError) -> Bool) throws(ExtractError) -> SourceEnd {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ExtractError(file: name, message: "cannot be read (\(FilePath.systemError()))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ExtractError(file: name, message: "cannot be read (\(FilePath.systemError()))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw ExtractError(file: name, message: "cannot be read: it is \(FilePath.kind(st.st_mode)), not a file")
        }
        var parser = CSVParser()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: CSV.chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var first = true
        while true {
            // SAFETY: read writes at most chunk.count bytes into the chunk.
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ExtractError(file: name, message: "cannot be read (\(FilePath.systemError()))")
            }
            if n == 0 { break }
            var view = UnsafeRawBufferPointer(rebasing: chunk[0..<n])
            if first {
                first = false
                if n >= 3, view[0] == 0xEF, view[1] == 0xBB, view[2] == 0xBF {
                    view = UnsafeRawBufferPointer(rebasing: view[3...])
                }
            }
            if try !parser.feed(view, body) { return SourceEnd() }
        }
        try parser.finish(body)
        return try CSVFile.check(parser.end, name: name)
    }

    /// A quote that opens a field and never closes swallows the rest of the file: nothing of
    /// the list can be trusted (data contract, **Bad input**).
    static func check(_ end: CSVParser.End, name: String) throws(ExtractError) -> SourceEnd {
        if let line = end.unclosedQuoteLine {
            throw ExtractError(file: name, line: line,
                               message: "a quote opens a field on this line and never closes: the list cannot be read reliably")
        }
        return SourceEnd(unendedLastLine: end.unendedLastLine)
    }
}

/// A list held in memory as CSV bytes (tests, fuzzing, the demo).
public struct CSVBytes: RecordSource {
    public let bytes: [UInt8]
    public let name: String
    public var sheet: String? { nil }

    public init(_ bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    @discardableResult
    public func forEachRecord(_ body: (borrowing Record) throws(ExtractError) -> Bool) throws(ExtractError) -> SourceEnd {
        let end = try CSV.records(bytes, body)
        return try CSVFile.check(end, name: name)
    }
}

/// Paths and what the system says about them.
public enum FilePath {
    public static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The text of the last system error.
    public static func systemError() -> String { String(cString: strerror(errno)) }

    /// Whether anything is at `path`, a dangling link included (it does not follow links).
    public static func entryExists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Whether `path` is a regular file (following links).
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `path` is a folder (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// A whole small file (a bank-holidays file, an agenda): a regular file only, at most
    /// `limit` bytes, so that a pipe or a device cannot hang pop and a huge file cannot exhaust it.
    public static func readAll(_ path: String, limit: Int = 16 << 20) throws(ExtractError) -> [UInt8] {
        let name = lastComponent(path)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ExtractError(file: name, message: "cannot be read (\(systemError()))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ExtractError(file: name, message: "cannot be read (\(systemError()))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw ExtractError(file: name, message: "cannot be read: it is \(kind(st.st_mode)), not a file") }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ExtractError(file: name, message: "cannot be read (\(systemError()))")
            }
            if n == 0 { return out }
            out += chunk[0..<n]
            if out.count > limit { throw ExtractError(file: name, message: "is larger than \(limit >> 20) MB: not a file pop reads whole") }
        }
    }

    /// "a folder", "a pipe", … for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a pipe"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
