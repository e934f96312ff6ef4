import Foundation
import Hummingbird
import HummingbirdTesting
@testable import IngestAPI
import Messaging
import Schema
import Testing
import TestSupport

/// The native API: a whole first detection in one request (JSON, YAML or multipart), later
/// measurements, and Idempotency-Key replays that never create duplicates.
@Suite struct NativeAPITests {
    static func detectionJSON(withImage: Bool) throws -> String {
        let png = try IngestHarness.fixture("example_image.png").base64EncodedString()
        let images = withImage ? #", "images": {"image": {"filename": "example_image.png", "data_base64": "\#(png)"}}"# : ""
        return """
            {"observation": {"beam_semi_major_axis": 0.2, "beam_semi_minor_axis": 0.3, "beam_rotation_angle": 45, "sampling_time": 0.1,
              "bandwidth": 300, "nchan": 3000, "centre_frequency": 1400, "npol": 2, "bits_per_sample": 8, "gain": 3, "tsys": 50,
              "backend": "Multibeam", "beam": 1},
             "radio": {"time_of_arrival": "2017-11-17T12:21:38.87", "repeater": true, "dm": 411.0, "dm_err": 1.0, "ra": 77.01461542,
              "ra_err": 0.05, "dec": 26.06069556, "dec_err": 0.05, "sn": 50, "width": 5, "flux": 35, "flux_err": 3, "source": "MB",
              "version": "v1.0", "dmism": 123.16007817568256, "cosmo": "Planck18", "eellipse": {"a": 0.004, "b": 0.004, "cl": 68.0, "theta": 0.0},
              "z": 0.0982}\(images)}
            """
    }

    struct Created: Decodable, Equatable {
        let observation_id: Int64
        let frb_id: Int64
        let measurement_id: Int64
        let image_urls: [String: String]?
    }

    func headers(_ harness: IngestHarness, _ contentType: String, key: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType, .authorization: harness.basicAuthorization]
        if let key { headers[.idempotencyKey] = key }
        return headers
    }

    @Test func wholeDetectionInOneRequestKeepsTheDroppedKeys() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try await harness.observer()
        try await application.test(.router) { client in
            let created = try await client.execute(uri: "/api/v1/frb/detections", method: .post, headers: headers(harness, "application/json"),
                                                   body: ByteBuffer(string: try Self.detectionJSON(withImage: true))) { response in
                #expect(response.status == .created)
                return try JSONDecoder().decode(Created.self, from: Data(buffer: response.body))
            }
            #expect(created.image_urls?["image"]?.hasPrefix("https://burstwire.example/media/candidates/") == true)
            let events = try await collectDistinct(3, from: observer)
            for event in events {
                #expect(try EventSchemas.violations(of: event.body, type: event.routingKey).isEmpty, "\(event.routingKey)")
            }
            // Picked by type, not position: the contract is at-least-once, not an order across a batch.
            let measurement = try Event<FRBMeasurementReceived>.decode(
                from: try #require(events.first { $0.routingKey == "frb.measurement.received.v1" }).body).data.measurement
            #expect(measurement.measurementId == created.measurement_id && measurement.frbId == created.frb_id)
            #expect(measurement.dmism == 123.16007817568256 && measurement.cosmo == "Planck18" && measurement.z == 0.0982)
            #expect(measurement.errorEllipse == ErrorEllipse(a: 0.004, b: 0.004, cl: 68, theta: 0))
            #expect(measurement.raHms.hasPrefix("5h08m03.507") && measurement.decDms.hasPrefix("26d03m38.50"))
            #expect(abs(measurement.gl - 177.76768559169042) < 1e-4)
            let frb = try Event<FRBEventReceived>.decode(from: try #require(events.first { $0.routingKey == "frb.event.received.v1" }).body).data.frb
            #expect(frb.images.image != nil && frb.images.search == nil)

            let yaml = """
                dm: 500.5
                dm_err: 0.5
                ra: 77.02
                ra_err: 0.01
                dec: 26.07
                dec_err: 0.01
                sn: 60
                width: 4
                flux: 30
                flux_err: 2
                source: HT
                version: v2.0
                """
            try await client.execute(uri: "/api/v1/frb/\(created.frb_id)/measurements", method: .post,
                                     headers: headers(harness, "application/yaml"), body: ByteBuffer(string: yaml)) { response in
                #expect(response.status == .created)
            }
            let later = try await collectDistinct(1, from: observer, after: Set(events.map(\.messageID)))
            let added = try Event<FRBMeasurementReceived>.decode(from: later[0].body).data.measurement
            #expect(added.frbId == created.frb_id && added.source == .highTimeResolution && added.dm == 500.5)
            try await client.execute(uri: "/api/v1/frb/987654321/measurements", method: .post,
                                     headers: headers(harness, "application/yaml"), body: ByteBuffer(string: yaml)) { response in
                #expect(response.status == .notFound)
            }
        }
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func idempotencyKeyReplaysWithoutDuplicates() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try await harness.observer()
        let key = UUID().uuidString
        let body = try Self.detectionJSON(withImage: false)
        try await application.test(.router) { client in
            let first = try await client.execute(uri: "/api/v1/frb/detections", method: .post, headers: headers(harness, "application/json", key: key),
                                                 body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                return try JSONDecoder().decode(Created.self, from: Data(buffer: response.body))
            }
            let again = try await client.execute(uri: "/api/v1/frb/detections", method: .post, headers: headers(harness, "application/json", key: key),
                                                 body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                #expect(response.headers[.idempotentReplayed] == "true")
                return try JSONDecoder().decode(Created.self, from: Data(buffer: response.body))
            }
            #expect(first == again)
            try await client.execute(uri: "/api/v1/frb/detections", method: .post, headers: headers(harness, "application/json", key: key),
                                     body: ByteBuffer(string: body.replacingOccurrences(of: "411.0", with: "412.0"))) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
        _ = try await collect(3, from: observer)
        await #expect(throws: TimedOut.self) { _ = try await collect(1, from: observer, within: .seconds(2)) }
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func invalidDocumentsNameTheField() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        try await application.test(.router) { client in
            let bad = try Self.detectionJSON(withImage: false).replacingOccurrences(of: "\"dec\": 26.06069556", with: "\"dec\": 95")
            try await client.execute(uri: "/api/v1/frb/detections", method: .post, headers: headers(harness, "application/json"),
                                     body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .badRequest)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
                let fields = object?["error"]?["fields"] as? [String: [String]]
                #expect(fields?["radio.dec"]?.isEmpty == false)
            }
            try await client.execute(uri: "/api/v1/frb/detections", method: .post, headers: headers(harness, "text/plain"),
                                     body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .badRequest)
            }
        }
        await harness.cleanUp()
    }
}
