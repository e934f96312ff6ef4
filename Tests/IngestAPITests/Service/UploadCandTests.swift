import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import IngestAPI
import Messaging
import Schema
import Testing
import TestSupport

/// upload_cand.py's exact request sequence (python-requests, the example YAMLs and PNGs) against a
/// live ingest-api: `--first`, then `--update`; every answer as the client expects it, every event on
/// the queue decodes to its schema type with the uploaded values.
@Suite struct UploadCandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func uploadCand(_ arguments: [String], port: Int, harness: IngestHarness) async throws -> ProcessResult {
        try await runProcess(["python3", Self.fixtures.appendingPathComponent("upload_cand_requests.py").path, "http://127.0.0.1:\(port)"] + arguments,
                       environment: ["FRB_USER": harness.username, "FRB_PASS": harness.password])
    }

    @Test func firstDetectionThenUpdate() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try await harness.observer()
        let observation = Self.fixtures.appendingPathComponent("observation_example.yaml").path
        let radio = Self.fixtures.appendingPathComponent("radio_example.yaml").path
        try await application.test(.live) { client in
            let port = try #require(client.port)
            let first = try await uploadCand(["--first", observation, radio], port: port, harness: harness)
            #expect(first.status == 0, "\(first.standardError)")
            let frbId = try #require(Int64(first.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(first.standardError.contains("radio_measurement_create 201"))

            let events = try await collect(3, from: observer)
            #expect(events.map(\.routingKey) == ["frb.observation.received.v1", "frb.event.received.v1", "frb.measurement.received.v1"])
            for event in events {
                #expect(try EventSchemas.violations(of: event.body, type: event.routingKey).isEmpty, "\(event.routingKey)")
            }
            let observationEvent = try Event<FRBObservationReceived>.decode(from: events[0].body).data.observation
            #expect(observationEvent.nchan == 3000 && observationEvent.beamRotationAngle == 45 && observationEvent.backend == "Multibeam" && observationEvent.beam == 1)
            let frb = try Event<FRBEventReceived>.decode(from: events[1].body).data.frb
            #expect(frb.frbId == frbId && frb.observationId == observationEvent.observationId && frb.repeater)
            #expect(EventTimestamp.string(from: frb.timeOfArrival) == "2017-11-17T12:21:38.870Z")
            let png = try Data(contentsOf: Self.fixtures.appendingPathComponent("example_search.png"))
            #expect(frb.images.search?.sha256 == SHA256.hash(data: png).map { String(format: "%02x", $0) }.joined())
            #expect(frb.images.search?.originalFilename == "example_search.png")
            let measurement = try Event<FRBMeasurementReceived>.decode(from: events[2].body).data.measurement
            #expect(measurement.frbId == frbId && measurement.dm == 411 && measurement.source == .multibeam && measurement.version == "v1.0")
            #expect(measurement.raHms == "5h08m03.5077008s" && measurement.raPosError == 0.05 && measurement.gl == 177.76768559169042)
            #expect(measurement.z == 0.0982 && measurement.rm == -613 && measurement.rmErr == 2 && measurement.fluence == 45)

            // The stored image is served back with its content type, as Slack fetches it.
            let path = try #require(frb.images.search?.path)
            try await client.execute(uri: "/media/\(path)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(Data(buffer: response.body) == png)
            }

            let update = try await uploadCand(["--update", String(frbId), radio], port: port, harness: harness)
            #expect(update.status == 0 && update.standardOutput.isEmpty)
            #expect(update.standardError.contains("radio_measurement_create 201"))
            let later = try await collect(1, from: observer)
            let second = try Event<FRBMeasurementReceived>.decode(from: later[0].body).data.measurement
            #expect(second.frbId == frbId && second.measurementId > measurement.measurementId)
        }
        await observer.stop()
        await harness.cleanUp()
    }
}
