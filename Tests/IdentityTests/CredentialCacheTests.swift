import Synchronization
import Testing
@testable import Identity

@Suite struct CredentialCacheTests {
    final class Verifier: Sendable {
        let calls = Mutex(0)
        let principal: Principal?

        init(_ principal: Principal?) {
            self.principal = principal
        }

        var count: Int { calls.withLock { $0 } }

        func at(version: Int64) -> @Sendable () async throws -> CredentialCache.Verified {
            { [self] in
                calls.withLock { $0 += 1 }
                return .init(principal: principal, version: version)
            }
        }
    }

    static let alice = Principal(userId: 1, username: "alice", scopes: [.ingest])

    @Test func outcomeReadUnderAnOlderVersionIsNotRemembered() async throws {
        let cache = CredentialCache(lifetime: .seconds(60), failureLifetime: .seconds(60), capacity: 10)
        let key = cache.key(for: .basic(username: "alice", password: "correct horse"))
        let verifier = Verifier(Self.alice)
        #expect(cache.observe(version: 5))
        #expect(try await cache.principal(for: key, verify: verifier.at(version: 4)) == Self.alice)
        #expect(try await cache.principal(for: key, verify: verifier.at(version: 5)) == Self.alice)
        #expect(try await cache.principal(for: key, verify: verifier.at(version: 5)) == Self.alice)
        #expect(verifier.count == 2, "the answer read at version 4 raced a change and was not kept")
    }

    @Test func newerVersionDropsEverything() async throws {
        let cache = CredentialCache(lifetime: .seconds(60), failureLifetime: .seconds(60), capacity: 10)
        let alice = cache.key(for: .basic(username: "alice", password: "correct horse"))
        let stranger = cache.key(for: .bearer(token: "bw_unknown"))
        let accepting = Verifier(Self.alice), rejecting = Verifier(nil)
        _ = try await cache.principal(for: alice, verify: accepting.at(version: 1))
        #expect(try await cache.principal(for: stranger, verify: rejecting.at(version: 2)) == nil)
        _ = try await cache.principal(for: alice, verify: accepting.at(version: 2))
        #expect(accepting.count == 2, "the verification at version 2 dropped the entry from version 1")
        #expect(cache.observe(version: 3))
        #expect(!cache.observe(version: 3))
        #expect(try await cache.principal(for: stranger, verify: rejecting.at(version: 3)) == nil)
        #expect(rejecting.count == 2, "a version change drops remembered rejections too")
    }

    @Test func keysAreDomainSeparatedAndPerProcess() {
        let cache = CredentialCache(lifetime: .seconds(60), failureLifetime: .seconds(60), capacity: 10)
        let basic = cache.key(for: .basic(username: "a", password: "b"))
        #expect(basic == cache.key(for: .basic(username: "a", password: "b")))
        #expect(basic != cache.key(for: .bearer(token: "a\0b")))
        #expect(basic != cache.key(for: .basic(username: "a\0b", password: "")))
        let otherProcess = CredentialCache(lifetime: .seconds(60), failureLifetime: .seconds(60), capacity: 10)
        #expect(basic != otherProcess.key(for: .basic(username: "a", password: "b")))
    }
}
