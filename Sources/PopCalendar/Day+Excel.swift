/// Excel's serial day numbers, in both of its date systems.
///
/// The 1900 system (Windows Excel's default) counts 1 January 1900 as serial 1 and keeps Lotus
/// 1-2-3's mistake of a 29 February 1900 (serial 60), so every serial from 61 on is one more
/// than the plain count of days. The 1904 system (old Mac Excel, and any workbook that says
/// `date1904`) counts 1 January 1904 as serial 0 and has no such day.
extension Day {
    /// 1899-12-30, the day a serial counts from in the 1900 system once past serial 60.
    static let excel1900Base = -25_569
    /// 1904-01-01, serial 0 of the 1904 system.
    static let excel1904Base = -24_107
    /// 9999-12-31, the last day Excel can show.
    static let excelLastDay = 2_932_896

    /// The day an Excel serial number stands for; a time of day (the fraction) is ignored.
    ///
    /// Nil for what no day stands for: NaN or an infinity, a serial below 1 in the 1900 system
    /// (below 0 in the 1904 system), serial 60 of the 1900 system (Excel's non-existent
    /// 29 February 1900), and a day after 31 December 9999.
    public init?(excelSerial: Double, date1904: Bool) {
        // Checked before the conversion to Int, which would trap on NaN, an infinity or a
        // value out of Int's range.
        guard excelSerial.isFinite, excelSerial >= 0, excelSerial < 10_000_000 else { return nil }
        let serial = Int(excelSerial.rounded(.down))
        let number: Int
        if date1904 {
            number = Day.excel1904Base + serial
        } else {
            guard serial >= 1, serial != 60 else { return nil }
            number = serial < 60 ? Day.excel1900Base + 1 + serial : Day.excel1900Base + serial
        }
        guard number <= Day.excelLastDay else { return nil }
        self.init(number: number)
    }

    /// This day's Excel serial number.
    ///
    /// Days Excel cannot show (before 1 January 1900, or 1 January 1904 in the 1904 system)
    /// continue the count below 1 (below 0), so callers that write workbooks should refuse them.
    public func excelSerial(date1904: Bool) -> Int {
        if date1904 { return number - Day.excel1904Base }
        // Before 1 March 1900 the 1900 system has not yet counted its phantom 29 February.
        return number < Day.excel1900Base + 61 ? number - Day.excel1900Base - 1 : number - Day.excel1900Base
    }
}
