import Database
import Foundation
@testable import CatalogStore
@testable import Messaging
import Schema
import Synchronization
import Testing
import TestSupport

/// A measurement whose FRB is committed by another transaction while its statement runs — here another
/// replica storing the same detection (a client's retry under other event ids), whose uncommitted
/// measurement row makes the statement wait: the statement's snapshot cannot see the FRB committed
/// meanwhile. Found by scripts/fault-test (an orphan retried beside its parent's batch): the measurement
/// must wait and come back, not be stored without its stored event and dead-lettered.
@Suite struct ConcurrentParentTests {
    @Test func aMeasurementWhoseFRBCommitsMidStatementWaitsInsteadOfBeingRefused() async throws {
        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 2))
        try await CatalogSchema.migrator.migrate(pool)
        let (observationId, frbId, measurementId) = (CatalogHarness.freshId(), CatalogHarness.freshId(), CatalogHarness.freshId())
        let eventId = UUID().uuidString.lowercased()
        let measurement = Event(id: eventId, source: "/test", subject: nil,
                                data: FRBMeasurementReceived(measurement: CatalogHarness.measurement(measurementId, frb: frbId)))
        let message = IncomingMessage(body: try measurement.encode(), routingKey: EventType.frbMeasurementReceived.rawValue, messageID: eventId,
                                      type: EventType.frbMeasurementReceived.rawValue, redelivered: false, deliveryCount: 0, tag: 1, session: 1)
        let writer = CatalogWriter(exchange: "test.events", mediaBaseURL: "http://127.0.0.1/media/")
        let observation = CatalogHarness.observation(observationId)

        // The other replica's transaction: observation, FRB and measurement rows in, uncommitted until the
        // measurement's statement is seen waiting on them.
        let row = String(decoding: try EventJSON.encoder().encode(CatalogHarness.measurement(measurementId, frb: frbId)), as: UTF8.self)
        let parentInserted = Mutex(false)
        let parent = Task {
            try await pool.transaction { db in
                try db.query("""
                    INSERT INTO catalog_observations (observation_id, beam_semi_major_axis, beam_semi_minor_axis, beam_rotation_angle,
                        sampling_time, bandwidth, nchan, centre_frequency, npol, bits_per_sample, gain, tsys, backend)
                    VALUES ($1, 0.2, 0.3, 45, 0.1, 300, 3000, 1400, 2, 8, 3, 50, 'Multibeam')
                    """, [observation.observationId])
                try db.query("INSERT INTO catalog_frb_events (frb_id, observation_id, time_of_arrival) VALUES ($1, $2, now())",
                             [frbId, observationId])
                try db.query("INSERT INTO catalog_radio_measurements SELECT (jsonb_populate_record(NULL::catalog_radio_measurements, $1::jsonb)).*",
                             [row])
                parentInserted.withLock { $0 = true }
                for _ in 0..<200 {
                    // Activity is snapshotted once per transaction unless cleared.
                    try db.query("SELECT pg_stat_clear_snapshot()")
                    let waiting = try db.query("""
                        SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%catalog_radio_measurements%'
                        AND pid <> pg_backend_pid() AND datname = current_database()
                        """).first!.int("n")
                    if waiting > 0 { break }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
        }
        try await eventually("the parent's rows are in") { parentInserted.withLock { $0 } }
        let outcome = try await pool.transaction { db in try writer.store(message, in: db) }
        try await parent.value
        guard case .waitingForParent(let reason) = outcome else {
            Issue.record("expected the measurement to wait for its FRB, got \(outcome)")
            return
        }
        #expect(reason.contains("not visible"))
        let logged = try await pool.withConnection { db in
            try db.query("SELECT count(*) AS n FROM catalog_events WHERE event_id = $1", [eventId]).first!.int("n")
        }
        #expect(logged == 0, "the savepoint was undone, so the retry stores it with its stored event")
        // Retried now that the FRB is visible: stored, with its stored event.
        let retried = try await pool.transaction { db in try writer.store(message, in: db) }
        guard case .stored(let events) = retried else {
            Issue.record("expected the retry to store the measurement, got \(retried)")
            return
        }
        #expect(events.map(\.routingKey) == [EventType.frbMeasurementStored.rawValue])
        await pool.close()
    }
}
