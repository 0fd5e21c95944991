import Testing
import PopCalendar
@testable import PopExtract
import PopTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func records(_ text: String) -> [[String]] { records(Array(text.utf8)) }

func records(_ bytes: [UInt8]) -> [[String]] {
    var out: [[String]] = []
    _ = CSV.records(bytes) { r in
        out.append(r.strings)
        return true
    }
    return out
}

func lines(_ text: String) -> [Int] {
    var out: [Int] = []
    _ = CSV.records(Array(text.utf8)) { r in
        out.append(r.line)
        return true
    }
    return out
}

@Suite struct CSVReaderTests {
    @Test func readsRFC4180() {
        #expect(records("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(records("a,\"b,c\",d\n") == [["a", "b,c", "d"]])
        #expect(records("\"say \"\"hi\"\"\",x\n") == [["say \"hi\"", "x"]])
        #expect(records("\"two\nlines\",x\r\ny,z") == [["two\nlines", "x"], ["y", "z"]])
        #expect(records("a,,\n") == [["a", "", ""]])
        #expect(records("") == [])
        #expect(records("\n\n") == [])                 // blank lines are skipped
        #expect(records("a\r\n\r\nb\r\n") == [["a"], ["b"]])
        #expect(records("\"\"\n") == [])            // one empty field carries nothing, like a blank line
        #expect(records("x,\"unclosed") == [["x", "unclosed"]])  // the parser reports the open quote (below); the record is what it read
        #expect(CSV.records(Array("a\nx,\"unclosed\nmore".utf8)) { _ in true } == CSVParser.End(unclosedQuoteLine: 2, unendedLastLine: 2))
        #expect(CSV.records(Array("a,\"b\"\"c\"\n".utf8)) { _ in true } == CSVParser.End(unclosedQuoteLine: nil))
        #expect(CSV.records(Array("a\nb,c".utf8)) { _ in true } == CSVParser.End(unendedLastLine: 2))
    }

    @Test func countsPhysicalLinesForErrorMessages() {
        #expect(lines("h\n1\n\"a\nb\"\n3\n") == [1, 2, 3, 5])
        #expect(lines("h\r\n1\r\n2") == [1, 2, 3])
    }

    @Test func skipsAByteOrderMark() {
        #expect(records([0xEF, 0xBB, 0xBF] + Array("Child Unique ID,x\n".utf8)) == [["Child Unique ID", "x"]])
    }

    @Test func readsWindows1252FromExcel() {
        // "Children’s Services" and "Zoë" as Excel writes them in Windows-1252.
        let bytes: [UInt8] = Array("Children".utf8) + [0x92] + Array("s Services,Zo".utf8) + [0xEB] + [0x0A]
        #expect(records(bytes) == [["Children’s Services", "Zoë"]])
        // Valid UTF-8 stays UTF-8.
        #expect(records("Zoë,—\n") == [["Zoë", "—"]])
    }

    @Test func cutsOverlongFieldsInsteadOfGrowing() {
        let long = String(repeating: "x", count: CSV.maxFieldBytes + 100)
        var seen: [(Int, Bool)] = []
        _ = CSV.records(Array("a,\(long),b\n".utf8)) { r in
            seen.append((r.withCell(1) { $0.count }, r.truncated))
            #expect(r.string(2) == "b")
            return true
        }
        #expect(seen.count == 1 && seen[0].0 == CSV.maxFieldBytes && seen[0].1)
    }

    @Test func fieldsPastTheLimitAreDropped() {
        let many = Array(repeating: "1", count: CSV.maxFields + 50).joined(separator: ",")
        var count = 0, truncated = false
        _ = CSV.records(Array((many + "\n").utf8)) { r in
            count = r.count
            truncated = r.truncated
            return true
        }
        #expect(count == CSV.maxFields && truncated)
    }
}

