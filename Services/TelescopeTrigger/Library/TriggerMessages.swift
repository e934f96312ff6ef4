import Logging
import Messaging
import Schema
import ServiceRuntime

/// How every telescope-trigger handler settles its message: unreadable, it is dead-lettered; its work is
/// retried in place while the database is unreachable; done, it is acked; refused by the work, it is
/// dead-lettered with the reason; any other failure (a shutdown, the broker) returns it for another try.
enum TriggerMessages {
    enum Outcome: Sendable {
        case done
        case deadLetter(String)
    }

    static func handle<P: EventPayload>(_ message: IncomingMessage, as type: P.Type, consumer: EventConsumer, logger: Logger,
                                        _ work: (P) async throws -> Outcome) async {
        let payload: P
        do {
            payload = try Event<P>.decode(from: message.body).data
        } catch {
            logger.error("dead-lettering an unreadable event", metadata: ["event": "\(message.messageID)", "type": "\(message.eventType)", "reason": "\(error)"])
            consumer.reject(message)
            return
        }
        do {
            switch try await DatabaseOutage.retrying(logger: logger, { try await work(payload) }) {
            case .done:
                consumer.ack(message)
            case .deadLetter(let reason):
                logger.warning("dead-lettering", metadata: ["event": "\(message.messageID)", "type": "\(message.eventType)", "reason": "\(reason)"])
                consumer.reject(message)
            }
        } catch {
            logger.warning("not processed; the event will be retried", metadata: ["event": "\(message.messageID)", "error": "\(error)"])
            try? await Task.sleep(for: .seconds(1))
            consumer.nack(message, requeue: true)
        }
    }
}
