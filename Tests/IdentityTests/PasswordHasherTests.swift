import Testing
@testable import Identity

@Suite struct PasswordHasherTests {
    /// Django's encoding of PBKDF2-HMAC-SHA256("password", salt "salt", 1000 iterations), computed with
    /// `python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000)).decode())"`,
    /// which is what Django's PBKDF2PasswordHasher.encode("password", "salt", 1000) stores.
    static let djangoVector = "pbkdf2_sha256$1000$salt$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM="

    @Test func verifiesDjangoHash() {
        let hasher = PasswordHasher(iterations: 1_000)
        #expect(hasher.verify("password", against: Self.djangoVector))
        #expect(!hasher.verify("Password", against: Self.djangoVector))
        #expect(PasswordHasher().verify("password", against: Self.djangoVector), "stored iterations win over the default")
    }

    @Test func hashesInDjangoFormat() throws {
        let hasher = PasswordHasher(iterations: 1_234)
        let encoded = try hasher.hash("correct horse battery")
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 4)
        #expect(fields[0] == "pbkdf2_sha256")
        #expect(fields[1] == "1234")
        #expect(fields[2].count == 22 && fields[2].allSatisfy { $0.isLetter || $0.isNumber })
        #expect(!encoded.contains("correct horse"))
        #expect(hasher.verify("correct horse battery", against: encoded))
        #expect(!hasher.verify("correct horse batterY", against: encoded))
        #expect(try hasher.hash("correct horse battery") != encoded, "a fresh salt every time")
    }

    @Test func defaultsToDjango5Iterations() {
        #expect(PasswordHasher().iterations == 600_000)
    }

    @Test(arguments: [
        "", "pbkdf2_sha256$1000$salt", "pbkdf2_sha1$1000$salt$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=",
        "pbkdf2_sha256$0$salt$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=", "pbkdf2_sha256$1000$$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=",
        "pbkdf2_sha256$1000$salt$not base64", "pbkdf2_sha256$1000$salt$c2hvcnQ=", "password",
    ])
    func rejectsMalformedHashes(_ encoded: String) {
        #expect(!PasswordHasher.isWellFormed(encoded))
        #expect(!PasswordHasher(iterations: 1_000).verify("password", against: encoded))
    }

    @Test func unknownUserHashMatchesNothing() {
        let hasher = PasswordHasher(iterations: 1_000)
        #expect(PasswordHasher.isWellFormed(hasher.unknownUserHash))
        #expect(!hasher.verify("", against: hasher.unknownUserHash))
        #expect(!hasher.verify("password", against: hasher.unknownUserHash))
    }

    @Test func constantTimeEqualsComparesBytes() {
        #expect(constantTimeEquals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!constantTimeEquals([1, 2, 3] as [UInt8], [1, 2, 4] as [UInt8]))
        #expect(!constantTimeEquals([1, 2, 3] as [UInt8], [1, 2] as [UInt8]))
    }
}
