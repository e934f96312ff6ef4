/// A delivered message. Settle it exactly once through the consumer that delivered it:
/// `ack` after its effect is committed, `nack(requeue: true)` to retry later, `reject` to dead-letter it.
public struct IncomingMessage: Sendable {
    public let body: [UInt8]
    public let routingKey: String
    public let messageID: String
    public let type: String
    /// True when the broker delivered this message before (to this or another consumer).
    public let redelivered: Bool
    /// Earlier delivery attempts, as counted by the quorum queue (0 on the first delivery).
    public let deliveryCount: Int
    /// The event type: the message's type property, which a replay from a dead-letter queue keeps while
    /// its routing key becomes the queue's name; the routing key for messages published without one.
    public var eventType: String { type.isEmpty ? routingKey : type }
    let tag: UInt64
    let session: UInt64
}
