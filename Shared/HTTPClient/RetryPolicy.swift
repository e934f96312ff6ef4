import Foundation

/// When to re-send a request, and how long to wait in between.
///
/// A request is only re-sent when doing so cannot duplicate its effect. A timeout, a reset connection or a
/// 502/504 from a gateway after the request left this host is *ambiguous*: the server may have accepted it and
/// failed only to answer. Re-sending a POST then could file a second TNS report or trigger the telescope twice,
/// so after such failures only idempotent requests are retried: methods idempotent per RFC 9110, or any request
/// whose policy sets `idempotent` (e.g. because it carries an idempotency key). Failures that prove the request
/// was not acted on (it never left this host, or the server refused it with 429 or 503) are retried for every method.
public struct RetryPolicy: Sendable {
    /// Total tries including the first; 1 means never re-send.
    public var maxAttempts: Int
    /// Ceiling of the first backoff; it doubles per retry up to `maxBackoff`, and the actual delay is
    /// drawn from the upper half of the ceiling so concurrent clients spread out.
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// Response statuses worth re-sending.
    public var retryableStatuses: Set<Int>
    /// A 429/503 whose `Retry-After` asks for a longer wait than this is returned to the caller instead.
    public var maxRetryAfter: Duration
    /// The caller's assertion that re-sending is harmless even if an earlier copy was processed.
    public var idempotent: Bool

    public init(
        maxAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(200),
        maxBackoff: Duration = .seconds(10),
        retryableStatuses: Set<Int> = [429, 502, 503, 504],
        maxRetryAfter: Duration = .seconds(60),
        idempotent: Bool = false
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.retryableStatuses = retryableStatuses
        self.maxRetryAfter = maxRetryAfter
        self.idempotent = idempotent
    }

    /// Send exactly once: for requests whose acceptance cannot be checked afterwards, like a telescope trigger.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Three attempts with backoff from 200 ms to 10 s, under the rules above.
    public static let standard = RetryPolicy()

    /// Statuses by which the server says it did not act on the request.
    static let refusalStatuses: Set<Int> = [429, 503]

    enum Decision: Equatable {
        case stop
        case retry(after: Duration)
    }

    func decision(after response: HTTPResponse, method: HTTPMethod, attempt: Int) -> Decision {
        guard attempt < maxAttempts, retryableStatuses.contains(response.status) else { return .stop }
        let refused = Self.refusalStatuses.contains(response.status)
        guard refused || canResend(method) else { return .stop }
        if refused, let retryAfter = response.headers["Retry-After"].flatMap(Self.retryAfterSeconds) {
            let wait = Duration.seconds(retryAfter)
            return wait <= maxRetryAfter ? .retry(after: wait) : .stop
        }
        return .retry(after: backoff(afterAttempt: attempt))
    }

    func decision(after failure: TransferFailure, method: HTTPMethod, attempt: Int) -> Decision {
        guard attempt < maxAttempts else { return .stop }
        switch failure.code {
        case .connectFailed, .timedOut, .transport:
            guard !failure.requestMayHaveBeenSent || canResend(method) else { return .stop }
            return .retry(after: backoff(afterAttempt: attempt))
        default:
            return .stop
        }
    }

    func backoff(afterAttempt attempt: Int) -> Duration {
        let ceiling = min(maxBackoff, initialBackoff * (1 << min(attempt - 1, 20)))
        return ceiling * Double.random(in: 0.5...1.0)
    }

    private func canResend(_ method: HTTPMethod) -> Bool { idempotent || method.isIdempotent }

    /// The delta-seconds form of Retry-After (RFC 9110 §10.2.3); the HTTP-date form falls back to backoff.
    private static func retryAfterSeconds(_ value: String) -> Int? {
        Int(value.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? $0 : nil }
    }
}
