import Synchronization

/// The port a server bound, announced once to everyone who asked before or asks after; nil announces
/// that the server never listened. Lets callers use port 0 and still learn where to connect.
final class ListeningPort: Sendable {
    private enum State {
        case pending([CheckedContinuation<Int?, Never>])
        case announced(Int?)
    }

    private let state = Mutex(State.pending([]))

    /// Records the port (first call wins) and wakes everyone waiting for it.
    func announce(_ port: Int?) {
        let waiting = state.withLock { state -> [CheckedContinuation<Int?, Never>] in
            guard case .pending(let waiting) = state else { return [] }
            state = .announced(port)
            return waiting
        }
        for continuation in waiting { continuation.resume(returning: port) }
    }

    /// The announced port, waiting for the announcement if it has not happened yet.
    var port: Int? {
        get async {
            await withCheckedContinuation { continuation in
                let announced = state.withLock { state -> Int?? in
                    switch state {
                    case .pending(let waiting):
                        state = .pending(waiting + [continuation])
                        return nil
                    case .announced(let port):
                        return .some(port)
                    }
                }
                if let announced { continuation.resume(returning: announced) }
            }
        }
    }
}
