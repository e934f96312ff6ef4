/// A fixed byte string prepared for Boyer–Moore–Horspool search, so finding multipart boundaries
/// in a large upload skips ahead by up to the pattern length instead of testing every offset.
struct BytePattern {
    let bytes: [UInt8]
    /// How far the window may move when its last byte is the index.
    private let shifts: [Int]

    init(_ bytes: [UInt8]) {
        precondition(!bytes.isEmpty, "a search pattern needs at least one byte")
        var shifts = [Int](repeating: bytes.count, count: 256)
        for (offset, byte) in bytes.dropLast().enumerated() {
            shifts[Int(byte)] = bytes.count - 1 - offset
        }
        self.bytes = bytes
        self.shifts = shifts
    }

    var count: Int { bytes.count }

    /// The offset of the first occurrence in `haystack[range]`, or nil.
    func firstMatch(in haystack: UnsafeBufferPointer<UInt8>, within range: Range<Int>) -> Int? {
        guard let text = haystack.baseAddress, range.count >= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { pattern -> Int? in
            shifts.withUnsafeBufferPointer { shifts -> Int? in
                let pattern = pattern.baseAddress!
                let shifts = shifts.baseAddress!
                let last = bytes.count - 1
                var start = range.lowerBound
                let lastStart = range.upperBound - bytes.count
                while start <= lastStart {
                    let tail = text[start + last]
                    if tail == pattern[last] {
                        var offset = last - 1
                        while offset >= 0 && text[start + offset] == pattern[offset] {
                            offset -= 1
                        }
                        if offset < 0 { return start }
                    }
                    start += shifts[Int(tail)]
                }
                return nil
            }
        }
    }

    /// Whether `haystack` holds the pattern at `offset`.
    func matches(in haystack: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, offset + bytes.count <= haystack.count else { return false }
        return bytes.indices.allSatisfy { haystack[offset + $0] == bytes[$0] }
    }
}
