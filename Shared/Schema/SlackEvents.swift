// Crowd rating of FRB candidates from the Confirm/Reject buttons of the Slack alert.
// ingest-api verifies the Slack signature, answers Slack within 3 s, and emits this event;
// catalog-store keeps one rating per (FRB, Slack user), the latest winning.

/// The button a rater pressed (`action_confirm` / `action_reject`).
public enum SlackRating: String, Codable, Sendable {
    case confirm, reject
}

/// A rating click from Slack's interactivity callback.
public struct SlackRatingReceived: EventPayload {
    public static var eventType: EventType { .slackRatingReceived }
    public var frbId: Int64
    public var slackUserId: String
    public var slackUserName: String
    public var rating: SlackRating
    /// Slack's `action_ts`, e.g. "1700000005.000200": orders two clicks by the same user.
    public var actionTs: String
    public var channelId: String?
    /// The alert message's `ts`, for a threaded acknowledgement.
    public var messageTs: String?
    /// Slack's `response_url`, valid for 30 minutes, for replying to the rater.
    public var responseUrl: String?

    public init(
        frbId: Int64, slackUserId: String, slackUserName: String, rating: SlackRating, actionTs: String,
        channelId: String? = nil, messageTs: String? = nil, responseUrl: String? = nil
    ) {
        self.frbId = frbId
        self.slackUserId = slackUserId
        self.slackUserName = slackUserName
        self.rating = rating
        self.actionTs = actionTs
        self.channelId = channelId
        self.messageTs = messageTs
        self.responseUrl = responseUrl
    }
}
