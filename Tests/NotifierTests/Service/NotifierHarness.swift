import Foundation
import Messaging
import Schema
import ServiceRuntime
import Simulators
import TestSupport
@testable import Notifier

/// One notifier per test on its own `TestBus`, pointed at the simulators, with a publisher for stored
/// events and an observer of what it reports.
struct NotifierHarness {
    let bus = TestBus("ntf")
    /// The configuration as YAML, for a notifier run as its own process.
    let yaml: String
    let configuration: NotifierConfiguration
    let outbox: URL

    init(simulators: SimulatorServer?, slackRoute: String = "bot", retractAfterRejects: Int = 2) throws {
        outbox = FileManager.default.temporaryDirectory.appendingPathComponent("\(bus.prefix)-outbox")
        var yaml = bus.yaml() + """

            notifier:
              port: 0
              outbox_directory: \(outbox.path)
              retract_after_rejects: \(retractAfterRejects)
              tns_poll_seconds: 1
              tns_processing_seconds: 2
            """
        if let simulators {
            yaml += "\n" + simulators.destinationsYAML(slackBot: slackRoute == "bot", stream: bus.prefix)
        }
        self.yaml = yaml
        configuration = try ConfigurationLoader(environment: [:]).load(NotifierConfiguration.self, yaml: yaml)
    }

    var prefix: String { bus.prefix }
    var address: BrokerAddress { get throws { try configuration.amqp.brokerAddress() } }
    var topology: BrokerTopology { ServiceQueues.topology(configuration.amqp) }

    func publisher() throws -> EventPublisher {
        EventPublisher(configuration: .init(address: try address, topology: topology))
    }

    /// What the notifier reports.
    func observer() async throws -> EventConsumer {
        try await bus.observer(bindings: ["notification.#", "tns.#"], prefetch: 200)
    }

    func message<P: EventPayload>(_ payload: P, id: String = UUID().uuidString.lowercased()) throws -> OutgoingMessage {
        try bus.message(payload, id: id)
    }

    func cleanUp() async {
        try? FileManager.default.removeItem(at: outbox)
        await bus.cleanUp(topology)
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
