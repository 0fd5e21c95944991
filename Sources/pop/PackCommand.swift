import ArgumentParser
import PopApp
import PopCalendar
import PopDashboard
import PopPack
import PopPage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "The month's board pack: one self-contained HTML file (A4 landscape in print), the slides, a PDF through headless Chromium.",
        discussion: """
            Files are created readable by you only, and an existing file is never replaced unless --force is given. \
            --pdf needs chromium (or chromium-browser) on PATH. No child ID or worker name is in any of them.
            """)

    @Option(name: .long, help: "The month (YYYY-MM; default the latest stored).") var month: YearMonth?
    @Option(name: .long, help: "The pack's HTML file.") var out: String
    @Option(name: .long, help: "Also write the presentation agenda as full-screen HTML slides.") var slides: String?
    @Option(name: .long, help: "The slides' agenda: one slide per line, a service (cp, cla, …) or an indicator id (as pop present).")
    var agenda: String?
    @Option(name: .long, help: "Also print the pack to PDF with a headless Chromium.") var pdf: String?
    @Flag(name: .long, help: "Replace files that already exist.") var force = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        let paths = [out, slides, pdf].compactMap { $0 }
        guard Set(paths).count == paths.count else { throw ValidationError("--out, --slides and --pdf must be different files") }
        if agenda != nil && slides == nil { throw ValidationError("--agenda is for the slides: give --slides FILE too") }
    }

    func run() throws {
        // Everything that can be refused is refused before anything is written.
        if !force { try PackOutput.refuseExisting([out, slides, pdf].compactMap { $0 }) }
        var chromium: String?
        if pdf != nil {
            chromium = PackOutput.findChromium(path: getenv("PATH").map { String(cString: $0) })
            guard chromium != nil else { throw PopError(.externalProgram, PackOutput.chromiumMissing) }
        }
        var deck = Pack.Slide.defaultAgenda
        if let agenda {
            let (parsed, problems) = Slide.agenda(try FileText.read(agenda))
            if let p = problems.first { throw PopError(.unusableInput, "\(agenda), \(p)") }
            guard !parsed.isEmpty else { throw PopError(.unusableInput, "\(agenda): no slides in the agenda") }
            deck = parsed.map { slide in
                switch slide {
                case .service(let s): .service(s)
                case .indicator(let id): .indicator(id)
                // The HTML deck has no tables slide: its service slide stands there (the pack's
                // service page carries the tables).
                case .tables(let s): .service(s)
                }
            }
        }
        let db = try store.openOrBuildDemo()
        let wanted: YearMonth
        if let month { wanted = month } else {
            guard let latest = try storing("reading the stored months", { try db.months() }).last else {
                throw PopError(.notFound, "the database holds no months yet: use pop import")
            }
            wanted = latest
        }
        let data = try PackLoader.load(db, month: wanted)
        try PackOutput.write(Pack.html(data, month: wanted), to: out, replace: force)
        Output.standardOutput("wrote \(out): \(Words.packTitle(council: data.council, month: wanted))\n")
        if let slides {
            try PackOutput.write(Pack.slides(data, month: wanted, agenda: deck), to: slides, replace: force)
            Output.standardOutput("wrote \(slides): \(deck.count) slides\n")
        }
        if let pdf, let chromium {
            try PackOutput.printPDF(html: out, to: pdf, replace: force, chromium: chromium)
            Output.standardOutput("wrote \(pdf) (printed by \(chromium))\n")
        }
    }
}
