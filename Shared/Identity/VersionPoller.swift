import Synchronization

/// Decides when the request path re-reads `identity_version`: at most once per interval, with every request
/// that arrives while a read is due waiting for that one read. Polling on the request path needs no background
/// task to start and stop, and an idle process does no queries; a change made by another process is seen
/// within one interval plus one query.
final class VersionPoller: Sendable {
    private struct State: Sendable {
        var lastCheck: ContinuousClock.Instant?
        var running: Task<Void, any Error>?
    }

    private let interval: Duration
    private let state = Mutex(State())

    init(interval: Duration) {
        self.interval = interval
    }

    /// Runs `check` unless one completed within the interval; joins a check already running.
    /// A failed check is not counted, so the next request tries again.
    func refreshIfDue(_ check: @escaping @Sendable () async throws -> Void) async throws {
        let now = ContinuousClock.now
        let task: Task<Void, any Error>? = state.withLock { state in
            if let last = state.lastCheck, now - last < interval { return nil }
            if let running = state.running { return running }
            let task = Task { try await self.run(check, startedAt: now) }
            state.running = task
            return task
        }
        try await task?.value
    }

    private func run(_ check: @Sendable () async throws -> Void, startedAt: ContinuousClock.Instant) async throws {
        do {
            try await check()
            state.withLock { state in
                state.running = nil
                state.lastCheck = startedAt
            }
        } catch {
            state.withLock { $0.running = nil }
            throw error
        }
    }
}
