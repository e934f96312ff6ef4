import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
import VOEvent
@testable import Notifier

private typealias H = NotifierHarness

/// The notifier against the real broker and database and the Slack, TNS and VTP simulators.
@Suite struct NotifierDeliveryTests {
    @Test func aFirstDetectionIsAnnouncedOnceEverywhere() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators)
        let (application, _) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        let (frbId, measurementId) = (H.freshId(), H.freshId())
        let first = try harness.message(H.stored(frbId: frbId, measurementId: measurementId, first: true))
        try await application.test(.live) { _ in
            try await publisher.publish(first)
            // Slack, TNS (submitted, then named), VOEvent: three notification.sent and one tns.name.assigned.
            let events = try await collect(5, from: observer)
            let kinds = events.map(\.routingKey).sorted()
            #expect(kinds == ["notification.sent.v1", "notification.sent.v1", "notification.sent.v1", "notification.sent.v1", "tns.name.assigned.v1"])
            for event in events {
                #expect(try EventSchemas.violations(of: event.body, type: event.routingKey).isEmpty, "\(event.routingKey)")
            }

            let posts = simulators.slack.received.filter { ($0.json["text"] as? String)?.contains("\(frbId)") == true }
            #expect(posts.count == 1)
            let post = try #require(posts.first)
            #expect(post.route == "chat.postMessage" && post.json["channel"] as? String == "C0FRB")
            let blocks = try #require(post.json["blocks"] as? [[String: Any]])
            #expect(blocks.map { $0["type"] as? String } == ["header", "section", "image", "image", "image", "actions"])
            #expect(((blocks[0]["text"] as? [String: Any])?["text"] as? String) == "New FRB event (ID: \(frbId))")
            #expect(blocks[2]["image_url"] as? String == "https://burstwire.example/media/candidates/\(frbId)/search.png")
            let buttons = try #require(blocks[5]["elements"] as? [[String: Any]])
            #expect(buttons.map { $0["action_id"] as? String } == ["action_confirm", "action_reject"])
            #expect(buttons.allSatisfy { $0["value"] as? String == "\(frbId)" })
            let section = ((blocks[1]["text"] as? [String: Any])?["text"] as? String) ?? ""
            #expect(section.contains("411.0") && section.contains("50.0") && section.contains("5h08m03.5077s"))

            let reports = simulators.tns.reports.filter { $0.firstReport["internal_name"] as? String == "BURSTWIRE-\(frbId)" }
            #expect(reports.count == 1)
            let report = try #require(reports.first).firstReport
            #expect((report["ra"] as? [String: Any])?["value"] as? Double == 77.01461542)
            #expect(report["discovery_datetime"] as? String == "2017-11-17 12:21:38.870000")
            #expect(report["dm"] as? Double == 411 && report["reporting_groupid"] as? Int == 58)
            let assigned = try #require(events.first { $0.routingKey == "tns.name.assigned.v1" })
            let name = try Event<TNSNameAssigned>.decode(from: assigned.body).data
            #expect(name.frbId == frbId && name.tnsName == "FRB " + (reports.first?.objname ?? "?"))

            let packets = simulators.broker.received.filter { $0.ivorn.hasSuffix("#FRB\(frbId)") }
            #expect(packets.count == 1)
            let xml = String(decoding: try #require(packets.first).xml, as: UTF8.self)
            #expect(try await schemaViolations(xml) == nil)
            let summary = try VOEventSummaryParser.summary(of: Array(xml.utf8))
            #expect(summary.position?.ra == 77.01461542)
            let voeventSent = try events.filter { $0.routingKey == "notification.sent.v1" }
                .map { try Event<NotificationSent>.decode(from: $0.body).data }.first { $0.channel == .voevent }
            #expect(voeventSent?.voevent?.xml == xml && voeventSent?.brokerAnswer == .ack)

            // The same stored event again (a redelivery): nothing new anywhere.
            try await publisher.publish(first)
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: measurementId, first: true)))
            try await Task.sleep(for: .seconds(2))
            #expect(simulators.slack.received.filter { ($0.json["text"] as? String)?.contains("\(frbId)") == true }.count == 1)
            #expect(simulators.tns.reports.filter { $0.firstReport["internal_name"] as? String == "BURSTWIRE-\(frbId)" }.count == 1)
            #expect(simulators.broker.received.filter { $0.ivorn.hasSuffix("#FRB\(frbId)") }.count == 1)
        }
        await publisher.shutdown()
        await observer.stop()
        await harness.cleanUp()
        await simulators.stop()
    }
}
