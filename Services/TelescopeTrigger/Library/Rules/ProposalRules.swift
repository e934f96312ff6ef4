import Astro
import Foundation
import Schema

/// TraceT's follow-up decision for one proposal over one trigger group (`group_trigger` and
/// `proposal_worth_observing`), as a pure function of the settings, the events and the time.
enum ProposalRules {
    /// The source's altitude over the MWA in degrees at a time, from the caller's astronomy; nil when unknown.
    typealias Altitude = @Sendable (TriggerPosition, Date) -> Double?

    /// The group's events in arrival order, each judged as if it arrived at `now`.
    static func decide(proposal: ProposalSettings, events: [AlertEvent], now: Date, altitude: Altitude? = nil) -> Decision {
        let decision = events.reduce(nil) { next($0, proposal: proposal, event: $1, now: now, altitude: altitude) }
        return decision ?? Decision(
            proposalId: proposal.proposalId, outcome: .ignore,
            log: [DecisionLogEntry(time: now, message: "Every event of the group is ignored, so there is nothing to decide.")])
    }

    /// The decision after one more event of the group, nil while every event so far was ignored at parsing.
    /// Like TraceT, the previous outcome picks what the event may do: ignored decisions are judged again,
    /// triggered ones only repoint, pending ones wait for a human and cancelled ones stay cancelled.
    static func next(_ previous: Decision?, proposal: ProposalSettings, event: AlertEvent, now: Date, altitude: Altitude? = nil) -> Decision? {
        guard !event.ignore else { return previous }
        let step = Step(proposal: proposal, event: event, now: now, altitude: altitude)
        guard var decision = previous else {
            var decision = Decision(proposalId: proposal.proposalId, outcome: .ignore, position: step.eventPosition(keeping: nil))
            step.log(&decision, "Beginning event analysis.")
            step.evaluate(&decision)
            return decision
        }
        decision.observeNow = false
        decision.isRepoint = false
        switch decision.outcome {
        case .cancel:
            step.log(&decision, "Previous observation canceled so not observing.")
        case .ignore:
            decision.position = step.eventPosition(keeping: decision.position)
            step.log(&decision, "Checking new Event.")
            step.evaluate(&decision)
        case .pending, .trigger:
            step.follow(&decision)
        }
        return decision
    }
}

/// One event's turn, with what it is judged against.
private struct Step {
    let proposal: ProposalSettings
    let event: AlertEvent
    let now: Date
    let altitude: ProposalRules.Altitude?

    var label: String { "\(event.telescope ?? "Unknown") \(event.eventType ?? "event")" }
    var isRetraction: Bool { event.eventType?.lowercased() == "retraction" }

    func log(_ decision: inout Decision, _ message: String) {
        decision.log.append(DecisionLogEntry(time: now, message: "\(label): \(message)"))
    }

    /// TraceT keeps the last non-zero error, taking a zero as "not given".
    func eventPosition(keeping old: TriggerPosition?) -> TriggerPosition? {
        guard let ra = event.ra, let dec = event.dec else { return old }
        let error = event.err.flatMap { $0 == 0 ? nil : $0 } ?? old?.posError
        return TriggerPosition(ra: ra, dec: dec, posError: error)
    }

    /// Gates, then every condition's vote (inherited where this event is silent); the lowest vote decides.
    func evaluate(_ decision: inout Decision) {
        let wasTriggered = decision.outcome == .trigger
        if let type = event.sourceType, type != decision.sourceType {
            decision.votes = [:]
            decision.sourceType = type
        }
        if let failure = ProposalConditions.gate(proposal, event, groupSourceType: decision.sourceType) {
            log(&decision, failure)
            decision.outcome = .ignore
            return
        }
        for verdict in ProposalConditions.verdicts(proposal, event, now: now) where !(verdict.isDefault && decision.votes[verdict.condition] != nil) {
            decision.votes[verdict.condition] = verdict.vote
            if let message = verdict.message { log(&decision, message) }
        }
        switch decision.votes.values.min() ?? .pass {
        case .pass:
            observe(&decision, repoint: wasTriggered)
        case .maybe:
            decision.outcome = .pending
            // The observation a human may approve is real or pretend as a triggered one would be.
            decision.pretend = proposal.testing == .pretendReal || event.role?.lowercased() == "test"
            log(&decision, "Pending: waiting for a human to approve or reject the observation.")
        case .fail:
            decision.outcome = .ignore
            log(&decision, "Not triggering.")
        }
    }

