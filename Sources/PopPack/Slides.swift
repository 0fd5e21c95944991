import PopCalendar
import PopMetrics
import PopPage

extension Pack {
    /// One slide of the deck: a service, or one of its indicators.
    public enum Slide: Hashable, Sendable {
        case service(Service)
        case indicator(IndicatorID)

        /// Each service, then its headline indicators, as presentation mode runs them (less its
        /// tables slides: the pack's service pages carry the tables).
        public static var defaultAgenda: [Slide] {
            Service.allCases.flatMap { s in [Slide.service(s)] + s.headlines.map { Slide.indicator($0.id) } }
        }
    }

    /// The keys that move the deck. The only script pop writes, allowed by its hash alone.
    static let slideScript = """
        (function () {
          var slides = document.querySelectorAll('.slide'), at = 0;
          var next = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'], back = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];
          function show(n) {
            at = Math.max(0, Math.min(slides.length - 1, n));
            for (var k = 0; k < slides.length; k++) slides[k].classList.toggle('current', k === at);
          }
          document.addEventListener('keydown', function (e) {
            if (next.indexOf(e.key) >= 0) show(at + 1);
            else if (back.indexOf(e.key) >= 0) show(at - 1);
            else if (e.key === 'Home') show(0);
            else if (e.key === 'End') show(slides.length - 1);
            else if (e.key === 'b' || e.key === 'B' || e.key === '.') document.body.classList.toggle('blank');
            else return;
            e.preventDefault();
          });
          document.body.classList.add('deck');
          show(0);
        })();
        """

    /// The presentation agenda as full-screen HTML slides: a service slide lists its headlines;
    /// an indicator slide shows the big figure, RAG, target and variance, last month and the
    /// change, "n of N" and a 13-month sparkline. Arrow keys, PageUp/PageDown (a presenter's
    /// clicker), Space, Home and End move; `b` blanks the screen. Printed, each slide is a page.
    /// An empty agenda is the default one.
    public static func slides(_ data: PackData, month: YearMonth, agenda: [Slide] = Slide.defaultAgenda) -> String {
        let slides = agenda.isEmpty ? Slide.defaultAgenda : agenda
        var m = Markup()
        m.raw("<!DOCTYPE html>")
        m.open("html", [("lang", "en-GB")])
        m.open("head")
        m.void("meta", [("charset", "utf-8")])
        m.void("meta", [("http-equiv", "Content-Security-Policy"),
                        ("content", "default-src 'none'; style-src 'unsafe-inline'; script-src \(ScriptHash.source("\n" + slideScript + "\n"))")])
        m.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        m.element("title", Words.slidesTitle(council: data.council, month: month))
        m.open("style")
        m.raw(Style.slides)
        m.close("style")
        m.close("head")
        m.open("body")
        if let page = MonthPack(data, month) {
            for (i, slide) in slides.enumerated() {
                let position = (n: i + 1, of: slides.count)
                switch slide {
                case .service(let s): serviceSlide(s, page, position, into: &m)
                case .indicator(let id): indicatorSlide(id, page, position, into: &m)
                }
            }
        } else {
            m.open("section", [("class", "slide")])
            m.element("h1", [("class", "missing")], Words.notStored(month))
            m.close("section")
        }
        // The script's text is hashed exactly as it sits between the tags.
        m.raw("<script>\n" + slideScript + "\n</script>")
        m.close("body")
        m.close("html")
        return m.text
    }

    static func slideFrame(_ service: Service, _ p: MonthPack, _ position: (n: Int, of: Int), id: String, into m: inout Markup,
                           content: (inout Markup) -> Void) {
        m.open("section", [("class", "slide"), ("id", id), ("aria-label", Words.slideCounter(position.n, of: position.of))])
        m.element("header", [service.title, Words.monthName(p.month)].joined(separator: " · ") + (p.data.demo ? " · " + Words.demoData : ""))
        content(&m)
        m.open("footer")
        m.element("span", Words.footer(council: p.data.council, month: p.month))
        m.element("span", Words.slideKeys)
        m.element("span", Words.slideCounter(position.n, of: position.of))
        m.close("footer")
        m.close("section")
    }

