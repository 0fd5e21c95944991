import Foundation
import Testing

/// `pop pack` through the real binary: files created 0600, never replacing a file (or
/// following a link) without --force, and a clear message when --pdf has no Chromium.
@Suite(.serialized) struct PackCommandTests {
    func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue).map { $0 & 0o777 } ?? -1
    }

    @Test func writesOwnerOnlyFilesAndReplacesOnlyWithForce() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/pop.sqlite", html = folder + "/pack.html", slides = folder + "/slides.html"
        // One imported month and the targets: quicker than building the whole demo database.
        #expect(try pop(["import", "Fixtures/demo/2019-01", "--as-at", "2019-01-31", "--population", "96920"], db: db).status == 0)
        #expect(try pop(["targets", "import", "Fixtures/demo/targets.csv"], db: db).status == 0)
        let made = try pop(["pack", "--month", "2019-01", "--out", html, "--slides", slides], db: db)
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("January 2019"))
        for path in [html, slides] { #expect(try mode(path) == 0o600, "\(path)") }
        let written = try String(contentsOfFile: html, encoding: .utf8)
        #expect(written.contains("<b>71.1%</b>") && written.contains("(25.2%)") && !written.contains("DEMO DATA"))

        // An existing file is refused, untouched, and nothing else is written.
        try "keep".write(toFile: html, atomically: false, encoding: .utf8)
        let other = folder + "/other.html"
        let refused = try pop(["pack", "--month", "2019-01", "--out", other, "--slides", html], db: db)
        #expect(refused.status == 2 && refused.err.contains("already exists") && refused.err.contains("--force"))
        #expect(try String(contentsOfFile: html, encoding: .utf8) == "keep")
        #expect(!FileManager.default.fileExists(atPath: other))

        // A link at the path is refused too; with --force the link itself is replaced, never its target.
        let target = folder + "/target.txt", link = folder + "/link.html"
        try "target".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try pop(["pack", "--month", "2019-01", "--out", link], db: db).status == 2)
        let forced = try pop(["pack", "--month", "2019-01", "--out", link, "--slides", html, "--force"], db: db)
        #expect(forced.status == 0, "\(forced.err)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "target")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil)
        for path in [link, html] { #expect(try mode(path) == 0o600, "\(path)") }
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("slide 1 of "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains(".pop-") }, "a temporary file was left")

        // A month that is not stored.
        let missing = try pop(["pack", "--month", "2017-05", "--out", folder + "/may.html"], db: db)
        #expect(missing.status == 2 && missing.err.contains("2017-05 is not stored"))
    }

    @Test func pdfWithoutChromiumSaysWhatToInstall() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = folder + "/pack.html", pdf = folder + "/pack.pdf"
        let r = try pop(["pack", "--month", "2019-01", "--out", html, "--pdf", pdf], db: folder + "/pop.sqlite",
                        environment: ["PATH": folder + "/no-programs-here"])
        #expect(r.status == 2)
        #expect(r.err.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: html) && !FileManager.default.fileExists(atPath: pdf))
        #expect(!FileManager.default.fileExists(atPath: folder + "/pop.sqlite"), "refused before the database was built")
    }
}
