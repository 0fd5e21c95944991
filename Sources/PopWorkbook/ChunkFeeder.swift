/// Feeds a part that arrives in chunks to the scanner, holding back the unfinished tail of
/// each chunk (a tag cut in two, a split entity reference) until the next one completes it.
struct ChunkFeeder {
    /// The held-back tail, then the chunk that continues it.
    private var carry = ByteBuffer(capacity: 1 << 16)

    /// Scans `chunk` (after any held-back tail). Each time the handler pauses, `resume` is
    /// called and then scanning goes on; when `resume` returns false, so does this. With
    /// `final`, nothing may be left unfinished.
    mutating func feed<H: XMLHandler>(_ chunk: UnsafeRawBufferPointer, final: Bool, into handler: inout H,
                                      resume: (inout H) throws -> Bool) throws -> Bool {
        let buffer: UnsafeRawBufferPointer
        let fromCarry = carry.count > 0
        if fromCarry {
            if let base = chunk.baseAddress, !chunk.isEmpty {
                carry.append(base.assumingMemoryBound(to: UInt8.self), chunk.count)
            }
            buffer = carry.bytes()
        } else {
            buffer = chunk
        }
        var position = 0
        while true {
            position += try XMLScanner.scan(UnsafeRawBufferPointer(rebasing: buffer[position...]), final: final, into: &handler)
            guard handler.paused else { break }
            if try !resume(&handler) { return false }
        }
        if fromCarry {
            carry.keepTail(from: position)
        } else if position < buffer.count, let base = buffer.baseAddress {
            // SAFETY: position < buffer.count, so base+position ..< base+count is the chunk's tail.
            assert(position >= 0)
            carry.append(base.assumingMemoryBound(to: UInt8.self) + position, buffer.count - position)
        }
        // The scanner throws rather than leave anything unfinished at the end.
        assert(!final || carry.count == 0)
        return true
    }
}
