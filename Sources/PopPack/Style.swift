import PopCalendar
import PopPage

/// The style sheets, inline in each file: the pack opens from a shared drive with no network and
/// no fonts but the machine's own.
enum Style {
    static let fonts = "\"Liberation Sans\", Arial, \"Helvetica Neue\", \"DejaVu Sans\", sans-serif"

    /// A caption a screen reader reads and the page does not show (the heading above says it).
    static let unseen = ".unseen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }"

    /// The status colours: light fills under dark text whose greys differ too (printed in
    /// greyscale red is the darkest fill, amber the lightest), and a symbol and letter in every
    /// RAG cell say it without colour at all.
    static let statusColours = """
        .rag { font-weight: 700; white-space: nowrap; text-align: center; }
        .rag.green { background: #c3e3c3; color: #0b4d0b; }
        .rag.amber { background: #fff0c2; color: #5c3d00; }
        .rag.red { background: #f2b8b2; color: #6e0a0a; }
        """

    /// The pack: A4 landscape sheets on screen and on paper, each service from a new page, a
    /// running footer with the council, the month and "page n of N" from the paged-media counters.
    static func pack(council: String, month: YearMonth, demo: Bool) -> String {
        let footer = Escape.cssString(Words.footer(council: council, month: month))
        let counter = "\"\(Escape.cssString(Words.pageCounter.page))\" counter(page) \"\(Escape.cssString(Words.pageCounter.of))\" counter(pages)"
        let demoBox = demo ? "\n    @bottom-center { content: \"\(Escape.cssString(Words.demoData))\"; font: 700 8pt \(fonts); }" : ""
        return """
            @page {
              size: A4 landscape;
              margin: 11mm 12mm 13mm 12mm;
              @bottom-left { content: "\(footer)"; font: 8pt \(fonts); color: #333; }\(demoBox)
              @bottom-right { content: \(counter); font: 8pt \(fonts); color: #333; }
            }
            html { font-family: \(fonts); color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            body { margin: 0; background: #d4d4d4; font-size: 9.5pt; line-height: 1.3; }
            .sheet { background: #fff; width: 297mm; min-height: 210mm; box-sizing: border-box; padding: 11mm 12mm; margin: 6mm auto;
              box-shadow: 0 1px 4px rgba(0, 0, 0, .35); }
            .service { break-before: page; page-break-before: always; }
            @media print {
              body { background: none; }
              .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
            }
            h1, h2, h3 { margin: 0; line-height: 1.15; }
            .page-head { display: flex; align-items: baseline; gap: 6mm; border-bottom: 2.5pt solid #1d3f66; padding-bottom: 1.5mm; margin-bottom: 3mm; }
            .page-head .council { font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
            .page-head h2 { font-size: 15pt; text-transform: uppercase; }
            .page-head .when { margin: 0 0 0 auto; }
            .demo { display: inline-block; border: 1.5pt solid #111; padding: .5mm 2mm; font-weight: 700; letter-spacing: .08em; margin: 0; }
            .cover .council { font-size: 26pt; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
            .cover h1 { font-size: 22pt; margin: 1mm 0 2mm; }
            .cover .month { font-size: 16pt; font-weight: 700; margin: 0; }
            .cover .basis { margin: 1mm 0; }
            .cover .notes { margin: 3mm 0; color: #333; }
            .cover .key > span { margin-right: 5mm; }
            .cover .key .rag { padding: .3mm 1.5mm; }
            .glance { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm 5mm; margin-top: 4mm; align-items: start; }
            .glance table { font-size: 8.5pt; margin: 0; }
            .glance caption a { color: inherit; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; }
            caption { text-align: left; font-weight: 700; font-size: 10.5pt; padding: 0 0 1.5mm; caption-side: top; }
            th, td { border-bottom: .5pt solid #bbb; padding: .8mm 1.8mm; text-align: right; vertical-align: top; }
            thead th { background: #1d3f66; color: #fff; font-weight: 700; border-bottom: none; white-space: nowrap; }
            thead th:first-child { text-align: left; }
            thead th[scope=colgroup] { text-align: center; border-left: 1pt solid #fff; }
            tbody th[scope=row], tfoot th[scope=row] { text-align: left; font-weight: 400; }
            tbody th[scope=rowgroup] { background: #e6ebf2; text-align: left; font-weight: 700; }
            tr.total th, tr.total td { font-weight: 700; border-top: 1pt solid #111; }
            tr, figure { break-inside: avoid; page-break-inside: avoid; }
            .n, .dir { display: block; font-size: 7.5pt; color: #444; font-weight: 400; white-space: nowrap; }
            .missing { color: #444; font-style: italic; }
            \(statusColours)
            \(unseen)
            .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 8mm; margin: 2mm 0 4mm; align-items: start; }
            figure { margin: 0; }
            figure h3 { font-size: 9.5pt; margin-bottom: 1mm; min-height: 2.3em; }
            svg.chart { display: block; width: 100%; height: auto; }
            svg text { font-size: 8px; fill: #222; }
            svg .tick, svg .month { font-size: 7.5px; fill: #444; }
            svg .figure.latest { font-weight: 700; }
            svg .bar { fill: #8aa5c6; }
            svg .bar.latest { fill: #1d3f66; }
            svg .grid { stroke: #ddd; stroke-width: .6; }
            svg .axis { stroke: #555; stroke-width: 1; }
            svg .target { fill: none; stroke: #b3261e; stroke-width: 2; stroke-dasharray: 7 4; }
            svg .neighbours { stroke: #111; stroke-width: 1.6; stroke-dasharray: 2 3; }
            .legend { font-size: 8pt; margin: 1mm 0; color: #333; }
            .legend > span { margin-right: 4mm; white-space: nowrap; }
            .key-target, .key-sn { display: inline-block; width: 9mm; vertical-align: middle; margin-right: 1.5mm; }
            .key-target { border-top: 2px dashed #b3261e; }
            .key-sn { border-top: 2px dotted #111; }
            table.box { font-size: 8pt; margin: 1mm 0; }
            table.box th { background: #e6ebf2; color: #111; text-align: center; }
            table.box td { text-align: center; }
            .team-tables { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; align-items: start; }
            .team table { font-size: 8.5pt; }
            .team th[scope=row] { white-space: nowrap; }
            .comment { white-space: pre-line; border-left: 2.5pt solid #1d3f66; padding-left: 2mm; margin: 1mm 0 0; }
            .comment b { display: block; }
            .note { font-size: 8pt; color: #333; margin: -2mm 0 4mm; }
            """
    }

