import Astro
import Foundation
import Schema

/// An observation the MWA is already making for some proposal.
struct RunningObservation: Sendable, Equatable {
    var proposalId: String
    var priority: Int
    /// Nil for sub-array (gravitational-wave) observations, which have no single position.
    var position: TriggerPosition?
    var pretend: Bool
    var ends: Date
}

/// Whether a new trigger may take the telescope from a running observation (TraceT2's clash rule; TraceT
/// v1 left it to the MWA's own `busy` check).
enum PriorityOverride {
    struct Answer: Sendable, Equatable {
        var allowed: Bool
        var reason: String
    }

    /// A pretend observation holds no telescope time, so it neither blocks nor is blocked. Otherwise a lower
    /// priority number wins, and an equal one only repoints a position that moved past the new proposal's limit.
    static func mayInterrupt(_ running: RunningObservation?, with proposal: ProposalSettings, decision: Decision, now: Date) -> Answer {
        guard let running, running.ends > now else { return Answer(allowed: true, reason: "Nothing is being observed.") }
        if running.pretend || decision.pretend {
            return Answer(allowed: true, reason: "A pretend observation does not hold the telescope.")
        }
        if proposal.priority != running.priority {
            let wins = proposal.priority < running.priority
            return Answer(allowed: wins, reason: "Priority \(proposal.priority) \(wins ? "outranks" : "does not outrank") \(running.proposalId)'s priority \(running.priority).")
        }
        guard let old = running.position, let new = decision.position else {
            return Answer(allowed: false, reason: "Equal priority and no positions to compare, so \(running.proposalId) keeps the telescope.")
        }
        let separation = EquatorialPosition(rightAscensionDegrees: old.ra, declinationDegrees: old.dec)
            .separation(to: EquatorialPosition(rightAscensionDegrees: new.ra, declinationDegrees: new.dec)).degrees
        let moved = separation > proposal.repointingLimit
        return Answer(allowed: moved, reason: "Equal priority: the new position is \(ProposalConditions.format(separation, 2)) deg away, \(moved ? "beyond" : "within") the repointing limit (\(proposal.repointingLimit) deg).")
    }
}
