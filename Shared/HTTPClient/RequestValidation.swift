/// Checks made before libcurl sees a request: only absolute http(s) URLs, and no header that could smuggle
/// extra header lines (CR/LF) or be cut short (NUL) on the wire.
enum RequestValidation {
    static func failure(for request: HTTPRequest) -> TransferFailure? {
        let scheme = request.url.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let host = request.url.host, !host.isEmpty else {
            return TransferFailure(
                code: .invalidURL, curlCode: nil, reason: "not an absolute http(s) URL", requestMayHaveBeenSent: false)
        }
        if request.headers.contains(where: { !isToken($0.name) || $0.value.utf8.contains(where: isForbidden) }) {
            return TransferFailure(
                code: .invalidHeader, curlCode: nil, reason: "a header name or value contains a forbidden character",
                requestMayHaveBeenSent: false)
        }
        return nil
    }

    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") || byte == 0
    }

    /// RFC 9110 §5.6.2 token characters.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
