import Foundation
import Testing
@testable import Messaging
import TestSupport

/// The operator's way back from a dead-letter queue: messages return to the one work queue they were
/// parked from, with their id, type and body, as many as asked, and the rest stay parked.
@Suite struct DeadLetterReplayTests {
    @Test func parkedMessagesGoBackToTheirQueueKeepingIdAndType() async throws {
        let fixture = try BrokerFixture()
        let publisher = fixture.publisher()
        try await publisher.publish((1...3).map { fixture.message($0) })
        let consumer = fixture.consumer()
        for message in try await receive(3, from: consumer) { consumer.reject(message) }
        await consumer.stop()
        try await eventually("three parked") { try await fixture.admin.messageCount(queue: fixture.queue.deadLetterQueue) == 3 }

        let replay = DeadLetterReplay(address: fixture.address)
        #expect(try await replay.replay(fixture.queue, limit: 2) == 2)
        #expect(try await fixture.admin.messageCount(queue: fixture.queue.deadLetterQueue) == 1)
        try await eventually("two back") { try await fixture.admin.messageCount(queue: fixture.queue.name) == 2 }

        let again = fixture.consumer()
        let replayed = try await receive(2, from: again)
        // Dead-lettering does not promise an order; each keeps its id, and none comes twice.
        #expect(Set(replayed.map(number)).count == 2 && replayed.allSatisfy { $0.messageID == "m-\(number($0))" })
        // Through the default exchange the routing key is the queue's name; the event type travels in `type`.
        #expect(replayed.allSatisfy { $0.routingKey == fixture.queue.name && $0.eventType == "frb.event.received.v1" })
        replayed.forEach(again.ack)
        #expect(try await replay.replay(fixture.queue) == 1)
        let last = try await receive(1, from: again)
        #expect(Set(replayed.map(number) + last.map(number)) == [1, 2, 3])
        last.forEach(again.ack)
        await again.stop()
        #expect(try await replay.replay(fixture.queue) == 0)

        #expect(try await fixture.admin.messageCount(queue: fixture.queue.deadLetterQueue) == 0)
        await publisher.shutdown()
        await fixture.remove()
    }
}
