import NIOCore
import NIOPosix

/// A VTP author for tests: connects over real TCP, sends raw bytes (framed or deliberately not), and reads
/// everything the server sends until it closes the connection.
enum VTPTestClient {
    /// What came back on one connection.
    struct Exchange: Sendable {
        /// Every byte the server sent before closing.
        let received: [UInt8]
        /// Time from the first byte sent (or from connecting, when nothing is sent) until the server closed.
        let elapsed: Duration
        /// When the first byte from the server arrived.
        let firstByteArrival: ContinuousClock.Instant?

        /// The payloads of the complete frames in `received`, and whatever bytes trail them.
        var frames: (payloads: [[UInt8]], trailing: [UInt8]) {
            var payloads: [[UInt8]] = []
            var rest = received[...]
            while rest.count >= 4 {
                let length = rest.prefix(4).reduce(0) { $0 << 8 | Int($1) }
                guard rest.count >= 4 + length else { break }
                payloads.append(Array(rest.dropFirst(4).prefix(length)))
                rest = rest.dropFirst(4 + length)
            }
            return (payloads, Array(rest))
        }

        /// The single reply, when the server sent exactly one complete frame and nothing else.
        var onlyReply: [UInt8]? {
            let (payloads, trailing) = frames
            return payloads.count == 1 && trailing.isEmpty ? payloads[0] : nil
        }
    }

    /// The server did not close the connection in time.
    struct StillOpen: Error {}

    /// Sends `chunks` in order (pausing `pause` between them), then reads until the server closes or `limit` passes.
    static func exchange(port: Int, sending chunks: [[UInt8]], pause: Duration = .zero,
                         within limit: Duration = .seconds(10)) async throws -> Exchange {
        let connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await connection.executeThenClose { inbound, outbound in
            let clock = ContinuousClock()
            let start = clock.now
            for (index, chunk) in chunks.enumerated() {
                if index > 0 { try await Task.sleep(for: pause) }
                try await outbound.write(ByteBuffer(bytes: chunk))
            }
            let (received, firstByteArrival) = try await readUntilClosed(inbound, within: limit)
            return Exchange(received: received, elapsed: clock.now - start, firstByteArrival: firstByteArrival)
        }
    }

    /// Sends one framed payload and returns the exchange.
    static func submit(_ payload: [UInt8], port: Int) async throws -> Exchange {
        try await exchange(port: port, sending: [frame(payload)])
    }

    /// `payload` with its 4-byte big-endian length in front, built here rather than with the code under test.
    static func frame(_ payload: [UInt8]) -> [UInt8] {
        let length = UInt32(payload.count)
        return withUnsafeBytes(of: length.bigEndian, Array.init) + payload
    }

    private static func readUntilClosed(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>, within limit: Duration)
        async throws -> ([UInt8], ContinuousClock.Instant?) {
        try await withThrowingTaskGroup(of: ([UInt8], ContinuousClock.Instant?)?.self) { group in
            group.addTask {
                var received: [UInt8] = []
                var firstByteArrival: ContinuousClock.Instant?
                for try await buffer in inbound {
                    if firstByteArrival == nil { firstByteArrival = .now }
                    received += Array(buffer: buffer)
                }
                return (received, firstByteArrival)
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let received = first else { throw StillOpen() }
            return received
        }
    }
}
