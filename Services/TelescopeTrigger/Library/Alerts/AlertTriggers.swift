import Astro
import Database
import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// Judges each stored VOEvent as TraceT does: parse it, add it to its trigger's group, and for every
/// proposal (highest priority first) decide over the group as it stood when this event arrived. Events
/// of one group are judged one at a time (an advisory lock), so two concurrent events cannot each
/// start a first observation. An event that asks for an observation (a first trigger or a repoint) is
/// recorded under its own IVORN, so each observation is requested once, by `TriggerExecution`; a
/// pending one records the observation it would ask for and waits for a human's approval.
struct AlertTriggers: Sendable {
    let pool: DatabasePool
    /// Highest priority first.
    let proposals: [ProposalSettings]
    let keys: [String: Secret]
    let execution: TriggerExecution
    let logger: Logger
    let clock: @Sendable () -> Date

    init(pool: DatabasePool, proposals: [ProposalSettings], keys: [String: Secret], execution: TriggerExecution, logger: Logger,
         clock: @escaping @Sendable () -> Date) {
        self.pool = pool
        self.proposals = Proposals(proposals: proposals).byPriority
        self.keys = keys
        self.execution = execution
        self.logger = logger
        self.clock = clock
    }

    func handle(_ message: IncomingMessage, consumer: EventConsumer) async {
        await TriggerMessages.handle(message, as: VOEventStored.self, consumer: consumer, logger: logger) { stored in
            let ivorn = stored.voevent.ivorn
            let alert: AlertEvent
            do {
                alert = try AlertParser.parse(Array(stored.voevent.xml.utf8), now: clock())
            } catch {
                logger.info("VOEvent not judged: TraceT would not read it", metadata: ["ivorn": "\(ivorn)", "reason": "\(error)"])
                return .done
            }
            // A made-up trig id differs on every parse; such an event is a group of its own, by IVORN.
            let group = "\(alert.telescope ?? "unknown"):\(alert.selfGeneratedTrigId ? ivorn : alert.trigId ?? ivorn)"
            for (proposal, record) in try await decide(alert, ivorn: ivorn, xml: stored.voevent.xml, group: group) {
                try await execution.proceed(record, secureKey: keys[proposal.proposalId])
            }
            return .done
        }
    }

    /// Adds the alert to its group and records every proposal's decision, in one transaction holding the
    /// group's lock. The group is read up to this event, so a redelivery judges what it judged before.
    private func decide(_ alert: AlertEvent, ivorn: String, xml: String, group: String) async throws
        -> [(ProposalSettings, TriggerLedger.Record)] {
        let (proposals, now) = (self.proposals, clock())
        return try await pool.transaction { db in
            try db.query("SELECT pg_advisory_xact_lock(hashtext($1))", [group])
            try db.query("INSERT INTO trigger_alerts (ivorn, group_key, xml) VALUES ($1, $2, $3) ON CONFLICT (ivorn) DO NOTHING",
                         [ivorn, group, xml])
            let documents = try db.query("""
                SELECT xml FROM trigger_alerts
                WHERE group_key = $1 AND received_at <= (SELECT received_at FROM trigger_alerts WHERE ivorn = $2)
                ORDER BY received_at, ivorn
                """, [group, ivorn]).rows.map { try $0.string("xml") }
            let events = documents.compactMap { try? AlertParser.parse(Array($0.utf8), now: now) }
            return try proposals.flatMap { proposal in
                let verdict = ProposalRules.decide(proposal: proposal, events: events, now: now, altitude: Self.altitude)
                // A pending decision's request is recorded too, and sent only once a human approves it.
                let asks = (verdict.outcome == .trigger && verdict.observeNow) || verdict.outcome == .pending
                let action = asks ? Self.request(for: verdict, alert: alert, proposal: proposal) : nil
                let withdrawn = verdict.outcome == .cancel
                    ? try TriggerLedger.cancelAwaiting(group: group, proposalId: proposal.proposalId, reason: DecisionLogEntry(
                        time: now, message: "Cancelled: the retraction \(ivorn) withdrew the event before anyone approved."), in: db)
                    : []
                let record = try TriggerLedger.record(.init(
                    key: "alert:\(group)|\(proposal.proposalId)|\(ivorn)", group: group, proposalId: proposal.proposalId, priority: proposal.priority,
                    subject: TriggerSubject(kind: .voevent, ivorn: ivorn, trigId: alert.trigId), position: verdict.position,
                    status: verdict.status, reason: verdict.log, action: action), in: db)
                return withdrawn.map { (proposal, $0) } + [(proposal, record)]
            }
        }
    }

    private static let altitude: ProposalRules.Altitude = { position, date in
        Site.mwa.horizontalPosition(of: EquatorialPosition(rightAscensionDegrees: position.ra, declinationDegrees: position.dec), at: date)
            .altitude.degrees
    }

    /// The observation a triggering decision asks for, from the proposal's MWA settings.
    private static func request(for decision: Decision, alert: AlertEvent, proposal: ProposalSettings) -> MWAAction? {
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
