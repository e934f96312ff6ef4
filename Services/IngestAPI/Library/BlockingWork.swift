import Dispatch

/// Runs file I/O (image writes with fsync, image reads) on a Dispatch thread, so a slow disk never
/// occupies a thread of Swift's cooperative pool that HTTP handlers share.
func onDispatchThread<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
