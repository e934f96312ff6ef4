import Database
import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// Acts on a human's answer to a pending decision (a Slack Approve/Reject click that ingest-api turned
/// into `trigger.approval.received`): the ledger takes the first answer, and the decision is carried
/// out as recorded — approved, its MWA request is sent once; rejected, it is cancelled. A repeated
/// answer changes nothing; an answer to a decision that does not exist goes to the dead-letter queue.
struct TriggerApprovals: Sendable {
    let pool: DatabasePool
    let keys: [String: Secret]
    let execution: TriggerExecution
    let logger: Logger
    let clock: @Sendable () -> Date

    func handle(_ message: IncomingMessage, consumer: EventConsumer) async {
        await TriggerMessages.handle(message, as: TriggerApprovalReceived.self, consumer: consumer, logger: logger) { approval in
            let record: TriggerLedger.Record
            switch try await TriggerLedger(pool: pool).answer(approval, at: clock()) {
            case .unknownDecision:
                return .deadLetter("an approval for no known decision \(approval.decisionId)")
            case .wrongProposal(let found):
                return .deadLetter("an approval of decision \(approval.decisionId) naming \(approval.proposalId ?? "") instead of \(found.proposalId)")
            case .alreadyAnswered(let found):
                logger.info("decision already answered; this answer changes nothing",
                            metadata: ["decision": "\(approval.decisionId)", "approver": "\(approval.approver)", "state": "\(found.callState)"])
                record = found
            case .applied(let applied):
                record = applied
            }
            // Also after a repeated answer: the decision's events are re-published under the same ids,
            // and a call approved before a crash is made now (its claim keeps it single).
            try await execution.proceed(record, secureKey: keys[record.proposalId])
            return .done
        }
    }
}
