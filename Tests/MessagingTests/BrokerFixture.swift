import Foundation
import Messaging
import TestSupport

/// A private exchange and queue on the shared test broker, removed afterwards, so tests run in parallel.
struct BrokerFixture {
    let address: BrokerAddress
    let topology: BrokerTopology
    var queue: BrokerTopology.Queue { topology.queues[0] }
    var admin: BrokerAdmin { BrokerAdmin(address: address) }

    init(address: BrokerAddress? = nil, deliveryLimit: Int = 5) throws {
        self.address = try address ?? TestInfrastructure.brokerAddress
        let name = TestInfrastructure.uniqueName("test")
        topology = BrokerTopology(
            exchange: "\(name).events", deadLetterExchange: "\(name).dlx",
            queues: [.init(name: "\(name).work", bindings: ["frb.#"], deliveryLimit: deliveryLimit)])
    }

    func message(_ n: Int, routingKey: String = "frb.event.received.v1") -> OutgoingMessage {
        let body = Array(#"{"n":\#(n)}"#.utf8)
        return OutgoingMessage(exchange: topology.exchange, routingKey: routingKey, body: body, messageID: "m-\(n)")
    }

    func publisher(confirmTimeout: Duration = .seconds(5)) -> EventPublisher {
        EventPublisher(configuration: .init(address: address, topology: topology, confirmTimeout: confirmTimeout))
    }

    func consumer(queue: String? = nil, prefetch: UInt16 = 50) -> EventConsumer {
        EventConsumer(configuration: .init(address: address, queue: queue ?? self.queue.name, topology: topology,
                                           prefetch: prefetch, lagInterval: .milliseconds(200), drainTimeout: .seconds(10)))
    }

    func remove() async {
        try? await admin.deleteQueue(queue.name)
        try? await admin.deleteQueue(queue.deadLetterQueue)
    }
}

/// Reads `count` messages from a consumer's stream, failing after `limit`.
func receive(_ count: Int, from consumer: EventConsumer, within limit: Duration = .seconds(20)) async throws -> [IncomingMessage] {
    try await withTimeout(limit, "\(count) messages") {
        var received: [IncomingMessage] = []
        for await message in consumer.messages {
            received.append(message)
            if received.count == count { break }
        }
        return received
    }
}

func number(_ message: IncomingMessage) -> Int {
    let object = try? JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Int]
    return object?["n"] ?? -1
}
