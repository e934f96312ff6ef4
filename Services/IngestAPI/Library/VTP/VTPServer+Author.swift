import Logging
import NIOCore
import VOEvent
import ServiceLifecycle

extension VTPServer {
    /// One author's connection: frames in, the Transport reply out.
    typealias AuthorConnection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// How waiting for an author's frame ended.
    enum Arrival: Sendable {
        case frame(ByteBuffer)
        case tooLong(VTPFrameTooLong)
        case timedOut
        case gone
    }

    /// Waits for one frame, hands it to the handler, replies and closes; a frame over the limit is naked at once.
    func serve(_ connection: AuthorConnection) async {
        let remoteAddress = connection.channel.remoteAddress.flatMap(Self.hostAndPort)
        var logger = logger
        logger[metadataKey: "peer"] = "\(remoteAddress ?? "unknown")"
        do {
            try await connection.executeThenClose { inbound, outbound in
                let reply: [UInt8]
                switch await firstFrame(from: inbound) {
                case .frame(let payload):
                    let verdict = await handler(VTPSubmission(bytes: Array(buffer: payload), remoteAddress: remoteAddress))
                    logger.debug("VTP submission answered", metadata: ["verdict": "\(verdict)"])
                    reply = verdict.reply(localIVO: configuration.localIVO)
                case .tooLong(let error):
                    logger.info("VTP frame refused", metadata: ["reason": "\(error.reason)"])
                    reply = VTPTransport.nak(origin: configuration.localIVO, localIVO: configuration.localIVO, reason: error.reason)
                case .timedOut:
                    logger.info("VTP author sent no complete frame in time", metadata: ["timeout": "\(configuration.authorTimeout)"])
                    return
                case .gone:
                    return
                }
                try await outbound.write(ByteBuffer(bytes: VTPFrame.framed(reply)))
            }
        } catch {
            logger.info("VTP reply not delivered", metadata: ["error": "\(error)"])
        }
    }

    /// The first frame, unless the author closes, exceeds the length limit, takes longer than the author
    /// timeout, or graceful shutdown starts first.
    private func firstFrame(from inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async -> Arrival {
        let timeout = configuration.authorTimeout
        do {
            return try await cancelWhenGracefulShutdown {
                try await withThrowingTaskGroup(of: Arrival.self) { group in
                    group.addTask {
                        for try await frame in inbound { return .frame(frame) }
                        return .gone
                    }
                    group.addTask {
                        try await Task.sleep(for: timeout)
                        return .timedOut
                    }
                    defer { group.cancelAll() }
                    return try await group.next() ?? .gone
                }
            }
        } catch let error as VTPFrameTooLong {
            return .tooLong(error)
        } catch {
            return .gone
        }
    }

    /// "host:port", bracketing IPv6 hosts; nil for addresses without a port.
    static func hostAndPort(_ address: SocketAddress) -> String? {
        guard let host = address.ipAddress, let port = address.port else { return nil }
        if case .v6 = address { return "[\(host)]:\(port)" }
        return "\(host):\(port)"
    }
}
