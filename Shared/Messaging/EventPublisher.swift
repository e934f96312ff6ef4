import Foundation
import Logging
import Synchronization

/// Publishes persistent messages with publisher confirms. Each `publish` returns only when the broker has
/// confirmed the message durable, and throws when it was nacked, returned unroutable, lost with the
/// connection, or not confirmed before the deadline — so a caller never reports success for a message
/// the broker may not have. One dedicated thread owns the connection, keeps up to `window` messages
/// unconfirmed, and reconnects with backoff.
public final class EventPublisher: Sendable {
    public struct Configuration: Sendable {
        public var address: BrokerAddress
        /// Declared on every (re)connect, so messages are never routed to missing queues.
        public var topology: BrokerTopology?
        /// Unconfirmed messages in flight at once.
        public var window: Int
        /// How long a message may wait for its confirm (including time spent reconnecting).
        public var confirmTimeout: Duration
        public var logger: Logger

        public init(address: BrokerAddress, topology: BrokerTopology? = nil, window: Int = 1000,
                    confirmTimeout: Duration = .seconds(5), logger: Logger = Logger(label: "burstwire.publisher")) {
            self.address = address
            self.topology = topology
            self.window = window
            self.confirmTimeout = confirmTimeout
            self.logger = logger
        }
    }

    private struct Pending: Sendable {
        let message: OutgoingMessage
        let enqueued: ContinuousClock.Instant
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct Shared: Sendable {
        var queued: [Pending] = []
        var stopping = false
        var exited = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let configuration: Configuration
    private let shared = Mutex(Shared())
    private let connected = Atomic<Bool>(false)
    private let wakePipe = WakePipe()
    private let metrics = PublisherMetrics()

    public init(configuration: Configuration) {
        self.configuration = configuration
        let thread = Thread { [self] in self.run() }
        thread.name = "amqp-publisher"
        thread.start()
    }

    /// Whether the publisher currently holds a confirmed-mode connection (for readiness checks).
    public var isConnected: Bool { connected.load(ordering: .relaxed) }

    /// Publishes and waits for the broker's confirm; throws `MessagingError` with code
    /// `.nacked`, `.unroutable`, `.connectionLost`, `.timedOut` or `.closed` otherwise.
    /// `timeout` overrides the configured confirm timeout, for callers with their own deadline.
    public func publish(_ message: OutgoingMessage, timeout: Duration? = nil) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let now = ContinuousClock.now
            let deadline = now + (timeout ?? configuration.confirmTimeout)
            let pending = Pending(message: message, enqueued: now, deadline: deadline, continuation: continuation)
            let accepted = shared.withLock { state -> Bool in
                guard !state.stopping else { return false }
                state.queued.append(pending)
                return true
            }
            if accepted {
                wakePipe.wake()
            } else {
                continuation.resume(throwing: MessagingError(.closed, "publisher is shut down"))
            }
        }
    }

