/// Why a request to the Slack interactivity endpoint was not accepted as coming from Slack. The
/// service answers all of them with 401; the cases are distinct so logs and tests can tell a
/// misconfigured proxy (missing headers) from a replay or a forgery.
///
/// No case carries the signing secret or the expected signature: the expected signature of a body is
/// itself a valid credential for that body.
public enum SlackVerificationError: Error, Equatable, CustomStringConvertible {
    /// A required header was absent or empty; the associated value is its name.
    case missingHeader(String)
    /// `X-Slack-Request-Timestamp` is not a Unix time in whole seconds.
    case malformedTimestamp
    /// The request was signed longer ago than the tolerance allows: a possible replay.
    case replayed(ageSeconds: Int64)
    /// The request claims a time further ahead than the tolerance allows.
    case fromTheFuture(aheadSeconds: Int64)
    /// `X-Slack-Signature` is not `v0=<64 hex digits>` or does not match the body.
    case badSignature

    public static let timestampHeader = "X-Slack-Request-Timestamp"
    public static let signatureHeader = "X-Slack-Signature"

    public var description: String {
        switch self {
        case .missingHeader(let name):
            "The \(name) header is missing."
        case .malformedTimestamp:
            "\(Self.timestampHeader) is not a Unix time in seconds."
        case .replayed(let age):
            "The request was signed \(age) s ago, outside the replay window."
        case .fromTheFuture(let ahead):
            "The request's timestamp is \(ahead) s in the future, outside the replay window."
        case .badSignature:
            "\(Self.signatureHeader) does not match the request body."
        }
    }
}
