import Foundation
import Logging
import Synchronization

/// Consumes one queue with manual acknowledgement. A dedicated thread owns the connection and runs the
/// blocking librabbitmq loop (never the cooperative pool); messages arrive as an async sequence; acks
/// from async code are queued, coalesced into `multiple` acks where contiguous, and sent by the thread.
/// The thread reconnects with backoff; messages delivered on a lost connection are redelivered by the
/// broker, so their late acks are dropped. `stop()` cancels consumption and waits for in-flight
/// messages to be settled before closing.
public final class EventConsumer: Sendable {
    public struct Configuration: Sendable {
        public var address: BrokerAddress
        public var queue: String
        /// Declared on every (re)connect before consuming.
        public var topology: BrokerTopology?
        /// Unacknowledged messages the broker may push ahead of processing.
        public var prefetch: UInt16
        /// How often queue depth is sampled into the consumer-lag gauge.
        public var lagInterval: Duration
        /// How long `stop()` waits for in-flight messages to be settled.
        public var drainTimeout: Duration
        public var logger: Logger

        public init(address: BrokerAddress, queue: String, topology: BrokerTopology? = nil, prefetch: UInt16 = 200,
                    lagInterval: Duration = .seconds(5), drainTimeout: Duration = .seconds(30),
                    logger: Logger = Logger(label: "burstwire.consumer")) {
            self.address = address
            self.queue = queue
            self.topology = topology
            self.prefetch = prefetch
            self.lagInterval = lagInterval
            self.drainTimeout = drainTimeout
            self.logger = logger
        }
    }

    private enum Settlement: Sendable {
        case ack(tag: UInt64, session: UInt64)
        case nack(tag: UInt64, session: UInt64, requeue: Bool)
    }

    private struct Shared: Sendable {
        var settlements: [Settlement] = []
        var stopping = false
        var crash = false
        var exited = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Delivered messages, in delivery order. Ends after `stop()` once in-flight messages are settled.
    public let messages: AsyncStream<IncomingMessage>
    private let continuation: AsyncStream<IncomingMessage>.Continuation
    private let configuration: Configuration
    private let shared = Mutex(Shared())
    private let connected = Atomic<Bool>(false)
    private let lastLag = Atomic<Int>(0)
    private let wakePipe = WakePipe()
    private let metrics: ConsumerMetrics

    public init(configuration: Configuration) {
        self.configuration = configuration
        (messages, continuation) = AsyncStream<IncomingMessage>.makeStream(bufferingPolicy: .unbounded)
        metrics = ConsumerMetrics(queue: configuration.queue)
        let thread = Thread { [self] in self.run() }
        thread.name = "amqp-consumer"
        thread.start()
    }

    public var isConnected: Bool { connected.load(ordering: .relaxed) }
    /// Ready messages waiting in the queue at the last sample.
    public var lag: Int { lastLag.load(ordering: .relaxed) }

    /// Acknowledges a message whose effect is committed.
    public func ack(_ message: IncomingMessage) {
        settle(.ack(tag: message.tag, session: message.session))
    }

    /// Returns a message to the queue for another attempt (counted against the queue's delivery limit).
    public func nack(_ message: IncomingMessage, requeue: Bool = true) {
        settle(.nack(tag: message.tag, session: message.session, requeue: requeue))
    }

    /// Sends a message that can never be processed to the dead-letter queue.
    public func reject(_ message: IncomingMessage) {
        nack(message, requeue: false)
    }

