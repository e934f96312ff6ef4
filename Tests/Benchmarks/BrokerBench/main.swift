import Foundation
import Messaging
import TestSupport

// Confirmed-publish and consume rates of the Messaging library against the local broker:
// `swift run -c release broker-bench [count] [bodyBytes]` (scripts/bench and scripts/bench-ingest run it).

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let bodySize = arguments.count > 2 ? Int(arguments[2]) ?? 500 : 500
let address = try TestInfrastructure.brokerAddress
let queue = TestInfrastructure.uniqueName("bench")
let topology = BrokerTopology(exchange: "\(queue).events", deadLetterExchange: "\(queue).dlx",
                              queues: [.init(name: queue, bindings: ["frb.#"])])
let body = Array(String(repeating: "x", count: bodySize).utf8)

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

// Publish: every message awaited individually, up to `concurrency` awaiting at once.
let publisher = EventPublisher(configuration: .init(address: address, topology: topology, window: 1000, confirmTimeout: .seconds(30)))
let concurrency = 1000
let publishStart = ContinuousClock.now
try await withThrowingTaskGroup(of: Void.self) { group in
    var next = 0
    func add() {
        let message = OutgoingMessage(exchange: topology.exchange, routingKey: "frb.event.received.v1", body: body, messageID: String(next))
        group.addTask { try await publisher.publish(message) }
        next += 1
    }
    while next < min(concurrency, count) { add() }
    while try await group.next() != nil {
        if next < count { add() }
    }
}
let publishSeconds = seconds(since: publishStart)
await publisher.shutdown()

// Consume: ack every message; the consumer coalesces contiguous acks.
let consumer = EventConsumer(configuration: .init(address: address, queue: queue, topology: topology, prefetch: 1000))
let consumeStart = ContinuousClock.now
var consumed = 0
for await message in consumer.messages {
    consumer.ack(message)
    consumed += 1
    if consumed == count { break }
}
let consumeSeconds = seconds(since: consumeStart)
await consumer.stop()
let admin = BrokerAdmin(address: address)
try await admin.deleteQueue(queue)
try await admin.deleteQueue(queue + ".dlq")

let publishRate = Double(count) / publishSeconds
let consumeRate = Double(count) / consumeSeconds
print("broker-bench: \(count) messages x \(bodySize) bytes, persistent, quorum queue, one connection each")
print(String(format: "%-44@ %10@ %12@", "operation" as NSString, "seconds" as NSString, "msg/s" as NSString))
print(String(format: "%-44@ %10.2f %12.0f", "publish, confirmed (window 1000)" as NSString, publishSeconds, publishRate))
print(String(format: "%-44@ %10.2f %12.0f", "consume, ack each (prefetch 1000, coalesced)" as NSString, consumeSeconds, consumeRate))
print(String(format: "ratio vs prototype (16k confirmed / 26k consumed): publish %.2f, consume %.2f", publishRate / 16_000, consumeRate / 26_000))
