import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A broker's verdict on one VOEvent.
public enum VTPAnswer: Sendable, Equatable {
    case ack
    /// `reason` is the Transport's `Meta/Result`, empty when the broker gave none.
    case nak(reason: String)

    /// Comet naks bytes it already holds; after a retry that means an earlier attempt was delivered.
    public var isPreviouslySeen: Bool {
        guard case .nak(let reason) = self else { return false }
        return reason.localizedCaseInsensitiveContains("previously seen")
    }
}

/// Why no answer came back: the broker could not be reached, was silent, or replied with something that
/// is not a VTP ack or nak.
public struct VTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// Publishes VOEvents to a VTP broker as an author, as `comet-sendvo` does: one connection per event, one
/// length-prefixed packet out, one Transport reply back. Every wait has a deadline, and the blocking calls
/// run on a thread of their own: not the cooperative pool, and not Dispatch's global queue either, whose
/// Linux workers (one per core) a silent broker would hold for seconds while AMQP and file work queued behind.
public struct VTPClient: Sendable {
    public let host: String
    public let port: Int
    public var connectTimeout: Duration
    /// For sending the event and reading the reply. Comet drops an author after 20 s, so waiting longer is pointless.
    public var replyTimeout: Duration
    /// Transport replies are a few hundred bytes; a peer announcing far more is not a VTP broker.
    public var maximumReplyBytes = 1 << 20

    public init(host: String, port: Int, connectTimeout: Duration = .seconds(5), replyTimeout: Duration = .seconds(15)) {
        self.host = host
        self.port = port
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }

    public func send(_ xml: [UInt8]) async throws(VTPError) -> VTPAnswer {
        let reply = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[UInt8], VTPError>, Never>) in
            Thread { continuation.resume(returning: Result { () throws(VTPError) in try exchange(xml) }) }.start()
        }
        return try Self.answer(parsing: try reply.get())
    }

    private func exchange(_ xml: [UInt8]) throws(VTPError) -> [UInt8] {
        guard UInt32(exactly: xml.count) != nil else { throw VTPError("a \(xml.count)-byte event does not fit a VTP frame") }
        let socket = try DeadlineSocket(host: host, port: port, timeout: connectTimeout)
        let deadline = ContinuousClock.now + replyTimeout
        try socket.write(VTPFrame.framed(xml), until: deadline)
        let replyLength = try socket.read(4, until: deadline).reduce(0) { $0 << 8 | Int($1) }
        guard replyLength <= maximumReplyBytes else {
            throw VTPError("the broker announced a \(replyLength)-byte reply, more than the \(maximumReplyBytes) allowed")
        }
        return try socket.read(replyLength, until: deadline)
    }

    public static func answer(parsing reply: [UInt8]) throws(VTPError) -> VTPAnswer {
        let parser = XMLParser(data: Data(reply))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let reader = TransportReader()
        parser.delegate = reader
        // On Linux parse() can return true after an error, so parserError decides.
        _ = parser.parse()
        guard parser.parserError == nil, reader.rootName == "Transport" else {
            throw VTPError("the broker's reply is not a Transport message: \(String(decoding: reply.prefix(200), as: UTF8.self))")
        }
        switch reader.role {
        case "ack": return .ack
        case "nak": return .nak(reason: reader.result ?? "")
        default: throw VTPError("the broker replied with role \(reader.role ?? "(none)"), not ack or nak")
        }
    }
}

/// Keeps the root's name and role and the text of `Meta/Result`, whatever prefix the broker uses.
private final class TransportReader: NSObject, XMLParserDelegate {
    private(set) var rootName: String?
    private(set) var role: String?
    private(set) var result: String?
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if rootName == nil {
            rootName = elementName
            role = attributes["role"]
        }
        path.append(elementName)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if path.count == 3, path[1] == "Meta", path[2] == "Result" {
            result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        path.removeLast()
    }
}

/// A connected non-blocking TCP socket whose every wait ends at a deadline; closed when it goes out of scope.
private struct DeadlineSocket: ~Copyable {
    private let fd: Int32

    /// Tries each address `host` resolves to (so "localhost" works whether it means ::1 or 127.0.0.1).
    init(host: String, port: Int, timeout: Duration) throws(VTPError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var addresses: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &addresses)
        guard status == 0, let addresses else {
            throw VTPError("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(addresses) }
        let deadline = ContinuousClock.now + timeout
        var failure = "no address"
        for address in sequence(first: addresses.pointee, next: { $0.ai_next?.pointee }) {
            do throws(VTPError) {
                fd = try Self.connected(to: address, until: deadline)
                return
            } catch {
                failure = error.reason
            }
        }
        throw VTPError("cannot connect to \(host):\(port): \(failure)")
    }

    deinit {
        close(fd)
    }

    func write(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) throws(VTPError) {
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a broker that hangs up must give an error here, not a SIGPIPE that kills the service.
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                sent += n
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try Self.wait(fd, for: POLLOUT, until: deadline, doing: "sending the event")
            } else if errno != EINTR {
                throw VTPError("sending the event failed: \(Self.errnoText())")
            }
        }
    }

    func read(_ count: Int, until deadline: ContinuousClock.Instant) throws(VTPError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let n = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + received, count - received, 0) }
            if n > 0 {
                received += n
            } else if n == 0 {
                throw VTPError("the broker closed the connection after \(received) of \(count) expected bytes")
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                try Self.wait(fd, for: POLLIN, until: deadline, doing: "waiting for the broker's reply")
            } else if errno != EINTR {
                throw VTPError("reading the reply failed: \(Self.errnoText())")
            }
        }
        return bytes
    }

    private static func connected(to address: addrinfo, until deadline: ContinuousClock.Instant) throws(VTPError) -> Int32 {
        let fd = socket(address.ai_family, address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.ai_protocol)
        guard fd >= 0 else { throw VTPError(errnoText()) }
        do throws(VTPError) {
            guard fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else { throw VTPError(errnoText()) }
            if connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
                guard errno == EINPROGRESS else { throw VTPError(errnoText()) }
                try wait(fd, for: POLLOUT, until: deadline, doing: "connecting")
                var error: Int32 = 0
                var size = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
                guard error == 0 else { throw VTPError(String(cString: strerror(error))) }
            }
            return fd
        } catch {
            close(fd)
            throw error
        }
    }

    private static func wait(_ fd: Int32, for events: Int32, until deadline: ContinuousClock.Instant, doing what: String) throws(VTPError) {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw VTPError("timed out \(what)") }
            let (seconds, attoseconds) = remaining.components
            // Rounded up, so a wait never ends just before the deadline and spins on a zero timeout.
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: fd, events: Int16(events), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready == 0 { throw VTPError("timed out \(what)") }
            if errno != EINTR { throw VTPError("\(what) failed: \(errnoText())") }
        }
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
