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

/// What follows a detection: ratings answered in the thread, a narrower position as a VOEvent update, a
/// rejection as a retraction; and the failure paths (429, 5xx, a TNS report that landed unseen).
@Suite struct NotifierFollowUpTests {
    @Test func updatesRatingsAndRetraction() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators, retractAfterRejects: 2)
        let (application, _) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let (frbId, first) = (H.freshId(), H.freshId())
        let packets: @Sendable () -> [VTPBrokerSimulator.Received] = { simulators.broker.received.filter { $0.ivorn.contains("#FRB\(frbId)") } }
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: first, first: true, error: 0.05)))
            try await eventually("the detection is out") { packets().count == 1 }
            // Wider: nothing. Narrower: an update that supersedes the detection.
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: first + 1, first: false, error: 0.08)))
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: first + 2, first: false, error: 0.01)))
            try await eventually("the update is out") { packets().count == 2 }
            let update = try #require(packets().last)
            #expect(update.ivorn.hasSuffix("#FRB\(frbId)/update/\(first + 2)"))
            let updateXML = String(decoding: update.xml, as: UTF8.self)
            #expect(try await schemaViolations(updateXML) == nil)
            let citations = try VOEventSummaryParser.summary(of: update.xml).citations
            #expect(citations.map(\.ivorn) == [packets()[0].ivorn] && citations.first?.cite == .supersedes)

            // Two rejects against one confirm: each click answered in its thread, then one retraction.
            for (user, rating, ts) in [("U1", SlackRating.confirm, "1.000001"), ("U2", .reject, "1.000002"), ("U3", .reject, "1.000003")] {
                try await publisher.publish(try harness.message(SlackRatingReceived(
                    frbId: frbId, slackUserId: "\(user)-\(frbId)", slackUserName: "user \(user)", rating: rating, actionTs: ts,
                    channelId: "C0FRB", messageTs: "1700000000.000101")))
            }
            try await eventually("the retraction is out") { packets().count == 3 }
            let retraction = try #require(packets().last)
            #expect(retraction.ivorn.hasSuffix("#FRB\(frbId)/retraction"))
            #expect(try await schemaViolations(String(decoding: retraction.xml, as: UTF8.self)) == nil)
            #expect(try VOEventSummaryParser.summary(of: retraction.xml).citations.first?.cite == .retraction)
            let replies = simulators.slack.received.filter { $0.json["thread_ts"] as? String == "1700000000.000101" && ($0.json["text"] as? String)?.contains("\(frbId)") == true }
            #expect(replies.isEmpty, "replies carry the user's name, not the FRB id")
            let threaded = simulators.slack.received.filter { $0.json["thread_ts"] as? String == "1700000000.000101" }
                .compactMap { $0.json["text"] as? String }
            #expect(threaded.contains("user U1's confirm classification has been recorded."))
            #expect(threaded.contains("user U3's reject classification has been recorded."))
            // A further reject changes nothing: the retraction was sent once.
            try await publisher.publish(try harness.message(SlackRatingReceived(
                frbId: frbId, slackUserId: "U4-\(frbId)", slackUserName: "user U4", rating: .reject, actionTs: "1.000004",
                channelId: "C0FRB", messageTs: "1700000000.000101")))
            try await eventually("the fourth click is answered") {
                simulators.slack.received.contains { $0.json["text"] as? String == "user U4's reject classification has been recorded." }
            }
            #expect(packets().count == 3)
        }
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }

    @Test func rateLimitsFailuresAndAReportThatLandedUnseen() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators)
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let frbId = H.freshId()
        // TNS: rate limited once, then the report lands but the answer is a 500 (the notifier cannot know it landed).
        simulators.tns.answerNext([.rateLimited(resetSeconds: 1), .processedThenStatus(500)], on: "set/bulk-report")
        // Slack: a 503 with Retry-After, then a Web API error worth retrying.
        simulators.slack.answerNext([.status(503, retryAfter: 1), .webAPIError("ratelimited")])
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: H.freshId(), first: true)))
            try await eventually("TNS named the FRB", within: .seconds(60)) {
                try await services.pool.withConnection { db in
                    try db.query("SELECT state FROM notifier_deliveries WHERE ledger_key = $1", ["tns:frb:\(frbId)"]).first?["state"] == "sent"
                }
            }
            try await eventually("Slack has the message", within: .seconds(60)) {
                simulators.slack.received.contains { ($0.json["text"] as? String) == "New FRB event (ID: \(frbId))" }
            }
        }
        #expect(simulators.tns.reports.filter { $0.firstReport["internal_name"] as? String == "BURSTWIRE-\(frbId)" }.count == 1,
                "the 500 after the report landed did not cause a second report")
        #expect(simulators.tns.calls.filter { $0.hasPrefix("set/") }.prefix(2) == ["set/bulk-report 429", "set/bulk-report 500"])
        #expect(simulators.tns.calls.contains("get/search 200"), "the unknown outcome was checked by internal name")
        #expect(simulators.slack.received.filter { ($0.json["text"] as? String) == "New FRB event (ID: \(frbId))" }.count == 1)
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }

    @Test func withNothingConfiguredEverythingGoesToTheOutbox() async throws {
        let harness = try NotifierHarness(simulators: nil)
        let (application, _) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let frbId = H.freshId()
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: H.freshId(), first: true)))
            try await eventually("three files in the outbox") {
                let files = FileManager.default.enumerator(atPath: harness.outbox.path)?.allObjects as? [String] ?? []
                return files.filter { $0.contains("\(frbId)") && ($0.hasSuffix(".json") || $0.hasSuffix(".xml")) }.count == 3
            }
        }
        let slack = try Data(contentsOf: harness.outbox.appendingPathComponent("slack/slack_frb_\(frbId).slack.json"))
        #expect(String(decoding: slack, as: UTF8.self).contains("New FRB event (ID: \(frbId))"))
        let tns = try Data(contentsOf: harness.outbox.appendingPathComponent("tns/tns_frb_\(frbId).tns.json"))
        #expect(String(decoding: tns, as: UTF8.self).contains("BURSTWIRE-\(frbId)"))
        let voevent = try String(contentsOf: harness.outbox.appendingPathComponent("voevent/voevent_detection_\(frbId)_outbox.xml"), encoding: .utf8)
        #expect(try await schemaViolations(voevent) == nil)
        await publisher.shutdown()
        await harness.cleanUp()
    }
}
