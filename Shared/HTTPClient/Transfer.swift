import Synchronization

/// Why one attempt failed, before the retry loop decides whether it becomes an `HTTPClientError`.
struct TransferFailure: Error, Sendable {
    let code: HTTPClientError.Code
    let curlCode: Int32?
    let reason: String
    let requestMayHaveBeenSent: Bool
}

/// Set by the task's cancellation handler, polled by the worker before and during the transfer.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    func cancel() { flag.store(true, ordering: .relaxed) }

    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Everything a worker thread needs for one attempt.
struct TransferJob: Sendable {
    let request: HTTPRequest
    let timeout: Duration
    let configuration: HTTPClient.Configuration
    let cancellation: CancellationFlag
}

extension Duration {
    /// Whole milliseconds, at least 1, because libcurl treats a 0 ms timeout as "no timeout".
    var clampedMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
