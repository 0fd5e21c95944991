import PopCalendar
import PopExtract
import PopWorkbook

/// An extract folder saved as one Annex A workbook, the way a council's case system exports
/// it: a sheet per list (`List 7 - Child Protection`, `Youth Offending`), the CSV's header as
/// row 1, `dd/mm/yyyy` cells as Excel dates, whole numbers as numbers, Excel's error values as errors and
/// everything else as text. Used for the demo's workbook, the workbook benchmarks and the tests' fixtures.
public enum ExtractWorkbook {
    public struct Written: Sendable, Equatable {
        public let sheets: Int
        public let rows: Int
    }

    /// The sheet a list is written to (31 characters at most, Excel's limit).
    public static func sheetName(_ list: ListKind) -> String {
        let own = list.sheetNames[0]
        guard let n = list.annexNumber else { return String(own.prefix(31)) }
        return String("List \(n) - \(own)".prefix(31))
    }

    /// Writes every list file `folder` holds to one workbook at `path` (0600; an existing file
    /// only with `force`). `date1904` counts its dates from 1904, as old Mac Excel did.
    @discardableResult
    public static func write(folder: String, to path: String, force: Bool, date1904: Bool = false) throws(PopError) -> Written {
        guard FilePath.isDirectory(folder) else { throw PopError(.unusableInput, "\(folder): not a folder that can be read") }
        guard force || !SafeFile.exists(path) else { throw PopError(.unusableInput, "\(path): cannot be written (it exists already; pop does not replace a file without --force)") }
        var writer = XLSXWriter(date1904: date1904)
        var sheets = 0, rows = 0
        do throws(any Error) {
            for list in ListKind.allCases {
                let file = folder + "/" + list.fileName
                guard FilePath.entryExists(file) else { continue }
                let sheet = try writer.addSheet(sheetName(list), frozenRows: 1)
                sheets += 1
                var failure: WorkbookError?
                var header = true
                try CSVFile(path: file, name: list.fileName).forEachRecord { r in
                    let cells = (0..<r.count).map { i in header ? .text(r.string(i)) : cell(r.string(i)) }
                    header = false
                    do throws(WorkbookError) { try writer.addRow(cells, to: sheet) } catch let e {
                        failure = e
                        return false
                    }
                    rows += 1
                    return true
                }
                if let failure { throw failure }
                rows -= 1   // the header
            }
            guard sheets > 0 else { throw PopError(.unusableInput, "\(folder): no list files (list1.csv … yot.csv) to put in a workbook") }
            try SafeFile.write(try writer.bytes(), to: path, force: force)
        } catch let e as PopError {
            throw e
        } catch let e as ExtractError {
            throw PopError.unusable(e)
        } catch let e as WorkbookError {
            throw PopError(.unusableInput, e.description, cause: e)
        } catch {
            throw PopError(.unusableInput, "\(path): \(error)", cause: error)
        }
        return Written(sheets: sheets, rows: rows)
    }

    /// Excel's error values, which Excel also makes of such text when it opens a CSV file.
    static let errorValues: Set<String> = ["#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NULL!", "#NUM!"]

    /// A CSV cell as Excel would hold it: `dd/mm/yyyy` a date, a whole number without leading
    /// zeros a number (so IDs like 1234 come back as 1234, never 1234.0), the rest text.
    static func cell(_ text: String) -> XLSXWriter.Cell {
        if text.isEmpty { return .blank }
        if errorValues.contains(text) { return .error(text) }
        let u = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        if u.count == 10 && u[2] == 0x2F && u[5] == 0x2F,
           let d = digits(0..<2), let m = digits(3..<5), let y = digits(6..<10), let day = Day(year: y, month: m, day: d) {
            return .date(day)
        }
        if u.count <= 15 && (u[0] != 0x30 || u.count == 1), let n = digits(0..<u.count) { return .number(Double(n)) }
        return .text(text)
    }
}
