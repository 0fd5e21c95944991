import ArgumentParser
import PopPage

struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every indicator pop computes, with its definition (Markdown).")

    func run() throws { Output.standardOutput(CatalogueText.markdown()) }
}