    static func serviceSlide(_ service: Service, _ p: MonthPack, _ position: (n: Int, of: Int), into m: inout Markup) {
        slideFrame(service, p, position, id: "slide-\(position.n)", into: &m) { m in
            m.element("h1", service.title)
            let rows = p.headlines(service)
            guard !rows.isEmpty else {
                m.element("p", [("class", "missing")], Words.notSuppliedSentence(service, missing: p.snapshot.missingLists))
                return
            }
            m.open("table")
            m.element("caption", [("class", "unseen")], Words.indicatorsCaption(service, p.month))
            m.open("thead")
            m.open("tr")
            let since = p.baseline.map { [Words.sinceBaselineHeading($0)] } ?? []
            for h in [Words.Heading.indicator, Words.shortMonth(p.month), Words.Heading.rag, Words.Heading.variance, Words.Heading.change] + since {
                m.element("th", [("scope", "col")], h)
            }
            m.close("tr")
            m.close("thead")
            m.open("tbody")
            for r in rows {
                m.open("tr")
                m.element("th", [("scope", "row")], r.definition.slideTitle)
                figureCell(r.current, bold: true, into: &m)
                ragCell(r, into: &m)
                m.element("td", cells.variance(r))
                m.element("td", cells.arrowChange(r))
                if p.baseline != nil { m.element("td", r.baseline == nil ? "–" : cells.baselineArrow(r)) }
                m.close("tr")
            }
            m.close("tbody")
            m.close("table")
        }
    }

    static func indicatorSlide(_ id: IndicatorID, _ p: MonthPack, _ position: (n: Int, of: Int), into m: inout Markup) {
        guard let def = Catalogue.definition(id) else { return }
        slideFrame(def.service, p, position, id: "slide-\(position.n)", into: &m) { m in
            m.element("h1", def.slideTitle)
            guard let r = p.row(id) else {
                m.element("p", [("class", "missing")], Words.notSuppliedThisMonth)
                return
            }
            m.open("div", [("class", "figure-line")])
            m.element("p", [("class", "big")], cells.value(r.current))
            m.open("div", [("class", "facts")])
            if r.current.rag != nil {
                m.element("p", markup: Markup.inline("span", [("class", "rag \(r.current.rag?.rawValue ?? "")")], cells.rag(r))
                    + " " + Escape.html(cells.variance(r)))
            }
            m.element("p", Words.slideTarget(r.current.target == nil ? nil : cells.target(r)))
            let of = cells.nOfN(r.current)
            if !of.isEmpty { m.element("p", of) }
            if r.previous != nil {
                let change = r.direction == .noChange ? Words.direction(.noChange)
                    : cells.arrowChange(r) + Words.changeUnit(r.current.unit) + (r.direction.map { " (\(Words.direction($0)))" } ?? "")
                m.element("p", Words.lastMonth(cells.value(r.previous)) + " · " + change)
            }
            if let b = r.baseline {
                m.element("p", cells.baselineSentence(r) + (b.direction.map { $0 == .noChange ? "" : " (\(Words.direction($0)))" } ?? ""))
            }
            if let sn = r.neighbours {
                m.element("p", Words.neighbourLine(sn, cells.neighbour(r)) + (cells.rank(r).isEmpty ? "" : " · \(Words.Heading.neighbourRank) \(cells.rank(r))"))
            }
            m.close("div")
            m.close("div")
            let points = p.chartMonths.map { (month: $0, value: p.data.value(id, $0)) }
            let spark = Sparkline(definition: def, points: points, id: "slide-\(position.n)-spark")
            m.open("div", [("class", "trend-line")])
            spark.draw(into: &m)
            m.element("p", Words.chartCaption(months: points.count, first: p.chartMonths[0], last: p.month)
                + (spark.range.map { " · " + Words.sparkRange(low: $0.low, high: $0.high) } ?? ""))
            m.close("div")
        }
    }
}