@Suite struct CodeTests {
    @Test func yesNoInItsSpellings() {
        for y in ["Y", "yes", "1", "True", "a) Yes", "1 - Yes", " YES "] { #expect(YesNo.parse(y) == .yes, "\(y)") }
        for n in ["N", "No", "0", "false", "b) No", "0 - No"] { #expect(YesNo.parse(n) == .no, "\(n)") }
        #expect(YesNo.parse("") == .no)      // blank is "not yes"
        #expect(YesNo.parse("maybe") == .bad)
    }

    @Test func legalStatusByLeadingCodeThenWords() {
        #expect(LegalGroup.parse("C1") == .ico)
        #expect(LegalGroup.parse("C1 - Interim Care Order") == .ico)
        #expect(LegalGroup.parse("c1: interim care order") == .ico)
        #expect(LegalGroup.parse("C2 - Full care order") == .co)
        #expect(LegalGroup.parse("V3") == .s20)
        #expect(LegalGroup.parse("S20") == .s20)
        #expect(LegalGroup.parse("Section 20") == .s20)
        #expect(LegalGroup.parse("D1 - Freed for adoption") == .po)
        #expect(LegalGroup.parse("L1") == .epo)
        #expect(LegalGroup.parse("J2") == .yj)
        #expect(LegalGroup.parse("") == .other)
        #expect(LegalGroup.parse("Care order") == .co)
    }

    @Test func categoriesStatusesAndSources() {
        #expect(AbuseCategory.parse("a) Neglect") == .neglect)
        #expect(AbuseCategory.parse("d)") == .emotional)
        #expect(AbuseCategory.parse("Emotional abuse") == .emotional)
        #expect(AbuseCategory.parse("e) Multiple") == .multiple)
        #expect(AbuseCategory.parse("unknown thing") == nil)
        #expect(CaseStatus.parse("a) Looked after child") == .cla)
        #expect(CaseStatus.parse("CPP") == .cp)
        #expect(CaseStatus.parse("CiN plan") == .cin_plan)
        #expect(CaseStatus.parse("d) Open assessment") == .open_assessment)
        #expect(CaseStatus.parse("Closed") == .closed)
        #expect(SourceGroup.parse("6 - Police").group == .police)
        #expect(SourceGroup.parse("7").group == .police)
        #expect(SourceGroup.parse("2A: Schools").group == .education)
        #expect(SourceGroup.parse("3F").group == .health)
        #expect(SourceGroup.parse("5C - LA services").group == .la_services)
        #expect(SourceGroup.parse("10 - Unknown").group == .other)
        #expect(SourceGroup.parse("").group == .other)
        #expect(SourceGroup.parse("zzz") == (.other, false))
    }

    @Test func careLeaverCodes() {
        #expect(Suitability.parse("Unsuitable") == .unsuitable)   // "suitable" is inside "unsuitable"
        #expect(Suitability.parse("Accommodation is considered unsuitable") == .unsuitable)
        #expect(Suitability.parse("Accommodation is considered suitable") == .suitable)
        #expect(Suitability.parse("Not suitable") == .unsuitable)
        #expect(Suitability.parse("2") == .unsuitable)
        #expect(Suitability.parse("a)") == .suitable)
        #expect(Suitability.parse("") == .unknown)
        #expect(ActivityGroup.parse("F1 - Full-time higher education") == .eet(higherEducation: true))
        #expect(ActivityGroup.parse("P3") == .eet(higherEducation: false))
        #expect(ActivityGroup.parse("G5 - Not in education, employment or training") == .neet)
        #expect(ActivityGroup.parse("") == .unknown)
        #expect(PlacementLocation.parse("Inside LA boundary") == .inside)
        #expect(PlacementLocation.parse("b) Out") == .outside)
        #expect(PlacementLocation.parse("Out of borough") == .outside)
        #expect(PlacementLocation.parse("") == .unknown)
    }

    @Test func headersMatchTolerantly() {
        #expect(Column.key("  CHILD   unique id: ") == Column.key(Column.childID))
        #expect(Column.key("Child’s Legal Status") == Column.key(Column.claLegalStatus))
        #expect(Column.key("\"Referral NFA?\"") == Column.key(Column.referralNFA))
    }
}

@Suite struct ExtractReaderTests {
    /// Only Child Unique ID is required of a list: without any other column its indicators
    /// are unavailable (the engine's concern), not the extract refused.
    @Test func onlyChildUniqueIDIsRequired() throws {
        var e = Extract()
        try ExtractReader.readList(.list7, bytes: Array("Child Unique ID,Date of Birth,Child Protection Plan Start Date\nA,,01/01/2019\n".utf8), into: &e)
        #expect(e.rows(ChildProtectionPlan.self)?.count == 1)
        #expect(e.columns[.list7]?.contains(Column.key(Column.cpCategory)) == false)
        #expect(throws: ExtractError(file: "list7.csv", line: 1, column: "Child Unique ID",
                                     message: "this column is missing (List 7 Child Protection needs it to count children)")) {
            try ExtractReader.readList(.list7, bytes: Array("Date of Birth,Child Protection Plan Start Date\n,01/01/2019\n".utf8), into: &e)
        }
    }

