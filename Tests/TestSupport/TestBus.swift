import Foundation
import Messaging
import Schema

/// A private exchange and queue prefix on the shared test broker, so tests (and benchmarks) run side
/// by side: the common configuration sections, an observer queue, messages for the exchange, clean-up.
public struct TestBus: Sendable {
    public let prefix: String

    public init(_ label: String) {
        prefix = TestInfrastructure.uniqueName(label)
    }

    public var exchange: String { "\(prefix).events" }

    /// The `amqp`, `database` and `log` sections of a service configuration on this bus; `amqp` lists
    /// extra `key: value` lines for the amqp section.
    public func yaml(amqp: [String] = [], logLevel: String = "warning", amqpURL: String = TestInfrastructure.amqpURL) -> String {
        """
        amqp:
          url: \(amqpURL)
          exchange: \(prefix).events
          dead_letter_exchange: \(prefix).dlx
          queue_prefix: \(prefix).
        \(amqp.map { "  " + $0 + "\n" }.joined())database:
          url: \(TestInfrastructure.databaseURL)
        log:
          level: \(logLevel)
        """
    }

    public var observerQueue: String { "\(prefix).observer" }

    /// A consumer of everything matching `bindings`, declared before it returns so nothing published
    /// afterwards can miss it.
    public func observer(bindings: [String], prefetch: UInt16 = 500) async throws -> EventConsumer {
        let topology = BrokerTopology(exchange: exchange, deadLetterExchange: "\(prefix).dlx",
                                      queues: [.init(name: observerQueue, bindings: bindings)])
        try await topology.declare(at: try TestInfrastructure.brokerAddress)
        return EventConsumer(configuration: .init(address: try TestInfrastructure.brokerAddress, queue: observerQueue,
                                                  topology: topology, prefetch: prefetch))
    }

    /// An event with `payload` for this bus's exchange, routed by its type.
    public func message<P: EventPayload>(_ payload: P, id: String = UUID().uuidString.lowercased(), subject: String? = nil) throws -> OutgoingMessage {
        let event = Event(id: id, source: "/tests", subject: subject, data: payload)
        return OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: try event.encode(), messageID: event.id)
    }

    /// Deletes this bus's queues (those of `topology` and the observer) and their dead-letter queues.
    public func cleanUp(_ topology: BrokerTopology) async {
        guard let admin = try? BrokerAdmin(address: TestInfrastructure.brokerAddress) else { return }
        for queue in topology.queues + [.init(name: observerQueue, bindings: [])] {
            try? await admin.deleteQueue(queue.name)
            try? await admin.deleteQueue(queue.deadLetterQueue)
        }
    }
}

/// Takes `count` messages from `consumer`, acking each, or fails after `limit`.
public func collect(_ count: Int, from consumer: EventConsumer, within limit: Duration = .seconds(20)) async throws -> [IncomingMessage] {
    try await withTimeout(limit, "\(count) messages") {
        var received: [IncomingMessage] = []
        for await message in consumer.messages {
            consumer.ack(message)
            received.append(message)
            if received.count == count { break }
        }
        return received
    }
}
