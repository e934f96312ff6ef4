import Foundation
import Synchronization
import Testing
@testable import Messaging
import TestSupport

/// Stops and restarts a broker of its own under a steady publish stream.
@Suite struct BrokerOutageTests {
    final class Ledger: Sendable {
        struct Outcome: Sendable {
            let id: Int
            let confirmed: Bool
            let finished: ContinuousClock.Instant
        }
        let outcomes = Mutex<[Outcome]>([])
        let consumed = Mutex<Set<Int>>([])
    }

    @Test func publisherFailsWhileTheBrokerIsDownAndRecoversAfterwards() async throws {
        let broker = DisposableBroker(name: "outage", port: 56730)
        try await broker.whileRunning {
            let fixture = try BrokerFixture(address: BrokerAddress(url: broker.url))
            let publisher = fixture.publisher(confirmTimeout: .seconds(2))
            let consumer = fixture.consumer(prefetch: 100)
            let ledger = Ledger()
            let stopFlag = Atomic<Bool>(false)

            let consuming = Task {
                for await message in consumer.messages {
                    ledger.consumed.withLock { _ = $0.insert(number(message)) }
                    consumer.ack(message)
                }
            }
            let publishing = Task {
                var id = 0
                while !stopFlag.load(ordering: .relaxed) {
                    let batch = (id..<(id + 20)).map { fixture.message($0) }
                    id += 20
                    await withTaskGroup(of: Ledger.Outcome.self) { group in
                        for message in batch {
                            group.addTask {
                                let ok = (try? await publisher.publish(message)) != nil
                                return .init(id: Int(message.messageID.dropFirst(2))!, confirmed: ok, finished: .now)
                            }
                        }
                        for await outcome in group { ledger.outcomes.withLock { $0.append(outcome) } }
                    }
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }

            try await eventually("confirmed before the outage") { ledger.outcomes.withLock { $0.filter(\.confirmed).count } >= 200 }
            try await broker.stop()
            let brokerDown = ContinuousClock.now
            try await eventually("failures reported during the outage") {
                ledger.outcomes.withLock { $0.contains { !$0.confirmed && $0.finished > brokerDown } }
            }
            try await Task.sleep(for: .seconds(3))
            let restarting = ContinuousClock.now
            try await broker.start()
            try await eventually("publisher reconnected", within: .seconds(30)) {
                ledger.outcomes.withLock { $0.contains { $0.confirmed && $0.finished > restarting } }
            }
            stopFlag.store(true, ordering: .relaxed)
            await publishing.value

            let outcomes = ledger.outcomes.withLock { $0 }
            // Nothing is confirmed while no broker is running.
            let confirmedWhileDown = outcomes.filter { $0.confirmed && $0.finished > brokerDown + .milliseconds(500) && $0.finished < restarting }
            #expect(confirmedWhileDown.isEmpty)
            #expect(outcomes.contains { !$0.confirmed })

            // Every confirmed message is really there: the consumer (which reconnected too) sees all of them.
            let confirmed = Set(outcomes.filter(\.confirmed).map(\.id))
            try await eventually("all confirmed messages consumed", within: .seconds(30)) {
                confirmed.isSubset(of: ledger.consumed.withLock { $0 })
            }
            await consumer.stop()
            await consuming.value
            await publisher.shutdown()
            await fixture.remove()
        }
    }
}
