/// Where the broker is and how to log in, parsed from an `amqp://user:password@host:port/vhost` URL.
/// Its description hides the password so it can be logged.
public struct BrokerAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var virtualHost: String

    public init(host: String = "127.0.0.1", port: Int = 5672, user: String = "guest", password: String = "guest", virtualHost: String = "/") {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.virtualHost = virtualHost
    }

    /// Parses `amqp://user:password@host:port/vhost`; the vhost path is percent-decoded (`%2F` = `/`), empty means `/`.
    public init(url: String) throws {
        guard url.hasPrefix("amqp://") else { throw MessagingError(.invalidURL, "broker URL must start with amqp://") }
        var rest = Substring(url.dropFirst("amqp://".count))
        var vhost = "/"
        if let slash = rest.firstIndex(of: "/") {
            let path = String(rest[rest.index(after: slash)...])
            if !path.isEmpty { vhost = path.removingPercentEncodingSafely() }
            rest = rest[..<slash]
        }
        var user = "guest", password = "guest"
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = String(credentials[..<colon]).removingPercentEncodingSafely()
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncodingSafely()
            } else {
                user = String(credentials).removingPercentEncodingSafely()
            }
        }
        var host = String(rest), port = 5672
        if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else {
                throw MessagingError(.invalidURL, "broker URL has an invalid port")
            }
            port = p
        }
        guard !host.isEmpty else { throw MessagingError(.invalidURL, "broker URL has no host") }
        self.init(host: host, port: port, user: user, password: password, virtualHost: vhost)
    }

    public var description: String { "amqp://\(user)@\(host):\(port)/\(virtualHost == "/" ? "" : virtualHost)" }
}

extension String {
    func removingPercentEncodingSafely() -> String {
        var bytes: [UInt8] = []
        var it = utf8.makeIterator()
        while let c = it.next() {
            if c == UInt8(ascii: "%"), let h = it.next(), let l = it.next(),
               let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(v)
            } else {
                bytes.append(c)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
