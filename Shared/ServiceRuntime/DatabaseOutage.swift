import Database
import Logging
import Messaging

/// While PostgreSQL is unreachable, a consumer keeps its message and retries in place rather than
/// returning it: every return counts against the queue's delivery limit, and an outage of a minute
/// would otherwise dead-letter good messages.
public enum DatabaseOutage {
    /// Whether `error` says the database could not be reached, rather than that this message is bad.
    public static func isOutage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.isTransient || error.code == .connectionFailed
    }

    /// Runs `attempt` until it succeeds or fails for another reason, waiting with backoff (up to 5 s)
    /// while the database is unreachable. Throws `CancellationError` when the service shuts down first.
    public static func retrying<T: Sendable>(logger: Logger, _ attempt: () async throws -> T) async throws -> T {
        var backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(5))
        var warned = false
        while true {
            do {
                return try await attempt()
            } catch where isOutage(error) {
                if !warned {
                    logger.warning("database unreachable; holding the message and retrying", metadata: ["error": "\(error)"])
                    warned = true
                }
                try await Task.sleep(for: backoff.next())
            }
        }
    }
}
