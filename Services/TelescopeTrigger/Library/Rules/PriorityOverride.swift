import Astro
import Foundation
import Schema

/// An observation the MWA accepted from us that may still be running.
struct RunningObservation: Sendable, Equatable {
    var proposalId: String
    var priority: Int
    /// Nil for sub-array (gravitational-wave) observations, which have no single position.
    var position: TriggerPosition?
    var ends: Date
}

/// Whether a new trigger may take the telescope from a running observation — TraceT2's clash rule,
/// checked for real calls against the latest real observation still running (a pretend call holds no
/// telescope time).
enum PriorityOverride {
    struct Answer: Sendable, Equatable {
        var allowed: Bool
        var reason: String
    }

    /// The proposal asking: its priority (lower wins), repointing limit in degrees, and where it would point.
    struct Contender: Sendable, Equatable {
        var priority: Int
        var repointingLimit: Double
        var position: TriggerPosition?
    }

    /// A lower priority number wins; an equal one only repoints a position that moved past the new
    /// proposal's limit.
    static func mayInterrupt(_ running: RunningObservation?, by contender: Contender, now: Date) -> Answer {
        guard let running, running.ends > now else { return Answer(allowed: true, reason: "Nothing is being observed.") }
        if contender.priority != running.priority {
            let wins = contender.priority < running.priority
            return Answer(allowed: wins, reason: "Priority \(contender.priority) \(wins ? "outranks" : "does not outrank") \(running.proposalId)'s priority \(running.priority).")
        }
        guard let old = running.position, let new = contender.position else {
            return Answer(allowed: false, reason: "Equal priority and no positions to compare, so \(running.proposalId) keeps the telescope.")
        }
        let separation = EquatorialPosition(rightAscensionDegrees: old.ra, declinationDegrees: old.dec)
            .separation(to: EquatorialPosition(rightAscensionDegrees: new.ra, declinationDegrees: new.dec)).degrees
        let moved = separation > contender.repointingLimit
        return Answer(allowed: moved, reason: "Equal priority: the new position is \(ProposalConditions.format(separation, 2)) deg from \(running.proposalId)'s, \(moved ? "beyond" : "within") the repointing limit (\(contender.repointingLimit) deg).")
    }
}
