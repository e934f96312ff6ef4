/// A configuration value that must never be logged or printed (passwords, API keys, webhook URLs).
/// Its description is always `<redacted>`; read `value` only where the secret is used.
public struct Secret: Decodable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
