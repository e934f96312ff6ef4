import Database
import Foundation
import Messaging
import Schema
import ServiceRuntime
import Testing
import TestSupport
@testable import CatalogStore

private typealias H = CatalogHarness

/// The real `catalog-store` executable, killed with SIGKILL while it works through a queue and started
/// again: the messages it had committed but not acknowledged come back, and change nothing.
@Suite struct ConsumerCrashTests {
    @Test func killedBetweenCommitAndAckNothingIsLostOrDoubled() async throws {
        let harness = try CatalogHarness(prefetch: 400, batchSize: 100)
        let total = 3_000
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(harness.prefix).yaml")
        try harness.yaml.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }

        try await harness.topology.declare(at: try harness.address)
        let observer = try await harness.observer()
        let publisher = try harness.publisher()
        let (observationId, frbId, base) = (H.freshId(), H.freshId(), H.freshId())
        try await publisher.publish([try harness.message(FRBObservationReceived(observation: H.observation(observationId))),
                                     try harness.message(FRBEventReceived(frb: H.frb(frbId, observation: observationId)))])
        for chunk in stride(from: 0, to: total, by: 500) {
            try await publisher.publish(try (chunk..<chunk + 500).map {
                try harness.message(FRBMeasurementReceived(measurement: H.measurement(base + Int64($0), frb: frbId)))
            })
        }
        await publisher.shutdown()

        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 2))
        @Sendable func stored() async throws -> Int64 {
            try await pool.withConnection { db in
                try db.query("SELECT count(*) AS n FROM catalog_radio_measurements WHERE frb_id = $1", [frbId]).first!.int("n")
            }
        }
        let admin = BrokerAdmin(address: try harness.address)
        let executable = ChildProcess.builtProduct("catalog-store")
        let environment = ["BURSTWIRE_CONFIG": config.path]

        // Kill mid-stream until a kill lands between a commit and its acks (stored + still queued > total).
        var committedButUnacked = 0
        var kills = 0
        while committedButUnacked == 0 && kills < 5 {
            let before = try await stored()
            let child = try ChildProcess([executable, "--config", config.path], environment: environment)
            do {
                try await eventually("catalog-store storing", within: .seconds(60)) { try await stored() >= before + 200 }
            } catch {
                await child.stop()
                Issue.record("catalog-store made no progress: \(child.output)")
                throw error
            }
            await child.stop(signal: SIGKILL)
            kills += 1
            let afterKill = try await stored()
            guard afterKill < Int64(total) else { break }
            // Unacknowledged deliveries return to the queue when the broker sees the connection die.
            let queue = harness.queue.name
            try await eventually("deliveries requeued") {
                Int64(try await admin.messageCount(queue: queue)) + afterKill >= Int64(total)
            }
            let queued = try await admin.messageCount(queue: queue)
            committedButUnacked = Int(Int64(queued) + afterKill - Int64(total))
        }
        #expect(committedButUnacked > 0, "no kill landed between a commit and its acks in \(kills) tries")

        let last = try ChildProcess([executable, "--config", config.path], environment: environment)
        try await eventually("every measurement stored", within: .seconds(90)) { try await stored() == Int64(total) }
        try await eventually("queue drained", within: .seconds(30)) { try await admin.messageCount(queue: harness.queue.name) == 0 }
        try await Task.sleep(for: .milliseconds(500))
        await last.stop(signal: SIGTERM)

        #expect(try await stored() == Int64(total), "nothing doubled")
        let logged = try await pool.withConnection { db in
            try db.query("""
                SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM catalog_events
                WHERE type = 'frb.measurement.received.v1' AND (data->'measurement'->>'frb_id')::bigint = $1
                """, [frbId]).first!
        }
        #expect(try logged.int("n") == Int64(total) && logged.int("d") == Int64(total))
        // Downstream saw every measurement at least once, under stable ids, so its own dedupe holds.
        let published = try await collect(total + 2, from: observer, within: .seconds(60))
        var ids = Set(published.map(\.messageID))
        while let more = try? await collect(1, from: observer, within: .milliseconds(500)) { ids.formUnion(more.map(\.messageID)) }
        #expect(ids.count == total + 2)
        await observer.stop()
        await pool.close()
        await harness.cleanUp()
    }
}
