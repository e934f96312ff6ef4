import Foundation
import Schema

extension SlackMessage {
    /// A pending trigger decision put to a human: what it concerns, why it waits, and Approve/Reject
    /// buttons whose value is the decision id, which ingest-api's `/slack/actions` turns into
    /// `trigger.approval.received`.
    static func approvalRequested(_ request: TriggerApprovalRequested) -> SlackMessage {
        let title = "MWA trigger awaiting approval (decision \(request.decisionId))"
        let subject = request.subject
        var details = ["*Proposal:* \(request.proposalId)"]
        switch subject.kind {
        case .frb: details.append("*FRB:* \(subject.frbId.map(String.init) ?? "–")")
        case .voevent: details.append("*VOEvent:* \(subject.ivorn ?? "–")" + (subject.trigId.map { " (trigger \($0))" } ?? ""))
        }
        if !request.approvers.isEmpty {
            details.append("*Approvers:* " + request.approvers.map { "<@\($0)>" }.joined(separator: " "))
        }
        details.append(request.summary)
        let value = JSONValue.string(String(request.decisionId))
        return SlackMessage(text: title, blocks: [
            .object(["type": "header", "text": .object(["type": "plain_text", "text": .string(title)])]),
            .object(["type": "section", "text": .object(["type": "mrkdwn", "text": .string(details.joined(separator: "\n"))])]),
            .object([
                "type": "actions", "block_id": .string("trigger_approval_\(request.decisionId)"),
                "elements": .array([
                    .object(["type": "button", "text": .object(["type": "plain_text", "text": "Approve"]), "style": "primary",
                             "action_id": "trigger_approve", "value": value]),
                    .object(["type": "button", "text": .object(["type": "plain_text", "text": "Reject"]), "style": "danger",
                             "action_id": "trigger_reject", "value": value]),
                ]),
            ]),
        ])
    }
}