    /// A triggered or pending group: a retraction cancels it; a triggered one repoints when the position moved
    /// past the limit, and is judged again when there is no position to compare (gravitational waves).
    func follow(_ decision: inout Decision) {
        if let failure = ProposalConditions.gate(proposal, event, groupSourceType: event.sourceType ?? decision.sourceType) {
            log(&decision, "\(failure) Keeping the decision.")
        } else if isRetraction {
            decision.outcome = .cancel
            log(&decision, "Retraction, so cancelling the decision.")
        } else if decision.outcome == .pending {
            log(&decision, "Still waiting for a human's decision on this group.")
        } else if let old = decision.position, let new = eventPosition(keeping: nil) {
            let separation = EquatorialPosition(rightAscensionDegrees: old.ra, declinationDegrees: old.dec)
                .separation(to: EquatorialPosition(rightAscensionDegrees: new.ra, declinationDegrees: new.dec)).degrees
            let numbers = "separation (\(ProposalConditions.format(separation)) deg)"
            let limit = "the repointing limit (\(ProposalConditions.format(proposal.repointingLimit)) deg)"
            guard separation > proposal.repointingLimit else {
                log(&decision, "Not repointing because the \(numbers) is within \(limit).")
                return
            }
            decision.position = eventPosition(keeping: old)
            log(&decision, "Repointing because the \(numbers) is greater than \(limit).")
            observe(&decision, repoint: true)
        } else {
            evaluate(&decision)
        }
    }

    /// TraceT's `trigger_observation` checks before calling the MWA: the observing window and the horizon.
    func observe(_ decision: inout Decision, repoint: Bool) {
        decision.outcome = .trigger
        let limit = proposal.maximumObservationTimeSeconds
        if limit > 0, let observed = event.eventObserved, now.timeIntervalSince(observed) > limit {
            decision.outcome = repoint ? .trigger : .ignore
            log(&decision, "The event was \(Int(now.timeIntervalSince(observed))) s ago, past the maximum observation time (\(Int(limit)) s), so not observing.")
            return
        }
        if let position = decision.position {
            let start = altitude?(position, now), end = altitude?(position, now.addingTimeInterval(proposal.mwaExptime))
            let horizon = proposal.mwaHorizonLimit
            switch (start, end) {
            case let (start?, end?) where start < horizon && end < horizon:
                decision.outcome = .ignore
                log(&decision, "Not triggering: the source is below the horizon limit (\(horizon) deg), altitude \(ProposalConditions.format(start, 1)) deg now and \(ProposalConditions.format(end, 1)) deg at the end.")
                return
            case let (start?, end?) where start < horizon || end < horizon:
                log(&decision, "Warning: the source is below the horizon limit (\(horizon) deg) for part of the observation, altitude \(ProposalConditions.format(start, 1)) deg now and \(ProposalConditions.format(end, 1)) deg at the end.")
            case (.some, .some):
                break
            default:
                log(&decision, "The source altitude is unknown, so the horizon limit is not checked.")
            }
        }
        decision.pretend = proposal.testing == .pretendReal || event.role?.lowercased() == "test"
        decision.observeNow = true
        decision.isRepoint = repoint
        let mode = decision.pretend ? " (pretend, testing mode \(proposal.testing.rawValue))" : ""
        log(&decision, (repoint ? "Triggering a repointed observation" : "Triggering an observation") + "\(mode).")
    }
}
