import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import IngestAPI
import Messaging
import Schema
import Testing
import TestSupport

/// Slack callbacks are accepted only when signed with the app's secret and fresh; YSE-PZ uploads get
/// an honest per-item answer and publish only what validated.
@Suite struct SlackAndTransientRouteTests {
    static let secret = "8f742231b10e8888abcd99yyyzzz85a5"

    func signed(_ body: [UInt8], timestamp: Int, secret: String = secret) -> HTTPFields {
        let base = Array("v0:\(timestamp):".utf8) + body
        let mac = HMAC<SHA256>.authenticationCode(for: base, using: SymmetricKey(data: Array(secret.utf8)))
        return [.contentType: "application/x-www-form-urlencoded", .slackRequestTimestamp: String(timestamp),
                .slackSignature: "v0=" + mac.map { String(format: "%02x", $0) }.joined()]
    }

    @Test func signedRatingIsPublishedForgedAndReplayedAreNot() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try await harness.observer()
        let payload = try SlackFixture.data("block_actions_payload_example.json")
        let body = SlackFixture.formBody(payload: payload)
        let now = Int(Date().timeIntervalSince1970)
        try await application.test(.router) { client in
            try await client.execute(uri: "/slack/actions", method: .post, headers: signed(body, timestamp: now), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/slack_get_rating/", method: .post, headers: signed(body, timestamp: now), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/slack/actions", method: .post, headers: signed(body, timestamp: now, secret: "not-the-secret"),
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/slack/actions", method: .post, headers: signed(body, timestamp: now - 360),
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .unauthorized)
            }
            var tampered = body
            tampered[tampered.count - 3] ^= 0x01
            try await client.execute(uri: "/slack/actions", method: .post, headers: signed(body, timestamp: now), body: ByteBuffer(bytes: tampered)) { response in
                #expect(response.status == .unauthorized)
            }
        }
        let events = try await collect(2, from: observer)
        #expect(try EventSchemas.violations(of: events[0].body, type: events[0].routingKey).isEmpty)
        let rating = try Event<SlackRatingReceived>.decode(from: events[0].body).data
        #expect(events.allSatisfy { $0.routingKey == "slack.rating.received.v1" })
        #expect(rating.frbId > 0 && !rating.slackUserId.isEmpty)
        await #expect(throws: TimedOut.self) { _ = try await collect(1, from: observer, within: .seconds(1)) }
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func transientUploadAnswersPerItem() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try await harness.observer()
        let upload = """
            {"noupdatestatus": true,
             "2026abc": {"name": "2026abc", "ra": 150.1, "dec": -20.5, "obs_group": "ZTF", "status": "New", "disc_date": "2026-11-20T03:04:05",
                         "transientphotometry": {"ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "mjdmatchmin": 0.01, "clobber": false,
                            "photdata": {"2026-11-20T03:04:05": {"obs_date": "2026-11-20T03:04:05", "band": "g", "mag": 19.1, "mag_err": 0.1,
                                                                   "flux": null, "flux_err": null, "data_quality": 0, "diffim": 1, "forced": 0, "discovery_point": 1}}}}},
             "2026bad": {"name": "2026bad", "ra": 400, "dec": 10, "obs_group": "ZTF", "status": "New", "disc_date": "2026-11-20T03:04:05"}}
            """
        try await application.test(.router) { client in
            try await client.execute(uri: "/add_transient/", method: .post,
                                     headers: [.contentType: "application/json", .authorization: harness.basicAuthorization],
                                     body: ByteBuffer(string: upload)) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(object?["status"] as? String == "partial")
                let transients = object?["transients"] as? [String: [String: Any]]
                #expect(transients?["2026abc"]?["status"] as? String == "accepted")
                #expect(transients?["2026bad"]?["status"] as? String == "rejected")
                #expect((transients?["2026bad"]?["errors"] as? [String: String])?["ra"] != nil)
            }
            try await client.execute(uri: "/add_transient/", method: .post,
                                     headers: [.contentType: "application/json", .authorization: harness.basicAuthorization],
                                     body: ByteBuffer(string: "[1, 2]")) { response in
                #expect(response.status == .badRequest)
            }
        }
        let events = try await collect(1, from: observer)
        #expect(try EventSchemas.violations(of: events[0].body, type: events[0].routingKey).isEmpty)
        let payload = try Event<TransientUploadReceived>.decode(from: events[0].body).data
        #expect(Set(payload.transients.keys) == ["2026abc"])
        await observer.stop()
        await harness.cleanUp()
    }
}
