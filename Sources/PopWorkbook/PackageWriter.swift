import Foundation
import ZIPFoundation

/// Writes a zip of parts through ZIPFoundation into a private temporary file beside the
/// destination, then renames it into place, so a reader never sees half a workbook and the
/// file is the owner's alone (0600) from its first byte.
final class PackageWriter {
    private let archive: Archive
    private let temporaryURL: URL
    private let compression: CompressionMethod
    /// A fixed date (1 January 1980, the zip format's first) keeps the same workbook byte-identical.
    private static let modificationDate = Date(timeIntervalSince1970: 315_532_800)

    init(destination: URL, compress: Bool) throws {
        let folder = destination.deletingLastPathComponent()
        temporaryURL = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        // ZIPFoundation's create mode makes the file with the default permissions; instead the
        // file is made here, 0600, holding an empty zip's end record, and opened for update.
        let fd = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PartFault("cannot be created in \(folder.path): \(String(cString: strerror(errno)))") }
        let emptyZip: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        // SAFETY: write reads the array's own 22 bytes.
        let written = emptyZip.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        do {
            guard written == emptyZip.count else { throw PartFault("cannot be written in \(folder.path)") }
            archive = try Archive(url: temporaryURL, accessMode: .update)
        } catch {
            try? FileManager.default.removeItem(at: temporaryURL)
            throw error
        }
        compression = compress ? .deflate : .none
    }

    func add(_ name: String, bytes: [UInt8]) throws {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                             modificationDate: PackageWriter.modificationDate, permissions: 0o600,
                             compressionMethod: compression, bufferSize: 1 << 16) { position, size in
            let start = Int(position)
            return Data(bytes[start..<(start + size)])
        }
    }

    /// Adds a part of `size` bytes that `provider` hands over a piece at a time.
    func add(_ name: String, size: Int64, provider: (Int64, Int) throws -> Data) throws {
        try withoutActuallyEscaping(provider) { provider in
            try archive.addEntry(with: name, type: .file, uncompressedSize: size,
                                 modificationDate: PackageWriter.modificationDate, permissions: 0o600,
                                 compressionMethod: compression, bufferSize: 1 << 18, provider: provider)
        }
    }

    /// Moves the finished zip to `destination` (replacing any file there).
    func finish(at destination: URL) throws {
        if rename(temporaryURL.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporaryURL)
            throw PartFault("cannot be written: \(reason)")
        }
    }

    func abandon() {
        try? FileManager.default.removeItem(at: temporaryURL)
    }
}

/// Writes a zip of parts given as they are, for tools and tests that need a workbook built by
/// hand (odd namespaces, relationships, damaged XML) rather than by `XLSXWriter`.
public enum WorkbookPackage {
    /// Writes `parts` (zip name and bytes, in order) to `path`, deflated or, with
    /// `compress: false`, stored. The file is written 0600.
    public static func write(_ parts: [(name: String, bytes: [UInt8])], to path: String, compress: Bool = true) throws(WorkbookError) {
        let destination = URL(fileURLWithPath: path)
        do {
            let writer = try PackageWriter(destination: destination, compress: compress)
            do {
                for part in parts { try writer.add(part.name, bytes: part.bytes) }
                try writer.finish(at: destination)
            } catch {
                writer.abandon()
                throw error
            }
        } catch let fault as PartFault {
            throw WorkbookError(file: destination.lastPathComponent, message: fault.message)
        } catch {
            throw WorkbookError(file: destination.lastPathComponent, message: "cannot be written: \(error)")
        }
    }
}
