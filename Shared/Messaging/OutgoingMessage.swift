/// A persistent message to publish: the routing key is the event type, the message id the event id.
public struct OutgoingMessage: Sendable {
    public var exchange: String
    public var routingKey: String
    public var body: [UInt8]
    public var messageID: String
    public var type: String
    public var contentType: String
    /// When true (the default) a message no queue is bound for fails as `.unroutable` instead of
    /// vanishing; false suits notices nobody may be subscribed to yet, such as stored records.
    public var mustBeRouted: Bool

    public init(exchange: String, routingKey: String, body: [UInt8], messageID: String, type: String? = nil,
                contentType: String = "application/json", mustBeRouted: Bool = true) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.messageID = messageID
        self.type = type ?? routingKey
        self.contentType = contentType
        self.mustBeRouted = mustBeRouted
    }
}
