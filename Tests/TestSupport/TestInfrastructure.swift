import Foundation
import Messaging
import Database

/// Where the tests find the real broker and database that `scripts/infra up` started.
/// `scripts/test` exports both variables; the defaults match `scripts/infra`'s ports.
public enum TestInfrastructure {
    public static var amqpURL: String {
        ProcessInfo.processInfo.environment["BURSTWIRE_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:56720/"
    }

    public static var databaseURL: String {
        ProcessInfo.processInfo.environment["BURSTWIRE_DATABASE_URL"] ?? "host=127.0.0.1 port=54320 user=postgres dbname=burstwire"
    }

    public static var brokerAddress: BrokerAddress {
        get throws { try BrokerAddress(url: amqpURL) }
    }

    /// The repository root, for scripts and checked-in fixtures.
    public static var repositoryRoot: URL {
        if let root = ProcessInfo.processInfo.environment["BURSTWIRE_REPO_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A name unique to one test run, so tests sharing the broker and database never collide.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}
