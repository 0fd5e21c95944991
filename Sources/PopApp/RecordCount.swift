import PopExtract
import PopWorkbook

/// The records of an extract's lists, split and counted and nothing more: `pop bench --stage
/// csv`, to see what the reader's first layer costs.
public enum RecordCount {
    /// Data rows (headers not counted) of every list: a folder's CSV files, or a workbook's list
    /// sheets inflated and scanned, one after another.
    public static func rows(of extract: String) throws(PopError) -> Int {
        var rows = 0
        do {
            if WorkbookExtract.isWorkbook(extract) || FilePath.isRegularFile(extract) {
                let reader = try WorkbookReader(path: extract)
                for (_, sheet) in try WorkbookExtract.lists(reader) {
                    rows += try dataRows(WorkbookSheetSource(reader, sheet))
                }
            } else {
                for list in ListKind.allCases where FilePath.entryExists(extract + "/" + list.fileName) {
                    rows += try dataRows(CSVFile(path: extract + "/" + list.fileName))
                }
            }
        } catch let e as ExtractError {
            throw PopError.unusable(e)
        } catch let e as WorkbookError {
            throw PopError(.unusableInput, e.description, cause: e)
        } catch {
            throw PopError(.unusableInput, "\(extract): \(error)", cause: error)
        }
        return rows
    }

    static func dataRows(_ source: some RecordSource) throws(ExtractError) -> Int {
        var records = 0
        try source.forEachRecord { _ in
            records += 1
            return true
        }
        return max(records - 1, 0)
    }

    /// The bytes read: a folder's list files, or the workbook.
    public static func bytes(of extract: String) -> Int {
        if FilePath.isRegularFile(extract) { return FilePath.size(extract) }
        return ListKind.allCases.reduce(0) { $0 + FilePath.size(extract + "/" + $1.fileName) }
    }
}
