import Foundation
import Testing
import VOEvent

/// A TCP listener on 127.0.0.1 with a kernel-chosen port, standing in for a Comet broker.
/// Closed when released, so dropping one at once leaves a port that refuses connections.
final class LoopbackListener: Sendable {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, size) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &size) == 0
            }
        }
        guard fd >= 0, bound else {
            close(fd)
            throw VTPError("cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(fd)
    }

    /// Accepts one author, reads one frame the way Comet does (4-byte big-endian length, then that many bytes),
    /// writes `reply` as given, and returns every byte it read. Each step gives up after 5 s, so a client bug
    /// fails the test instead of hanging it. On a thread of its own, so that it never waits for a worker of
    /// Dispatch's global queue (one per core on Linux) that other tests hold.
    func serveOnce(reply: [UInt8]) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            Thread { [fd] in
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 5000) == 1 else { return continuation.resume(returning: []) }
                let connection = accept(fd, nil, nil)
                defer { close(connection) }
                var timeout = timeval(tv_sec: 5, tv_usec: 0)
                setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                func read(_ count: Int) -> [UInt8] {
                    var bytes = [UInt8](repeating: 0, count: count), received = 0
                    while received < count {
                        let n = bytes.withUnsafeMutableBytes { recv(connection, $0.baseAddress! + received, count - received, 0) }
                        guard n > 0 else { break }
                        received += n
                    }
                    return Array(bytes.prefix(received))
                }
                let prefix = read(4)
                let body = read(prefix.count == 4 ? prefix.reduce(0) { $0 << 8 | Int($1) } : 0)
                _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, reply.count, Int32(MSG_NOSIGNAL)) }
                continuation.resume(returning: prefix + body)
            }.start()
        }
    }
}


@Suite struct VTPClientTests {
    /// The filled FRB detection template that a Comet broker accepted.
    let event = (try? VOEventFixtures.bytes("voevent-schema/01-Detection.filled-example.xml")) ?? []

    @Test func ackIsReadAndTheEventArrivesFramedBigEndian() async throws {
        let broker = try LoopbackListener()
        let reply = VTPFrame.framed(try VOEventFixtures.bytes("voevent-schema/vtp/ack.xml"))
        async let received = broker.serveOnce(reply: reply)
        let answer = try await VTPClient(host: "127.0.0.1", port: broker.port).send(event)
        #expect(answer == .ack)
        #expect(!answer.isPreviouslySeen)
        let bytes = await received
        #expect(bytes.prefix(4) == [0, 0, UInt8(event.count >> 8), UInt8(event.count & 0xFF)][...])
        #expect(bytes == VTPFrame.framed(event))
    }

    @Test func nakCarriesTheBrokersReason() async throws {
        let broker = try LoopbackListener()
        let reply = VTPFrame.framed(try VOEventFixtures.bytes("voevent-schema/vtp/nak.xml"))
        async let received = broker.serveOnce(reply: reply)
        let answer = try await VTPClient(host: "localhost", port: broker.port).send(event)
        #expect(answer == .nak(reason: "Event rejected: Previously seen by this broker"))
        #expect(answer.isPreviouslySeen)
        #expect(await received == VTPFrame.framed(event))
    }

    @Test func refusedConnectionIsAnError() async throws {
        let port = try LoopbackListener().port
        let error = await #expect(throws: VTPError.self) { try await VTPClient(host: "127.0.0.1", port: port).send(event) }
        #expect(error?.reason.contains("Connection refused") == true)
    }

    @Test func silentBrokerTimesOut() async throws {
        // Listening but never accepting: the kernel completes the handshake and buffers the event, and no reply ever comes.
        let broker = try LoopbackListener()
        let client = VTPClient(host: "127.0.0.1", port: broker.port, replyTimeout: .milliseconds(300))
        let started = ContinuousClock.now
        let error = await #expect(throws: VTPError.self) { try await client.send(event) }
        #expect(error?.reason == "timed out waiting for the broker's reply")
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test(arguments: [
        (VTPFrame.framed(Array("not xml".utf8)), "is not a Transport message"),
        (VTPFrame.framed(Array(#"<trn:Transport xmlns:trn="http://www.telescope-networks.org/xml/Transport/v1.1" role="iamalive"/>"#.utf8)), "role iamalive"),
        ([0xFF, 0xFF, 0xFF, 0xFF], "more than the 1048576 allowed"),
        ([0, 0, 1, 0] + Array("short".utf8), "closed the connection after 5 of 256"),
    ])
    func unusableRepliesAreErrors(reply: [UInt8], expected: String) async throws {
        let broker = try LoopbackListener()
        async let received = broker.serveOnce(reply: reply)
        let error = await #expect(throws: VTPError.self) { try await VTPClient(host: "127.0.0.1", port: broker.port).send(event) }
        #expect(error?.reason.contains(expected) == true, "\(String(describing: error))")
        _ = await received
    }
}
