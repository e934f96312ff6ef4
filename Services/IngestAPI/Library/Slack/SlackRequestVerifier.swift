import Crypto
import Foundation

/// Proves that an interactivity request was sent by our Slack app, on the raw body and before any
/// decoding. FRB_candidates_app trusted every POST to `/slack_get_rating/`, so anyone who learned the
/// URL could rate candidates; Slack signs each request and we check that signature.
///
/// Slack sends `X-Slack-Request-Timestamp: <unix seconds>` and `X-Slack-Signature: v0=<hex>`, where the
/// hex is HMAC-SHA256 keyed by the app's signing secret over `v0:{timestamp}:{raw body}`. A request whose
/// timestamp is further than `tolerance` from now is refused even when correctly signed, so a captured
/// request cannot be replayed later. The MAC comparison is constant-time (swift-crypto's).
///
/// Only the derived key is stored, and neither `description` nor `dump` shows it.
public struct SlackRequestVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    private let key: SymmetricKey
    /// The largest accepted distance between the request's timestamp and now, either way.
    public let tolerance: Duration

    public init(signingSecret: String, tolerance: Duration = .seconds(300)) {
        key = SymmetricKey(data: Array(signingSecret.utf8))
        self.tolerance = tolerance
    }

    /// Throws unless `signature` is Slack's signature of `body` at `timestamp` and `timestamp` is within
    /// `tolerance` of `now`. Pass the header values as received (nil when absent) and the body bytes
    /// exactly as received.
    public func verify(body: [UInt8], timestamp: String?, signature: String?, now: Date) throws(SlackVerificationError) {
        guard let timestamp, !timestamp.isEmpty else { throw .missingHeader(SlackVerificationError.timestampHeader) }
        guard let signature, !signature.isEmpty else { throw .missingHeader(SlackVerificationError.signatureHeader) }
        guard let sentAt = Self.unixSeconds(timestamp) else { throw .malformedTimestamp }

        let age = now.timeIntervalSince1970 - Double(sentAt)
        let limit = Double(tolerance.components.seconds) + Double(tolerance.components.attoseconds) / 1e18
        if age > limit { throw .replayed(ageSeconds: Int64(age)) }
        if -age > limit { throw .fromTheFuture(aheadSeconds: Int64(-age)) }

        guard let mac = Self.macBytes(signature) else { throw .badSignature }
        var message = Array("v0:\(timestamp):".utf8)
        message.append(contentsOf: body)
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: message, using: key) else { throw .badSignature }
    }

    public var description: String { "SlackRequestVerifier(signingSecret: <redacted>, tolerance: \(tolerance))" }

    public var customMirror: Mirror { Mirror(self, children: ["tolerance": tolerance]) }

    /// Digits only (no sign, no spaces), at most 18 so the value fits an Int64.
    private static func unixSeconds(_ text: String) -> Int64? {
        guard text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int64(text)
    }

    /// The 32 MAC bytes of `v0=<64 hex digits>`, or nil for any other shape.
    private static func macBytes(_ signature: String) -> [UInt8]? {
        let text = Array(signature.utf8)
        let prefix = Array("v0=".utf8)
        guard text.count == prefix.count + 64, text.starts(with: prefix) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        var index = prefix.count
        while index < text.count {
            guard let high = URLEncodedForm.hexValue(text[index]), let low = URLEncodedForm.hexValue(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
