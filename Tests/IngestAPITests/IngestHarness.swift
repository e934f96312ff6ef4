import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
@testable import IngestAPI
import Messaging
import Schema
import ServiceRuntime
import TestSupport

/// One ingest-api per test, wired to the real broker and database, on a private exchange and queue
/// prefix so tests run in parallel; a consumer on its catalog-store queue shows what was published.
struct IngestHarness {
    let bus = TestBus("it")
    var prefix: String { bus.prefix }
    let configuration: IngestConfiguration
    let mediaDirectory: URL
    let username: String
    let password = "correct horse battery staple"

    init(confirmTimeoutMs: Int = 5000, amqpURL: String? = nil, maxBodyBytes: Int = 78_643_200) throws {
        username = TestInfrastructure.uniqueName("pipeline")
        mediaDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(bus.prefix)
        let yaml = bus.yaml(amqp: ["confirm_timeout_ms: \(confirmTimeoutMs)"], amqpURL: amqpURL ?? TestInfrastructure.amqpURL) + """

            ingest:
              host: 127.0.0.1
              port: 0
              vtp_port: 0
              media_directory: \(mediaDirectory.path)
              public_base_url: https://burstwire.example
              slack_signing_secret: 8f742231b10e8888abcd99yyyzzz85a5
              credential_cache_seconds: 60
              max_body_bytes: \(maxBodyBytes)
            """
        configuration = try ConfigurationLoader(environment: [:]).load(IngestConfiguration.self, yaml: yaml)
    }

    var catalogQueue: String { "\(prefix).catalog-store" }

    func observer() throws -> EventConsumer {
        EventConsumer(configuration: .init(address: try configuration.amqp.brokerAddress(), queue: catalogQueue,
                                           topology: ServiceQueues.topology(configuration.amqp), prefetch: 500))
    }

    var basicAuthorization: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// Builds the application and adds the harness user with the given scopes.
    func build(scopes: Set<Scope> = [.ingest, .read]) async throws -> (some ApplicationProtocol, IngestServices) {
        let (application, services) = try await buildApplication(configuration: configuration)
        _ = try await services.identities.addUser(username: username, password: password, scopes: scopes)
        return (application, services)
    }

    func cleanUp() async {
        let admin = BrokerAdmin(address: (try? configuration.amqp.brokerAddress()) ?? BrokerAddress())
        for queue in ServiceQueues.topology(configuration.amqp).queues {
            try? await admin.deleteQueue(queue.name)
            try? await admin.deleteQueue(queue.deadLetterQueue)
        }
        try? FileManager.default.removeItem(at: mediaDirectory)
    }

    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try Data(contentsOf: url)
    }
}

/// Collects `count` events not seen before (by id), as a deduplicating consumer does: a publish retried
/// under load may deliver a batch twice, which at-least-once delivery allows.
func collectDistinct(_ count: Int, from consumer: EventConsumer, after seen: Set<String> = [],
                     within limit: Duration = .seconds(15)) async throws -> [IncomingMessage] {
    try await withTimeout(limit, "\(count) distinct events") {
        var ids = seen
        var received: [IncomingMessage] = []
        for await message in consumer.messages {
            consumer.ack(message)
            if ids.insert(message.messageID).inserted { received.append(message) }
            if received.count == count { break }
        }
        return received
    }
}
