import Database
import Testing
@testable import Identity
import TestSupport

@Suite struct BasicAuthenticationTests {
    @Test func correctPasswordAuthenticatesWithTheUsersScopes() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            let id = try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest, .read])
            let principal = try #require(try await store.authenticate(.basic(username: "alice", password: "correct horse")))
            #expect(principal == Principal(userId: id, username: "alice", scopes: [.ingest, .read]))
            #expect(principal.has(.ingest) && !principal.has(.admin))
        }
    }

    @Test func wrongPasswordOrUnknownUserIsRejectedAndNeverCachedAsSuccess() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            let before = store.passwordVerificationCount
            #expect(try await store.authenticate(.basic(username: "alice", password: "wrong horse")) == nil)
            #expect(try await store.authenticate(.basic(username: "alice", password: "wrong horse")) == nil)
            #expect(store.passwordVerificationCount - before == 1, "a repeated rejection is remembered briefly")
            #expect(try await store.authenticate(.basic(username: "bob", password: "correct horse")) == nil)
            #expect(try await store.authenticate(.basic(username: "Alice", password: "correct horse")) == nil)
            #expect(try await store.authenticate(.basic(username: "alice", password: "correct horse")) != nil)
        }
    }

    @Test func slowHashRunsOnceThenTheCacheAnswers() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            let before = store.passwordVerificationCount
            for _ in 0..<5 {
                #expect(try await store.authenticate(.basic(username: "alice", password: "correct horse")) != nil)
            }
            #expect(store.passwordVerificationCount - before == 1)
        }
    }

    @Test func concurrentFirstRequestsShareOneVerification() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            let before = store.passwordVerificationCount
            let results = try await withThrowingTaskGroup(of: Principal?.self) { group in
                for _ in 0..<8 { group.addTask { try await store.authenticate(.basic(username: "alice", password: "correct horse")) } }
                return try await group.reduce(into: [Principal?]()) { $0.append($1) }
            }
            #expect(results.count == 8 && results.allSatisfy { $0?.username == "alice" })
            #expect(store.passwordVerificationCount - before == 1)
        }
    }

    @Test func rememberedSuccessExpires() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store(cacheLifetime: .milliseconds(200))
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            let before = store.passwordVerificationCount
            #expect(try await store.authenticate(.basic(username: "alice", password: "correct horse")) != nil)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await store.authenticate(.basic(username: "alice", password: "correct horse")) != nil)
            #expect(store.passwordVerificationCount - before == 2)
        }
    }

    @Test func passwordChangeInAnotherProcessStopsTheOldPasswordWithinTwoSeconds() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            #expect(try await store.authenticate(.basic(username: "alice", password: "correct horse")) != nil)

            let otherPool = fixture.otherProcess()
            let other = fixture.store(on: otherPool)
            try await other.setPassword(username: "alice", password: "battery staple")
            await otherPool.close()

            try await eventually("old password rejected", within: .seconds(10)) {
                try await store.authenticate(.basic(username: "alice", password: "correct horse")) == nil
            }
            #expect(try await store.authenticate(.basic(username: "alice", password: "battery staple")) != nil)
        }
    }

    @Test func rejectedPasswordWorksOnceItIsSet() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            #expect(try await store.authenticate(.basic(username: "alice", password: "battery staple")) == nil)
            try await store.setPassword(username: "alice", password: "battery staple")
            try await eventually("new password accepted", within: .seconds(10)) {
                try await store.authenticate(.basic(username: "alice", password: "battery staple")) != nil
            }
        }
    }

    @Test func scopeChangeAndRemovalTakeEffect() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            let alice = Credentials.basic(username: "alice", password: "correct horse")
            #expect(try await store.authenticate(alice)?.scopes == [.ingest])
            try await store.setScopes(username: "alice", scopes: [.read, .admin])
            try await eventually("new scopes", within: .seconds(10)) { try await store.authenticate(alice)?.scopes == [.read, .admin] }
            try await store.removeUser(username: "alice")
            try await eventually("removed user rejected", within: .seconds(10)) { try await store.authenticate(alice) == nil }
        }
    }

    @Test func importedDjangoHashAuthenticates() async throws {
        try await withIdentityFixture { fixture in
            let store = fixture.store()
            try await store.importUser(username: "frb.admin@example.org", passwordHash: PasswordHasherTests.djangoVector, scopes: [.admin])
            let principal = try await store.authenticate(.basic(username: "frb.admin@example.org", password: "password"))
            #expect(principal?.has(.ingest) == true)
            let error = await #expect(throws: IdentityError.self) {
                try await store.importUser(username: "bob", passwordHash: "md5$abc$def", scopes: [])
            }
            #expect(error?.code == .invalidPasswordHash)
        }
    }

    @Test func concurrentMigrationsApplyOnce() async throws {
        try await withIdentityFixture(migrate: false) { fixture in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let pool = fixture.otherProcess()
                        do {
                            let applied = try await IdentityStore.migrator.migrate(pool)
                            await pool.close()
                            return applied
                        } catch {
                            await pool.close()
                            throw error
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(applied == [1])
            #expect(await IdentityStore.migrator.isCurrent(fixture.pool))
            let store = fixture.store()
            try await store.addUser(username: "alice", password: "correct horse", scopes: [.ingest])
            #expect(try await store.authenticate(.basic(username: "alice", password: "correct horse")) != nil)
        }
    }
}
