import Foundation
import Testing
import PopCalendar
import PopExtract
import PopMetrics
import PopPage
import PopReference
@testable import PopPack
import PopTestSupport

let projectFolder = TestPaths.project
let goldenFolder = projectFolder + "/Tests/PopPackTests/Golden"
let january = YearMonth(year: 2019, month: 1)!
let demoMonths = (2...12).map { YearMonth(year: 2018, month: $0)! } + [january]

/// A comment written to break the page: markup, an entity, quotes and control characters.
let hostileComment = "<script>alert('x')</script> & \"quoted\" \u{07}bell\u{9B}csi\r\nsecond line </style>"

/// The demo's twelve months computed in-process from the committed fixtures, as the dashboard's
/// tests compute them, with the January commentary the report carries and a hostile one.
let demoPack: PackData = {
    var snapshots: [Snapshot] = []
    for m in demoMonths {
        let extract = try! ExtractReader.read(folder: projectFolder + "/Fixtures/demo/\(m)", asAt: m.last)
        snapshots.append(Engine.compute(extract, asAt: m.last, population: Population(age0to17: 96_920, age10to17: 38_000, source: "report figure")))
    }
    let targets = try! TargetsFile.read(path: projectFolder + "/Fixtures/demo/targets.csv")
    let benchmarks = try! ReferenceFiles.typedBenchmarks(path: projectFolder + "/Fixtures/demo/benchmarks.csv")
    return PackData(council: "Barnet", demo: true, snapshots: snapshots, targets: targets, benchmarks: benchmarks, neighbourCodes: [],
                    statistic: .mean, comments: [january: ["cp.visits_in_time": "Visits within 4 weeks are at 97%.", "cla.dental": hostileComment]])
}()

let januaryPack = Pack.html(demoPack, month: january)
let januarySlides = Pack.slides(demoPack, month: january)

/// Every Child Unique ID and Allocated Worker in the demo's extracts (all twelve months).
let demoIdentities: (children: Set<String>, workers: Set<String>) = {
    var children = Set<String>(), workers = Set<String>()
    for m in demoMonths {
        let folder = projectFolder + "/Fixtures/demo/\(m)"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".csv") {
            guard let bytes = TestPaths.bytes(folder + "/" + name) else { continue }
            let columns = csvColumns(bytes, ["Child Unique ID", "Allocated Worker"])
            children.formUnion(columns[0])
            workers.formUnion(columns[1])
        }
    }
    children.remove("")
    workers.remove("")
    return (children, workers)
}()

/// The values of the named columns of a CSV file (quoted fields unquoted, `""` as `"`). A byte
/// loop over a buffer, so twelve months of extracts read in well under a second in a debug build.
func csvColumns(_ bytes: [UInt8], _ names: [String]) -> [[String]] {
    var out = names.map { _ in [String]() }
    var wanted: [Int: Int] = [:]          // column → index into names, once the header is read
    var header: [String] = []
    var field: [UInt8] = [], column = 0, inQuotes = false, atHeader = true, i = 0
    func endField() {
        let text = String(decoding: field, as: UTF8.self)
        if atHeader { header.append(text) } else if let k = wanted[column] { out[k].append(text) }
        field.removeAll(keepingCapacity: true)
        column += 1
    }
    bytes.withUnsafeBufferPointer { b in
        while i < b.count {
            let c = b[i]
            i += 1
            if inQuotes {
                if c == 0x22 { if i < b.count && b[i] == 0x22 { field.append(0x22); i += 1 } else { inQuotes = false } } else { field.append(c) }
                continue
            }
            switch c {
            case 0x22: inQuotes = true
            case 0x2C: endField()
            case 0x0D: break
            case 0x0A:
                endField()
                if atHeader {
                    for (k, name) in names.enumerated() { if let col = header.firstIndex(of: name) { wanted[col] = k } }
                    atHeader = false
                }
                column = 0
            default: field.append(c)
            }
        }
    }
    if !field.isEmpty || column > 0 { endField() }   // a last line without a line break
    return out
}

/// The words of a text: runs of letters and digits.
func words(_ text: String) -> Set<String> {
    Set(text.split { !($0.isLetter || $0.isNumber) }.map(String.init))
}

/// One service's section of the pack.
func section(_ html: String, _ service: Service) -> String {
    let start = "<section class=\"sheet service\" id=\"\(Pack.serviceID(service))\""
    guard let from = html.range(of: start) else { return "" }
    let rest = html[from.lowerBound...]
    let end = rest.range(of: "</section>")?.upperBound ?? rest.endIndex
    return String(rest[..<end])
}

