import Foundation

/// Runs blocking work (waiting for a child process, a subprocess's exit) on a thread of its own.
/// Neither the cooperative pool nor Dispatch's global queue may be held for long: on Linux the global
/// queue has about one worker per core, and the services under test offload their own short blocking
/// calls (AMQP connects, file writes) there, so a test waiting on it stalls every other test.
public func onDedicatedThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

