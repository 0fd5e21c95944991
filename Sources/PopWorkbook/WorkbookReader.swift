import Foundation

/// A sheet of the workbook, in workbook order.
public struct SheetInfo: Sendable, Equatable {
    /// The name on the sheet's tab.
    public let name: String
    /// Hidden (`state="hidden"`) or very hidden (`state="veryHidden"`): not shown as a tab.
    public let hidden: Bool
    /// The sheet's part in the zip, e.g. `xl/worksheets/sheet1.xml`.
    public let part: String

    public init(name: String, hidden: Bool, part: String) {
        self.name = name
        self.hidden = hidden
        self.part = part
    }
}

/// Reads an .xlsx workbook: the sheet list and date system at once, each sheet's rows as a stream.
///
/// Opening reads the zip directory, the workbook part and its relationships, and the shared
/// strings (once, for all sheets). `readRows` then inflates a sheet chunk by chunk and scans
/// its XML with a small byte-level scanner, so memory stays bounded whatever the sheet's size.
/// Sheets may be read on several threads at once: after `init` nothing in a reader changes (the
/// zip is read with `pread`, which takes its own offset; the shared strings are only read, and
/// each `readRows` call scans into cells of its own).
public final class WorkbookReader: @unchecked Sendable {
    /// The workbook's file name, as errors name it.
    public let fileName: String
    public let sheets: [SheetInfo]
    /// The workbook counts dates from 1904 (`workbookPr date1904`), not 1900.
    public let date1904: Bool

    private let zip: ZipFile
    private let sharedStrings: SharedStrings
    private let parallel: Bool

    /// A workbook part larger than this (other than sheets and shared strings) is refused.
    static let maxSmallPartBytes = 64 << 20
    /// How much inflated XML each step hands to the scanner.
    static let chunkSize = 1 << 16
    /// Sheets from this size on inflate on a second thread (below it, starting one costs more
    /// than it saves), in larger chunks so the two threads hand over less often.
    static let pipeThreshold: Int64 = 4 << 20
    static let pipeChunkSize = 1 << 18