/// Compares with a golden file; `POP_RECORD_GOLDEN=1 swift test` rewrites it.
func golden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let problem = Golden.mismatch(text, path: goldenFolder + "/" + name) { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
}

@Suite struct PackGoldenTests {
    @Test func januaryPackMatchesItsGolden() { golden("pack-2019-01.html", januaryPack) }
    @Test func januarySlidesMatchTheirGolden() { golden("slides-2019-01.html", januarySlides) }
}

@Suite struct PackValidityTests {
    @Test func packIsWellFormedAndAccessible() {
        let problems = HTMLCheck.problems(januaryPack)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(HTMLCheck.problems(januarySlides).isEmpty, "\(HTMLCheck.problems(januarySlides).prefix(10))")
    }

    /// The checker itself finds what it is for.
    @Test func checkerFindsBrokenMarkup() {
        #expect(!HTMLCheck.problems("<div><p>x</div>").isEmpty)
        #expect(!HTMLCheck.problems("<table><caption>c</caption><tr><td>1</td></tr></table>").isEmpty)
        #expect(!HTMLCheck.problems("<table><tr><th scope=\"col\">a</th></tr></table>").isEmpty, "a table without a caption")
        #expect(!HTMLCheck.problems("<table><caption>c</caption><tr><th>a</th></tr></table>").isEmpty, "a header cell without scope")
        #expect(!HTMLCheck.problems("<svg role=\"img\"><rect/></svg>").isEmpty)
        #expect(!HTMLCheck.problems("<svg><title>t</title></svg>").isEmpty, "an svg that is not role img")
        #expect(!HTMLCheck.problems("<p id=\"a\">x</p><p id=\"a\">y</p>").isEmpty)
        #expect(!HTMLCheck.problems("<p>x").isEmpty)
        #expect(HTMLCheck.problems("<table><caption>c</caption><tr><th scope=\"col\">a</th></tr></table><svg role=\"img\"><title>t</title><line/></svg><meta charset=\"utf-8\">").isEmpty)
    }

