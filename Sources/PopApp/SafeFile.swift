#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files pop writes: created readable by the owner only (they may hold children's records),
/// never through a link planted at the name, and never over a file pop did not create unless
/// asked to (`--force`, which writes a temporary file beside it and renames it over).
public enum SafeFile {
    public static func write(_ text: String, to path: String, force: Bool) throws(PopError) {
        try write(Array(text.utf8), to: path, force: force)
    }

    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(PopError) {
        if force && exists(path) {
            let temporary = path + ".pop-\(getpid())"
            try writeNew(bytes, to: temporary)
            guard rename(temporary, path) == 0 else {
                let why = String(cString: strerror(errno))
                unlink(temporary)
                throw PopError(.unusableInput, "\(path): cannot be replaced (\(why))")
            }
            return
        }
        try writeNew(bytes, to: path)
    }

    /// Creates `path` (it must not exist) and writes every byte.
    static func writeNew(_ bytes: [UInt8], to path: String) throws(PopError) {
        let file = try Appender(path: path)
        try file.write(bytes)
    }

    /// Whether anything is at `path`, a link to nothing included.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// `path` itself when nothing is there, else the first free `name-2.ext`, `name-3.ext`, …
    public static func freshName(_ path: String) -> String {
        guard exists(path) else { return path }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let dot = path[slash...].lastIndex(of: ".") ?? path.endIndex
        for n in 2... {
            let candidate = String(path[..<dot]) + "-\(n)" + String(path[dot...])
            if !exists(candidate) { return candidate }
        }
        return path
    }

    /// Makes a folder 0700 (it may exist already).
    public static func makeDirectory(_ path: String) throws(PopError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw PopError(.unusableInput, "\(path): cannot create the folder (\(String(cString: strerror(errno))))")
        }
    }

    /// A new file written in pieces: created 0600 with O_EXCL and O_NOFOLLOW, so an existing
    /// file or a link at the name is refused rather than written through.
    public final class Appender {
        public let path: String
        let fd: Int32

        public init(path: String) throws(PopError) {
            self.path = path
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let why = errno == EEXIST ? "it exists already; pop does not replace a file without --force" : String(cString: strerror(errno))
                throw PopError(.unusableInput, "\(path): cannot be written (\(why))")
            }
        }

        deinit { close(fd) }

        public func write(_ bytes: [UInt8]) throws(PopError) {
            let ok = bytes.withUnsafeBytes { raw in SafeFile.writeFully(fd, raw) }
            if !ok { throw PopError(.unusableInput, "\(path): write failed (\(String(cString: strerror(errno))))") }
        }

        public func write(_ text: Substring) throws(PopError) {
            var text = text
            let ok = text.withUTF8 { SafeFile.writeFully(fd, UnsafeRawBufferPointer($0)) }
            if !ok { throw PopError(.unusableInput, "\(path): write failed (\(String(cString: strerror(errno))))") }
        }
    }

    /// Writes every byte, however many calls `write` takes; false when it fails.
    public static func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            // SAFETY: done < bytes.count, so the pointer and length stay inside `bytes`.
            guard let base = bytes.baseAddress else { return true }
            let n = systemWrite(fd, base + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
