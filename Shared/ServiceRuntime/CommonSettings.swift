import Logging
import Messaging

/// The broker section shared by every service (`amqp:` in the YAML file).
public struct AMQPSettings: Decodable, Sendable {
    /// `amqp://user:password@host:port/vhost`; secret because it carries the password.
    public var url: Secret
    public var exchange: String?
    public var deadLetterExchange: String?
    public var confirmTimeoutMs: Int?
    public var prefetch: Int?
    /// Prepended to every queue name, so several suites (or test runs) can share one broker.
    public var queuePrefix: String?

    public func brokerAddress() throws -> BrokerAddress {
        do {
            return try BrokerAddress(url: url.value)
        } catch {
            throw ConfigurationError(key: "amqp.url", reason: "must be amqp://user:password@host:port/vhost")
        }
    }

    public var confirmTimeout: Duration { .milliseconds(confirmTimeoutMs ?? 5000) }
}

/// The PostgreSQL section (`database:`).
public struct DatabaseSettings: Decodable, Sendable {
    /// libpq connection string or postgres:// URL; secret because it may carry the password.
    public var url: Secret
    public var maxConnections: Int?
}

/// Where a service's HTTP endpoint (its API or just health and metrics) listens (`http:`).
public struct HTTPSettings: Decodable, Sendable {
    public var host: String
    public var port: Int
}

/// Log verbosity (`log:`): trace, debug, info, notice, warning, error or critical.
public struct LogSettings: Decodable, Sendable {
    public var level: String

    public func logLevel() throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: level.lowercased()) else {
            throw ConfigurationError(key: "log.level", reason: "must be one of trace, debug, info, notice, warning, error, critical")
        }
        return level
    }
}