    /// No script and no way to fetch anything in the pack; exactly the deck's own script in the slides.
    @Test func packHasNoScriptAndNoNetwork() {
        #expect(!januaryPack.contains("<script"))
        for reference in ["http:", "https:", " src=", " href=\"http", "@import", "url("] { #expect(!januaryPack.contains(reference), "\(reference)") }
        #expect(januaryPack.contains("content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;\""))
        #expect(januarySlides.components(separatedBy: "<script>").count == 2)
        for reference in ["http:", "https:", " src=", "@import", "url("] { #expect(!januarySlides.contains(reference), "\(reference)") }
    }

    /// The slides' policy names the hash of the script exactly as it sits in the file.
    @Test func slidesPolicyNamesTheirScript() throws {
        let open = try #require(januarySlides.range(of: "<script>"))
        let close = try #require(januarySlides.range(of: "</script>"))
        let script = String(januarySlides[open.upperBound..<close.lowerBound])
        #expect(januarySlides.contains("script-src \(Escape.html(ScriptHash.source(script)))\""))
    }

    @Test func sha256MatchesTheStandardsVectors() {
        func hex(_ s: String) -> String { ScriptHash.sha256(Array(s.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(ScriptHash.base64(Array("abc".utf8)) == "YWJj" && ScriptHash.base64(Array("ab".utf8)) == "YWI=" && ScriptHash.base64(Array("a".utf8)) == "YQ==")
    }
}

@Suite struct PackContentTests {
    /// The published January page: 159 children on plans, visits in time 71.1% (113 of 159),
    /// target 95%, variance (25.2%), red; December and November beside them.
    @Test func publishedFiguresArePresent() throws {
        let cp = section(januaryPack, .cp)
        let children = try #require(cp.components(separatedBy: "<tr>").first { $0.contains(">Children on CP plans<") })
        #expect(children.contains("<b>159</b>") && children.contains(">167<"))
        let visits = try #require(cp.components(separatedBy: "<tr>").first { $0.contains(">CP visits in time (10 working days)<") })
        for text in ["<b>71.1%</b>", "113 of 159", "68.9%", "+2.2 pts", "95.0%", "(25.2%)", "class=\"rag red\">✖ R<"] {
            #expect(visits.contains(text), "\(text)")
        }
        #expect(cp.contains("Visits within 4 weeks are at 97%."))
        #expect(section(januaryPack, .cla).contains("<b>316</b>"))
        #expect(januaryPack.contains("pop 0–17 96,920 (report figure)") && januaryPack.contains("SN mean (2017-18)") && januaryPack.contains("DEMO DATA"))
    }

    /// A page per service, a chart per headline indicator, a team table per team indicator: all
    /// from the catalogue, so an indicator added there appears here.
    @Test func everyServiceHeadlineAndTeamIndicatorHasItsPlace() {
        for service in Service.allCases {
            let page = section(januaryPack, service)
            #expect(page.contains(">\(Escape.html(service.title))</h2>"), "\(service)")
            for (i, def) in service.headlines.enumerated() {
                #expect(page.contains(Escape.html(Words.chartHeading(i + 1, def))), "\(def.id)")
                #expect(page.contains("<title id=\"\(Pack.serviceID(service))-chart\(i + 1)-title\">\(Escape.html(def.title))</title>"), "\(def.id)")
            }
            for def in Catalogue.definitions where def.service == service && def.byTeam {
                #expect(page.contains(Escape.html(Words.teamsCaption(def, january))), "\(def.id)")
            }
            for def in Catalogue.definitions where def.service == service && def.isBreakdown {
                #expect(page.contains(">\(Escape.html(def.title))</th>"), "\(def.id)")
            }
        }
        #expect(januaryPack.components(separatedBy: "<section class=\"sheet service\"").count == Service.allCases.count + 1)
    }

    /// The team table: a row per team with "n of N" beside each percentage, all teams last.
    @Test func teamTablesShowCountsBesidePercentages() throws {
        let cp = section(januaryPack, .cp)
        let caption = Escape.html(Words.teamsCaption(try #require(Catalogue.definition("cp.visits_in_time")), january))
        let table = try #require(cp.components(separatedBy: "<table class=\"teams\">").first { $0.contains(caption) })
        #expect(table.contains("<tr class=\"total\">\n") && table.contains(">All teams<"))
        #expect(cp.contains(Escape.html(Words.visitRule(Catalogue.cpVisits))))
        let rows = table.components(separatedBy: "<tr>").filter { $0.contains("<th scope=\"row\">") }
        #expect(rows.count >= 3)
        for row in rows { #expect(row.range(of: #"\d+ of \d+"#, options: .regularExpression) != nil, "\(row)") }
    }

    @Test func noChildIDOrWorkerNameAnywhere() {
        #expect(demoIdentities.children.count > 1_000, "the fixtures' IDs were not read")
        #expect(demoIdentities.workers.count > 10)
        for text in [januaryPack, januarySlides] {
            #expect(words(text).intersection(demoIdentities.children).isEmpty)
            for worker in demoIdentities.workers { #expect(!text.contains(Escape.html(worker)), "\(worker)") }
        }
    }

    /// A comment holding markup prints as text; control characters print as visible pictures.
    @Test func commentaryIsInert() {
        let cla = section(januaryPack, .cla)
        #expect(cla.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; ␇bell\u{FFFD}csi\nsecond line &lt;/style&gt;"))
        #expect(!januaryPack.contains("<script>alert"))
        #expect(!januaryPack.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }

    @Test func escapingCoversMarkupControlsAndCSS() {
        #expect(Escape.html("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(Escape.html("x\u{00}y\u{1B}z\u{7F}\u{85}") == "x\u{2400}y\u{241B}z\u{2421}\u{FFFD}")
        #expect(Escape.html("a\r\nb\rc\nd\te") == "a\nb\nc\nd\te")
        #expect(Escape.cssString("Barnet \"&\" </style>\\\n") == "Barnet \\22 \\26 \\22  \\3C /style\\3E \\5C \\A ")
        #expect(Escape.identifier("care_leavers") == "care-leavers")
    }

    /// A council name that is markup stays text in the title, the headings and the footer.
    @Test func councilNameIsEscapedEverywhere() {
        let data = PackData(council: "</style><script>x()</script>\"", demo: false, snapshots: Array(demoPack.snapshots.values),
                            targets: demoPack.targets, benchmarks: [], neighbourCodes: [], statistic: .median, comments: [:])
        for html in [Pack.html(data, month: january), Pack.slides(data, month: january)] {
            #expect(!html.contains("</style><script>x()"))
            #expect(HTMLCheck.problems(html).isEmpty, "\(HTMLCheck.problems(html).prefix(5))")
        }
        #expect(!Pack.html(data, month: january).contains("DEMO DATA"))
    }

    /// The first stored month has no month before it: no change, and still a valid pack.
    @Test func theFirstMonthHasNoChange() {
        let february = YearMonth(year: 2018, month: 2)!
        let html = Pack.html(demoPack, month: february)
        #expect(html.contains(Escape.html(Words.comparedWith(nil))))
        #expect(HTMLCheck.problems(html).isEmpty, "\(HTMLCheck.problems(html).prefix(5))")
        #expect(HTMLCheck.problems(Pack.slides(demoPack, month: february)).isEmpty)
    }

    @Test func aMonthNotStoredSaysSo() {
        let html = Pack.html(demoPack, month: YearMonth(year: 2020, month: 5)!)
        #expect(html.contains("May 2020 is not stored."))
        #expect(HTMLCheck.problems(html).isEmpty)
    }

    /// A list missing from the extract: its service's page says which file, the others print.
    @Test func aServiceNotSuppliedSaysWhichFile() throws {
        let folder = projectFolder + "/Fixtures/demo/2019-01"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") && $0 != "list7.csv" }
            .map { (name: $0, bytes: TestPaths.bytes(folder + "/" + $0) ?? []) }
        let extract = try ExtractReader.read(files: files, asAt: january.last)
        let snapshot = Engine.compute(extract, asAt: january.last, population: Population(age0to17: 96_920, source: "report figure"))
        let data = PackData(council: "Barnet", demo: true, snapshots: [snapshot], targets: demoPack.targets, benchmarks: [], neighbourCodes: [],
                            statistic: .mean, comments: [:])
        let html = Pack.html(data, month: january)
        #expect(section(html, .cp).contains("Not supplied: the extract has no list7.csv"))
        #expect(section(html, .cla).contains("<b>316</b>"))
        #expect(HTMLCheck.problems(html).isEmpty)
    }

    @Test func printStylesRunTheFooterAndBreakBetweenServices() {
        #expect(januaryPack.contains("size: A4 landscape"))
        #expect(januaryPack.contains("@bottom-left { content: \"Barnet · January 2019\""))
        #expect(januaryPack.contains("counter(page) \" of \" counter(pages)"))
        #expect(januaryPack.contains(".service { break-before: page; page-break-before: always; }"))
    }

    @Test func axisRunsFromZeroToARoundTop() {
        let children = AxisScale(maximum: 167, unit: .count)
        #expect(children.top == 200 && children.ticks == [0, 50, 100, 150, 200])
        #expect(AxisScale(maximum: 95, unit: .percent).top == 100)
        #expect(AxisScale(maximum: 71.1, unit: .percent).top == 80)
        #expect(AxisScale(maximum: 5, unit: .count).ticks == [0, 2, 4, 6])
        #expect(AxisScale(maximum: 0, unit: .count).ticks == [0, 1])
        #expect(AxisScale(maximum: .nan, unit: .per_10k).top > 0)
        #expect(coordinate(12.345) == "12.3" && coordinate(-0.04) == "0" && coordinate(-0.5) == "-0.5" && coordinate(3) == "3")
    }
}

@Suite struct SlideTests {
    @Test func defaultAgendaIsEachServiceThenItsHeadlines() {
        let expected = Service.allCases.reduce(0) { $0 + 1 + $1.headlines.count }
        #expect(Pack.Slide.defaultAgenda.count == expected)
        #expect(januarySlides.components(separatedBy: "<section class=\"slide\"").count == expected + 1)
        #expect(januarySlides.contains("slide \(expected) of \(expected)"))
    }

    @Test func anIndicatorSlideCarriesTheFigureRagTargetChangeAndSparkline() throws {
        let visits = try #require(Catalogue.definition("cp.visits_in_time"))
        let html = Pack.slides(demoPack, month: january, agenda: [.indicator("cp.visits_in_time"), .service(.cp)])
        let slide = try #require(html.components(separatedBy: "<section class=\"slide\"").dropFirst().first)
        for text in ["<p class=\"big\">71.1%</p>", "✖ R", "(25.2%)", "target 95.0%", "113 of 159", "last month 68.9% · ▲ 2.2 points (improving)",
                     "<svg", "role=\"img\"", "13 months: \(Escape.html(visits.slideTitle))", "slide 1 of 2"] {
            #expect(slide.contains(text), "\(text)")
        }
        let service = try #require(html.components(separatedBy: "<section class=\"slide\"").last)
        for def in Service.cp.headlines { #expect(service.contains(Escape.html(def.slideTitle)), "\(def.id)") }
        #expect(HTMLCheck.problems(html).isEmpty)
    }

    @Test func printsOneSlidePerPage() {
        #expect(januarySlides.contains("@page { size: 297mm 167mm; margin: 0; }"))
        #expect(januarySlides.contains("break-after: page"))
    }
}

@Suite struct CatalogueForThePackTests {
    /// Every breakdown group has the heading its table prints.
    @Test func everyBreakdownHasAHeading() {
        for def in Catalogue.definitions where def.isBreakdown { #expect(!(def.breakdownHeading ?? "").isEmpty, "\(def.id)") }
        #expect(Catalogue.definition("cp.category.neglect")?.breakdownHeading == "Category of abuse")
        #expect(Catalogue.definition("cp.children")?.breakdownHeading == nil)
    }
}
