import Foundation
import ServiceRuntime

/// What the notifier reads from `config/burstwire.yaml`: `amqp`, `database`, `log`, `notifier`, and one
/// section per destination (`slack`, `tns`, `voevent`). A destination left unconfigured is not an error:
/// its deliveries go to the outbox directory instead, so the suite runs anywhere.
public struct NotifierConfiguration: ServiceConfiguration {
    /// The `notifier:` section.
    public struct Notifier: Decodable, Sendable {
        /// HTTP listen address of health and metrics.
        public var host: String?
        public var port: Int?
        /// Where deliveries to unconfigured destinations are written.
        public var outboxDirectory: String?
        /// Public base URL of the catalogue's pages, for "open in the catalogue" links (e.g. https://frb.example.org).
        public var catalogUrl: String?
        /// A rejected FRB's VOEvent is retracted once it has at least this many rejects and more rejects than confirms.
        public var retractAfterRejects: Int?
        /// Seconds between passes over TNS reports still waiting for their name.
        public var tnsPollSeconds: Int?
        /// How long TNS may take to process a report; a report whose fate is unknown (a crash, a 5xx) is
        /// searched for by internal name only after this, before it is sent again.
        public var tnsProcessingSeconds: Int?
    }

    /// The `slack:` section (`BURSTWIRE_SLACK_WEBHOOK_URL`, `_BOT_TOKEN`, `_CHANNEL`, `_API_URL`).
    public struct Slack: Decodable, Sendable {
        public var webhookUrl: Secret?
        /// With a bot token, messages go through chat.postMessage, which returns the `ts` thread replies need.
        public var botToken: Secret?
        public var channel: String?
        /// Base URL of the Slack Web API.
        public var apiUrl: String?
    }

    /// The `tns:` section (`BURSTWIRE_TNS_BASE_URL`, `_BOT_ID`, `_BOT_NAME`, `_API_KEY`, ...).
    public struct TNS: Decodable, Sendable {
        public var apiKey: Secret?
        var settings: TNSSettings

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            apiKey = try container.decodeIfPresent(Secret.self, forKey: .apiKey)
            settings = try TNSSettings(from: decoder)
        }

        private enum Keys: String, CodingKey {
            case apiKey
        }
    }

    /// The `voevent:` section: IVORN, author and role of our VOEvents, and the brokers they go to.
    public struct VOEvent: Decodable, Sendable {
        /// `host:port` of each VTP broker, separated by commas or spaces (`BURSTWIRE_VOEVENT_BROKERS`).
        public var brokers: String?
        var settings: VOEventSettings

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            brokers = try container.decodeIfPresent(String.self, forKey: .brokers)
            settings = try VOEventSettings(from: decoder)
        }

        private enum Keys: String, CodingKey {
            case brokers
        }
    }

    public var amqp: AMQPSettings
    public var database: DatabaseSettings
    public var log: LogSettings
    public var notifier: Notifier?
    public var slack: Slack?
    public var tns: TNS?
    public var voevent: VOEvent?

    public var host: String { notifier?.host ?? "127.0.0.1" }
    public var port: Int { notifier?.port ?? 8002 }
    public var outboxDirectory: String { notifier?.outboxDirectory ?? ".run/outbox" }
    public var retractAfterRejects: Int { max(1, notifier?.retractAfterRejects ?? 2) }
    public var tnsPollInterval: Duration { .seconds(max(1, notifier?.tnsPollSeconds ?? 2)) }
    public var tnsProcessingSeconds: TimeInterval { TimeInterval(max(0, notifier?.tnsProcessingSeconds ?? 60)) }

    /// The brokers as (host, port) pairs; an entry that is not `host:port` is a configuration error.
    public func voeventBrokers() throws -> [VTPBrokerAddress] {
        let entries = (voevent?.brokers ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return try entries.enumerated().map { index, entry in
            guard let colon = entry.lastIndex(of: ":"), let port = Int(entry[entry.index(after: colon)...]), (1...65535).contains(port),
                  colon > entry.startIndex else {
                throw ConfigurationError(key: "voevent.brokers", reason: "entry \(index + 1) is not host:port")
            }
            return VTPBrokerAddress(host: String(entry[..<colon]), port: port)
        }
    }
}

/// A VTP broker to send our VOEvents to.
public struct VTPBrokerAddress: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public var description: String { "\(host):\(port)" }
}
