import Foundation
import Messaging
import Schema
import ServiceRuntime
import TestSupport
@testable import CatalogStore

/// One catalog-store per test on its own `TestBus`, with a publisher for input events and an observer
/// of what the catalogue publishes.
struct CatalogHarness {
    let bus = TestBus("cat")
    /// The configuration as YAML, for a catalog-store run as its own process.
    let yaml: String
    let configuration: CatalogConfiguration

    init(orphanRetrySeconds: Int = 30, prefetch: Int = 500, batchSize: Int = 200) throws {
        yaml = bus.yaml(amqp: ["prefetch: \(prefetch)"]) + """

            catalog:
              port: 0
              media_base_url: https://burstwire.example/media
              orphan_retry_seconds: \(orphanRetrySeconds)
              batch_size: \(batchSize)
            """
        configuration = try ConfigurationLoader(environment: [:]).load(CatalogConfiguration.self, yaml: yaml)
    }

    var prefix: String { bus.prefix }
    var address: BrokerAddress { get throws { try configuration.amqp.brokerAddress() } }
    var topology: BrokerTopology { ServiceQueues.topology(configuration.amqp) }
    var queue: BrokerTopology.Queue { topology.queues[0] }

    func publisher() throws -> EventPublisher {
        EventPublisher(configuration: .init(address: try address, topology: topology))
    }

    /// Everything the catalogue publishes.
    func observer() async throws -> EventConsumer {
        try await bus.observer(bindings: ["#.stored.*"])
    }

    func message<P: EventPayload>(_ payload: P, id: String = UUID().uuidString.lowercased(), subject: String? = nil) throws -> OutgoingMessage {
        try bus.message(payload, id: id, subject: subject)
    }

    func cleanUp() async {
        await bus.cleanUp(topology)
    }

    /// Ids far from anything else in the shared test database.
    static func freshId() -> Int64 { Int64.random(in: 1_000_000_000...9_000_000_000_000) }

    static func observation(_ id: Int64) -> FRBObservation {
        FRBObservation(observationId: id, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1,
                       bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50,
                       backend: "Multibeam", beam: 1)
    }

    static func frb(_ id: Int64, observation: Int64) -> FRBRecord {
        FRBRecord(frbId: id, observationId: observation, timeOfArrival: Date(timeIntervalSince1970: 1_510_921_298.87), repeater: true,
                  images: FRBImages(search: MediaReference(path: "candidates/ab/abc.png", contentType: "image/png", sha256: "abc", byteCount: 3)))
    }

    static func measurement(_ id: Int64, frb: Int64, dm: Double = 411) -> RadioMeasurement {
        RadioMeasurement(measurementId: id, frbId: frb, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s", decDms: "26d03m38.504s",
                         raPosError: 0.05, decPosError: 0.05, gl: 177.7676, gb: -8.5230, source: .multibeam, version: "v1.0",
                         dm: dm, dmErr: 1, sn: 50, width: 5, z: 0.0982, rm: -613, rmErr: 2, fluence: 45, fluenceErr: 5, flux: 35, fluxErr: 3,
                         dmism: 123.16, cosmo: "Planck18", errorEllipse: ErrorEllipse(a: 0.004, b: 0.004, cl: 68, theta: 0),
                         receivedAt: Date(timeIntervalSince1970: 1_700_000_000.123))
    }
}
