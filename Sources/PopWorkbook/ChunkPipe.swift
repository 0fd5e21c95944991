import Foundation

/// Inflates a part on a thread of its own while the caller scans it: the machine has two
/// cores and inflating costs about as much as scanning, so a large sheet reads in nearly half
/// the time. A few chunks wait at most, so memory stays bounded.
final class ChunkPipe: @unchecked Sendable {
    // @unchecked: every field is read and written only under `condition`'s lock.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int
    private let done = DispatchSemaphore(value: 0)

    private init(capacity: Int) { self.capacity = capacity }

    /// Streams `entry` through a pipe: `consume` runs on the calling thread for each chunk, in
    /// order, while the next ones inflate. Errors from either side are thrown here, and the
    /// inflating thread has ended by the time this returns.
    static func stream(_ entry: ZipEntry, of zip: ZipFile, chunkSize: Int, capacity: Int = 6, _ consume: (Data) throws -> Void) throws {
        let pipe = ChunkPipe(capacity: capacity)
        let thread = Thread {
            do {
                try zip.stream(entry, chunkSize: chunkSize, checkCRC: false) { try pipe.put($0) }
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
            pipe.done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        defer {
            pipe.cancel()
            pipe.done.wait()
        }
        while let chunk = try pipe.take() { try consume(chunk) }
    }

    private func put(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw PipeCancelled() }
        chunks.append(data)
        condition.signal()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.signal()
        condition.unlock()
    }

    private func take() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.signal()
            return chunk
        }
        if let failure, !(failure is PipeCancelled) { throw failure }
        return nil
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.signal()
        condition.unlock()
    }
}

/// The reader stopped taking chunks; the inflating side ends quietly.
private struct PipeCancelled: Error {}
