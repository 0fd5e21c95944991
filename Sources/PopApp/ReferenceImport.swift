import PopExtract
import PopMetrics
import PopReference
import PopStore

/// Loads reference files into the store: each file recognised by its header, every file read
/// and checked before anything is stored, then all of it in one transaction.
public enum ReferenceImport {
    /// What a reference file is, by the columns of its header.
    public enum Kind: Equatable, Sendable {
        /// DfE's statistical-neighbour model (`SN_1` … `SN_10`).
        case neighbourGroups
        /// ONS mid-year estimates as the DfE publishes them.
        case populations
        /// pop's own `indicator,period,what,value,source`.
        case typedBenchmarks
        /// Any other council-level DfE publication.
        case publication
    }

    public static func kind(of header: [String]) -> Kind {
        let keys = Set(header)
        if keys.contains("sn_1") { return .neighbourGroups }
        if keys.contains("population_estimate") && keys.contains("age_group") { return .populations }
        if keys.contains("what") && keys.contains("indicator") { return .typedBenchmarks }
        return .publication
    }

    /// Reads `files` and loads their groupings, populations and benchmarks for the council set
    /// in the store (Barnet, 302, when none is set). Returns one line per file saying what it held.
    public static func benchmarks(_ files: [String], into store: Store) throws(PopError) -> [String] {
        let council = try storing("reading the council setting") { try store.setting(.council) } ?? "302"
        var groups: NeighbourGroups?
        var populations: [PopulationEstimate] = []
        var typed: [Benchmark] = []
        var publications: [String] = []
        var councils: [Council] = []
        var messages: [String] = []
        do {
            // Groupings and populations first: publications' SN figures and rates need them.
            for file in files {
                switch kind(of: try ReferenceFiles.header(CSVFile(path: file))) {
                case .neighbourGroups:
                    groups = try ReferenceFiles.neighbourGroups(path: file)
                    messages.append("statistical neighbours for \(groups!.neighbours.count) councils from \(file)")
                case .populations:
                    let p = try ReferenceFiles.populations(path: file)
                    populations += p
                    messages.append("\(p.count) population estimates from \(file)")
                case .typedBenchmarks:
                    let t = try ReferenceFiles.typedBenchmarks(path: file)
                    typed += t
                    messages.append("\(t.count) typed benchmarks from \(file)")
                case .publication:
                    publications.append(file)
                }
            }
            let neighbours = try groups?.neighbours[council] ?? storing("reading neighbours") { try store.neighbours(of: council) }
            // Stored estimates, overridden by those in this load.
            var known = try storing("reading populations") { try store.populations(ageGroup: .age0to17) }
            for p in populations where p.ageGroup == .age0to17 { known["\(p.code)|\(p.year)"] = p.value }
            for file in publications {
                let read = try ReferenceFiles.publicationImport(path: file) { code, year in
                    known["\(code)|\(year)"]
                }
                let published = read.values
                typed += ReferenceFiles.benchmarks(from: published, council: council, neighbours: neighbours)
                councils += published.filter { $0.level == .council }.map {
                    Council(code: $0.code, newCode: $0.newCode, name: $0.name, regionCode: $0.regionCode)
                }
                let indicators = Set(published.map(\.indicator.rawValue)).sorted().joined(separator: ", ")
                var message = "\(published.count) published figures" + (indicators.isEmpty ? "" : " (\(indicators))") + " from \(file)"
                // Figures the table knows but the catalogue does not yet: said, not stored.
                if !read.notInCatalogue.isEmpty {
                    message += "; not loaded, not yet indicators pop computes: " + read.notInCatalogue.map(\.rawValue).joined(separator: ", ")
                }
                messages.append(message)
            }
        } catch let e as ExtractError {
            throw PopError(.unusableInput, e.description + " (nothing was loaded)", cause: e)
        } catch let e as PopError {
            throw e
        } catch {
            throw PopError(.unusableInput, "\(error) (nothing was loaded)", cause: error)
        }
        try storing("storing the reference data") {
            try store.loadReference(groups: groups, populations: populations, benchmarks: typed, councils: unique(councils))
        }
        return messages.map { "loaded " + $0 }
    }

    /// One council per old code: the first of its records with each field filled.
    static func unique(_ councils: [Council]) -> [Council] {
        var order: [String] = [], merged: [String: Council] = [:]
        for c in councils {
            guard let known = merged[c.code] else {
                order.append(c.code)
                merged[c.code] = c
                continue
            }
            merged[c.code] = Council(code: c.code, newCode: known.newCode.isEmpty ? c.newCode : known.newCode,
                                     name: known.name.isEmpty ? c.name : known.name, regionCode: known.regionCode.isEmpty ? c.regionCode : known.regionCode)
        }
        return order.compactMap { merged[$0] }
    }
}
