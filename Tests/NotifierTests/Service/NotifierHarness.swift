import Foundation
import Messaging
import Schema
import ServiceRuntime
import Simulators
import TestSupport
@testable import Notifier

/// One notifier per test on a private exchange and queue prefix, pointed at the simulators, with a
/// publisher for stored events and an observer of what it reports (`notification.#`, `tns.#`).
struct NotifierHarness {
    let prefix = TestInfrastructure.uniqueName("ntf")
    let configuration: NotifierConfiguration
    let outbox: URL

    init(simulators: SimulatorServer?, slackRoute: String = "bot", retractAfterRejects: Int = 2) throws {
        outbox = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-outbox")
        var yaml = """
            amqp:
              url: \(TestInfrastructure.amqpURL)
              exchange: \(prefix).events
              dead_letter_exchange: \(prefix).dlx
              queue_prefix: \(prefix).
            database:
              url: \(TestInfrastructure.databaseURL)
            log:
              level: warning
            notifier:
              port: 0
              outbox_directory: \(outbox.path)
              retract_after_rejects: \(retractAfterRejects)
              tns_poll_seconds: 1
            """
        if let simulators {
            yaml += slackRoute == "bot" ? """

                slack:
                  bot_token: \(simulators.slack.botToken)
                  channel: C0FRB
                  api_url: \(simulators.slackAPIURL)
                """ : """

                slack:
                  webhook_url: \(simulators.slackWebhookURL)
                """
            yaml += """

                tns:
                  base_url: \(simulators.tnsBaseURL)
                  api_key: \(simulators.tns.apiKey)
                  bot_id: \(simulators.tns.botId)
                  bot_name: \(simulators.tns.botName)
                  reporting_group_id: 58
                  discovery_data_source_id: 58
                  reporter: Burstwire tests
                  instrument_value: 239
                  filter_value: 129
                voevent:
                  brokers: 127.0.0.1:\(simulators.vtpPort)
                  authority: burstwire.test
                  stream: \(prefix)
                """
        }
        configuration = try ConfigurationLoader(environment: [:]).load(NotifierConfiguration.self, yaml: yaml)
    }

    var address: BrokerAddress { get throws { try configuration.amqp.brokerAddress() } }
    var topology: BrokerTopology { ServiceQueues.topology(configuration.amqp) }

    func publisher() throws -> EventPublisher {
        EventPublisher(configuration: .init(address: try address, topology: topology))
    }

    /// Declared before it returns, so nothing published afterwards can miss it.
    func observer() async throws -> EventConsumer {
        let observed = BrokerTopology(exchange: topology.exchange, deadLetterExchange: topology.deadLetterExchange,
                                      queues: [.init(name: "\(prefix).observer", bindings: ["notification.#", "tns.#"])])
        try await observed.declare(at: try address)
        return EventConsumer(configuration: .init(address: try address, queue: "\(prefix).observer", topology: observed, prefetch: 200))
    }

    func message<P: EventPayload>(_ payload: P, id: String = UUID().uuidString.lowercased()) throws -> OutgoingMessage {
        let event = Event(id: id, source: "/tests", data: payload)
        return OutgoingMessage(exchange: topology.exchange, routingKey: event.type.rawValue, body: try event.encode(), messageID: event.id)
    }

    func cleanUp() async {
        try? FileManager.default.removeItem(at: outbox)
        guard let admin = try? BrokerAdmin(address: address) else { return }
        for queue in topology.queues + [.init(name: "\(prefix).observer", bindings: [])] {
            try? await admin.deleteQueue(queue.name)
            try? await admin.deleteQueue(queue.deadLetterQueue)
        }
    }

    /// A first (or later) measurement of a fresh FRB, as catalog-store publishes it.
    static func stored(frbId: Int64, measurementId: Int64, first: Bool, error: Double = 0.05) -> FRBMeasurementStored {
        let measurement = RadioMeasurement(
            measurementId: measurementId, frbId: frbId, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s",
            decDms: "26d03m38.504s", raPosError: error, decPosError: error, gl: 177.7677, gb: -8.5231, source: .multibeam,
            version: "v1.0", dm: 411, dmErr: 1, sn: 50, width: 5, z: 0.0982, rm: -613, rmErr: 2, fluence: 45, fluenceErr: 5,
            flux: 35, fluxErr: 3, receivedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(measurementId % 1000)))
        let observation = FRBObservation(
            observationId: frbId, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1,
            bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50, backend: "Multibeam", beam: 1)
        let frb = FRBRecord(frbId: frbId, observationId: frbId, timeOfArrival: Date(timeIntervalSince1970: 1_510_921_298.87), repeater: false)
        let base = "https://burstwire.example/media/candidates/\(frbId)"
        return FRBMeasurementStored(measurement: measurement, frb: frb, observation: observation, isFirstMeasurement: first,
                                    imageUrls: FRBImageURLs(search: base + "/search.png", image: base + "/image.png", histogram: base + "/histogram.png"))
    }

    static func freshId() -> Int64 { Int64.random(in: 1_000_000_000...9_000_000_000_000) }
}

/// Collects `count` messages (acking them) from the observer.
func collect(_ count: Int, from consumer: EventConsumer, within limit: Duration = .seconds(30)) async throws -> [IncomingMessage] {
    try await withTimeout(limit, "\(count) notifier events") {
        var received: [IncomingMessage] = []
        for await message in consumer.messages {
            consumer.ack(message)
            received.append(message)
            if received.count == count { break }
        }
        return received
    }
}
