import PopCalendar
import Testing

/// Serial days worked by hand from Excel's rules (1900: serial 1 = 1 Jan 1900, a phantom
/// 29 Feb 1900 at 60; 1904: serial 0 = 1 Jan 1904).
@Suite struct ExcelSerialTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Day? { Day(year: y, month: m, day: d) }

    @Test func the1900SystemAroundItsPhantomLeapDay() {
        #expect(Day(excelSerial: 1, date1904: false) == day(1900, 1, 1))
        #expect(Day(excelSerial: 2, date1904: false) == day(1900, 1, 2))
        #expect(Day(excelSerial: 31, date1904: false) == day(1900, 1, 31))
        #expect(Day(excelSerial: 32, date1904: false) == day(1900, 2, 1))
        #expect(Day(excelSerial: 59, date1904: false) == day(1900, 2, 28))
        #expect(Day(excelSerial: 60, date1904: false) == nil)
        #expect(Day(excelSerial: 60.5, date1904: false) == nil)
        #expect(Day(excelSerial: 61, date1904: false) == day(1900, 3, 1))
        #expect(Day(excelSerial: 366, date1904: false) == day(1900, 12, 31))
        #expect(Day(excelSerial: 367, date1904: false) == day(1901, 1, 1))
    }

    @Test func the1900SystemInAnnexAYears() {
        // 25569 is 1 January 1970, the day pop counts from.
        #expect(Day(excelSerial: 25569, date1904: false) == Day(number: 0))
        #expect(Day(excelSerial: 43496, date1904: false) == day(2019, 1, 31))
        #expect(Day(excelSerial: 43496.75, date1904: false) == day(2019, 1, 31))
        #expect(Day(excelSerial: 43496.999999, date1904: false) == day(2019, 1, 31))
        #expect(Day(excelSerial: 43497, date1904: false) == day(2019, 2, 1))
        #expect(Day(excelSerial: 45352, date1904: false) == day(2024, 3, 1))
    }

    @Test func serialsBelowOneAndBadNumbersAreNoDay() {
        #expect(Day(excelSerial: 0, date1904: false) == nil)
        #expect(Day(excelSerial: 0.99, date1904: false) == nil)
        #expect(Day(excelSerial: -1, date1904: false) == nil)
        #expect(Day(excelSerial: .nan, date1904: false) == nil)
        #expect(Day(excelSerial: .infinity, date1904: false) == nil)
        #expect(Day(excelSerial: -.infinity, date1904: true) == nil)
        #expect(Day(excelSerial: .nan, date1904: true) == nil)
        #expect(Day(excelSerial: 1e300, date1904: false) == nil)
    }

    @Test func theLastDayExcelShows() {
        #expect(Day(excelSerial: 2_958_465, date1904: false) == day(9999, 12, 31))
        #expect(Day(excelSerial: 2_958_466, date1904: false) == nil)
        #expect(Day(excelSerial: 2_957_003, date1904: true) == day(9999, 12, 31))
        #expect(Day(excelSerial: 2_957_004, date1904: true) == nil)
    }

    @Test func the1904System() {
        #expect(Day(excelSerial: 0, date1904: true) == day(1904, 1, 1))
        #expect(Day(excelSerial: 0.5, date1904: true) == day(1904, 1, 1))
        #expect(Day(excelSerial: 1, date1904: true) == day(1904, 1, 2))
        // 1904 is a leap year; 29 Feb 1904 is real and is serial 59.
        #expect(Day(excelSerial: 59, date1904: true) == day(1904, 2, 29))
        #expect(Day(excelSerial: 60, date1904: true) == day(1904, 3, 1))
        // The two systems are 1462 days apart for any day after February 1900.
        #expect(Day(excelSerial: 43496 - 1462, date1904: true) == day(2019, 1, 31))
        #expect(Day(excelSerial: -1, date1904: true) == nil)
    }

    @Test func daysToSerials() throws {
        #expect(try #require(day(1900, 1, 1)).excelSerial(date1904: false) == 1)
        #expect(try #require(day(1900, 2, 28)).excelSerial(date1904: false) == 59)
        #expect(try #require(day(1900, 3, 1)).excelSerial(date1904: false) == 61)
        #expect(try #require(day(2019, 1, 31)).excelSerial(date1904: false) == 43496)
        #expect(try #require(day(1904, 1, 1)).excelSerial(date1904: true) == 0)
        #expect(try #require(day(2019, 1, 31)).excelSerial(date1904: true) == 42034)
        #expect(try #require(day(9999, 12, 31)).excelSerial(date1904: false) == 2_958_465)
    }

    @Test func serialsAndDaysAgreeBothWays() {
        for serial in stride(from: 1, through: 2_958_465, by: 997) where serial != 60 {
            let d = Day(excelSerial: Double(serial), date1904: false)
            #expect(d?.excelSerial(date1904: false) == serial)
        }
        for serial in stride(from: 0, through: 2_957_003, by: 991) {
            let d = Day(excelSerial: Double(serial), date1904: true)
            #expect(d?.excelSerial(date1904: true) == serial)
        }
    }
}
