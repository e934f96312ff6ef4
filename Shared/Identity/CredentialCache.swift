import Crypto
import Foundation
import Synchronization

/// Remembers the outcome of checking a credential, so HTTP Basic costs one PBKDF2 per user per cache lifetime
/// instead of one per request (FRB_candidates_app spends ≈230 ms per request re-hashing).
///
/// - Entries are keyed by HMAC-SHA256 under a random key made per process: the map never holds a password or
///   token, and its keys are useless outside this process. Dictionary lookups on such keys leak nothing through
///   timing, since nobody outside can compute a key.
/// - Every entry is tagged with the `identity_version` read in the same statement as the data it came from. The
///   cache drops everything when it sees a newer version, and refuses entries read under an older one, so a
///   verification racing a password change or revocation cannot resurrect the old answer.
/// - Concurrent checks of the same credential share one database lookup and one PBKDF2.
final class CredentialCache: Sendable {
    typealias Key = HashedAuthenticationCode<SHA256>

    /// The result of one database check, with the identity version of the snapshot it read.
    struct Verified: Sendable {
        let principal: Principal?
        let version: Int64
    }

    private struct State: Sendable {
        var accepted: ExpiringMap<Key, Principal>
        var rejected: ExpiringMap<Key, Bool>
        var pending: [Key: Task<Principal?, any Error>] = [:]
        var version: Int64?

        mutating func adopt(version newVersion: Int64) {
            accepted.removeAll()
            rejected.removeAll()
            version = newVersion
        }
    }

    private enum Lookup {
        case remembered(Principal?)
        case pending(Task<Principal?, any Error>)
    }

    private let processKey = SymmetricKey(size: .bits256)
    private let lifetime: Duration
    private let failureLifetime: Duration
    private let state: Mutex<State>

    init(lifetime: Duration, failureLifetime: Duration, capacity: Int) {
        self.lifetime = lifetime
        self.failureLifetime = failureLifetime
        state = Mutex(State(accepted: ExpiringMap(capacity: capacity), rejected: ExpiringMap(capacity: capacity)))
    }

    /// Domain-separated, so a bearer token can never collide with a username and password.
    func key(for credentials: Credentials) -> Key {
        let message = switch credentials {
        case .basic(let username, let password): "basic\0\(username)\0\(password)"
        case .bearer(let token): "bearer\0\(token)"
        }
        return HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: processKey)
    }

    /// The remembered outcome for `key`, or the outcome of `verify`, which runs once however many callers ask
    /// for the same key at once. Errors are not remembered.
    func principal(for key: Key, verify: @escaping @Sendable () async throws -> Verified) async throws -> Principal? {
        let now = ContinuousClock.now
        let lookup: Lookup = state.withLock { state in
            if let principal = state.accepted.value(for: key, now: now) { return .remembered(principal) }
            if state.rejected.value(for: key, now: now) != nil { return .remembered(nil) }
            if let running = state.pending[key] { return .pending(running) }
            let task = Task { try await self.complete(key, verify) }
            state.pending[key] = task
            return .pending(task)
        }
        switch lookup {
        case .remembered(let principal): return principal
        case .pending(let task): return try await task.value
        }
    }

    /// Records the version a poll of `identity_version` found; a change drops every remembered outcome.
    /// Returns true when it did.
    func observe(version: Int64) -> Bool {
        state.withLock { state in
            guard state.version != version else { return false }
            state.adopt(version: version)
            return true
        }
    }

    private func complete(_ key: Key, _ verify: @Sendable () async throws -> Verified) async throws -> Principal? {
        let verified: Verified
        do {
            verified = try await verify()
        } catch {
            state.withLock { _ = $0.pending.removeValue(forKey: key) }
            throw error
        }
        let now = ContinuousClock.now
        state.withLock { state in
            state.pending[key] = nil
            if let known = state.version {
                guard verified.version >= known else { return }
                if verified.version > known { state.adopt(version: verified.version) }
            } else {
                state.version = verified.version
            }
            if let principal = verified.principal {
                if lifetime > .zero { state.accepted.insert(principal, for: key, expires: now + lifetime, now: now) }
            } else if failureLifetime > .zero {
                state.rejected.insert(true, for: key, expires: now + failureLifetime, now: now)
            }
        }
        return verified.principal
    }
}
