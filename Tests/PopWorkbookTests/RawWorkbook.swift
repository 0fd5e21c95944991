import Foundation
import PopWorkbook

/// A workbook built by hand from part names and XML text, for reader tests on input
/// `XLSXWriter` would never write (Strict namespaces, DOCTYPEs, odd relationships, damage).
struct RawWorkbook {
    var parts: [(name: String, bytes: [UInt8])] = []
    var compress = true

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    static let strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    mutating func add(_ name: String, _ xml: String) { parts.append((name, Array(xml.utf8))) }
    mutating func add(_ name: String, bytes: [UInt8]) { parts.append((name, bytes)) }
    mutating func remove(_ name: String) { parts.removeAll { $0.name == name } }
    mutating func replace(_ name: String, _ xml: String) {
        remove(name)
        add(name, xml)
    }

    /// A workbook of `sheets` (name and the XML inside `<sheetData>`), with an optional
    /// shared-string table (the XML inside `<sst>`).
    static func standard(sheets: [(name: String, rows: String)], sharedStrings: String? = nil,
                         workbookPr: String = "<workbookPr/>", states: [String: String] = [:]) -> RawWorkbook {
        var book = RawWorkbook()
        book.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        book.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        var sheetList = ""
        var rels = ""
        for (i, sheet) in sheets.enumerated() {
            let state = states[sheet.name].map { " state=\"\($0)\"" } ?? ""
            sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(i + 1)\"\(state) r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            book.add("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet.rows))
        }
        if let sharedStrings {
            rels += "<Relationship Id=\"rIdS\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            book.add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(sharedStrings)</sst>")
        }
        book.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relationships)">\(workbookPr)<sheets>\(sheetList)</sheets></workbook>
            """)
        book.add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"\(package)\">\(rels)</Relationships>")
        return book
    }

    static func worksheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"\(main)\"><dimension ref=\"A1\"/><sheetData>\(rows)</sheetData><pageMargins left=\"0.7\"/></worksheet>"
    }

    func write(to path: String) throws {
        try WorkbookPackage.write(parts, to: path, compress: compress)
    }
}

/// A folder of its own for each test, removed when the test ends.
final class Scratch {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pop-workbook-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// A read sheet as plain values: for each row its number and (kind, text) per column.
struct ReadRow: Equatable, CustomStringConvertible {
    var number: Int
    var cells: [Cell]

    struct Cell: Equatable, CustomStringConvertible {
        var kind: CellKind
        var text: String
        var description: String { kind == .blank ? "_" : "\(kind):\(text)" }
    }

    var description: String { "\(number): \(cells)" }
}

extension WorkbookReader {
    /// Every row of the sheet named `name`, copied out.
    func rows(_ name: String) throws -> [ReadRow] {
        guard let sheet = sheet(named: name) else { throw WorkbookError(file: fileName, sheet: name, message: "no such sheet in test") }
        var rows: [ReadRow] = []
        try readRows(of: sheet) { row in
            var cells: [ReadRow.Cell] = []
            for c in 0..<row.width { cells.append(ReadRow.Cell(kind: row.kind(c), text: row.string(c))) }
            rows.append(ReadRow(number: row.number, cells: cells))
            return true
        }
        return rows
    }
}

func cell(_ kind: CellKind, _ text: String) -> ReadRow.Cell { ReadRow.Cell(kind: kind, text: text) }
let blankCell = ReadRow.Cell(kind: .blank, text: "")
