import Foundation

/// Reading a file's bytes by position, as the zip reader and the xlsx writer's spill file both do.
enum FileBytes {
    enum Failure: Error {
        /// The file ends before the bytes asked for.
        case ended
        /// The system refused the read (its errno).
        case failed(Int32)
    }

    /// Exactly `count` bytes of `fd` at `offset`.
    static func read(_ fd: Int32, at offset: Int64, count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            // SAFETY: pread writes at most count - done bytes at bytes[done...], inside the array.
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                assert(done < raw.count)
                return pread(fd, base + done, count - done, off_t(offset + Int64(done)))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw n < 0 ? .failed(errno) : .ended }
            done += n
        }
        return bytes
    }
}
