/// Why a packet is not accepted as a VOEvent 2.0 packet. The reason is written for the author (it becomes
/// the nak's `Meta/Result` or the HTTP error message), so it names what is wrong, e.g. "ivorn has no #local_id".
public struct VOEventRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words an author can act on.
    public let reason: String
    /// The packet's IVORN when it was read and valid before another check failed, so a nak can name the event.
    public let ivorn: String?

    public init(_ reason: String, ivorn: String? = nil) {
        self.reason = reason
        self.ivorn = ivorn
    }

    public var description: String { reason }
}
