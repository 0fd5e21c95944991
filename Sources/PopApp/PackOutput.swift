import PopExtract
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing the pack's files and printing the PDF. Each file is created readable by its owner
/// only and never replaces what is there, unless asked to (`--force`): then a temporary file is
/// written beside it and renamed over it, so a reader never sees half a pack.
public enum PackOutput {
    /// Refuses, before anything is written, when a file (or a link, or anything) is at a path.
    public static func refuseExisting(_ paths: [String]) throws(PopError) {
        for path in paths where FilePath.entryExists(path) {
            throw PopError(.unusableInput, "\(path) already exists: pop pack replaces a file only with --force")
        }
    }

    public static func write(_ text: String, to path: String, replace: Bool) throws(PopError) {
        try write(Array(text.utf8), to: path, replace: replace)
    }

    /// Writes a new file, mode 0600: `O_CREAT|O_EXCL|O_NOFOLLOW`, so an existing file or link is
    /// refused, never followed or truncated. With `replace`, a temporary file beside it (made by
    /// `mkstemp`, also exclusive) is written and renamed over the path.
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(PopError) {
        if !replace {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw errno == EEXIST || errno == ELOOP
                    ? PopError(.unusableInput, "\(path) already exists: pop pack replaces a file only with --force")
                    : PopError(.unusableInput, "\(path): cannot be created (\(FilePath.systemError()))")
            }
            if let problem = fill(fd, bytes) {
                unlink(path)
                throw PopError(.unusableInput, "\(path): \(problem)")
            }
            return
        }
        var template = Array((folder(of: path) + "/." + FilePath.lastComponent(path) + ".pop-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw PopError(.unusableInput, "\(path): cannot write a temporary file beside it (\(FilePath.systemError()))") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if let problem = fill(fd, bytes) {
            unlink(temporary)
            throw PopError(.unusableInput, "\(path): \(problem)")
        }
        guard rename(temporary, path) == 0 else {
            let problem = FilePath.systemError()
            unlink(temporary)
            throw PopError(.unusableInput, "\(path): cannot be replaced (\(problem))")
        }
    }

    /// Writes every byte to a new file, sets its mode to 0600 whatever the umask, and closes
    /// it; the problem in words, or nil.
    static func fill(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { return "cannot set its mode (\(FilePath.systemError()))" }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                // SAFETY: done < bytes.count, so the range written stays inside `bytes`.
                return systemWrite(fd, base + done, raw.count - done)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return "write failed (\(FilePath.systemError()))" }
            done += n
        }
        return fsync(fd) == 0 ? nil : "cannot be saved (\(FilePath.systemError()))"
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: the PDF, through a headless Chromium

    /// What to install when there is no Chromium.
    public static let chromiumMissing = """
        --pdf prints the pack through a headless Chromium, and none was found on PATH (looked for chromium and chromium-browser). \
        Install it with: apt-get install chromium (as root, or with sudo), then run pop pack again. Nothing was written.
        """

    /// The first `chromium` or `chromium-browser` on a PATH that is an executable file.
    public static func findChromium(path: String?) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            for name in ["chromium", "chromium-browser"] {
                let candidate = folder + "/" + name
                var st = stat()
                if stat(candidate, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && access(candidate, X_OK) == 0 { return candidate }
            }
        }
        return nil
    }

    /// Prints an HTML file to PDF with a headless Chromium: it writes into a private folder
    /// (with its own profile, so a Chromium already open is neither used nor disturbed), and the
    /// PDF is then written to `pdf` as every pack file is. A Chromium that runs longer than
    /// `timeout` seconds is stopped, with every process it started.
    public static func printPDF(html: String, to pdf: String, replace: Bool, chromium: String, timeout: Int = 180) throws(PopError) {
        guard let resolved = realpath(html, nil) else { throw PopError(.unusableInput, "\(html): cannot be found (\(FilePath.systemError()))") }
        let absolute = String(cString: resolved)
        free(resolved)
        let work = try privateFolder()
        defer { removeTree(work) }
        let output = work + "/pack.pdf", log = work + "/chromium.log"
        let arguments = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(work)/profile",
                         "--print-to-pdf=\(output)", fileURL(absolute)]
        let status = try run(arguments, log: log, timeout: timeout)
        let bytes = (try? FilePath.readAll(output, limit: 1 << 30)) ?? []
        guard status == 0, bytes.starts(with: Array("%PDF-".utf8)) else {
            let said = ((try? FilePath.readAll(log)) ?? []).split(separator: UInt8(ascii: "\n")).suffix(4)
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: " | ")
            throw PopError(.externalProgram, "\(chromium) did not print \(html) to PDF (exit status \(status))" + (said.isEmpty ? "" : ": \(said)"))
        }
        try write(bytes, to: pdf, replace: replace)
    }

    /// `file://` and the path, every byte but unreserved ones and `/` percent-encoded.
    static func fileURL(_ absolute: String) -> String {
        var out = "file://"
        for b in absolute.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out
    }

    /// A new folder only this user can enter, under $TMPDIR (else /tmp).
    static func privateFolder() throws(PopError) -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/pop-pack-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let b = buffer.baseAddress else { return false }
            return mkdtemp(b) != nil
        }
        guard made else { throw PopError(.unusableInput, "cannot make a temporary folder in \(base) (\(FilePath.systemError()))") }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs a program in its own process group, its output to `log`, and waits for it; past the
    /// deadline the whole group is killed. The exit status, or -1 when it did not exit normally.
    static func run(_ arguments: [String], log: String, timeout: Int) throws(PopError) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw PopError(.externalProgram, "\(arguments[0]) could not be started (\(String(cString: strerror(spawned))))")
        }
        var status: Int32 = 0
        var waited = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw PopError(.externalProgram, "waiting for \(arguments[0]): \(FilePath.systemError())") }
            if waited >= timeout * 1000 {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw PopError(.externalProgram, "\(arguments[0]) took more than \(timeout) seconds to print the PDF and was stopped")
            }
            usleep(50_000)
            waited += 50
        }
        // Exited normally when the low seven bits are zero; the status is in the next byte.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    }

    /// Removes a folder pop made and everything in it, never following a link out of it.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { unlink(path); return }
        var names: [String] = []
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(dir)
        }
        for name in names { removeTree(path + "/" + name) }
        rmdir(path)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
