import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import Notifier

/// A pending trigger decision is put to Slack once, with the Approve/Reject buttons whose action ids and
/// value ingest-api's `/slack/actions` reads back into `trigger.approval.received`.
@Suite struct ApprovalRequestTests {
    @Test func aPendingDecisionIsPutToSlackOnceWithItsButtons() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators, retractAfterRejects: 2)
        let (application, _) = try await buildApplication(configuration: harness.configuration)
        let publisher = try harness.publisher()
        let decisionId = NotifierHarness.freshId()
        let request = TriggerApprovalRequested(
            decisionId: decisionId, proposalId: "grb-mwa-vcs",
            subject: TriggerSubject(kind: .voevent, ivorn: "ivo://nasa.gsfc.gcn/Fermi#GBM_Flt_Pos_\(decisionId)", trigId: "\(decisionId)"),
            approvers: ["U0APPROVER"], summary: "Duration 1.536 s is in the pending window 1.025–2.056 s, so waiting for a human's decision.",
            requestedAt: Date())
        let posts: @Sendable () -> [SlackSimulator.Received] = {
            simulators.slack.received.filter { ($0.json["text"] as? String)?.contains("decision \(decisionId))") == true }
        }
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(request, id: "approval-\(decisionId)"))
            try await eventually("the request is posted") { posts().count == 1 }
            // The same request again (a redelivery or a re-publish after a crash) posts nothing new.
            try await publisher.publish(try harness.message(request, id: "approval-\(decisionId)"))
            try await Task.sleep(for: .seconds(1))
            #expect(posts().count == 1)
        }
        let blocks = try #require(posts().first?.json["blocks"] as? [[String: Any]])
        let text = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }.joined(separator: "\n")
        #expect(text.contains("*Proposal:* grb-mwa-vcs") && text.contains("GBM_Flt_Pos_\(decisionId)") && text.contains("<@U0APPROVER>"))
        #expect(text.contains("waiting for a human's decision"))
        let buttons = try #require(blocks.first { $0["type"] as? String == "actions" }?["elements"] as? [[String: Any]])
        #expect(buttons.map { $0["action_id"] as? String } == ["trigger_approve", "trigger_reject"])
        #expect(buttons.allSatisfy { $0["value"] as? String == String(decisionId) })
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }
}
