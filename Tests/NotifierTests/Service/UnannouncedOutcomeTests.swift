import Database
import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import Notifier

private typealias H = NotifierHarness

/// A delivery's outcome and its `notification.*` event are recorded together; a crash after that and
/// before the broker confirmed the event leaves it in the ledger, and the redelivered message publishes
/// it — without delivering anything again.
@Suite struct UnannouncedOutcomeTests {
    @Test func anOutcomeRecordedButNotPublishedIsPublishedOnTheRedelivery() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators)
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let frbId = H.freshId()
        let stored = try harness.message(H.stored(frbId: frbId, measurementId: H.freshId(), first: true))
        let key = "slack:frb:\(frbId)"
        let posts: @Sendable () -> Int = { simulators.slack.received.filter { $0.json["text"] as? String == "New FRB event (ID: \(frbId))" }.count }
        try await application.test(.live) { _ in
            try await publisher.publish(stored)
            // Everything settled and announced, the TNS name included, so nothing else is still to come.
            try await eventually("Slack, TNS (named) and the VOEvent settled, their events confirmed") {
                try await services.pool.withConnection { db in
                    try db.query("""
                        SELECT count(*) AS n FROM notifier_deliveries WHERE frb_id = $1 AND state = 'sent' AND unannounced IS NULL
                        """, [frbId]).first!.int("n") == 3
                }
            }
            // As a crash between recording the outcome and the broker's confirm would leave it.
            let lost = Event(id: "\(key)#1-lost", source: "/burstwire/notifier", subject: nil, data: NotificationSent(
                channel: .slack, target: "C0FRB", frbId: frbId, ledgerKey: key, attempt: 1, sentAt: Date()))
            let body = String(decoding: try lost.encode(), as: UTF8.self)
            try await services.pool.withConnection { db in
                try db.query("UPDATE notifier_deliveries SET unannounced = $2 WHERE ledger_key = $1", [key, body])
            }
            let observer = try await harness.observer()
            try await publisher.publish(stored)
            try await eventually("the recorded event is published") {
                try await services.pool.withConnection { db in
                    try db.query("SELECT unannounced FROM notifier_deliveries WHERE ledger_key = $1", [key]).first?["unannounced"] == nil
                }
            }
            let events = try await collect(1, from: observer)
            #expect(events.map(\.messageID) == ["\(key)#1-lost"] && events.first?.routingKey == EventType.notificationSent.rawValue)
            await observer.stop()
            #expect(posts() == 1)
        }
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }
}
