import Foundation

/// The Slack samples copied into Tests/IngestAPITests/Fixtures, and Slack's form encoding for building bodies.
enum SlackFixture {
    /// A signing test vector: a secret, a timestamp, a raw body and the signature Slack would send.
    struct SignatureVector: Decodable {
        let signingSecret: String
        let timestamp: String
        let body: String
        let expectedSignature: String

        enum CodingKeys: String, CodingKey {
            case signingSecret = "signing_secret", timestamp, body, expectedSignature = "expected_signature"
        }
    }

    static func data(_ name: String) throws -> Data {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        return try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    static func vector(_ name: String) throws -> SignatureVector {
        try JSONDecoder().decode(SignatureVector.self, from: data(name))
    }

    /// `payload=<json>` encoded as Slack encodes forms: unreserved bytes kept, space as `+`, the rest `%XX`.
    static func formBody(payload json: some Sequence<UInt8>) -> [UInt8] {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var body = Array("payload=".utf8)
        for byte in json {
            if unreserved.contains(byte) {
                body.append(byte)
            } else if byte == UInt8(ascii: " ") {
                body.append(UInt8(ascii: "+"))
            } else {
                body += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return body
    }
}