    /// Stops consuming and returns once in-flight messages are settled (or the drain timeout passed).
    public func stop() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { state -> Bool in
                state.stopping = true
                if state.exited { return true }
                state.exitWaiters.append(waiter)
                return false
            }
            if done { waiter.resume() } else { wakePipe.wake() }
        }
    }

    /// Drops the connection without acknowledging anything, as a crashed process would (tests use it).
    func crash() async {
        shared.withLock { $0.crash = true }
        await stop()
    }

    /// Settlements wait in the shared state (stop and crash requests wake the thread through the pipe).
    private func hasWork() -> Bool {
        shared.withLock { !$0.settlements.isEmpty }
    }

    private func settle(_ settlement: Settlement) {
        shared.withLock { $0.settlements.append(settlement) }
        wakePipe.wake()
    }

    // MARK: the consumer thread

    private func run() {
        var session: ConsumerSession?
        var sessionNumber: UInt64 = 0
        var backoff = Backoff()
        var nextAttempt = ContinuousClock.now
        var drainDeadline: ContinuousClock.Instant?
        let logger = configuration.logger

        while true {
            let (settlements, stopping, crash) = shared.withLock { state -> ([Settlement], Bool, Bool) in
                defer { state.settlements.removeAll(keepingCapacity: true) }
                return (state.settlements, state.stopping, state.crash)
            }
            if crash {
                session?.connection.abandon()
                session = nil
                break
            }
            let now = ContinuousClock.now
            guard let current = session else {
                if stopping { break }
                if now >= nextAttempt {
                    do {
                        sessionNumber += 1
                        session = try ConsumerSession(configuration: configuration, number: sessionNumber)
                        connected.store(true, ordering: .relaxed)
                        backoff.reset()
                        logger.info("consumer connected", metadata: ["queue": "\(configuration.queue)"])
                    } catch {
                        nextAttempt = now + backoff.next()
                        logger.warning("consumer cannot connect", metadata: ["queue": "\(configuration.queue)", "error": "\(error)"])
                    }
                } else {
                    _ = wakePipe.wait(socket: nil, timeout: min(.milliseconds(100), nextAttempt - now), unless: hasWork)
                }
                continue
            }

            do {
                try current.apply(settlements, metrics: metrics)
                if stopping {
                    if drainDeadline == nil {
                        drainDeadline = now + configuration.drainTimeout
                        try current.cancel()
                    }
                    if current.inFlightCount == 0 || now >= drainDeadline! { break }
                    _ = wakePipe.wait(socket: nil, timeout: .milliseconds(50), unless: hasWork)
                    continue
                }
                if let depth = try current.sampleLag(every: configuration.lagInterval, now: now) {
                    lastLag.store(depth, ordering: .relaxed)
                    metrics.lag.record(depth)
                }
                if !current.connection.hasBufferedData {
                    guard wakePipe.wait(socket: current.connection.socketFD, timeout: .seconds(1), unless: hasWork) else { continue }
                }
                try current.receive(limit: Int(configuration.prefetch)) { message in
                    metrics.consumed.increment()
                    continuation.yield(message)
                }
            } catch {
                logger.warning("consumer connection lost", metadata: ["queue": "\(configuration.queue)", "error": "\(error)"])
                current.connection.abandon()
                session = nil
                connected.store(false, ordering: .relaxed)
                nextAttempt = ContinuousClock.now + backoff.next()
            }
        }
        session?.connection.close()
        connected.store(false, ordering: .relaxed)
        continuation.finish()
        let waiters = shared.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.exited = true
            defer { state.exitWaiters = [] }
            return state.exitWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// One consuming connection and the deliveries it has handed out but not yet settled.
    private final class ConsumerSession {
        let connection: AMQPConnection
        let number: UInt64
        private let queue: String
        private var consumerTag = ""
        private var inFlight: Set<UInt64> = []
        private var lastLagSample: ContinuousClock.Instant?

        init(configuration: Configuration, number: UInt64) throws {
            self.number = number
            queue = configuration.queue
            connection = try AMQPConnection(address: configuration.address)
            do {
                try configuration.topology?.declare(on: connection)
                try connection.openChannel(AMQPConnection.probeChannel)
                consumerTag = try connection.startConsuming(queue: configuration.queue, prefetch: configuration.prefetch)
            } catch {
                connection.close()
                throw error
            }
        }

        var inFlightCount: Int { inFlight.count }

        func receive(limit: Int, _ deliver: (IncomingMessage) -> Void) throws {
            var received = 0
            while received < limit, let raw = try connection.nextDelivery(timeout: .zero) {
                received += 1
                inFlight.insert(raw.tag)
                deliver(IncomingMessage(body: raw.body, routingKey: raw.routingKey, messageID: raw.messageID, type: raw.type,
                                        redelivered: raw.redelivered, deliveryCount: raw.deliveryCount, tag: raw.tag, session: number))
            }
        }

        /// Sends nacks at once and acks coalesced: one `multiple` ack for the settled prefix of in-flight tags, single acks after a gap.
        func apply(_ settlements: [Settlement], metrics: ConsumerMetrics) throws {
            var acks: Set<UInt64> = []
            for settlement in settlements {
                switch settlement {
                case .ack(let tag, let session) where session == number && inFlight.contains(tag):
                    acks.insert(tag)
                case .nack(let tag, let session, let requeue) where session == number && inFlight.contains(tag):
                    try connection.nack(tag, requeue: requeue)
                    inFlight.remove(tag)
                    (requeue ? metrics.requeued : metrics.deadLettered).increment()
                default:
                    continue
                }
            }
            guard !acks.isEmpty else { return }
            metrics.acked.increment(by: Int64(acks.count))
            var prefixEnd: UInt64?
            for tag in inFlight.sorted() {
                guard acks.contains(tag) else { break }
                prefixEnd = tag
            }
            if let prefixEnd {
                try connection.ack(prefixEnd, multiple: true)
                for tag in acks where tag <= prefixEnd { inFlight.remove(tag); acks.remove(tag) }
            }
            for tag in acks {
                try connection.ack(tag, multiple: false)
                inFlight.remove(tag)
            }
        }

        func cancel() throws {
            try connection.cancel(consumerTag: consumerTag)
        }

        func sampleLag(every interval: Duration, now: ContinuousClock.Instant) throws -> Int? {
            if let last = lastLagSample, now - last < interval { return nil }
            lastLagSample = now
            return Int(try connection.messageCount(queue: queue))
        }
    }
}
