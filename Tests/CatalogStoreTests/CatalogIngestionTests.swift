import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Schema
import Testing
import TestSupport
@testable import CatalogStore

/// The catalogue's consumer against real RabbitMQ and PostgreSQL: exactly-once storage, stored events
/// carrying whole records, children before parents, and poison messages dead-lettered with a reason.
@Suite struct CatalogIngestionTests {
    typealias H = CatalogHarness

    func count(_ sql: String, _ parameters: [any PostgresBindable], _ pool: DatabasePool) async throws -> Int64 {
        let sql = sql
        nonisolated(unsafe) let parameters = parameters
        return try await pool.withConnection { try $0.query(sql, parameters).first!.int("n") }
    }

    @Test func storesTheFRBChainOnceAndPublishesWholeRecords() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        let (observationId, frbId, measurementId) = (H.freshId(), H.freshId(), H.freshId())
        let measurementEvent = try harness.message(FRBMeasurementReceived(measurement: H.measurement(measurementId, frb: frbId)))
        try await application.test(.live) { _ in
            try await publisher.publish([
                try harness.message(FRBObservationReceived(observation: H.observation(observationId))),
                try harness.message(FRBEventReceived(frb: H.frb(frbId, observation: observationId))),
            ])
            _ = try await collect(2, from: observer)
            try await publisher.publish(measurementEvent)
            try await publisher.publish(measurementEvent)
            let stored = try await collect(2, from: observer)
            #expect(stored.allSatisfy { $0.routingKey == "frb.measurement.stored.v1" && $0.messageID == measurementEvent.messageID + ".stored" })
            for message in stored {
                #expect(try EventSchemas.violations(of: message.body, type: message.routingKey).isEmpty)
            }
            let payload = try Event<FRBMeasurementStored>.decode(from: stored[0].body).data
            #expect(payload.isFirstMeasurement)
            #expect(payload.measurement == H.measurement(measurementId, frb: frbId))
            #expect(payload.frb.frbId == frbId && payload.frb.repeater && payload.observation.nchan == 3000)
            #expect(payload.imageUrls.search == "https://burstwire.example/media/candidates/ab/abc.png")
            #expect(try await count("SELECT count(*) AS n FROM catalog_radio_measurements WHERE measurement_id = $1", [measurementId], services.pool) == 1)
            #expect(try await count("SELECT count(*) AS n FROM catalog_events WHERE event_id = $1", [measurementEvent.messageID], services.pool) == 1)
            let dmism = try await services.pool.withConnection { db in
                try db.query("SELECT dmism, error_ellipse->>'cl' AS cl, source FROM catalog_radio_measurements WHERE measurement_id = $1", [measurementId]).first!
            }
            #expect(try dmism.double("dmism") == 123.16 && dmism["cl"] == "68" && dmism["source"] == "MB")
        }
        await publisher.shutdown()
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func storedRecordsNobodySubscribesToDoNotBlockAcks() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let observationId = H.freshId()
        let admin = BrokerAdmin(address: try harness.address)
        try await application.test(.live) { _ in
            // No queue is bound to frb.observation.stored.v1 here: the input must still be stored and acknowledged.
            try await publisher.publish(try harness.message(FRBObservationReceived(observation: H.observation(observationId))))
            try await eventually("stored") {
                try await count("SELECT count(*) AS n FROM catalog_observations WHERE observation_id = $1", [observationId], services.pool) == 1
            }
            try await eventually("acknowledged") { try await admin.messageCount(queue: harness.queue.name) == 0 && services.consumer.lag == 0 }
        }
        await publisher.shutdown()
        await harness.cleanUp()
    }

    @Test func aChildBeforeItsParentWaitsAndIsStoredAfterIt() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        let (observationId, frbId, measurementId) = (H.freshId(), H.freshId(), H.freshId())
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(FRBMeasurementReceived(measurement: H.measurement(measurementId, frb: frbId))))
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await count("SELECT count(*) AS n FROM catalog_radio_measurements WHERE measurement_id = $1", [measurementId], services.pool) == 0)
            try await publisher.publish([
                try harness.message(FRBObservationReceived(observation: H.observation(observationId))),
                try harness.message(FRBEventReceived(frb: H.frb(frbId, observation: observationId))),
            ])
            let stored = try await collect(3, from: observer)
            #expect(Set(stored.map(\.routingKey)) == ["frb.observation.stored.v1", "frb.event.stored.v1", "frb.measurement.stored.v1"])
            #expect(try await count("SELECT count(*) AS n FROM catalog_radio_measurements WHERE measurement_id = $1", [measurementId], services.pool) == 1)
        }
        await publisher.shutdown()
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func unstorableMessagesAreDeadLetteredWithTheirReason() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let garbage = OutgoingMessage(exchange: harness.topology.exchange, routingKey: "frb.event.received.v1",
                                      body: Array("{not json".utf8), messageID: UUID().uuidString)
        var reshaped = try harness.message(FRBObservationReceived(observation: H.observation(H.freshId())))
        reshaped.body = Array(String(decoding: reshaped.body, as: UTF8.self).replacingOccurrences(of: "\"nchan\":3000", with: "\"nchan\":\"many\"").utf8)
        let wrongShape = reshaped
        let admin = BrokerAdmin(address: try harness.address)
        try await application.test(.live) { _ in
            try await publisher.publish([garbage, wrongShape])
            try await eventually("dead-lettered") { try await admin.messageCount(queue: harness.queue.deadLetterQueue) == 2 }
            let reasons = try await services.pool.withConnection { db in
                try db.query("SELECT reason FROM catalog_rejections WHERE event_id = ANY($1::text[])",
                             ["{\(garbage.messageID),\(wrongShape.messageID)}"]).rows.map { try $0.string("reason") }
            }
            #expect(reasons.count == 2)
            #expect(reasons.contains { $0.contains("envelope") })
            #expect(reasons.contains { $0.contains("schema") })
        }
        await publisher.shutdown()
        await harness.cleanUp()
    }

    @Test func ratingsKeepTheLatestClickPerUser() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        let (observationId, frbId) = (H.freshId(), H.freshId())
        let later = try harness.message(SlackRatingReceived(frbId: frbId, slackUserId: "U123", slackUserName: "gemma", rating: .reject,
                                                            actionTs: "1700000002.000200"))
        let earlier = try harness.message(SlackRatingReceived(frbId: frbId, slackUserId: "U123", slackUserName: "gemma", rating: .confirm,
                                                              actionTs: "1700000001.000100"))
        try await application.test(.live) { _ in
            try await publisher.publish([
                try harness.message(FRBObservationReceived(observation: H.observation(observationId))),
                try harness.message(FRBEventReceived(frb: H.frb(frbId, observation: observationId))),
            ])
            _ = try await collect(2, from: observer)
            try await publisher.publish(later)
            try await publisher.publish(earlier)
            try await eventually("both clicks processed") {
                try await count("SELECT count(*) AS n FROM catalog_events WHERE type = 'slack.rating.received.v1' AND data->>'frb_id' = $1",
                                [String(frbId)], services.pool) == 2
            }
            let rating = try await services.pool.withConnection { db in
                try db.query("SELECT rating FROM catalog_ratings WHERE frb_id = $1", [frbId]).rows.map { try $0.string("rating") }
            }
            #expect(rating == ["reject"])
        }
        await publisher.shutdown()
        await observer.stop()
        await harness.cleanUp()
    }
}
