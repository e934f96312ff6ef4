import Foundation
import Testing
@testable import Messaging
import TestSupport

/// Round trips against the real RabbitMQ started by scripts/infra.
@Suite struct PublishConsumeTests {
    @Test func publishConfirmConsumeAckRoundTrip() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish((0..<200).map { fixture.message($0) })
        #expect(try await fixture.admin.messageCount(queue: fixture.queue.name) == 200)

        let consumer = fixture.consumer(prefetch: 250)
        let received = try await receive(200, from: consumer)
        #expect(received.map(number) == Array(0..<200))
        #expect(received.allSatisfy { $0.routingKey == "frb.event.received.v1" && !$0.redelivered })
        #expect(received[7].messageID == "m-7")
        received.reversed().forEach(consumer.ack)
        await consumer.stop()

        // Nothing is redelivered after the acks: the queue is empty once the consumer has gone.
        try await eventually("queue drained") { try await fixture.admin.messageCount(queue: fixture.queue.name) == 0 }
        let again = fixture.consumer()
        await #expect(throws: TimedOut.self) { _ = try await receive(1, from: again, within: .seconds(1)) }
        await again.stop()
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func unroutableMessageIsReportedNotConfirmed() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        await #expect(throws: MessagingError(.unroutable, "no queue bound for routing key voevent.received.v1")) {
            try await publisher.publish(fixture.message(1, routingKey: "voevent.received.v1"))
        }
        try await publisher.publish(fixture.message(2))
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func consumerThatDiesWithoutAckingHasItsMessagesRedelivered() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish((0..<3).map { fixture.message($0) })

        let first = fixture.consumer()
        let taken = try await receive(3, from: first)
        #expect(taken.allSatisfy { !$0.redelivered })
        await first.crash()

        let second = fixture.consumer()
        let redelivered = try await receive(3, from: second)
        #expect(Set(redelivered.map(number)) == [0, 1, 2])
        #expect(redelivered.allSatisfy { $0.redelivered && $0.deliveryCount >= 1 })
        redelivered.forEach(second.ack)
        await second.stop()
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func poisonMessageIsDeadLetteredAfterTheDeliveryLimit() async throws {
        let fixture = try BrokerFixture(deliveryLimit: 2)
        let publisher = fixture.publisher()
        try await publisher.publish(fixture.message(42))

        let consumer = fixture.consumer()
        let attempts = try await withTimeout(.seconds(20), "delivery limit") {
            var attempts = 0
            for await message in consumer.messages {
                attempts += 1
                #expect(message.deliveryCount == attempts - 1)
                consumer.nack(message, requeue: true)
                if attempts == 3 { break }
            }
            return attempts
        }
        #expect(attempts == 3)
        try await eventually("dead-lettered") { try await fixture.admin.messageCount(queue: fixture.queue.deadLetterQueue) == 1 }
        #expect(try await fixture.admin.messageCount(queue: fixture.queue.name) == 0)

        let dlq = fixture.consumer(queue: fixture.queue.deadLetterQueue)
        let parked = try await receive(1, from: dlq)
        #expect(number(parked[0]) == 42)
        dlq.ack(parked[0])
        await dlq.stop()
        await consumer.stop()
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func rejectedMessageGoesStraightToTheDeadLetterQueue() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish([fixture.message(1), fixture.message(2)])
        let consumer = fixture.consumer()
        let received = try await receive(2, from: consumer)
        consumer.reject(received[0])
        consumer.ack(received[1])
        try await eventually("dead-lettered") { try await fixture.admin.messageCount(queue: fixture.queue.deadLetterQueue) == 1 }
        await consumer.stop()
        #expect(try await fixture.admin.messageCount(queue: fixture.queue.name) == 0)
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func outOfOrderAcksAreCoalescedWithoutLosingOrDuplicating() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish((0..<500).map { fixture.message($0) })
        let consumer = fixture.consumer(prefetch: 100)
        try await withTimeout(.seconds(30), "500 acks") {
            var held: [IncomingMessage] = []
            var seen = 0
            for await message in consumer.messages {
                seen += 1
                // Ack odd messages at once and even ones in reverse batches: gaps, then contiguous prefixes.
                if number(message) % 2 == 1 { consumer.ack(message) } else { held.append(message) }
                if held.count == 10 { held.reversed().forEach(consumer.ack); held = [] }
                if seen == 500 { break }
            }
            held.forEach(consumer.ack)
        }
        await consumer.stop()
        #expect(try await fixture.admin.messageCount(queue: fixture.queue.name) == 0)
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func gracefulStopFinishesInFlightMessages() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish((0..<20).map { fixture.message($0) })
        let consumer = fixture.consumer(prefetch: 5)
        let processed = try await withTimeout(.seconds(20), "in-flight processing") {
            var done: [Int] = []
            var stopTask: Task<Void, Never>?
            for await message in consumer.messages {
                if done.isEmpty { stopTask = Task { await consumer.stop() } }
                try await Task.sleep(for: .milliseconds(20))
                done.append(number(message))
                consumer.ack(message)
            }
            await stopTask?.value
            return done
        }
        // Stop ended the stream after the prefetched messages were processed and acked; the rest stay queued.
        #expect(!processed.isEmpty && processed.count < 20)
        try await eventually("remaining requeued") {
            try await fixture.admin.messageCount(queue: fixture.queue.name) == 20 - processed.count
        }
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func consumerReportsQueueLag() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish((0..<30).map { fixture.message($0) })
        let consumer = fixture.consumer(prefetch: 1)
        let first = try await receive(1, from: consumer)
        try await eventually("lag sampled") { consumer.lag == 29 }
        consumer.ack(first[0])
        await consumer.stop()
        await publisher.shutdown()
        await fixture.remove()
    }

    @Test func publishAfterShutdownFails() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish(fixture.message(1))
        await publisher.shutdown()
        await #expect(throws: MessagingError(.closed, "publisher is shut down")) { try await publisher.publish(fixture.message(2)) }
        await fixture.remove()
    }
}
