import Foundation

/// A request to send: a value, so it can be re-sent unchanged by the retry loop.
/// Hummingbird re-exports HTTPTypes' `HTTPRequest`; files importing both modules write `import struct HTTPClient.HTTPRequest`.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Set when the URL path itself is a credential (Slack incoming webhooks): errors and logs then show only scheme and host.
    public var pathIsSecret: Bool

    /// Builds a request; a body's content type becomes the Content-Type header unless `headers` already has one.
    public init(
        _ method: HTTPMethod = .get, _ url: URL, headers: HTTPHeaders = [:], body: HTTPBody? = nil,
        pathIsSecret: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body?.bytes ?? []
        self.pathIsSecret = pathIsSecret
        if let contentType = body?.contentType, !headers.contains("Content-Type") {
            self.headers.add("Content-Type", contentType)
        }
    }

    /// The URL as it may appear in errors and logs: no userinfo, query or fragment, since secrets travel there.
    public var redactedURL: String {
        let path = pathIsSecret ? "/…" : url.path
        guard let scheme = url.scheme, let host = url.host else { return path }
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)\(path)"
    }

    /// Safe to log: redacted URL, header names and body size only.
    public var description: String {
        "HTTPRequest(\(method) \(redactedURL), \(headers), \(body.count)-byte body)"
    }
}
