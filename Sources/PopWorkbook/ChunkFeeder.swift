/// Feeds a part that arrives in chunks to the scanner, holding back the unfinished tail of
/// each chunk (a tag cut in two, a split entity reference) until the next one completes it.
///
/// Chunks are scanned where they lie: only the held-back tail, and as much of the next chunk
/// as finishing it takes, are copied.
struct ChunkFeeder {
    private var carry = ByteBuffer(capacity: 1 << 16)
    private var scanner = XMLScanner()

    /// Scans `chunk` (after any held-back tail). Each time the handler pauses, `resume` is
    /// called and then scanning goes on; when `resume` returns false, so does this. With
    /// `final`, nothing may be left unfinished.
    mutating func feed<H: XMLHandler>(_ chunk: UnsafeRawBufferPointer, final: Bool, into handler: inout H,
                                      resume: (inout H) throws -> Bool) throws -> Bool {
        var offset = 0
        if carry.count > 0 {
            let held = carry.count
            var taken = 0
            var piece = 256
            while true {
                let add = min(piece, chunk.count - taken)
                if add > 0, let base = chunk.baseAddress {
                    // SAFETY: taken + add <= chunk.count, so the bytes copied are the chunk's.
                    assert(taken + add <= chunk.count)
                    carry.append(base.assumingMemoryBound(to: UInt8.self) + taken, add)
                    taken += add
                }
                let isLast = taken == chunk.count
                var position = 0
                if try !scanAll(carry.bytes(), final: final && isLast, &handler, resume, &position) { return false }
                if position >= held {
                    // The held-back construct is done: go on in the chunk itself.
                    offset = position - held
                    carry.count = 0
                    break
                }
                if isLast {
                    carry.keepTail(from: position)
                    return true
                }
                piece *= 4
            }
        }
        let rest = UnsafeRawBufferPointer(rebasing: chunk[offset...])
        var position = 0
        if try !scanAll(rest, final: final, &handler, resume, &position) { return false }
        if position < rest.count, let base = rest.baseAddress {
            // SAFETY: position < rest.count, so the tail copied is rest's own.
            carry.append(base.assumingMemoryBound(to: UInt8.self) + position, rest.count - position)
        }
        // The scanner throws rather than leave anything unfinished at the end.
        assert(!final || carry.count == 0)
        return true
    }

    /// Scans `buffer` from `position`, resuming after each pause; false when `resume` says stop.
    private mutating func scanAll<H: XMLHandler>(_ buffer: UnsafeRawBufferPointer, final: Bool, _ handler: inout H,
                                                 _ resume: (inout H) throws -> Bool, _ position: inout Int) throws -> Bool {
        while true {
            position += try scanner.scan(UnsafeRawBufferPointer(rebasing: buffer[position...]), final: final, into: &handler)
            guard handler.paused else { return true }
            if try !resume(&handler) { return false }
        }
    }
}
