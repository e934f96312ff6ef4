/// Why a request produced no response. A struct with an extensible code, so new failure kinds do not
/// break callers; its description names method, redacted URL and cause, never headers, bodies or query strings.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }
        /// Name resolution or the TCP connect failed; the request was never sent.
        public static let connectFailed = Code(name: "connectFailed")
        /// The connect or total timeout expired.
        public static let timedOut = Code(name: "timedOut")
        /// The calling task was cancelled.
        public static let cancelled = Code(name: "cancelled")
        /// The URL is malformed or not http(s).
        public static let invalidURL = Code(name: "invalidURL")
        /// A header name or value contains CR, LF or NUL, which would let it inject other headers.
        public static let invalidHeader = Code(name: "invalidHeader")
        /// Redirects are being followed and the limit was exceeded.
        public static let tooManyRedirects = Code(name: "tooManyRedirects")
        /// The TLS handshake or certificate verification failed.
        public static let tls = Code(name: "tls")
        /// The response body exceeded the client's `maxResponseBytes`.
        public static let responseTooLarge = Code(name: "responseTooLarge")
        /// Any other transport failure (connection reset, empty reply, …).
        public static let transport = Code(name: "transport")
    }

    public let code: Code
    /// The libcurl `CURLcode`, when libcurl reported the failure.
    public let curlCode: Int32?
    public let method: HTTPMethod
    /// Scheme, host, port and path only.
    public let url: String
    public let attempts: Int
    /// False only when the request certainly never left this host; otherwise the server may have acted on it.
    public let requestMayHaveBeenSent: Bool
    /// libcurl's fixed text for `curlCode` (curl_easy_strerror), which never contains request data.
    let reason: String

    init(
        _ code: Code, curlCode: Int32? = nil, reason: String, method: HTTPMethod, url: String, attempts: Int,
        requestMayHaveBeenSent: Bool
    ) {
        self.code = code
        self.curlCode = curlCode
        self.reason = reason
        self.method = method
        self.url = url
        self.attempts = attempts
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
    }

    public var description: String {
        let curl = curlCode.map { " (curl \($0): \(reason))" } ?? (reason.isEmpty ? "" : " (\(reason))")
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        return "HTTPClientError(\(code)): \(method) \(url) after \(tries)\(curl)"
    }
}
