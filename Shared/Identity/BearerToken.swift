import Crypto
import Foundation

/// Bearer tokens: `bw_` plus 32 random bytes in unpadded base64url. Only the SHA-256 digest is stored, so a
/// database dump holds nothing that authenticates; a slow hash is unnecessary because the token has 256 bits
/// of entropy. Looking the digest up through an index is not a timing leak worth guarding: it reveals at most
/// how much of a digest of the attacker's own guess matched, which says nothing about a valid token.
enum BearerToken {
    static let prefix = "bw_"

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64url = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64url
    }

    static func digest(_ token: String) -> Data {
        Data(SHA256.hash(data: Array(token.utf8)))
    }
}
