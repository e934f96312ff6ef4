import Database
import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// Follows each new FRB (its first stored measurement) with every FRB proposal: plans, records the
/// decision, and hands a trigger to `TriggerExecution`. A decision recorded once is never re-planned,
/// and a call claimed once is never sent again — a claim without an outcome (a crash mid-call) is
/// reported, not repeated.
struct FRBTriggers: Sendable {
    let pool: DatabasePool
    let proposals: [FRBProposal]
    let keys: [String: Secret]
    let execution: TriggerExecution
    let logger: Logger
    var clock: @Sendable () -> Date = { Date() }

    func handle(_ message: IncomingMessage, consumer: EventConsumer) async {
        await TriggerMessages.handle(message, as: FRBMeasurementStored.self, consumer: consumer, logger: logger) { stored in
            // Later measurements refine an FRB already followed.
            guard stored.isFirstMeasurement else { return .done }
            for proposal in proposals { try await follow(stored, with: proposal) }
            return .done
        }
    }

    private func follow(_ stored: FRBMeasurementStored, with proposal: FRBProposal) async throws {
        let frbId = stored.frb.frbId
        let key = "frb:\(frbId)|\(proposal.proposalId)"
        let subject = TriggerSubject(kind: .frb, frbId: frbId)
        let position = TriggerPosition(ra: stored.measurement.ra, dec: stored.measurement.dec,
                                       posError: max(stored.measurement.raPosError, stored.measurement.decPosError))
        let plan = FRBFollowUp.plan(stored, proposal: proposal, now: clock())
        let record = try await TriggerLedger(pool: pool).record(.init(
            key: key, group: nil, proposalId: proposal.proposalId, priority: proposal.priority, subject: subject, position: position,
            status: plan.status, reason: plan.reason, action: plan.action))
        try await execution.proceed(record, secureKey: keys[proposal.proposalId])
    }
}
