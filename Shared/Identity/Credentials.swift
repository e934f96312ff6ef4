import Foundation

/// What a request presented in its Authorization header. Parsing accepts what FRB_candidates_app's clients
/// send: HTTP Basic (upload_cand.py) and DRF's `Token <key>` as well as `Bearer <token>`.
/// Its descriptions redact the password and token, so logging one by mistake leaks nothing.
public enum Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    case basic(username: String, password: String)
    case bearer(token: String)

    /// Parses an Authorization header; nil when absent or malformed (both mean "not authenticated").
    /// Basic credentials decode as UTF-8, falling back to Latin-1 as DRF does.
    public static func parse(authorization: String?) -> Credentials? {
        guard let header = authorization?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let value = String(parts[1])
        switch parts[0].lowercased() {
        case "basic":
            return parseBasic(value)
        case "bearer", "token":
            return .bearer(token: value)
        default:
            return nil
        }
    }

    private static func parseBasic(_ encoded: String) -> Credentials? {
        guard let data = Data(base64Encoded: encoded) else { return nil }
        let decoded = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1)
        guard let decoded, let colon = decoded.firstIndex(of: ":") else { return nil }
        return .basic(username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
    }

    public var description: String {
        switch self {
        case .basic(let username, _): "Credentials.basic(username: \(username), password: <redacted>)"
        case .bearer: "Credentials.bearer(token: <redacted>)"
        }
    }

    public var debugDescription: String { description }
}
