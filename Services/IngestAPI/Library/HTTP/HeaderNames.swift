import HTTPTypes

/// Header names ingest-api reads or writes beyond the standard ones.
extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
    static let slackSignature = Self("X-Slack-Signature")!
    static let slackRequestTimestamp = Self("X-Slack-Request-Timestamp")!
}
