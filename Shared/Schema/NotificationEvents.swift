import Foundation

// The notifier's record of each delivery attempt to Slack, TNS or a VOEvent broker. Its ledger
// makes every delivery at-most-once; these events make each outcome visible to the catalogue and pages.

/// Where a notification goes.
public enum NotificationChannel: String, Codable, Sendable {
    case slack, tns, voevent
}

/// A VTP broker's answer to a published VOEvent; a "Previously seen" nak means already delivered.
public enum BrokerAnswer: String, Codable, Sendable {
    case ack, nak
}

/// The VOEvent a voevent-channel notification published, kept so it can be shown and re-sent.
public struct PublishedVOEvent: Codable, Sendable, Equatable {
    public var ivorn: String
    public var xml: String

    public init(ivorn: String, xml: String) {
        self.ivorn = ivorn
        self.xml = xml
    }
}

/// A notification delivered and acknowledged by its receiver.
public struct NotificationSent: EventPayload {
    public static var eventType: EventType { .notificationSent }
    public var channel: NotificationChannel
    /// The receiver, without secrets: a Slack channel, the TNS endpoint, a broker "host:port".
    public var target: String
    public var frbId: Int64?
    /// The ledger entry this attempt fulfils; one per intended action.
    public var ledgerKey: String
    /// 1 for the first try.
    public var attempt: Int
    public var httpStatus: Int?
    public var brokerAnswer: BrokerAnswer?
    /// The start of the receiver's answer, for the log.
    public var responseExcerpt: String?
    public var voevent: PublishedVOEvent?
    public var sentAt: Date

    public init(
        channel: NotificationChannel, target: String, frbId: Int64? = nil, ledgerKey: String, attempt: Int,
        httpStatus: Int? = nil, brokerAnswer: BrokerAnswer? = nil, responseExcerpt: String? = nil,
        voevent: PublishedVOEvent? = nil, sentAt: Date
    ) {
        self.channel = channel
        self.target = target
        self.frbId = frbId
        self.ledgerKey = ledgerKey
        self.attempt = attempt
        self.httpStatus = httpStatus
        self.brokerAnswer = brokerAnswer
        self.responseExcerpt = responseExcerpt
        self.voevent = voevent
        self.sentAt = sentAt
    }
}

/// A delivery attempt that failed; `willRetry` tells whether the notifier tries again.
public struct NotificationFailed: EventPayload {
    public static var eventType: EventType { .notificationFailed }
    public var channel: NotificationChannel
    public var target: String
    public var frbId: Int64?
    public var ledgerKey: String
    public var attempt: Int
    /// The HTTP status, when the receiver answered at all.
    public var httpStatus: Int?
    public var brokerAnswer: BrokerAnswer?
    public var responseExcerpt: String?
    public var errorMessage: String
    public var willRetry: Bool
    public var voevent: PublishedVOEvent?
    /// When the failed attempt was made.
    public var sentAt: Date

    public init(
        channel: NotificationChannel, target: String, frbId: Int64? = nil, ledgerKey: String, attempt: Int,
        httpStatus: Int? = nil, brokerAnswer: BrokerAnswer? = nil, responseExcerpt: String? = nil,
        errorMessage: String, willRetry: Bool, voevent: PublishedVOEvent? = nil, sentAt: Date
    ) {
        self.channel = channel
        self.target = target
        self.frbId = frbId
        self.ledgerKey = ledgerKey
        self.attempt = attempt
        self.httpStatus = httpStatus
        self.brokerAnswer = brokerAnswer
        self.responseExcerpt = responseExcerpt
        self.errorMessage = errorMessage
        self.willRetry = willRetry
        self.voevent = voevent
        self.sentAt = sentAt
    }
}