    /// The slides: one full-screen slide at a time (the script shows the current one), every
    /// slide on its own 16:9 page when printed or when script is off.
    static let slides = """
        @page { size: 297mm 167mm; margin: 0; }
        html { font-family: \(fonts); color: #111; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; }
        .slide { box-sizing: border-box; width: 100vw; height: 100vh; padding: 4vh 6vw 8vh; position: relative; overflow: hidden;
          display: flex; flex-direction: column; border-bottom: 1px solid #ccc; break-after: page; page-break-after: always; }
        body.deck .slide { display: none; border: 0; }
        body.deck .slide.current { display: flex; }
        body.deck.blank .slide.current { visibility: hidden; }
        @media print {
          body.deck .slide { display: flex; }
          .slide { width: 297mm; height: 167mm; border: 0; }
        }
        .slide header { font-size: 2.2vw; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; text-align: center;
          border-bottom: .4vw solid #1d3f66; padding-bottom: 1vh; }
        .slide h1 { font-size: 3.6vw; margin: 3vh 0 2vh; }
        .slide table { border-collapse: collapse; font-size: 2.6vw; width: 100%; }
        .slide th, .slide td { padding: 1vh 1.5vw; border-bottom: 1px solid #bbb; text-align: right; }
        .slide th[scope=row] { text-align: left; font-weight: 400; }
        .slide thead th { border-bottom: .3vw solid #111; }
        .slide thead th:first-child { text-align: left; }
        .slide .n { display: block; font-size: 1.5vw; color: #444; font-weight: 400; white-space: nowrap; }
        .figure-line { display: flex; align-items: center; gap: 4vw; }
        .big { font-size: 15vw; font-weight: 700; line-height: 1; margin: 0; }
        .facts { font-size: 2.6vw; margin: 0; line-height: 1.5; }
        .facts p { margin: 0; }
        \(statusColours)
        \(unseen)
        .rag { padding: 0 1vw; }
        .trend-line { margin-top: 3vh; font-size: 1.8vw; color: #333; }
        .trend-line p { margin: .5vh 0 0; }
        svg.spark { width: 40vw; height: auto; display: block; }
        svg .trend { fill: none; stroke: #1d3f66; stroke-width: 3; }
        svg .latest { fill: #1d3f66; }
        svg .axis { stroke: #777; stroke-width: 1; }
        .slide footer { position: absolute; left: 6vw; right: 6vw; bottom: 2.5vh; display: flex; justify-content: space-between;
          font-size: 1.5vw; color: #333; }
        .missing { font-style: italic; }
        """
}