    @Test func emptyFileIsAnError() {
        var e = Extract()
        #expect(throws: ExtractError.self) { try ExtractReader.readList(.list1, bytes: [], into: &e) }
    }

    @Test func headerOnlyIsAnEmptyList() throws {
        var e = Extract()
        try ExtractReader.readList(.list1, bytes: Array("Child Unique ID,Date of Contact\r\n".utf8), into: &e)
        #expect(e.rows(Contact.self)?.count == 0)
        #expect(e.columns[.list1]?.contains(Column.key(Column.contactDecision)) == false)
    }

    @Test func badValuesGoToTheDataQualityListWithLineAndColumn() throws {
        var e = Extract()
        let text = "Child Unique ID,Date of Contact,Contact Source\n1,31/02/2019,6\n2,,Police\n3,01/01/2019,zzz\n,02/01/2019,\n"
        try ExtractReader.readList(.list1, bytes: Array(text.utf8), into: &e)
        #expect(e.rows(Contact.self)?.count == 4)
        #expect(e.dataQuality.contains(DataQualityIssue(file: "list1.csv", line: 2, column: "Date of Contact", value: "31/02/2019", problem: "not a date",
                                                        kind: .notADate, list: .list1)))
        #expect(!e.dataQuality.contains { $0.line == 3 })   // blank is not bad
        #expect(e.dataQuality.contains { $0.line == 4 && $0.column == "Contact Source" })
        #expect(e.dataQuality.contains { $0.line == 5 && $0.column == "Child Unique ID" })
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: ExtractError.self) { try ExtractReader.read(folder: "/nonexistent/pop", asAt: Day(year: 2019, month: 1, day: 31)!) }
    }
}

