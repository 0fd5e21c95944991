import PopCalendar
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A sink whose lists can be read apart, each into an empty part on a thread of its own, and
/// then joined in list order. The joined sink is exactly what one reader would have made
/// reading the lists one after another: each list's rows and data-quality entries stay in file
/// order, and the lists in `ListKind` order.
public protocol PartedSink: ExtractSink {
    /// An empty sink with this one's settings (the reporting date, say), to read one list into.
    func emptyPart() -> Self
    /// Joins `part`, read apart: its lists come after every list this sink holds.
    mutating func append(part: consuming Self)
    /// The part's list has been read, on the thread that read it: work that needs the whole
    /// list (and nothing else) can be done here, in parallel with the other lists, rather than
    /// after the join. It must not change what the sink holds, only prepare it.
    mutating func partRead()
}

extension PartedSink {
    public mutating func partRead() {}
}

/// One list to read into a part of its own: `weight` (its size in bytes, say) balances the
/// threads.
public struct ListJob<S: PartedSink>: Sendable {
    public let list: ListKind
    public let weight: Int
    public let read: @Sendable (inout S) throws(ExtractError) -> Void

    public init(list: ListKind, weight: Int, read: @escaping @Sendable (inout S) throws(ExtractError) -> Void) {
        self.list = list
        self.weight = weight
        self.read = read
    }
}

extension ExtractReader {
    /// How many threads lists are read on: the machine's cores, at most `cap`.
    public static func threads(cap: Int = 4) -> Int {
        max(1, min(cap, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    }

    /// Streams every list present in `folder` into `sink` as `read(folder:…)` does, reading the
    /// lists on up to `threads` threads (each list into a part of its own) and joining them
    /// in list order: the same rows, figures and data-quality list, in the same order.
    public static func read<S: PartedSink>(folder: String, asAt: Day, options: ReadOptions = ReadOptions(), threads: Int,
                                           into sink: inout S) throws(ExtractError) {
        guard threads > 1 else { return try read(folder: folder, asAt: asAt, options: options, into: &sink) }
        guard FilePath.isDirectory(folder) else { throw ExtractError(file: folder, message: "not a folder that can be read") }
        var jobs: [ListJob<S>] = []
        for list in ListKind.allCases {
            let path = folder + "/" + list.fileName
            guard FilePath.entryExists(path) else { continue }
            let source = CSVFile(path: path, name: list.fileName)
            jobs.append(ListJob(list: list, weight: FilePath.size(path)) { (part: inout S) throws(ExtractError) in
                try readList(list, from: source, asAt: asAt, options: options, into: &part)
            })
        }
        try inParts(jobs, threads: threads, into: &sink)
    }

    /// Runs each job into an empty part of `sink`, on up to `threads` threads, then appends the
    /// parts to `sink` in job order. The first job (in order) that failed throws its error, as a
    /// reader going through the jobs one by one would have stopped there.
    ///
    /// Jobs are handed out heaviest first (by weight, then in order), each to the next thread
    /// that is free: lists cost different amounts per byte (contacts little, case lists more),
    /// so a plan fixed by weight left one thread idle for a third of a 10M-row read. Which
    /// thread reads a list changes nothing in it: each part is read alone and the parts are
    /// joined in job order.
    public static func inParts<S: PartedSink>(_ jobs: [ListJob<S>], threads: Int, into sink: inout S) throws(ExtractError) {
        let lanes = max(1, min(threads, jobs.count))
        let order = jobs.indices.sorted { jobs[$0].weight > jobs[$1].weight || (jobs[$0].weight == jobs[$1].weight && $0 < $1) }
        let results = PartResults<S>(jobs.map { _ in sink.emptyPart() })
        let queue = JobQueue(order)
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while let j = queue.next() { results.run(j, jobs[j]) }
        }
        for j in jobs.indices {
            switch results.take(j) {
            case .success(let part): sink.append(part: part)
            case .failure(let error): throw error
            }
        }
    }
}

/// The jobs not yet started, in the order they are handed out.
private final class JobQueue: @unchecked Sendable {
    // @unchecked: `taken` is read and written only inside `lock.sync`.
    private let lock = DispatchQueue(label: "pop.list-jobs")
    private let order: [Int]
    private var taken = 0

    init(_ order: [Int]) { self.order = order }

    /// The next job to run, or nil when every job has been handed out.
    func next() -> Int? {
        lock.sync {
            guard taken < order.count else { return nil }
            defer { taken += 1 }
            return order[taken]
        }
    }
}

/// Each job's part and outcome, in memory of their own. Slot j is written only by the thread
/// job j runs on, and read only after `concurrentPerform` has returned (it waits for every
/// thread), so no two threads ever touch a slot at once.
private final class PartResults<S: PartedSink>: @unchecked Sendable {
    private let parts: UnsafeMutablePointer<S>
    private let outcomes: UnsafeMutablePointer<ExtractError?>
    private let count: Int
    /// Parts already moved out by `take` (the main thread's alone).
    private var taken: [Bool]

    init(_ parts: [S]) {
        taken = Array(repeating: false, count: parts.count)
        count = parts.count
        // SAFETY: both buffers hold `count` initialised elements from here until deinit.
        self.parts = .allocate(capacity: count)
        self.parts.initialize(from: parts, count: count)
        outcomes = .allocate(capacity: count)
        outcomes.initialize(repeating: nil, count: count)
    }

    deinit {
        for j in 0..<count where !taken[j] { (parts + j).deinitialize(count: 1) }
        parts.deallocate()
        outcomes.deinitialize(count: count)
        outcomes.deallocate()
    }

    func run(_ j: Int, _ job: ListJob<S>) {
        // SAFETY: 0 ≤ j < count, and slot j belongs to this job's thread alone (see above).
        precondition(j >= 0 && j < count)
        do throws(ExtractError) {
            try job.read(&parts[j])
            parts[j].partRead()
        } catch { outcomes[j] = error }
    }

    /// Job j's outcome; its part is moved out (so the sink it joins holds the only reference
    /// to its rows). Once per job.
    func take(_ j: Int) -> Result<S, ExtractError> {
        // SAFETY: 0 ≤ j < count and part j is still initialised; every thread has finished.
        precondition(j >= 0 && j < count && !taken[j])
        taken[j] = true
        let part = (parts + j).move()
        if let e = outcomes[j] { return .failure(e) }
        return .success(part)
    }
}

extension FilePath {
    /// A file's size in bytes (0 when it cannot be asked).
    public static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }
}
