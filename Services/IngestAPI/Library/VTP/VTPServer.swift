import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A VTP receiver: authors (`comet-sendvo`, voevent-parse scripts, other brokers' relays) connect, send one
/// framed VOEvent and get one framed ack or nak before the connection closes, as with a Comet broker, so
/// existing tooling can publish to Burstwire unchanged. The server only frames, times out and replies; what an
/// event means is the injected handler's decision, and nothing is acked before the handler returned `.accept`.
///
/// On graceful shutdown it closes the listening socket (authors connecting later are refused at once, and a new
/// instance can bind the port), drops authors still sending, and returns only once every running handler has
/// finished and its reply has gone out.
public struct VTPServer: Service {
    public let configuration: Configuration
    let logger: Logger
    let handler: @Sendable (VTPSubmission) async -> VTPVerdict
    private let listening = ListeningPort()

    public init(configuration: Configuration, logger: Logger, handler: @escaping @Sendable (VTPSubmission) async -> VTPVerdict) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    /// The port the server listens on once `run()` has bound it (useful with port 0); nil if binding failed.
    /// Waits until `run()` has got that far.
    public var localPort: Int? {
        get async { await listening.port }
    }

    public func run() async throws {
        let listener: NIOAsyncChannel<AuthorConnection, Never>
        do {
            listener = try await bind()
        } catch {
            listening.announce(nil)
            throw error
        }
        listening.announce(listener.channel.localAddress?.port)
        logger.info("VTP receiver listening", metadata: ["address": "\(listener.channel.localAddress.map { "\($0)" } ?? "?")"])
        try await listener.executeThenClose { connections in
            await withDiscardingTaskGroup { group in
                await withGracefulShutdownHandler {
                    do {
                        for try await connection in connections {
                            group.addTask { await serve(connection) }
                        }
                    } catch {
                        logger.error("VTP receiver stopped accepting", metadata: ["error": "\(error)"])
                    }
                } onGracefulShutdown: {
                    listener.channel.close(promise: nil)
                }
            }
        }
        logger.info("VTP receiver stopped")
    }

    private func bind() async throws -> NIOAsyncChannel<AuthorConnection, Never> {
        let maximumFrameLength = configuration.maximumFrameLength
        return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(VTPFrameDecoder(maximumFrameLength: maximumFrameLength)))
                    return try AuthorConnection(wrappingChannelSynchronously: channel)
                }
            }
    }
}
