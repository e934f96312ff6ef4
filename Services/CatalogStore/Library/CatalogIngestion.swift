import Database
import Logging
import Messaging
import ServiceLifecycle

/// The catalogue's consumer. Takes whatever has been delivered as one batch and stores it in one
/// transaction (set-based for measurements, a savepoint per message otherwise, so one bad message
/// spoils nothing else), publishes the resulting `*.stored` events with confirms, and only then acks. Unstorable messages are recorded with
/// their reason and dead-lettered; a child whose parent is not stored yet is retried in process with
/// backoff and then returned to the queue — never dropped, never stored orphaned. While the database
/// or broker is down the batch waits, unacknowledged, and is retried.
struct CatalogIngestion: Service {
    let consumer: EventConsumer
    let publisher: EventPublisher
    let pool: DatabasePool
    let writer: CatalogWriter
    let batchSize: Int
    let orphanRetry: Duration
    /// The queue's delivery limit: the return that reaches it dead-letters the message.
    let deliveryLimit: Int
    let logger: Logger

    func run() async throws {
        let buffer = MessageBuffer()
        let consumer = self.consumer
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    for await message in consumer.messages { buffer.append(message) }
                    buffer.finish()
                }
                // Two stages: while one batch's stored events wait for their confirms, the next one commits.
                var settling: Task<[IncomingMessage], Never>?
                while let batch = await buffer.next(limit: batchSize) {
                    // Cancelled before it committed: left unacknowledged, the batch comes back.
                    guard let outcomes = await commit(batch) else { break }
                    for orphan in await settling?.value ?? [] {
                        tasks.addTask { await retryOrphan(orphan) }
                    }
                    settling = Task { await settle(batch, outcomes) }
                }
                for orphan in await settling?.value ?? [] {
                    tasks.addTask { await retryOrphan(orphan) }
                }
            }
        } onGracefulShutdown: {
            Task { await consumer.stop() }
        }
    }

    /// Stores a batch, publishes its follow-ups, settles it, and returns the messages waiting for a parent.
    func store(_ batch: [IncomingMessage]) async -> [IncomingMessage] {
        guard let outcomes = await commit(batch) else { return [] }
        return await settle(batch, outcomes)
    }

    /// Stores a batch in one transaction, retrying while the catalogue is unavailable; nil if cancelled first.
    private func commit(_ batch: [IncomingMessage]) async -> [CatalogWriter.Outcome]? {
        var backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(5))
        while true {
            do {
                let writer = self.writer
                return try await pool.transaction { db in try writer.store(batch, in: db) }
            } catch {
                logger.warning("catalogue unavailable; batch kept unacknowledged", metadata: ["error": "\(error)", "messages": "\(batch.count)"])
                guard (try? await Task.sleep(for: backoff.next())) != nil else { return nil }
            }
        }
    }

    private func settle(_ batch: [IncomingMessage], _ outcomes: [CatalogWriter.Outcome]) async -> [IncomingMessage] {
        var followUps: [OutgoingMessage] = []
        var orphans: [IncomingMessage] = []
        for case .stored(let events) in outcomes { followUps += events }
        do {
            try await publisher.publishUntilConfirmed(followUps, logger: logger)
        } catch {
            // Shutting down: unacknowledged, the batch comes back and its stored events with it.
            return []
        }
        for (message, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .stored:
                consumer.ack(message)
            case .unstorable(let reason):
                logger.error("dead-lettering an unstorable message", metadata: ["event": "\(message.messageID)", "reason": "\(reason)"])
                consumer.reject(message)
            case .waitingForParent:
                orphans.append(message)
            }
        }
        return orphans
    }

    /// Retries a child in process while its parent may still be on the way, then returns it to the queue;
    /// on the delivery the broker would dead-letter anyway, it records why and rejects it itself.
    private func retryOrphan(_ message: IncomingMessage) async {
        let deadline = ContinuousClock.now + orphanRetry
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2))
        while ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: backoff.next())
            } catch {
                return consumer.nack(message, requeue: true)
            }
            if await store([message]).isEmpty { return }
        }
        guard message.deliveryCount >= deliveryLimit else {
            logger.warning("parent still missing; returning the message to the queue", metadata: ["event": "\(message.messageID)"])
            return consumer.nack(message, requeue: true)
        }
        let reason = "parent record never arrived (\(deliveryLimit + 1) deliveries of \(orphanRetry) each)"
        var retry = Backoff(initial: .milliseconds(200), maximum: .seconds(5))
        while true {
            do {
                try await pool.withConnection { db in try CatalogWriter.recordRejection(message, reason: reason, in: db) }
                break
            } catch {
                guard (try? await Task.sleep(for: retry.next())) != nil else { return consumer.nack(message, requeue: true) }
            }
        }
        logger.error("dead-lettering an orphan", metadata: ["event": "\(message.messageID)", "reason": "\(reason)"])
        consumer.reject(message)
    }
}
