/// The header of a VOEvent 2.0 packet that ingest needs before it publishes: the identity (IVORN and its
/// parts) for the nak/ack and deduplication, the role so test packets never cause real actions, and the
/// digest of the exact bytes received, so a resend of the same packet can be recognised.
public struct VOEventEssentials: Sendable, Equatable {
    /// The `ivorn` attribute as written, e.g. "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987".
    public let ivorn: String
    /// The `role` attribute: "observation" (the schema's default when absent), "prediction", "utility" or "test".
    public let role: String
    /// The `version` attribute; always "2.0".
    public let version: String
    /// The IVORN's authority, e.g. "nasa.gsfc.gcn".
    public let authority: String
    /// The IVORN's resource path after the authority, without the leading "/", e.g. "SWIFT"; may be empty.
    public let resource: String
    /// "authority/resource", e.g. "nasa.gsfc.gcn/SWIFT": the stream, as voevent-parse and `VOEventSummary.stream` name it.
    public let stream: String
    /// The IVORN's local id after "#", e.g. "BAT_GRB_Pos_772006-7987".
    public let localID: String
    /// `Who/Date` as written (an xs:dateTime, usually without a zone), when present.
    public let date: String?
    /// Lowercase hex SHA-256 of the bytes as received.
    public let sha256: String
}
