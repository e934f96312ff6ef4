import Schema

/// What a verified button click on one of our Slack messages asks for. Ratings and approvals arrive
/// on the same interactivity URL (Slack allows one per app) and lead to different events.
public enum SlackClick: Sendable, Equatable {
    /// Confirm/Reject on an FRB alert, ready to publish.
    case rating(SlackRatingReceived)
    /// Approve/Reject on a pending trigger decision.
    case approval(SlackApprovalClick)
}

/// An approver's click on a pending trigger decision's Slack alert. It is not yet a
/// `TriggerApprovalReceived`: the proposal id and the approver's identity mapping live with
/// telescope-trigger, so this carries only what Slack told us.
public struct SlackApprovalClick: Sendable, Equatable {
    public var decisionId: Int64
    /// True for `trigger_approve`, false for `trigger_reject`.
    public var approved: Bool
    public var slackUserId: String
    public var slackUserName: String
    /// Slack's `action_ts`: orders two clicks by the same user.
    public var actionTs: String
    public var channelId: String?
    public var messageTs: String?
    /// Slack's `response_url`, valid for 30 minutes, for replying to the approver.
    public var responseUrl: String?

    public init(
        decisionId: Int64, approved: Bool, slackUserId: String, slackUserName: String, actionTs: String,
        channelId: String? = nil, messageTs: String? = nil, responseUrl: String? = nil
    ) {
        self.decisionId = decisionId
        self.approved = approved
        self.slackUserId = slackUserId
        self.slackUserName = slackUserName
        self.actionTs = actionTs
        self.channelId = channelId
        self.messageTs = messageTs
        self.responseUrl = responseUrl
    }
}