    /// Publishes several messages concurrently and returns when all are confirmed; throws the first failure.
    public func publish(_ messages: [OutgoingMessage], timeout: Duration? = nil) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for message in messages { group.addTask { try await self.publish(message, timeout: timeout) } }
            try await group.waitForAll()
        }
    }

    /// Stops accepting messages, waits for the outstanding ones to be confirmed (or time out), and closes.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { state -> Bool in
                state.stopping = true
                if state.exited { return true }
                state.exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() } else { wakePipe.wake() }
        }
    }

    // MARK: the publisher thread

    private func run() {
        var session: PublisherSession?
        var unsent = FIFO<Pending>()
        var backoff = Backoff()
        var nextAttempt = ContinuousClock.now
        let logger = configuration.logger

        while true {
            let (incoming, stopping) = shared.withLock { state -> ([Pending], Bool) in
                defer { state.queued.removeAll(keepingCapacity: true) }
                return (state.queued, state.stopping)
            }
            unsent.append(contentsOf: incoming)
            let now = ContinuousClock.now
            for expired in unsent.removeAll(where: { $0.deadline <= now }) {
                fail(expired, MessagingError(.timedOut, "broker unavailable: not published within the confirm timeout"))
            }
            session?.expire(now: now) { fail($0, MessagingError(.timedOut, "no confirm within the confirm timeout")) }
            if stopping && unsent.isEmpty && (session?.outstandingCount ?? 0) == 0 { break }

            guard let current = session else {
                if now >= nextAttempt {
                    do {
                        session = try PublisherSession(configuration: configuration)
                        connected.store(true, ordering: .relaxed)
                        backoff.reset()
                        logger.info("publisher connected", metadata: ["broker": "\(configuration.address)"])
                    } catch {
                        nextAttempt = now + backoff.next()
                        logger.warning("publisher cannot connect", metadata: ["error": "\(error)"])
                    }
                } else {
                    _ = wakePipe.wait(socket: nil, timeout: min(.milliseconds(100), nextAttempt - now), unless: hasWork)
                }
                continue
            }

            do {
                while current.outstandingCount < configuration.window, let next = unsent.popFirst() {
                    try current.send(next)
                }
                let idle = unsent.isEmpty && current.outstandingCount == 0
                if !current.connection.hasBufferedData {
                    let timeout: Duration = idle ? .milliseconds(500) : .milliseconds(20)
                    guard wakePipe.wait(socket: current.connection.socketFD, timeout: timeout, unless: hasWork) else { continue }
                }
                try current.readConfirms(
                    confirmed: { pending in
                        metrics.confirmed.increment()
                        metrics.confirmLatency.record(duration: ContinuousClock.now - pending.enqueued)
                        pending.continuation.resume()
                    },
                    failed: { fail($0, $1) }
                )
            } catch {
                logger.warning("publisher connection lost", metadata: ["error": "\(error)"])
                current.failAll { fail($0, MessagingError(.connectionLost, "connection lost before the confirm arrived")) }
                current.connection.abandon()
                session = nil
                connected.store(false, ordering: .relaxed)
                nextAttempt = ContinuousClock.now + backoff.next()
            }
        }
        session?.connection.close()
        connected.store(false, ordering: .relaxed)
        let waiters = shared.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.exited = true
            defer { state.exitWaiters = [] }
            return state.exitWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// New messages wait in the shared state (a shutdown request wakes the thread through the pipe).
    private func hasWork() -> Bool {
        shared.withLock { !$0.queued.isEmpty }
    }

    private func fail(_ pending: Pending, _ error: MessagingError) {
        metrics.failed(error.code).increment()
        pending.continuation.resume(throwing: error)
    }

    /// One confirmed-mode connection and the messages it has sent but not yet had confirmed.
    private final class PublisherSession {
        let connection: AMQPConnection
        private var outstanding: [UInt64: Pending] = [:]
        private var returned: Set<UInt64> = []
        private var lowestTag: UInt64 = 1
        private var nextTag: UInt64 = 0

        init(configuration: Configuration) throws {
            connection = try AMQPConnection(address: configuration.address)
            do {
                try configuration.topology?.declare(on: connection)
                try connection.enableConfirms()
            } catch {
                connection.close()
                throw error
            }
        }

        var outstandingCount: Int { outstanding.count }

        /// Outstanding before it is written: if the write fails, the session's `failAll` answers it.
        func send(_ pending: Pending) throws {
            nextTag += 1
            outstanding[nextTag] = pending
            try connection.publish(pending.message)
        }

        func expire(now: ContinuousClock.Instant, _ onExpired: (Pending) -> Void) {
            for (tag, pending) in outstanding where pending.deadline <= now {
                outstanding[tag] = nil
                onExpired(pending)
            }
        }

        func failAll(_ onFailed: (Pending) -> Void) {
            outstanding.values.forEach(onFailed)
            outstanding = [:]
        }

        func readConfirms(confirmed: (Pending) -> Void, failed: (Pending, MessagingError) -> Void) throws {
            while let frame = try connection.nextConfirmFrame(timeout: .zero) {
                switch frame {
                case .ack(let tag, let multiple):
                    settle(tag, multiple: multiple) { tag, pending in
                        if returned.remove(tag) != nil {
                            failed(pending, MessagingError(.unroutable, "no queue bound for routing key \(pending.message.routingKey)"))
                        } else {
                            confirmed(pending)
                        }
                    }
                case .nack(let tag, let multiple):
                    settle(tag, multiple: multiple) { _, pending in
                        failed(pending, MessagingError(.nacked, "broker refused the message"))
                    }
                case .returned(let messageID):
                    if let tag = outstanding.filter({ $0.value.message.messageID == messageID }).keys.min() {
                        returned.insert(tag)
                    }
                case .other:
                    continue
                }
            }
            connection.releaseBuffers()
        }

        /// A multiple ack covers every outstanding tag up to `tag`; one below `lowestTag` (its messages
        /// already expired) covers nothing, and never a later, unconfirmed message.
        private func settle(_ tag: UInt64, multiple: Bool, _ body: (UInt64, Pending) -> Void) {
            let tags = multiple ? (tag >= lowestTag ? Array(lowestTag...tag) : []) : [tag]
            for t in tags {
                if let pending = outstanding.removeValue(forKey: t) { body(t, pending) }
            }
            while lowestTag <= nextTag && outstanding[lowestTag] == nil { lowestTag += 1 }
        }
    }
}
