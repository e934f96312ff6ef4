import Foundation

// telescope-trigger's decisions and MWA web-service calls, recorded as TraceT records them:
// one decision per (subject, proposal) with a timestamped reason log, and every call with its outcome.

/// What a decision is about.
public enum TriggerSubjectKind: String, Codable, Sendable {
    case frb, voevent
}

/// The event a decision concerns: an FRB of ours, or a VOEvent grouped by its trigger id.
public struct TriggerSubject: Codable, Sendable, Equatable {
    public var kind: TriggerSubjectKind
    public var frbId: Int64?
    public var ivorn: String?
    /// The alert's trigger id (TrigID, AMON_ID, GraceID...) that groups related VOEvents.
    public var trigId: String?

    public init(kind: TriggerSubjectKind, frbId: Int64? = nil, ivorn: String? = nil, trigId: String? = nil) {
        self.kind = kind
        self.frbId = frbId
        self.ivorn = ivorn
        self.trigId = trigId
    }
}

/// TraceT's decision states (P/I/E/T/C).
public enum TriggerStatus: String, Codable, Sendable {
    case pending, ignored, error, triggered, cancelled
}

/// One line of a decision's reason log.
public struct DecisionLogEntry: Codable, Sendable, Equatable {
    public var time: Date
    public var message: String

    public init(time: Date, message: String) {
        self.time = time
        self.message = message
    }
}

/// The position a decision used.
public struct TriggerPosition: Codable, Sendable, Equatable {
    /// Right ascension and declination, degrees.
    public var ra: Double
    public var dec: Double
    /// Position error radius, degrees.
    public var posError: Double?

    public init(ra: Double, dec: Double, posError: Double? = nil) {
        self.ra = ra
        self.dec = dec
        self.posError = posError
    }
}

/// A proposal's decision on an event, new or revised, with the full reason log so far.
public struct TriggerDecided: EventPayload {
    public static var eventType: EventType { .triggerDecided }
    public var decisionId: Int64
    public var subject: TriggerSubject
    public var proposalId: String
    public var status: TriggerStatus
    public var reason: [DecisionLogEntry]
    public var position: TriggerPosition?
    public var decidedAt: Date

    public init(
        decisionId: Int64, subject: TriggerSubject, proposalId: String, status: TriggerStatus,
        reason: [DecisionLogEntry], position: TriggerPosition? = nil, decidedAt: Date
    ) {
        self.decisionId = decisionId
        self.subject = subject
        self.proposalId = proposalId
        self.status = status
        self.reason = reason
        self.position = position
        self.decidedAt = decidedAt
    }
}

/// The MWA trigger web services.
public enum MWAEndpoint: String, Codable, Sendable {
    case busy, obslist, vcsfree, triggerobs, triggervcs, triggerbuffer
}

/// One MWA web-service call and its answer, so every trigger sent is on record.
public struct TriggerCompleted: EventPayload {
    public static var eventType: EventType { .triggerCompleted }
    /// Request parameter names that are secrets and never travel on the bus.
    public static let secretParameterNames: Set<String> = ["secure_key"]

    public var decisionId: Int64
    public var proposalId: String
    public var endpoint: MWAEndpoint
    /// The parameters as sent, minus secrets.
    public var requestParameters: [String: String]
    public var pretend: Bool
    public var success: Bool
    /// The MWA answer's `errors` messages, or a transport error.
    public var errors: [String]
    public var triggerId: Int64?
    public var obsidList: [Int64]
    /// Nil when no HTTP answer arrived.
    public var httpStatus: Int?
    public var durationMs: Int64
    public var completedAt: Date

    /// Drops any secret from `requestParameters`, so a caller cannot leak one by passing the
    /// parameters it sent.
    public init(
        decisionId: Int64, proposalId: String, endpoint: MWAEndpoint, requestParameters: [String: String],
        pretend: Bool, success: Bool, errors: [String] = [], triggerId: Int64? = nil, obsidList: [Int64] = [],
        httpStatus: Int? = nil, durationMs: Int64, completedAt: Date
    ) {
        self.decisionId = decisionId
        self.proposalId = proposalId
        self.endpoint = endpoint
        self.requestParameters = requestParameters.filter { !Self.secretParameterNames.contains($0.key) }
        self.pretend = pretend
        self.success = success
        self.errors = errors
        self.triggerId = triggerId
        self.obsidList = obsidList
        self.httpStatus = httpStatus
        self.durationMs = durationMs
        self.completedAt = completedAt
    }
}

/// A pending decision waits for a human: approvers are alerted and may approve or reject it.
public struct TriggerApprovalRequested: EventPayload {
    public static var eventType: EventType { .triggerApprovalRequested }
    public var decisionId: Int64
    public var proposalId: String
    public var subject: TriggerSubject
    /// Users asked to approve.
    public var approvers: [String]
    /// Why approval is needed, for the alert text.
    public var summary: String
    public var requestedAt: Date

    public init(
        decisionId: Int64, proposalId: String, subject: TriggerSubject, approvers: [String],
        summary: String, requestedAt: Date
    ) {
        self.decisionId = decisionId
        self.proposalId = proposalId
        self.subject = subject
        self.approvers = approvers
        self.summary = summary
        self.requestedAt = requestedAt
    }
}

/// A human's answer to an approval request.
public struct TriggerApprovalReceived: EventPayload {
    public static var eventType: EventType { .triggerApprovalReceived }
    public var decisionId: Int64
    /// Absent when the answer came from a Slack button, which names only the decision.
    public var proposalId: String?
    public var approver: String
    public var approved: Bool
    public var receivedAt: Date

    public init(decisionId: Int64, proposalId: String?, approver: String, approved: Bool, receivedAt: Date) {
        self.decisionId = decisionId
        self.proposalId = proposalId
        self.approver = approver
        self.approved = approved
        self.receivedAt = receivedAt
    }
}
