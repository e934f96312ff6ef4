import Astro
import Database
import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// Judges each stored VOEvent as TraceT does: parse it, add it to its trigger's group, and for every
/// proposal (highest priority first) decide over the whole group. An event that asks for an
/// observation (a first trigger, or a repoint) is recorded in the ledger under its own IVORN, so each
/// observation is requested once, and handed to `TriggerExecution`.
struct AlertTriggers: Sendable {
    let pool: DatabasePool
    let proposals: [ProposalSettings]
    let keys: [String: Secret]
    let events: TriggerEvents
    let execution: TriggerExecution
    let logger: Logger
    let clock: @Sendable () -> Date

    func handle(_ message: IncomingMessage, consumer: EventConsumer) async {
        let stored: VOEventStored
        do {
            stored = try Event<VOEventStored>.decode(from: message.body).data
        } catch {
            logger.error("dead-lettering an unreadable stored VOEvent", metadata: ["event": "\(message.messageID)", "reason": "\(error)"])
            consumer.reject(message)
            return
        }
        let alert: AlertEvent
        do {
            alert = try AlertParser.parse(Array(stored.voevent.xml.utf8), now: clock())
        } catch {
            logger.info("VOEvent not judged: TraceT would not read it", metadata: ["ivorn": "\(stored.voevent.ivorn)", "reason": "\(error)"])
            consumer.ack(message)
            return
        }
        do {
            let group = try await addToGroup(alert, ivorn: stored.voevent.ivorn, xml: stored.voevent.xml)
            for proposal in Proposals(proposals: proposals).byPriority {
                try await judge(group, latest: stored.voevent.ivorn, alert: alert, proposal: proposal)
            }
            consumer.ack(message)
        } catch {
            logger.warning("trigger ledger unavailable; the event will be retried", metadata: ["error": "\(error)"])
            try? await Task.sleep(for: .seconds(1))
            consumer.nack(message, requeue: true)
        }
    }

    /// Stores the alert under its telescope and trigger id and returns the group in arrival order.
    private func addToGroup(_ alert: AlertEvent, ivorn: String, xml: String) async throws -> [AlertEvent] {
        let groupKey = "\(alert.telescope ?? "unknown"):\(alert.trigId ?? ivorn)"
        let documents = try await pool.withConnection { db in
            try db.query("INSERT INTO trigger_alerts (ivorn, group_key, xml) VALUES ($1, $2, $3) ON CONFLICT (ivorn) DO NOTHING",
                         [ivorn, groupKey, xml])
            return try db.query("SELECT xml FROM trigger_alerts WHERE group_key = $1 ORDER BY received_at, ivorn", [groupKey]).rows
                .map { try $0.string("xml") }
        }
        let now = clock()
        return documents.compactMap { try? AlertParser.parse(Array($0.utf8), now: now) }
    }

    private func judge(_ group: [AlertEvent], latest ivorn: String, alert: AlertEvent, proposal: ProposalSettings) async throws {
        let altitude: ProposalRules.Altitude = { position, date in
            Site.mwa.horizontalPosition(of: EquatorialPosition(rightAscensionDegrees: position.ra, declinationDegrees: position.dec), at: date)
                .altitude.degrees
        }
        let verdict = ProposalRules.decide(proposal: proposal, events: group, now: clock(), altitude: altitude)
        let action = verdict.outcome == .trigger && verdict.observeNow ? request(for: verdict, alert: alert, proposal: proposal) : nil
        let key = "alert:\(alert.telescope ?? "unknown"):\(alert.trigId ?? ivorn)|\(proposal.proposalId)|\(ivorn)"
        let record = try await TriggerLedger(pool: pool).record(key: key, proposalId: proposal.proposalId, status: verdict.status,
                                                                reason: verdict.log, hasCall: action != nil)
        let subject = TriggerSubject(kind: .voevent, ivorn: ivorn, trigId: alert.trigId)
        var decision = TriggerDecided(decisionId: record.decisionId, subject: subject, proposalId: proposal.proposalId,
                                      status: record.status, reason: record.reason, position: verdict.position, decidedAt: clock())
        guard record.callState == .ready, let action, let secureKey = keys[proposal.proposalId] else {
            if record.callState == .claimed {
                decision.reason.append(DecisionLogEntry(time: clock(), message: "An earlier MWA call was interrupted; its outcome is unknown, so it is not sent again."))
                decision.status = .error
            }
            await events.publish(decision)
            return
        }
        try await execution.execute(key: key, decision: decision, action: action, projectId: proposal.projectId,
                                    pretend: verdict.pretend, secureKey: secureKey)
    }

    /// The observation a triggering decision asks for, from the proposal's MWA settings.
    private func request(for decision: Decision, alert: AlertEvent, proposal: ProposalSettings) -> MWAAction? {
        guard let position = decision.position else { return nil }
        let request = MWAObservationRequest(
            projectId: proposal.projectId, obsname: "\(alert.telescope ?? "Alert")_\(alert.trigId ?? "unknown")",
            ra: [position.ra], dec: [position.dec], freqspecs: [proposal.mwaFreqspecs], creator: "burstwire/telescope-trigger",
            nobs: proposal.nobs, exptime: 896, calibrator: proposal.mwaCalibrator, calexptime: Int(proposal.mwaCalexptime),
            inttime: proposal.vcsMode ? nil : proposal.mwaInttime, freqres: proposal.vcsMode ? nil : proposal.mwaFreqres,
            avoidsun: proposal.mwaAvoidsun, pretend: decision.pretend)
        return .observation(voltageCapture: proposal.vcsMode, request)
    }
}
