/// The name of one kind of event, e.g. "frb.event.received.v1".
///
/// The raw value is also the AMQP routing key, and its last word is the schema version,
/// so a consumer bound to "frb.event.received.v1" never sees a v2 payload it cannot read.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The schema version from the last word ("v1" → 1); nil when the name carries none.
    public var version: Int? {
        guard let last = rawValue.split(separator: ".").last, last.first == "v" else { return nil }
        return Int(last.dropFirst())
    }
}

extension EventType {
    public static let frbObservationReceived = EventType(rawValue: "frb.observation.received.v1")
    public static let frbEventReceived = EventType(rawValue: "frb.event.received.v1")
    public static let frbMeasurementReceived = EventType(rawValue: "frb.measurement.received.v1")
    public static let frbObservationStored = EventType(rawValue: "frb.observation.stored.v1")
    public static let frbEventStored = EventType(rawValue: "frb.event.stored.v1")
    public static let frbMeasurementStored = EventType(rawValue: "frb.measurement.stored.v1")
    public static let voeventReceived = EventType(rawValue: "voevent.received.v1")
    public static let voeventStored = EventType(rawValue: "voevent.stored.v1")
    public static let transientUploadReceived = EventType(rawValue: "transient.upload.received.v1")
    public static let slackRatingReceived = EventType(rawValue: "slack.rating.received.v1")
    public static let notificationSent = EventType(rawValue: "notification.sent.v1")
    public static let notificationFailed = EventType(rawValue: "notification.failed.v1")
    public static let tnsNameAssigned = EventType(rawValue: "tns.name.assigned.v1")
    public static let triggerDecided = EventType(rawValue: "trigger.decided.v1")
    public static let triggerCompleted = EventType(rawValue: "trigger.completed.v1")
    public static let triggerApprovalRequested = EventType(rawValue: "trigger.approval.requested.v1")
    public static let triggerApprovalReceived = EventType(rawValue: "trigger.approval.received.v1")
    public static let crossmatchRequested = EventType(rawValue: "crossmatch.requested.v1")
    public static let crossmatchCompleted = EventType(rawValue: "crossmatch.completed.v1")

    /// Every event type the suite exchanges; each has a JSON Schema under `json-schema/`.
    public static let all: [EventType] = [
        .frbObservationReceived, .frbEventReceived, .frbMeasurementReceived,
        .frbObservationStored, .frbEventStored, .frbMeasurementStored,
        .voeventReceived, .voeventStored,
        .transientUploadReceived,
        .slackRatingReceived,
        .notificationSent, .notificationFailed,
        .tnsNameAssigned,
        .triggerDecided, .triggerCompleted, .triggerApprovalRequested, .triggerApprovalReceived,
        .crossmatchRequested, .crossmatchCompleted,
    ]
}
