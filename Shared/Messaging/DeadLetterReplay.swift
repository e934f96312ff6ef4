import Logging
import Synchronization

/// Moves messages parked in a work queue's dead-letter queue back to that queue, oldest first — after
/// the cause (a bug, a missing record, an outage) is fixed. Each is confirmed by the broker in the work
/// queue before it is removed from the dead-letter queue, so a replay that stops halfway duplicates at
/// most one message (consumers are idempotent) and never loses one. The message keeps its id, type and
/// body; it reaches only the queue it was parked from (through the default exchange), not every subscriber.
public struct DeadLetterReplay: Sendable {
    public let address: BrokerAddress
    public var logger: Logger

    /// How long to wait for the next parked message before ending the replay.
    public var idleTimeout: Duration

    public init(address: BrokerAddress, idleTimeout: Duration = .seconds(10), logger: Logger = Logger(label: "burstwire.dead-letters")) {
        self.address = address
        self.idleTimeout = idleTimeout
        self.logger = logger
    }

    /// Replays up to `limit` messages and returns how many moved.
    public func replay(_ queue: BrokerTopology.Queue, limit: Int = .max) async throws -> Int {
        let waiting = try await BrokerAdmin(address: address).messageCount(queue: queue.deadLetterQueue)
        let wanted = min(limit, waiting)
        guard wanted > 0 else { return 0 }
        // One message in flight, and none held back on stop: what is not moved stays parked.
        let consumer = EventConsumer(configuration: .init(address: address, queue: queue.deadLetterQueue, prefetch: 1,
                                                          drainTimeout: .zero, logger: logger))
        let publisher = EventPublisher(configuration: .init(address: address, logger: logger))
        // The count was taken before consuming; should the queue shrink meanwhile (another replay, a
        // purge), the wait for the rest ends after `idleTimeout` without a message.
        let lastMessage = LastMessage()
        let watchdog = Task {
            while !Task.isCancelled, (try? await Task.sleep(for: .seconds(1))) != nil {
                if lastMessage.idle(longerThan: idleTimeout) {
                    await consumer.stop()
                    return
                }
            }
        }
        var moved = 0
        do {
            for await message in consumer.messages {
                lastMessage.now()
                try await publisher.publish(OutgoingMessage(exchange: "", routingKey: queue.name, body: message.body,
                                                            messageID: message.messageID, type: message.eventType))
                consumer.ack(message)
                moved += 1
                if moved == wanted { break }
            }
        } catch {
            watchdog.cancel()
            await consumer.stop()
            await publisher.shutdown()
            throw error
        }
        watchdog.cancel()
        await consumer.stop()
        await publisher.shutdown()
        return moved
    }
}

/// When the replay last received a message.
private final class LastMessage: Sendable {
    private let time = Mutex(ContinuousClock.now)

    func now() {
        time.withLock { $0 = .now }
    }

    func idle(longerThan limit: Duration) -> Bool {
        time.withLock { ContinuousClock.now - $0 > limit }
    }
}
