import Messaging
import Schema

/// Publishes ingest's events and waits for the broker's confirm of every one: a handler answers 2xx
/// (or a VTP ack) only after `publish` returned; any failure becomes `BrokerUnavailable` (503 + Retry-After).
struct EventPublishing: Sendable {
    let publisher: EventPublisher
    let exchange: String
    let source = "/burstwire/ingest-api"

    /// One event ready to publish, type-erased so a request can publish several kinds together.
    struct Encoded: Sendable {
        let message: OutgoingMessage
    }

    func encode<P: EventPayload>(_ payload: P, subject: String?) throws -> Encoded {
        let event = Event(source: source, subject: subject, data: payload)
        return Encoded(message: OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: try event.encode(),
                                                messageID: event.id, type: event.type.rawValue))
    }

    func publish(_ events: [Encoded], timeout: Duration? = nil) async throws(BrokerUnavailable) {
        do {
            try await publisher.publish(events.map(\.message), timeout: timeout)
        } catch {
            throw BrokerUnavailable(reason: (error as? MessagingError)?.code.description ?? "publish failed")
        }
    }
}

/// The broker did not confirm an event in time; nothing was acknowledged to the client.
struct BrokerUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { "event not confirmed by the broker (\(reason))" }
}
