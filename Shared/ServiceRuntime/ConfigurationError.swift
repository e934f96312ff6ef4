/// A configuration problem found at start-up. It names the key (and the environment variable that
/// would set it) so an operator can fix it at once; it never repeats the offending value, which may be secret.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// Dotted snake_case key path, e.g. `amqp.url`.
    public let key: String
    public let reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    /// The environment variable that overrides this key.
    public var environmentVariable: String {
        "BURSTWIRE_" + key.replacingOccurrences(of: ".", with: "_").uppercased()
    }

    public var description: String {
        key.isEmpty ? "configuration: \(reason)" : "configuration key \(key) (\(environmentVariable)): \(reason)"
    }
}
