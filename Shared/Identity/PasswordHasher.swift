import Crypto
import CryptoExtras
import Foundation

/// Hashes passwords with PBKDF2-HMAC-SHA256 in Django's encoding, `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>`,
/// so the users of FRB_candidates_app's Django database can be imported with their hashes unchanged, and so the
/// stored hash is deliberately slow to brute-force if the database leaks. Each verification costs about as much as
/// `iterations` SHA-256 HMACs (≈230 ms at Django 5's 600,000), which is why `IdentityStore` remembers successes.
public struct PasswordHasher: Sendable {
    /// Django's algorithm name, the first field of the encoding.
    public static let algorithm = "pbkdf2_sha256"
    /// Django 5's default; lower it only in tests.
    public static let defaultIterations = 600_000

    /// Iterations for new hashes; verification uses whatever count a stored hash names.
    public let iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        precondition(iterations > 0, "PBKDF2 needs at least one iteration")
        self.iterations = iterations
    }

    /// A new hash of `password` with a random salt, in Django's encoding.
    public func hash(_ password: String) throws -> String {
        let salt = Self.randomSalt()
        let derived = try Self.derive(password, salt: salt, iterations: iterations)
        return "\(Self.algorithm)$\(iterations)$\(salt)$\(derived.base64EncodedString())"
    }

    /// True when `password` matches `encoded`; false for a mismatch or an encoding this hasher cannot read.
    /// The derived key is compared in constant time.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let stored = DjangoPasswordHash(encoded),
              let derived = try? Self.derive(password, salt: stored.salt, iterations: stored.iterations) else { return false }
        return constantTimeEquals(derived, stored.hash)
    }

    /// True when `encoded` is a hash this hasher can verify (for importing users from Django).
    public static func isWellFormed(_ encoded: String) -> Bool {
        DjangoPasswordHash(encoded) != nil
    }

    /// A well-formed hash that no password matches, at this hasher's cost: verifying against it for unknown
    /// usernames makes "no such user" take as long as "wrong password", as Django does.
    var unknownUserHash: String {
        "\(Self.algorithm)$\(iterations)$unknownuserplaceholder$\(Data(count: Self.keyLength).base64EncodedString())"
    }

    private static let keyLength = 32

    private static func derive(_ password: String, salt: String, iterations: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: Array(salt.utf8), using: .sha256,
            outputByteCount: keyLength, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Data($0) }
    }

    /// 22 characters from [A-Za-z0-9] (≈131 bits), the length and alphabet Django uses.
    private static func randomSalt() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<22).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// The fields of a Django `pbkdf2_sha256` hash.
private struct DjangoPasswordHash {
    let iterations: Int
    let salt: String
    let hash: Data

    init?(_ encoded: String) {
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == PasswordHasher.algorithm,
              let iterations = Int(fields[1]), iterations > 0, !fields[2].isEmpty,
              let hash = Data(base64Encoded: String(fields[3])), hash.count == 32 else { return nil }
        self.iterations = iterations
        salt = String(fields[2])
        self.hash = hash
    }
}
