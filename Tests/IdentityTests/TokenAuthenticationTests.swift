import Database
import Foundation
import Testing
@testable import Identity
import TestSupport

@Suite struct TokenAuthenticationTests {
    @Test func issuedTokenAuthenticatesWithItsScopesUntilRevoked() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            let userId = try await store.addUser(username: "pipeline", password: "correct horse", scopes: [.ingest, .read])
            let issued = try await store.issueToken(username: "pipeline", name: "chime", scopes: [.ingest])
            #expect(issued.token.hasPrefix("bw_") && issued.token.count == 3 + 43)
            #expect(!issued.token.contains("+") && !issued.token.contains("/") && !issued.token.contains("="))

            let principal = try #require(try await store.authenticate(.bearer(token: issued.token)))
            #expect(principal == Principal(userId: userId, username: "pipeline", scopes: [.ingest], tokenId: issued.id))
            #expect(!principal.has(.read))
            let drf = try #require(Credentials.parse(authorization: "Token \(issued.token)"))
            #expect(try await store.authenticate(drf) == principal)
            #expect(try await store.authenticate(.bearer(token: issued.token + "x")) == nil)

            try await store.revokeToken(id: issued.id)
            try await eventually("revoked token rejected", within: .seconds(10)) {
                try await store.authenticate(.bearer(token: issued.token)) == nil
            }
            let listed = try await store.tokens(username: "pipeline")
            #expect(listed.map(\.id) == [issued.id])
            #expect(listed.first?.revokedAt != nil && listed.first?.lastUsedAt != nil)
        }
    }

    @Test func revocationInAnotherProcessStopsTheToken() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "pipeline", password: "correct horse", scopes: [.ingest])
            let issued = try await store.issueToken(username: "pipeline", name: "chime", scopes: [.ingest])
            #expect(try await store.authenticate(.bearer(token: issued.token)) != nil)
            let otherPool = fixture.otherProcess()
            try await fixture.store(on: otherPool).revokeToken(id: issued.id)
            await otherPool.close()
            try await eventually("revoked token rejected", within: .seconds(10)) {
                try await store.authenticate(.bearer(token: issued.token)) == nil
            }
        }
    }

    @Test func tokenScopesMustBeHeldByTheUser() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "pipeline", password: "correct horse", scopes: [.ingest])
            let error = await #expect(throws: IdentityError.self) {
                try await store.issueToken(username: "pipeline", name: "too much", scopes: [.ingest, .admin])
            }
            #expect(error?.code == .scopeNotGranted)
            #expect(try await store.tokens(username: "pipeline").isEmpty)

            try await store.addUser(username: "root", password: "correct horse", scopes: [.admin])
            let delegated = try await store.issueToken(username: "root", name: "reader", scopes: [.read])
            #expect(try await store.authenticate(.bearer(token: delegated.token))?.scopes == [.read])
        }
    }

    @Test func tokenGrantsOnlyScopesTheUserStillHolds() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "pipeline", password: "correct horse", scopes: [.ingest, .read])
            let issued = try await store.issueToken(username: "pipeline", name: "both", scopes: [.ingest, .read])
            #expect(try await store.authenticate(.bearer(token: issued.token))?.scopes == [.ingest, .read])
            try await store.setScopes(username: "pipeline", scopes: [.read])
            try await eventually("narrowed token", within: .seconds(10)) {
                try await store.authenticate(.bearer(token: issued.token))?.scopes == [.read]
            }
            try await store.removeUser(username: "pipeline")
            try await eventually("token of removed user rejected", within: .seconds(10)) {
                try await store.authenticate(.bearer(token: issued.token)) == nil
            }
        }
    }

    @Test func usingATokenDoesNotBumpTheIdentityVersion() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store(cacheLifetime: .zero)
            try await store.addUser(username: "pipeline", password: "correct horse", scopes: [.ingest])
            let issued = try await store.issueToken(username: "pipeline", name: "chime", scopes: [.ingest])
            let version = { try await fixture.pool.withConnection { try IdentityStore.readVersion($0) } }
            let before = try await version()
            #expect(try await store.authenticate(.bearer(token: issued.token)) != nil)
            #expect(try await store.authenticate(.bearer(token: issued.token)) != nil)
            #expect(try await version() == before)
            try await store.revokeToken(id: issued.id)
            #expect(try await version() > before)
        }
    }
}
