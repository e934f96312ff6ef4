import Foundation
import Hummingbird
import HummingbirdTesting
@testable import IngestAPI
import Messaging
import Schema
import Testing
import TestSupport

/// A CHIME/FRB JSON notice accepted as a first detection, timed at CHIME's centre frequency from its
/// infinite-frequency time, and checked against the notice's own bottom-of-band time.
@Suite struct CHIMENoticeTests {
    static func notice() throws -> String {
        try String(contentsOf: TestInfrastructure.repositoryRoot.appendingPathComponent("Tests/Fixtures/data/voevents/chime/chime-frb-notice.json"),
                   encoding: .utf8)
    }

    @Test func theNoticeBecomesADetectionTimedAtTheCentreOfTheBand() throws {
        let document = try CHIMENotice.detection(body: Array(try Self.notice().utf8))
        // 4.148808 ms × 1285.5058594 × (0.6⁻² − 0) = 14.8147 s after 20:23:33.576613.
        let infinite = try #require(ISODateTime.parse("2026-06-01T20:23:33.576613Z"))
        let expected = 4.148808e-3 * 1285.5058594 / (0.6 * 0.6)
        #expect(abs(expected - 14.8147) < 1e-3)
        #expect(abs(document.timeOfArrival.timeIntervalSince(infinite) - expected) < 1e-5)
        #expect(document.observation.centreFrequency == 600 && document.observation.bandwidth == 400 && document.observation.backend == "CHIME/FRB")
        #expect(document.observation.samplingTime == 0.983 && document.observation.npol == 2 && document.observation.tsys == 50)
        let m = document.measurement
        #expect(m.ra == 71.82861 && m.dec == 77.5123739 && m.dm == 1285.5058594 && m.dmErr == 0.4043743 && m.sn == 13.0272169)
        #expect(m.raPosError == 2.2329272 && m.version == "CHIME/FRB 1164852195 initial")
        // Degrees of localisation error, arcminutes of beam.
        #expect(abs(document.observation.beamSemiMajorAxis - 2.2329272 * 60) < 1e-9)
    }

    @Test func aBottomOfBandTimeThatDisagreesIsRefusedNamingTheField() throws {
        let shifted = try Self.notice().replacingOccurrences(of: "2026-06-01T20:24:06.914421", with: "2026-06-01T20:24:09.914421")
        #expect(throws: FieldErrors.self) { try CHIMENotice.detection(body: Array(shifted.utf8)) }
        do {
            _ = try CHIMENotice.detection(body: Array(shifted.utf8))
        } catch {
            #expect(error.fields["trigger_time"]?.first?.hasPrefix("Disagrees by -3.005 s with trigger_time_inf_freq dispersed to 400 MHz") == true)
        }
        let broken = try Self.notice().replacingOccurrences(of: "\"snr\": 13.0272169", with: "\"snr\": \"loud\"")
            .replacingOccurrences(of: "400.0,\n        800.0", with: "800.0,\n        400.0")
            .replacingOccurrences(of: "\"alert_type\": \"initial\"", with: "\"alert_type\": \"update\"")
        do {
            _ = try CHIMENotice.detection(body: Array(broken.utf8))
            Issue.record("a broken notice was accepted")
        } catch {
            #expect(Set(error.fields.keys) == ["snr", "spectral_band", "alert_type"])
        }
    }

    @Test func postedNoticeIsAcceptedDurablyAsThreeEvents() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try harness.observer()
        try await application.test(.router) { client in
            let headers: HTTPFields = [.contentType: "application/json", .authorization: harness.basicAuthorization]
            let created = try await client.execute(uri: "/api/v1/frb/chime-notices", method: .post, headers: headers,
                                                   body: ByteBuffer(string: try Self.notice())) { response in
                #expect(response.status == .created)
                return try JSONDecoder().decode(NativeAPITests.Created.self, from: Data(buffer: response.body))
            }
            let events = try await collectDistinct(3, from: observer)
            let observation = try Event<FRBObservationReceived>.decode(
                from: try #require(events.first { $0.routingKey == "frb.observation.received.v1" }).body).data.observation
            #expect(observation.observationId == created.observation_id && observation.backend == "CHIME/FRB")
            // The same notice again (GCN delivers at least once): the first answer, no second FRB.
            try await client.execute(uri: "/api/v1/frb/chime-notices", method: .post, headers: headers,
                                     body: ByteBuffer(string: try Self.notice())) { response in
                #expect(response.status == .created && response.headers[.idempotentReplayed] == "true")
                let replayed = try JSONDecoder().decode(NativeAPITests.Created.self, from: Data(buffer: response.body))
                #expect(replayed == created)
            }
            try await client.execute(uri: "/api/v1/frb/chime-notices", method: .post, headers: headers,
                                     body: ByteBuffer(string: #"{"id": "1", "snr": 9}"#)) { response in
                #expect(response.status == .badRequest)
                let body = String(buffer: response.body)
                #expect(body.contains("\"ra\"") && body.contains("\"trigger_time_inf_freq\""))
            }
        }
        await observer.stop()
        await harness.cleanUp()
    }
}
