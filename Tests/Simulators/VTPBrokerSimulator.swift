import Crypto
import IngestAPI
import Logging
import ServiceLifecycle
import Synchronization

/// A VOEvent broker as authors see Comet: it acks each new, well-formed VOEvent, naks the same bytes
/// sent again with Comet's "Previously seen by this broker", and records what it accepted. Built on
/// ingest-api's VTP receiver, so the framing and Transport replies are the ones tested against Comet.
/// For tests and the local demo, not the product.
public final class VTPBrokerSimulator: Sendable {
    public struct Received: Sendable {
        public let ivorn: String
        public let xml: [UInt8]
    }

    private struct State {
        var received: [Received] = []
        var seen: Set<[UInt8]> = []
        var naks = 0
    }

    private final class Record: Sendable {
        let state = Mutex(State())
    }

    private let record = Record()
    public let server: VTPServer

    public init(port: Int = 0, logger: Logger = Logger(label: "vtp-broker-simulator")) {
        let record = self.record
        server = VTPServer(configuration: .init(port: port, localIVO: "ivo://simulated.broker/comet"), logger: logger) { submission in
            await .inspecting(submission) { essentials in
                let digest = Array(SHA256.hash(data: submission.bytes))
                return record.state.withLock { state -> VTPVerdict in
                    guard state.seen.insert(digest).inserted else {
                        state.naks += 1
                        return .reject(ivorn: essentials.ivorn, reason: "Event rejected: Previously seen by this broker")
                    }
                    state.received.append(Received(ivorn: essentials.ivorn, xml: submission.bytes))
                    return .accept(ivorn: essentials.ivorn)
                }
            }
        }
    }

    /// Every event accepted, in order.
    public var received: [Received] { record.state.withLock { $0.received } }
    /// How many repeats were refused as previously seen.
    public var previouslySeen: Int { record.state.withLock { $0.naks } }
}