    /// Opens the workbook at `path`.
    ///
    /// Throws for a file that is not a zip, an encrypted workbook or an old .xls (one message
    /// for both: they share a container), a workbook whose parts are missing or malformed, and
    /// any part with a DOCTYPE (entities are never expanded).
    ///
    /// With `parallel` (the default) a large sheet inflates on a second thread while the
    /// calling thread scans it; `false` keeps all the work on the calling thread, for callers
    /// that already keep every core busy.
    public init(path: String, parallel: Bool = true) throws(WorkbookError) {
        self.parallel = parallel
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        self.fileName = fileName
        do {
            let zip = try ZipFile(path: path)
            let main = try WorkbookReader.relationships(of: "", in: zip, required: true)
                .first { $0.type.hasSuffix("/officeDocument") }
            guard let main else { throw PartFault("is not an Excel workbook: it names no main document") }
            let elements = try WorkbookReader.elements(of: main.target, in: zip)
            guard elements.first?.name == "workbook" else {
                throw PartFault("is not an Excel workbook: its main document is not a workbook")
            }
            let relationships = try WorkbookReader.relationships(of: main.target, in: zip, required: false)
            var targets: [String: String] = [:]
            for r in relationships where targets[r.id] == nil { targets[r.id] = r.target }
            var date1904 = false
            var sheets: [SheetInfo] = []
            for element in elements {
                switch element.name {
                case "workbookPr":
                    let value = element.attributes["date1904"]?.lowercased()
                    date1904 = value == "1" || value == "true"
                case "sheet":
                    let name = element.attributes["name"] ?? ""
                    guard let id = element.attributes["id"] else { throw PartFault("sheet \(name) names no part in the workbook") }
                    guard let part = targets[id] else {
                        throw PartFault("sheet \(name) names relationship \(id), which the workbook's relationships lack")
                    }
                    let state = element.attributes["state"] ?? "visible"
                    sheets.append(SheetInfo(name: name, hidden: state == "hidden" || state == "veryHidden", part: part))
                default:
                    break
                }
            }
            var table = SharedStrings()
            if let strings = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
                guard let entry = zip.entry(strings.target) else { throw PartFault("lacks its shared strings (\(strings.target))") }
                table = try WorkbookReader.readSharedStrings(entry, in: zip)
            }
            self.zip = zip
            self.sheets = sheets
            self.date1904 = date1904
            self.sharedStrings = table
        } catch let fault as PartFault {
            throw WorkbookError(file: fileName, message: fault.message)
        } catch {
            throw WorkbookError(file: fileName, message: "is damaged: a part's compressed data is corrupt (\(error))")
        }
    }

    /// The size of a sheet's XML, inflated (0 when its part is missing).
    public func partSize(_ sheet: SheetInfo) -> Int64 { zip.entry(sheet.part)?.uncompressedSize ?? 0 }

    /// The first sheet named `name` (Excel compares sheet names without regard to case).
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    // MARK: Rows

    /// Streams `sheet` row by row, in the order the sheet holds them, calling `body` for each
    /// row present in the XML (rows the sheet leaves out are not called for: see `number`).
    ///
    /// `row` is valid only inside `body`: it cannot be copied or kept. `body` returns false to
    /// stop early. Throws `WorkbookError` naming the file, sheet, row and column letter (where
    /// known) for a missing part, malformed XML or a sheet that ends early; an error `body`
    /// throws passes through unchanged.
    public func readRows(of sheet: SheetInfo, _ body: (borrowing SheetRow) throws -> Bool) throws {
        try readRows(of: sheet, pipeFrom: parallel ? WorkbookReader.pipeThreshold : .max, body)
    }

    /// `readRows`, inflating on a second thread for parts of `pipeFrom` bytes or more (tests
    /// set it to 0 to run the pipe on small sheets).
    func readRows(of sheet: SheetInfo, pipeFrom: Int64, _ body: (borrowing SheetRow) throws -> Bool) throws {
        guard let entry = zip.entry(sheet.part) else {
            throw WorkbookError(file: fileName, sheet: sheet.name, message: "the sheet's part (\(sheet.part)) is missing from the workbook")
        }
        let cells = RowCells()
        try sharedStrings.offsets.withUnsafeBufferPointer { offsets in
            let view = SharedStringView(bytes: sharedStrings.text.base, offsets: offsets)
            var parser = SheetParser(cells: cells, shared: view)
            do {
                try read(entry, into: &parser, pipeFrom: pipeFrom, body)
            } catch let failure as CallbackFailure {
                throw failure.error
            } catch is StopReading {
                return
            } catch let fault as PartFault {
                throw locate(fault.message, sheet, parser)
            } catch {
                // ZIPFoundation's inflater says only that the deflate data is corrupt.
                throw locate("the sheet's compressed data is damaged (\(error))", sheet, parser)
            }
        }
    }

    private func read(_ entry: ZipEntry, into parser: inout SheetParser, pipeFrom: Int64, _ body: (borrowing SheetRow) throws -> Bool) throws {
        var feeder = ChunkFeeder()
        func resume(_ parser: inout SheetParser) throws -> Bool {
            if parser.finished { return false }
            let keepGoing: Bool
            do { keepGoing = try body(parser.row()) } catch { throw CallbackFailure(error: error) }
            parser.clearRow()
            return keepGoing
        }
        func consume(_ data: Data) throws {
            let keepGoing = try data.withUnsafeBytes { try feeder.feed($0, final: false, into: &parser, resume: resume) }
            if !keepGoing { throw StopReading() }
        }
        if entry.uncompressedSize >= pipeFrom {
            try ChunkPipe.stream(entry, of: zip, chunkSize: WorkbookReader.pipeChunkSize, consume)
        } else {
            try zip.stream(entry, chunkSize: WorkbookReader.chunkSize, checkCRC: false, consume)
        }
        if try feeder.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &parser, resume: resume) {
            try parser.finish()
        }
    }

    /// A sheet's fault with its place: the row being read, and the cell (or the last cell read).
    private func locate(_ message: String, _ sheet: SheetInfo, _ parser: SheetParser) -> WorkbookError {
        let inRow = parser.inRow
        return WorkbookError(file: fileName, sheet: sheet.name, row: inRow ? parser.rowNumber : nil,
                             column: inRow && parser.column >= 0 ? WorkbookReader.columnLetter(parser.column) : nil,
                             message: message)
    }

    // MARK: Parts

    struct Relationship {
        let id: String
        let type: String
        /// The target part's name, resolved against the source part.
        let target: String
    }

    /// The relationships of `part` ("" for the package itself), from its `_rels` part.
    static func relationships(of part: String, in zip: ZipFile, required: Bool) throws -> [Relationship] {
        let (folder, file) = split(part)
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard zip.entry(relsName) != nil else {
            if required { throw PartFault("is not an Excel workbook: it lacks \(relsName)") }
            return []
        }
        return try elements(of: relsName, in: zip).compactMap { element in
            guard element.name == "Relationship", element.attributes["TargetMode"] != "External",
                  let id = element.attributes["Id"], let target = element.attributes["Target"] else { return nil }
            return Relationship(id: id, type: element.attributes["Type"] ?? "", target: resolve(target, from: folder))
        }
    }

    static func elements(of part: String, in zip: ZipFile) throws -> [PartElements.Element] {
        guard let entry = zip.entry(part) else { throw PartFault("lacks its part \(part)") }
        do {
            return try PartElements.parse(try zip.contents(entry, limit: maxSmallPartBytes))
        } catch let fault as PartFault {
            throw PartFault("\(part): \(fault.message)")
        }
    }

    static func readSharedStrings(_ entry: ZipEntry, in zip: ZipFile) throws -> SharedStrings {
        var parser = SharedStringsParser()
        var feeder = ChunkFeeder()
        func resume(_ parser: inout SharedStringsParser) -> Bool { true }
        do {
            try zip.stream(entry, chunkSize: chunkSize, checkCRC: true) { data in
                _ = try data.withUnsafeBytes { try feeder.feed($0, final: false, into: &parser, resume: resume) }
            }
            _ = try feeder.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &parser, resume: resume)
            try parser.finish()
        } catch let fault as PartFault {
            throw PartFault("\(entry.name): \(fault.message)")
        }
        return parser.table
    }

    /// "xl/workbook.xml" → ("xl", "workbook.xml").
    static func split(_ part: String) -> (folder: String, file: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[..<slash]), String(part[part.index(after: slash)...]))
    }

    /// A relationship target as a part name: absolute (`/xl/worksheets/sheet1.xml`) or relative
    /// to the source's folder (`worksheets/sheet1.xml`, `../xl/x.xml`), percent-escapes decoded.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in decoded.split(separator: "/") {
            if component == "." { continue }
            if component == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }
}

/// Carries an error the caller's callback threw past the reader's own error handling.
private struct CallbackFailure: Error { let error: any Error }
/// Ends the stream early: the callback returned false or the sheet's data is complete.
private struct StopReading: Error {}
