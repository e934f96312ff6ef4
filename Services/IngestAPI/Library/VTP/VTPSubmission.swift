/// One VOEvent as an author sent it over VTP: the frame's payload, untouched, and who sent it.
public struct VTPSubmission: Sendable, Equatable {
    /// The frame payload exactly as received (the VOEvent XML, if the author is well behaved).
    public let bytes: [UInt8]
    /// The peer as "host:port" ("[v6]:port" for IPv6), when known.
    public let remoteAddress: String?

    public init(bytes: [UInt8], remoteAddress: String?) {
        self.bytes = bytes
        self.remoteAddress = remoteAddress
    }
}
