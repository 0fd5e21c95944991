import Foundation
import ZIPFoundation

/// One part of the zip, as the central directory describes it.
struct ZipEntry: Sendable {
    let name: String
    let method: UInt16
    let flags: UInt16
    let crc32: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64
}

/// The zip container of a workbook: its directory, and each part's bytes streamed out.
///
/// ZIPFoundation inflates, but the directory is read here rather than through its `Archive`:
/// on Linux, `Archive.extract` keeps asking for more input, for ever, when a deflate stream
/// does not end inside the file (a damaged or cut-off workbook hangs it), and its directory
/// scan steps back one byte at a time through a whole file that is not a zip. Reading the
/// directory ourselves gives each part's exact byte range, so inflating can stop at its end.
final class ZipFile: @unchecked Sendable {
    // @unchecked: nothing changes after init, and pread takes its offset, so two threads may
    // read parts at once.
    private let fd: Int32
    let size: Int64
    /// Parts by lower-cased name (OPC part names are case-insensitive); the first of two wins.
    private(set) var entries: [String: ZipEntry] = [:]

    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// A central directory larger than this is not a workbook's (Excel's hold a few KB).
    static let maxDirectoryBytes = 64 << 20

    init(path: String) throws(PartFault) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PartFault("cannot be opened: \(String(cString: strerror(errno)))") }
        self.fd = fd
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw PartFault("cannot be read: \(reason)")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw PartFault("is not a file")
        }
        size = Int64(info.st_size)
        try readDirectory()
    }

    deinit { close(fd) }

    func entry(_ name: String) -> ZipEntry? { entries[name.lowercased()] }

    // MARK: Reading bytes

    /// Exactly `count` bytes at `offset`, or an error when the file is shorter.
    func read(at offset: Int64, count: Int) throws(PartFault) -> [UInt8] {
        guard count >= 0, offset >= 0, offset <= size, Int64(count) <= size - offset else {
            throw PartFault("is damaged: a zip record points past the end of the file")
        }
        do throws(FileBytes.Failure) {
            return try FileBytes.read(fd, at: offset, count: count)
        } catch .failed(let e) {
            throw PartFault("cannot be read: \(String(cString: strerror(e)))")
        } catch {
            throw PartFault("cannot be read: the file ends early")
        }
    }

    // MARK: The directory

    private func readDirectory() throws(PartFault) {
        let head = try read(at: 0, count: Int(min(size, 8)))
        if head == ZipFile.oleSignature {
            throw PartFault("is an encrypted workbook or an old .xls: save it as .xlsx without a password")
        }
        guard head.count >= 4, head[0] == 0x50, head[1] == 0x4B else {
            throw PartFault("is not an .xlsx workbook (it is not a zip file)")
        }
        // The end record is in the last 22 bytes plus at most a 64 KB comment.
        let tailLength = Int(min(size, 22 + 0xFFFF))
        let tailStart = size - Int64(tailLength)
        let tail = try read(at: tailStart, count: tailLength)
        var found: Int?
        var i = tailLength - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { found = i; break }
            i -= 1
        }
        guard let end = found else { throw PartFault("is not an .xlsx workbook (it is damaged or not a zip file)") }
        var entryCount = Int64(le16(tail, end + 10))
        var directorySize = Int64(le32(tail, end + 12))
        var directoryOffset = Int64(le32(tail, end + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the 64-bit end record.
            let locatorAt = tailStart + Int64(end) - 20
            guard locatorAt >= 0 else { throw PartFault("is damaged: its ZIP64 directory is missing") }
            let locator = try read(at: locatorAt, count: 20)
            guard le32(locator, 0) == 0x0706_4B50 else { throw PartFault("is damaged: its ZIP64 directory is missing") }
            let recordAt = le64(locator, 8)
            guard recordAt >= 0 else { throw PartFault("is damaged: its ZIP64 directory is missing") }
            let record = try read(at: recordAt, count: 56)
            guard le32(record, 0) == 0x0606_4B50 else { throw PartFault("is damaged: its ZIP64 directory is missing") }
            entryCount = le64(record, 32)
            directorySize = le64(record, 40)
            directoryOffset = le64(record, 48)
        }
        guard directorySize >= 0, directoryOffset >= 0, directorySize <= Int64(ZipFile.maxDirectoryBytes),
              directoryOffset <= size, directorySize <= size - directoryOffset else {
            throw PartFault("is damaged: its zip directory lies outside the file")
        }
        let directory = try read(at: directoryOffset, count: Int(directorySize))
        var p = 0
        var seen: Int64 = 0
        while seen < entryCount, p + 46 <= directory.count {
            guard le32(directory, p) == 0x0201_4B50 else { throw PartFault("is damaged: its zip directory is malformed") }
            let nameLength = Int(le16(directory, p + 28))
            let extraLength = Int(le16(directory, p + 30))
            let commentLength = Int(le16(directory, p + 32))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw PartFault("is damaged: its zip directory is malformed") }
            var compressed = Int64(le32(directory, p + 20))
            var uncompressed = Int64(le32(directory, p + 24))
            var offset = Int64(le32(directory, p + 42))
            // The ZIP64 extra field holds, in this order, only the sizes and offset that overflowed.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = le16(directory, e)
                let length = Int(le16(directory, e + 2))
                guard e + 4 + length <= extraEnd else { break }
                if id == 0x0001 {
                    var f = e + 4
                    let fieldEnd = f + length
                    if uncompressed == 0xFFFF_FFFF, f + 8 <= fieldEnd { uncompressed = le64(directory, f); f += 8 }
                    if compressed == 0xFFFF_FFFF, f + 8 <= fieldEnd { compressed = le64(directory, f); f += 8 }
                    if offset == 0xFFFF_FFFF, f + 8 <= fieldEnd { offset = le64(directory, f) }
                }
                e += 4 + length
            }
            var name = String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            name = name.replacingOccurrences(of: "\\", with: "/")
            if name.hasPrefix("/") { name.removeFirst() }
            let entry = ZipEntry(name: name, method: le16(directory, p + 10), flags: le16(directory, p + 8),
                                 crc32: le32(directory, p + 16), compressedSize: compressed,
                                 uncompressedSize: uncompressed, localHeaderOffset: offset)
            let key = name.lowercased()
            if entries[key] == nil { entries[key] = entry }
            seen += 1
            p = next
        }
    }

    // MARK: Streaming a part

    /// Where `entry`'s data starts, checked against the file's size.
    private func dataOffset(_ entry: ZipEntry) throws(PartFault) -> Int64 {
        if entry.flags & 1 != 0 { throw PartFault("is encrypted (\(entry.name)): save it as .xlsx without a password") }
        guard entry.method == 0 || entry.method == 8 else {
            throw PartFault("is damaged or unusual: \(entry.name) is compressed with zip method \(entry.method), which pop cannot read")
        }
        guard entry.compressedSize >= 0, entry.uncompressedSize >= 0, entry.localHeaderOffset >= 0,
              entry.localHeaderOffset <= size - 30 else {
            throw PartFault("is damaged: \(entry.name) lies outside the file")
        }
        let header = try read(at: entry.localHeaderOffset, count: 30)
        guard le32(header, 0) == 0x0403_4B50 else { throw PartFault("is damaged: \(entry.name) has no zip header") }
        let start = entry.localHeaderOffset + 30 + Int64(le16(header, 26)) + Int64(le16(header, 28))
        guard start <= size, entry.compressedSize <= size - start else {
            throw PartFault("is damaged or cut short: \(entry.name) runs past the end of the file")
        }
        if entry.method == 0, entry.compressedSize != entry.uncompressedSize {
            throw PartFault("is damaged: \(entry.name) is stored with two different sizes")
        }
        return start
    }

    /// Calls `consume` with the part's bytes, a chunk at a time; the chunks add up to exactly
    /// the size the directory gives, or an error is thrown. Errors `consume` throws pass through.
    func stream(_ entry: ZipEntry, chunkSize: Int, checkCRC: Bool, _ consume: (Data) throws -> Void) throws {
        var offset = try dataOffset(entry)
        var remaining = entry.compressedSize
        var produced: Int64 = 0
        let expected = entry.uncompressedSize
        let name = entry.name
        func counted(_ data: Data) throws {
            produced += Int64(data.count)
            guard produced <= expected else { throw PartFault("is damaged: \(name) holds more than its zip directory says") }
            if !data.isEmpty { try consume(data) }
        }
        var checksum: UInt32 = 0
        if entry.method == 0 {
            while remaining > 0 {
                let n = Int(min(Int64(chunkSize), remaining))
                let chunk = Data(try read(at: offset, count: n))
                offset += Int64(n)
                remaining -= Int64(n)
                if checkCRC { checksum = chunk.crc32(checksum: checksum) }
                try counted(chunk)
            }
        } else {
            func provider(_ position: Int64, _ want: Int) throws -> Data {
                // ZIPFoundation's Linux inflater asks for input until the stream's end marker;
                // a stream that runs out first is damaged, and saying so ends the loop.
                guard remaining > 0 else { throw PartFault("is damaged or cut short: \(name) ends before its data does") }
                let n = Int(min(Int64(want), remaining))
                var chunk = Data(try read(at: offset, count: n))
                offset += Int64(n)
                remaining -= Int64(n)
                // It also tells zlib the chunk holds `want` bytes whatever its length; zero
                // padding keeps zlib inside memory we own. A sound stream ends before the
                // padding; a damaged one may read it as data, and is then refused as corrupt,
                // as longer than declared, or at the next call here.
                if n < want { chunk.append(Data(count: want - n)) }
                return chunk
            }
            checksum = try Data.decompress(size: entry.compressedSize, bufferSize: chunkSize, skipCRC32: !checkCRC,
                                           provider: provider, consumer: counted)
        }
        guard produced == expected else { throw PartFault("is damaged or cut short: \(name) holds less than its zip directory says") }
        if checkCRC, checksum != entry.crc32 { throw PartFault("is damaged: \(name) fails its checksum") }
    }

    /// A whole part, for the small ones (workbook, relationships); refused above `limit` bytes.
    func contents(_ entry: ZipEntry, limit: Int) throws -> [UInt8] {
        guard entry.uncompressedSize <= Int64(limit) else {
            throw PartFault("has a \(entry.name) larger than \(limit >> 20) MB, which no workbook needs")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        try stream(entry, chunkSize: 1 << 16, checkCRC: true) { bytes.append(contentsOf: $0) }
        return bytes
    }
}

@inline(__always) private func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
@inline(__always) private func le32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(le16(b, i)) | UInt32(le16(b, i + 2)) << 16 }
/// As a signed value: a size or offset past Int64.max is as damaged as a negative one.
@inline(__always) private func le64(_ b: [UInt8], _ i: Int) -> Int64 { Int64(bitPattern: UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32) }
