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
        let approval: TriggerApprovalReceived
        do {
            approval = try Event<TriggerApprovalReceived>.decode(from: message.body).data
        } catch {
            logger.error("dead-lettering an unreadable approval", metadata: ["event": "\(message.messageID)", "reason": "\(error)"])
            consumer.reject(message)
            return
        }
        do {
            let ledger = TriggerLedger(pool: pool)
            let record: TriggerLedger.Record
            switch try await DatabaseOutage.retrying(logger: logger, { try await ledger.answer(approval, at: clock()) }) {
            case .unknownDecision:
                logger.warning("dead-lettering an approval for no known decision", metadata: ["decision": "\(approval.decisionId)"])
                consumer.reject(message)
                return
            case .wrongProposal(let found):
                logger.warning("dead-lettering an approval naming another proposal",
                               metadata: ["decision": "\(approval.decisionId)", "proposal": "\(approval.proposalId ?? "")", "decided by": "\(found.proposalId)"])
                consumer.reject(message)
                return
            case .alreadyAnswered(let found):
                logger.info("decision already answered; this answer changes nothing",
                            metadata: ["decision": "\(approval.decisionId)", "approver": "\(approval.approver)", "state": "\(found.callState)"])
                record = found
            case .applied(let applied):
                record = applied
            }
            // Also after a repeated answer: the decision's events are re-published under the same ids,
            // and a call approved before a crash is made now (its claim keeps it single).
            try await DatabaseOutage.retrying(logger: logger) { try await execution.proceed(record, secureKey: keys[record.proposalId]) }
            consumer.ack(message)
        } catch {
            logger.warning("trigger ledger unavailable; the approval will be retried", metadata: ["error": "\(error)"])
            try? await Task.sleep(for: .seconds(1))
            consumer.nack(message, requeue: true)
        }
    }
}
