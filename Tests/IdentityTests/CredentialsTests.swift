import Foundation
import Testing
@testable import Identity

@Suite struct CredentialsTests {
    static func basicHeader(_ pair: String, scheme: String = "Basic") -> String {
        "\(scheme) " + Data(pair.utf8).base64EncodedString()
    }

    @Test func parsesBasic() {
        #expect(Credentials.parse(authorization: Self.basicHeader("alice:s3cret:with:colons")) == .basic(username: "alice", password: "s3cret:with:colons"))
        #expect(Credentials.parse(authorization: Self.basicHeader("alice:", scheme: "basic")) == .basic(username: "alice", password: ""))
        #expect(Credentials.parse(authorization: Self.basicHeader("zoë:pässword")) == .basic(username: "zoë", password: "pässword"))
    }

    @Test func basicFallsBackToLatin1AsDRFDoes() {
        let latin1 = Data([0x6A, 0xF8, 0x72, 0x6E, 0x3A, 0x70, 0xE5, 0x73, 0x73]).base64EncodedString()
        #expect(Credentials.parse(authorization: "Basic \(latin1)") == .basic(username: "jørn", password: "påss"))
    }

    @Test func parsesBearerAndDRFToken() {
        #expect(Credentials.parse(authorization: "Bearer bw_abc") == .bearer(token: "bw_abc"))
        #expect(Credentials.parse(authorization: "bearer bw_abc") == .bearer(token: "bw_abc"))
        #expect(Credentials.parse(authorization: "Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b") == .bearer(token: "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"))
    }

    @Test(arguments: [
        nil, "", "Basic", "Bearer", "Basic !!!notbase64", "Basic " + Data("nocolon".utf8).base64EncodedString(),
        "Bearer two parts", "Digest abc", "bw_token_without_scheme",
    ] as [String?])
    func rejectsMalformedHeaders(_ header: String?) {
        #expect(Credentials.parse(authorization: header) == nil)
    }

    @Test func descriptionsRedactSecrets() {
        let basic = Credentials.basic(username: "alice", password: "hunter2hunter2")
        let bearer = Credentials.bearer(token: "bw_supersecret")
        for text in ["\(basic)", String(reflecting: basic), "\(bearer)", String(reflecting: bearer)] {
            #expect(!text.contains("hunter2") && !text.contains("supersecret"))
        }
        #expect("\(basic)".contains("alice"))
    }

    @Test func adminImpliesEveryScope() {
        let admin = Principal(userId: 1, username: "root", scopes: [.admin])
        #expect(Scope.allCases.allSatisfy(admin.has))
        let ingester = Principal(userId: 2, username: "pipeline", scopes: [.ingest])
        #expect(ingester.has(.ingest))
        #expect(!ingester.has(.read) && !ingester.has(.admin))
    }

    @Test func expiringMapStaysBounded() {
        var map = ExpiringMap<Int, String>(capacity: 3)
        let now = ContinuousClock.now
        for i in 0..<10 { map.insert("v\(i)", for: i, expires: now + .seconds(60), now: now) }
        #expect(map.count == 3)
        #expect(map.value(for: 9, now: now) == "v9")
        map.insert("old", for: 100, expires: now + .seconds(1), now: now)
        #expect(map.value(for: 100, now: now + .seconds(2)) == nil, "expired entries are not returned")
    }
}
