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

/// A bash prologue that closes every descriptor above 2 before running anything. posix_spawn hands a
/// child all of the test process's sockets; a long-lived child (a service, a broker) would then hold
/// other tests' connections open after they close them, and their peers would never see the end.
public let closeInheritedDescriptors = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" 2>/dev/null; done; "
