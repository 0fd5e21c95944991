import ArgumentParser
import PopMetrics

struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every indicator pop computes, with its definition (Markdown).")

    func run() throws { FileHandleOutput.standardOutput(CatalogueText.markdown()) }
}