/// Random and mutated files never crash the reader: every outcome is a list or an ExtractError.
@Suite struct ExtractFuzzTests {
    static let seedFile = #"""
        Child Unique ID,Gender,Date of Birth,Child Protection Plan Start Date,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Number of Previous Child Protection Plans,Allocated Team,Allocated Worker
        A1,Male,01/02/2015,01/12/2018,Neglect,17/01/2019,Yes,,,0,Team 1,"Smith, J"
        A2,Female,,2018-06-01,d) Emotional,16/01/2019,No,31/07/2018,,2,Team 2,
        A3,,29/02/2016,31/01/2017,Physical,"01/01/2017",,30/07/2018,31/01/2019,,"Team ""3""",X

        """#

    @Test(arguments: 0..<3)
    func randomAndMutatedInputNeverCrash(round: Int) {
        var rng = FuzzRandom(seed: 0xC0FFEE &+ UInt64(round))
        let base = Array(Self.seedFile.utf8)
        let alphabet: [UInt8] = Array(",\"\r\n;/-0123456789aYN ".utf8) + [0x00, 0x92, 0xEB, 0xFF, 0xC3, 0xEF, 0xBB, 0xBF]
        for _ in 0..<300 {
            var bytes = base
            switch rng.next() % 4 {
            case 0:  // random bytes
                bytes = (0..<Int(rng.next() % 400)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            case 1:  // flip, insert and delete bytes
                for _ in 0..<Int(1 + rng.next() % 12) where !bytes.isEmpty {
                    let i = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 3 {
                    case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                    case 1: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
                    default: bytes.remove(at: i)
                    }
                }
            case 2:  // truncated anywhere
                bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1))))
            default:  // a duplicated tail of rows
                bytes += bytes.suffix(Int(rng.next() % 200))
            }
            var e = Extract()
            do {
                try ExtractReader.readList(.list7, bytes: bytes, into: &e)
                // Read: one typed row per record after the header, as the reference parser splits them.
                let reference = CSVReferenceParser.parse(Self.withoutBOM(bytes)).rows
                #expect(e.rows(ChildProtectionPlan.self)?.count == reference.count - 1)
                #expect(e.rows(ChildProtectionPlan.self)?.map(\.line) == reference.dropFirst().map(\.line))
            } catch {
                #expect(error.file == "list7.csv" && !error.message.isEmpty)
            }
        }
    }

    /// Whole plain records are read in place and everything else through the state machine;
    /// fed in pieces of every size (one byte at a time never completes a record in place), the
    /// same bytes give the same records, lines and cut flags.
    @Test(arguments: 0..<3)
    func piecesOfAnySizeReadTheSameAsOneBuffer(round: Int) {
        var rng = FuzzRandom(seed: 0x5EED &+ UInt64(round))
        let alphabet = Array(",\"\r\n ab19/".utf8) + [0x00, 0xFF]
        for _ in 0..<200 {
            // Half in CRLF, so that a CR ends one piece and its LF starts the next.
            var bytes = Array((rng.next() % 2 == 0 ? Self.seedFile : Self.seedFile.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")).utf8)
            for _ in 0..<Int(rng.next() % 6) where !bytes.isEmpty {
                bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: Int(rng.next() % UInt64(bytes.count)))
            }
            // And text made only of separators, quotes and a few letters.
            if rng.next() % 3 == 0 { bytes = (0..<Int(rng.next() % 300)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] } }
            let whole = Self.fed(bytes, pieces: [bytes.count])
            #expect(whole == Self.reference(bytes))
            #expect(Self.fed(bytes, pieces: [1]) == whole)
            #expect(Self.fed(bytes, pieces: (0..<8).map { _ in 1 + Int(rng.next() % 40) }) == whole)
        }
    }

    /// Records full of quoted fields (commas, `""`, line breaks and CRs inside quotes, text
    /// after a closing quote, empty quoted fields, quotes left open): the fast parser, fed whole
    /// and in pieces, reads exactly what the reference parser reads.
    @Test(arguments: 0..<3)
    func quotedInputReadsAsTheReferenceParserReadsIt(round: Int) {
        var rng = FuzzRandom(seed: 0x0DD5 &+ UInt64(round))
        let pieces = [",", "\"", "\"\"", "\n", "\r\n", "\r", "a", "bc", " ", "01/02/2019", "Zo\u{EB}"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(1 + rng.next() % 8) {
                var fields: [String] = []
                for _ in 0..<Int(1 + rng.next() % 5) {
                    var body = ""
                    for _ in 0..<Int(rng.next() % 5) { body += pieces[Int(rng.next() % UInt64(pieces.count))] }
                    switch rng.next() % 3 {
                    case 0: fields.append("\"" + body.replacingQuotes() + "\"")
                    case 1: fields.append("\"" + body + (rng.next() % 4 == 0 ? "" : "\"") + "x")
                    default: fields.append(body.filter { $0 != "\"" && $0 != "," && $0 != "\n" && $0 != "\r" })
                    }
                }
                text += fields.joined(separator: ",") + (rng.next() % 2 == 0 ? "\r\n" : "\n")
            }
            let bytes = Array(text.utf8)
            let whole = Self.fed(bytes, pieces: [bytes.count])
            #expect(whole == Self.reference(bytes))
            #expect(Self.fed(bytes, pieces: [1 + Int(rng.next() % 7)]) == whole)
        }
    }

    /// Fields at and past the 64 KB limit, quoted and not, and records with too many fields.
    @Test func limitsReadAsTheReferenceParserReadsThem() {
        let max = CSV.maxFieldBytes
        for n in [max - 1, max, max + 1] {
            for text in [String(repeating: "y", count: n) + ",b\n", "\"" + String(repeating: "q", count: n) + "\",b\n",
                         "\"" + String(repeating: "q", count: n) + "\n"] {
                let bytes = Array(("h\n" + text).utf8)
                #expect(Self.fed(bytes, pieces: [bytes.count]) == Self.reference(bytes), "\(n)")
                #expect(Self.fed(bytes, pieces: [4_000]) == Self.reference(bytes), "\(n) in pieces")
            }
        }
        let many = Array((Array(repeating: "1", count: CSV.maxFields + 3).joined(separator: ",") + "\n").utf8)
        #expect(Self.fed(many, pieces: [many.count]) == Self.reference(many))
    }

    /// What the reference parser makes of `bytes`, printed as `fed` prints.
    static func reference(_ bytes: [UInt8]) -> [String] {
        let (rows, open, unended) = CSVReferenceParser.parse(bytes)
        return rows.map(\.description) + ["end: \(open.map(String.init) ?? "closed"), \(unended.map(String.init) ?? "ended")"]
    }

    static func withoutBOM(_ b: [UInt8]) -> [UInt8] { b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? Array(b[3...]) : b }

    /// The records of `bytes` fed to one parser in pieces of the given sizes, cycled, as the
    /// reference parser prints them.
    static func fed(_ bytes: [UInt8], pieces: [Int]) -> [String] {
        var out: [String] = []
        let body: (borrowing Record) -> Bool = { r in
            out.append(CSVReferenceParser.Row(line: r.line, fields: (0..<r.count).map { i in r.withCell(i) { Array($0) } },
                                              truncated: r.truncated, lastLine: r.lastLine).description)
            return true
        }
        var parser = CSVParser()
        bytes.withUnsafeBytes { raw in
            var at = 0, k = 0
            while at < raw.count {
                let n = min(pieces[k % pieces.count], raw.count - at)
                // Each piece in memory of its own, as a reused read buffer would be.
                let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: n, alignment: 1)
                defer { copy.deallocate() }
                copy.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<at + n]))
                _ = parser.feed(UnsafeRawBufferPointer(copy), body)
                at += n
                k += 1
            }
            parser.finish(body)
        }
        out.append("end: \(parser.end.unclosedQuoteLine.map(String.init) ?? "closed"), \(parser.end.unendedLastLine.map(String.init) ?? "ended")")
        return out
    }

    /// A 100 MB line, streamed from a file: read in bounded memory, cut and reported.
    @Test func aHundredMegabyteLineFromDisk() throws {
        let path = "/tmp/pop-longline-\(getpid()).csv"
        guard let f = fopen(path, "wb") else { Issue.record("cannot write \(path)"); return }
        defer { unlink(path) }
        fputs("Child Unique ID,Date of Contact\n", f)
        let chunk = [UInt8](repeating: UInt8(ascii: "9"), count: 1 << 20)
        for _ in 0..<100 { _ = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, chunk.count, f) } }
        fputs(",02/01/2019\nshort,03/01/2019\n", f)
        fclose(f)
        var e = Extract()
        try ExtractReader.readList(.list1, path: path, into: &e)
        #expect(e.rows(Contact.self)?.count == 2)
        #expect(e.rows(Contact.self)?.last?.child == "short")
        #expect(e.rows(Contact.self)?.first?.date == .day(Day(year: 2019, month: 1, day: 2)!))
        #expect(e.dataQuality.contains { $0.line == 2 && $0.problem.contains("too long") })
    }

    @Test func aVeryLongLineIsBoundedAndSurvives() throws {
        // 8 MB on one line (the reader's memory stays bounded by its field cap).
        var bytes = Array("Child Unique ID,Date of Contact\n".utf8)
        bytes += Array(repeating: UInt8(ascii: "7"), count: 8 << 20)
        bytes += Array(",01/01/2019\n".utf8)
        var e = Extract()
        try ExtractReader.readList(.list1, bytes: bytes, into: &e)
        #expect(e.rows(Contact.self)?.count == 1)
        #expect(e.rows(Contact.self)?.first?.child.utf8.count == CSV.maxFieldBytes)
        #expect(e.dataQuality.contains { $0.problem.contains("too long") })
    }
}

extension String {
    /// Quotes doubled, as a quoted CSV field holds them.
    func replacingQuotes() -> String { String(flatMap { $0 == "\"" ? "\"\"" : String($0) }) }
}
