import Logging

extension EventPublisher {
    /// Publishes until the broker confirms, backing off between tries. For events derived from state
    /// already committed, under stable ids, where giving up would lose them and a repeat is harmless.
    /// Throws only when the task is cancelled or the publisher is shut down: then the caller must not
    /// acknowledge what it was publishing for, so its messages come back.
    public func publishUntilConfirmed(_ messages: [OutgoingMessage], logger: Logger) async throws {
        guard !messages.isEmpty else { return }
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
        while true {
            do {
                try await publish(messages)
                return
            } catch let error as MessagingError where error.code == .closed {
                throw error
            } catch {
                logger.warning("events not confirmed; retrying", metadata: ["events": "\(messages.count)", "error": "\(error)"])
                try await Task.sleep(for: backoff.next())
            }
        }
    }
}
