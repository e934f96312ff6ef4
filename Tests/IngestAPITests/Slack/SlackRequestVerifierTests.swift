import Foundation
@testable import IngestAPI
import Testing

@Suite struct SlackRequestVerifierTests {
    let vector: SlackFixture.SignatureVector
    let verifier: SlackRequestVerifier
    let signedAt: Date

    init() throws {
        vector = try SlackFixture.vector("signature_test_vector_slack_docs.json")
        verifier = SlackRequestVerifier(signingSecret: vector.signingSecret)
        signedAt = Date(timeIntervalSince1970: try #require(TimeInterval(vector.timestamp)))
    }

    @Test func slacksPublishedVectorVerifies() throws {
        try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: vector.expectedSignature, now: signedAt)
    }

    @Test func aCapturedInteractivityRequestVerifies() throws {
        let secret = try SlackFixture.vector("signature_test_vector_example.json").signingSecret
        let request = try SlackFixture.data("interactivity_request_example.http")
        let separator = try #require(request.range(of: Data("\r\n\r\n".utf8)))
        var headers: [String: String] = [:]
        for line in String(decoding: request[..<separator.lowerBound], as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[String(parts[0]).lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let body = [UInt8](request[separator.upperBound...])
        #expect(body.count == Int(headers["content-length"] ?? ""))
        try SlackRequestVerifier(signingSecret: secret).verify(
            body: body, timestamp: headers["x-slack-request-timestamp"], signature: headers["x-slack-signature"],
            now: Date(timeIntervalSince1970: 1_700_000_030))
        guard case .rating(let rating) = try SlackActionPayload.parse(formBody: body) else {
            Issue.record("expected a rating")
            return
        }
        #expect(rating.frbId == 3)
    }

    @Test func oneFlippedBodyByteFails() {
        var body = Array(vector.body.utf8)
        body[40] ^= 0x01
        #expect(throws: SlackVerificationError.badSignature) {
            try verifier.verify(body: body, timestamp: vector.timestamp, signature: vector.expectedSignature, now: signedAt)
        }
    }

    @Test func theWrongSecretFails() {
        let other = SlackRequestVerifier(signingSecret: vector.signingSecret + "x")
        #expect(throws: SlackVerificationError.badSignature) {
            try other.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: vector.expectedSignature, now: signedAt)
        }
    }

    @Test func aSignatureForAnotherTimestampFails() {
        let later = String(Int(vector.timestamp)! + 1)
        #expect(throws: SlackVerificationError.badSignature) {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: later, signature: vector.expectedSignature, now: signedAt)
        }
    }

    @Test func sixMinutesOldIsAReplay() {
        #expect(throws: SlackVerificationError.replayed(ageSeconds: 360)) {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: vector.expectedSignature,
                                now: signedAt.addingTimeInterval(360))
        }
    }

    @Test func sixMinutesInTheFutureFails() {
        #expect(throws: SlackVerificationError.fromTheFuture(aheadSeconds: 360)) {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: vector.expectedSignature,
                                now: signedAt.addingTimeInterval(-360))
        }
    }

    @Test func exactlyFiveMinutesEitherWayIsAccepted() throws {
        for offset in [300.0, -300.0] {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: vector.expectedSignature,
                                now: signedAt.addingTimeInterval(offset))
        }
    }

    @Test func aShorterToleranceIsHonoured() {
        let strict = SlackRequestVerifier(signingSecret: vector.signingSecret, tolerance: .seconds(30))
        #expect(throws: SlackVerificationError.replayed(ageSeconds: 31)) {
            try strict.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: vector.expectedSignature,
                              now: signedAt.addingTimeInterval(31))
        }
    }

    @Test(arguments: [nil, ""])
    func aMissingTimestampHeaderIsNamed(_ timestamp: String?) {
        #expect(throws: SlackVerificationError.missingHeader("X-Slack-Request-Timestamp")) {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: timestamp, signature: vector.expectedSignature, now: signedAt)
        }
    }

    @Test(arguments: [nil, ""])
    func aMissingSignatureHeaderIsNamed(_ signature: String?) {
        #expect(throws: SlackVerificationError.missingHeader("X-Slack-Signature")) {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: signature, now: signedAt)
        }
    }

    @Test(arguments: ["abc", "-1531420618", "+1531420618", "1531420618.5", " 1531420618", "9999999999999999999999"])
    func aTimestampThatIsNotUnixSecondsIsRefused(_ timestamp: String) {
        #expect(throws: SlackVerificationError.malformedTimestamp) {
            try verifier.verify(body: Array(vector.body.utf8), timestamp: timestamp, signature: vector.expectedSignature, now: signedAt)
        }
    }

    @Test func aMalformedSignatureIsABadSignature() {
        let hex = String(vector.expectedSignature.dropFirst(3))
        let signatures: [String] = ["v1=\(hex)", String(vector.expectedSignature.dropLast()), "v0=\(hex.dropLast())g", "v0=\(hex)00"]
        for signature in signatures {
            #expect(throws: SlackVerificationError.badSignature) {
                try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: signature, now: signedAt)
            }
        }
    }

    @Test func anUppercaseHexSignatureIsTheSameSignature() throws {
        let upper = "v0=" + vector.expectedSignature.dropFirst(3).uppercased()
        try verifier.verify(body: Array(vector.body.utf8), timestamp: vector.timestamp, signature: upper, now: signedAt)
    }

    @Test func theSecretAppearsInNoDescription() {
        var dumped = ""
        dump(verifier, to: &dumped)
        let errors: [SlackVerificationError] = [
            .missingHeader("X-Slack-Signature"), .malformedTimestamp, .replayed(ageSeconds: 1), .fromTheFuture(aheadSeconds: 1), .badSignature,
        ]
        let texts = [String(describing: verifier), String(reflecting: verifier), dumped] + errors.map(\.description)
        for text in texts {
            #expect(!text.contains(vector.signingSecret))
            #expect(!text.contains(vector.expectedSignature.dropFirst(3)))
        }
    }
}
