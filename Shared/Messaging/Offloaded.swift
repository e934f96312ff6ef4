import Dispatch

/// Runs blocking librabbitmq work on a Dispatch thread, never on Swift's cooperative pool.
func offloaded<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
