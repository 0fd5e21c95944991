import PopMetrics
import PopReference
import PopStore

/// `pop settings --council`: which council pop is, by name (`Barnet`), old code (`302`) or new
/// code (`E09000003`), as the loaded SN groupings and publications name it. Choosing another
/// council derives its SN figures and region from the published figures stored for every council.
public enum CouncilSetting {
    /// What choosing a council did.
    public struct Outcome: Sendable, Equatable {
        public let council: Council
        /// How many SN and region figures were derived again for it from stored publications.
        public let rederived: Int
        /// A note for the user (an old code no loaded file names yet).
        public let note: String?
    }

    public static func choose(_ text: String, store: Store) throws(PopError) -> Outcome {
        let councils = try storing("reading the councils") { try store.councils() }
        let council: Council
        var note: String?
        switch Council.find(text, in: councils) {
        case .found(let c):
            council = c
        case .ambiguous(let many):
            let listed = many.prefix(8).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            throw PopError(.unusableInput, "\"\(text)\" could be \(listed)\(many.count > 8 ? ", …" : ""): give the name in full or a code")
        case .none:
            // Before any reference data is loaded an old code is taken as it is, as pop always has.
            let code = text.filter { !$0.isWhitespace }
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw PopError(.unusableInput, councils.isEmpty
                    ? "\"\(text)\" is not a council pop knows yet: load DfE's SN groupings (pop benchmarks import sn_model_2025_wide.csv) to choose by name or new code, or give the old LA code (302)"
                    : "no council is called or coded \"\(text)\" in the loaded reference data (\(councils.count) councils); give a name, an old code (302) or a new code (E09000003)")
            }
            council = Council(code: code)
            note = "no loaded reference file names council \(code): its name shows once DfE's SN groupings are loaded"
        }
        let rederived = try storing("saving the council") { () throws -> Int in
            let before = try store.setting(.council)
            try store.setSetting(.council, council.code)
            if !council.name.isEmpty { try store.setSetting(.councilName, council.name) }
            guard before != council.code else { return 0 }
            if council.name.isEmpty { try store.setSetting(.councilName, "") }
            return try rederive(for: council.code, councils: councils, store: store)
        }
        return Outcome(council: council, rederived: rederived, note: note)
    }

    /// Derives the SN figures and region of `code` again from the published figures stored for
    /// every council (as `pop benchmarks import` derives them), replacing those of the council
    /// chosen before. Returns how many figures it stored.
    static func rederive(for code: String, councils: [Council], store: Store) throws -> Int {
        let stored = try store.benchmarks()
        let published = ReferenceFiles.published(from: stored, councils: councils)
        guard !published.isEmpty else { return 0 }
        let derived = ReferenceFiles.benchmarks(from: published, council: code, neighbours: try store.neighbours(of: code))
            .filter { ReferenceFiles.derivedFigures.contains($0.what) }
        try store.replaceDerivedBenchmarks(ReferenceFiles.derivedFigures, with: derived)
        return derived.count
    }
}
