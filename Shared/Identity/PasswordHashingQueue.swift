import Dispatch

/// Where PBKDF2 runs. A hash takes hundreds of milliseconds by design; on Swift's cooperative pool (one thread
/// per core) it would stall every other task on that thread. libdispatch runs a custom concurrent queue on its
/// non-overcommitting pool, about one thread per core, so a burst of first logins queues here instead of
/// spawning threads or starving the HTTP server.
enum PasswordHashingQueue {
    private static let queue = DispatchQueue(label: "burstwire.identity.password-hashing", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
