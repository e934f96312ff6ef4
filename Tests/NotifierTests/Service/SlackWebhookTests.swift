import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import Notifier

private typealias H = NotifierHarness

/// With only an incoming webhook configured (FRB_candidates_app's setup): the new-FRB message and the
/// thread reply both go to the webhook, the reply with the clicked message's `thread_ts` and channel.
@Suite struct SlackWebhookTests {
    @Test func messagesAndThreadRepliesGoThroughTheWebhook() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators, slackRoute: "webhook")
        let (application, _) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let frbId = H.freshId()
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: H.freshId(), first: true)))
            try await publisher.publish(try harness.message(SlackRatingReceived(
                frbId: frbId, slackUserId: "U\(frbId)", slackUserName: "ada", rating: .reject, actionTs: "1700000001.000200",
                channelId: "C0FRB", messageTs: "1700000000.000300")))
            try await eventually("the reply is in") {
                simulators.slack.received.contains { $0.json["text"] as? String == "ada's reject classification has been recorded." }
            }
        }
        let posts = simulators.slack.received.filter { $0.route == "webhook" }
        let announcement = try #require(posts.first { $0.json["text"] as? String == "New FRB event (ID: \(frbId))" })
        #expect(announcement.authorization == nil && announcement.json["metadata"] == nil && announcement.json["channel"] == nil)
        #expect((announcement.json["blocks"] as? [[String: Any]])?.count == 6)
        let reply = try #require(posts.first { $0.json["text"] as? String == "ada's reject classification has been recorded." })
        #expect(reply.json["thread_ts"] as? String == "1700000000.000300" && reply.json["channel"] as? String == "C0FRB")
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }
}
