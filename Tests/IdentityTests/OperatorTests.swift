import Database
import Foundation
import Testing
@testable import Identity
import TestSupport

@Suite struct OperatorTests {
    @Test func secretsAreHashedAtRest() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            let issued = try await store.issueToken(username: "alice", name: "laptop", scopes: [.ingest])
            let (users, tokens, digest) = try await fixture.pool.withConnection { db in
                (try db.query("SELECT u::text AS row, password_hash FROM identity_users u").rows,
                 try db.query("SELECT t::text AS row FROM identity_tokens t").rows.map { try $0.string("row") },
                 try db.query("SELECT token_sha256 FROM identity_tokens").onlyRow.bytes("token_sha256"))
            }
            let userRow = try #require(users.first)
            #expect(try !userRow.string("row").contains("correct horse"))
            #expect(try userRow.string("password_hash").hasPrefix("pbkdf2_sha256$1000$"))
            let secretPart = String(issued.token.dropFirst(3))
            #expect(tokens.count == 1 && tokens.allSatisfy { !$0.contains(secretPart) })
            #expect(digest == BearerToken.digest(issued.token))
        }
    }

    @Test func errorsAndIssuedTokensNeverShowSecrets() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            var errors: [IdentityError] = []
            for attempt in [
                { try await store.addUser(username: "alice", password: "correct horse", scopes: []) },
                { try await store.addUser(username: "bob", password: "hunter2", scopes: []) },
                { try await store.addUser(username: "correct horse", password: "correct horse", scopes: []) },
                { try await store.setPassword(username: "nobody", password: "correct horse") },
                { try await store.setPassword(username: "alice", password: "hunter2") },
            ] as [() async throws -> Void] {
                do {
                    try await attempt()
                    Issue.record("expected an IdentityError")
                } catch let error as IdentityError {
                    errors.append(error)
                }
            }
            #expect(errors.map(\.code) == [.userExists, .weakPassword, .invalidUsername, .unknownUser, .weakPassword])
            for error in errors {
                #expect(!"\(error)".contains("correct horse") && !"\(error)".contains("hunter2"))
            }
            let issued = try await store.issueToken(username: "alice", name: "laptop", scopes: [.ingest])
            #expect(!"\(issued)".contains(issued.token) && !String(reflecting: issued).contains(issued.token))
        }
    }

    @Test(arguments: ["", "has space", "colon:inside", String(repeating: "a", count: 151), "semi;colon"])
    func invalidUsernamesAreRefused(_ username: String) async throws {
        try await withIdentityFixture { fixture in
            let error = await #expect(throws: IdentityError.self) {
                try await fixture.store().addUser(username: username, password: "correct horse", scopes: [])
            }
            #expect(error?.code == .invalidUsername)
        }
    }

    @Test func unknownTargetsAreReported() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            let cases: [(IdentityError.Code, () async throws -> Void)] = [
                (.unknownUser, { try await store.removeUser(username: "nobody") }),
                (.unknownUser, { try await store.setScopes(username: "nobody", scopes: [.read]) }),
                (.unknownUser, { _ = try await store.tokens(username: "nobody") }),
                (.unknownUser, { _ = try await store.issueToken(username: "nobody", name: "x", scopes: []) }),
                (.unknownToken, { try await store.revokeToken(id: 999_999) }),
                (.invalidTokenName, { _ = try await store.issueToken(username: "nobody", name: "  ", scopes: []) }),
            ]
            for (code, action) in cases {
                let error = await #expect(throws: IdentityError.self) { try await action() }
                #expect(error?.code == code)
            }
        }
    }

    @Test func listsUsersAndTokens() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            let bob = try await store.addUser(username: "bob", password: "correct horse", scopes: [.read])
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest, .admin])
            let users = try await store.users()
            #expect(users.map(\.username) == ["alice", "bob"])
            #expect(users.last?.id == bob && users.last?.scopes == [.read])
            let first = try await store.issueToken(username: "bob", name: "one", scopes: [.read])
            let second = try await store.issueToken(username: "bob", name: "two", scopes: [])
            try await store.revokeToken(id: first.id)
            try await store.revokeToken(id: first.id)
            let tokens = try await store.tokens(username: "bob")
            #expect(tokens.map(\.name) == ["one", "two"])
            #expect(tokens.map(\.id) == [first.id, second.id])
            #expect(tokens[0].revokedAt != nil && tokens[1].revokedAt == nil)
            #expect(tokens.allSatisfy { $0.username == "bob" && $0.lastUsedAt == nil })
        }
    }
}
