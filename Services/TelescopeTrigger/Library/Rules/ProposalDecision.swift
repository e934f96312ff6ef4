import Foundation
import Schema

/// A proposal's verdict on a trigger group, TraceT's P/I/T/C (E, a failed telescope call, is not the rules' to give).
enum DecisionOutcome: String, Sendable {
    case trigger, pending, ignore
    /// A gravitational-wave retraction withdrew what was triggered or pending.
    case cancel

    var status: TriggerStatus {
        switch self {
        case .trigger: .triggered
        case .pending: .pending
        case .ignore: .ignored
        case .cancel: .cancelled
        }
    }
}

/// A condition's vote: the lowest over all conditions decides, so one failure outweighs any passes.
enum Vote: Int, Comparable, Sendable {
    /// Not observed.
    case fail
    /// A human decides (TraceT's pending duration windows).
    case maybe
    case pass

    static func < (lhs: Vote, rhs: Vote) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What the group is judged on; each keeps the latest vote any event of the group gave it.
enum Condition: String, Sendable {
    case position, likelihood, duration
    case antaresRanking, neutrino, flareStar
    case alertKind, eventAge, instruments, falseAlarmRate, neutronStar, binaryNeutronStar, neutronStarBlackHole
    case binaryBlackHole, terrestrial, significance
}

/// One condition's vote on one event, with the reason for the log.
struct Verdict: Sendable, Equatable {
    var condition: Condition
    var vote: Vote
    /// Nil keeps passes that TraceT does not log out of the log.
    var message: String?
    /// Applies only while no event of the group has voted on the condition (e.g. "no metric: assume a GRB").
    var isDefault = false
}

/// Where a proposal stands on a trigger group after its events so far: the outcome, TraceT's timestamped
/// reason log, and what the latest event asks of the telescope.
struct Decision: Sendable, Equatable {
    var proposalId: String
    var outcome: DecisionOutcome
    var log: [DecisionLogEntry] = []
    /// The group's source type as its latest event gave it ("GRB", "GW", ...).
    var sourceType: String?
    /// Where to observe: the latest position while nothing is observed, then the observed one until a repoint.
    var position: TriggerPosition?
    /// The latest event asks for an observation now: the first trigger, or a repoint.
    var observeNow = false
    /// That observation replaces an earlier one of this group.
    var isRepoint = false
    /// Send it with `pretend`, per the proposal's testing mode and the alert's role.
    var pretend = true
    /// Each condition's latest vote; an event silent on a condition inherits the group's earlier vote.
    var votes: [Condition: Vote] = [:]

    var status: TriggerStatus { outcome.status }
}
