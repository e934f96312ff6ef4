import Logging
import Messaging
import ServiceLifecycle
import Synchronization
import Testing
@testable import ServiceRuntime
import TestSupport

@Suite struct GracefulShutdownTests {
    @Test func shutdownFinishesInFlightMessagesAndAcksThem() async throws {
        let address = try TestInfrastructure.brokerAddress
        let queue = TestInfrastructure.uniqueName("shutdown")
        let topology = BrokerTopology(exchange: "\(queue).events", deadLetterExchange: "\(queue).dlx", queues: [.init(name: queue, bindings: ["#"])])
        let publisher = EventPublisher(configuration: .init(address: address, topology: topology))
        try await publisher.publish((0..<50).map {
            OutgoingMessage(exchange: topology.exchange, routingKey: "frb.event.received.v1", body: Array("\($0)".utf8), messageID: "\($0)")
        })
        let consumer = EventConsumer(configuration: .init(address: address, queue: queue, topology: topology, prefetch: 10))
        let handled = Mutex<[String]>([])
        let service = MessageHandlerService(consumer: consumer) { message, consumer in
            try? await Task.sleep(for: .milliseconds(30))
            handled.withLock { $0.append(message.messageID) }
            consumer.ack(message)
        }
        let group = ServiceGroup(configuration: .init(services: [service, PublisherService(publisher)], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await eventually("first messages handled") { handled.withLock { $0.count } >= 3 }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let done = handled.withLock { $0 }
        #expect(Set(done).count == done.count)
        #expect(done.count < 50)
        // Everything handled was acked; everything else is still queued for the next replica.
        let admin = BrokerAdmin(address: address)
        try await eventually("unhandled requeued") { try await admin.messageCount(queue: queue) == 50 - done.count }
        try await admin.deleteQueue(queue)
        try await admin.deleteQueue(queue + ".dlq")
    }
}
