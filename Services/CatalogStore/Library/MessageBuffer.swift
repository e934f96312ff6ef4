import Messaging
import Synchronization

/// Collects deliveries so the store can take whatever has arrived as one batch (one transaction),
/// without waiting for a batch to fill: under load batches grow, when idle each message goes alone.
final class MessageBuffer: Sendable {
    private struct State {
        var items: [IncomingMessage] = []
        var waiter: CheckedContinuation<Void, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    func append(_ message: IncomingMessage) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.items.append(message)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Up to `limit` buffered messages, waiting for at least one; nil once finished and drained.
    func next(limit: Int) async -> [IncomingMessage]? {
        while true {
            let taken = state.withLock { state -> [IncomingMessage]? in
                guard !state.items.isEmpty else { return state.finished ? [] : nil }
                let batch = Array(state.items.prefix(limit))
                state.items.removeFirst(batch.count)
                return batch
            }
            if let taken { return taken.isEmpty ? nil : taken }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if !state.items.isEmpty || state.finished { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }
}
