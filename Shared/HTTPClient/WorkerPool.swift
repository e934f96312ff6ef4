import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads, each owning one curl easy handle, draining a shared FIFO of work.
/// `curl_easy_perform` blocks for the whole transfer, so it must not occupy Swift's cooperative pool;
/// keeping the handle per thread keeps its connection cache, so requests to the same host reuse connections.
final class WorkerPool: Sendable {
    typealias Work = @Sendable (CurlEasy) -> Void

    private let pending = Mutex<[Work]>([])
    /// Signalled once per submitted work item and once per thread at shutdown; a wakeup that finds
    /// the queue empty can therefore only be a shutdown signal.
    private let wakeups = DispatchSemaphore(value: 0)
    private let threadCount: Int

    init(threads: Int, label: String) {
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            let thread = Thread { [self] in run() }
            thread.name = "\(label)-\(index)"
            thread.start()
        }
    }

    func submit(_ work: @escaping Work) {
        pending.withLock { $0.append(work) }
        wakeups.signal()
    }

    /// Lets the threads finish queued work, then exit and free their handles.
    func shutdown() {
        for _ in 0..<threadCount { wakeups.signal() }
    }

    private func run() {
        let easy = CurlEasy()
        while true {
            wakeups.wait()
            let next: Work? = pending.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            guard let next else { return }
            next(easy)
        }
    }
}
