/// Why a request body could not be read as a form. The two cases map to different answers:
/// an unsupported content type is a 415, a damaged body a 400.
public enum FormDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The content type is neither form encoding; the payload names what was sent.
    case unsupportedMediaType(String?)
    /// The body does not follow its declared encoding.
    case malformed(String)

    /// The media types `FormDecoder` reads, in the order error messages list them.
    public static let acceptedMediaTypes = ["application/x-www-form-urlencoded", "multipart/form-data"]

    public var description: String {
        switch self {
        case .unsupportedMediaType(let contentType):
            let sent = contentType.map { "\"\($0)\"" } ?? "a body without Content-Type"
            return "Unsupported media type \(sent) in request. Send "
                + FormDecodingError.acceptedMediaTypes.joined(separator: " or ") + "."
        case .malformed(let reason):
            return "Malformed form body: \(reason)."
        }
    }
}
