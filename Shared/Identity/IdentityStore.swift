import Database
import Logging
import Synchronization

/// The one identity store every HTTP service uses: users with hashed passwords (HTTP Basic, as
/// FRB_candidates_app's clients send) and hashed bearer tokens, each with scopes, in PostgreSQL.
///
/// Authentication is cheap per request: a password is verified once with the slow hash, then the success is
/// remembered (see `CredentialCache`) for `cacheLifetime`. Every process re-reads the database's identity
/// version at most once per `versionCheckInterval` on the request path and forgets everything when it
/// changed, so a password change, scope change, removal or revocation made by any process takes effect
/// everywhere within about that interval.
///
/// Rejections are remembered too, for `failureCacheLifetime` (default 5 s, `.zero` disables): a client
/// retrying with a stale password then costs one PBKDF2 per 5 s rather than one per request. This does not
/// slow an attacker trying different passwords (that needs rate limiting at the edge); any identity change
/// forgets it as well, so a password set to a just-rejected value works within the version interval.
public final class IdentityStore: Sendable {
    /// The shortest password `addUser` and `setPassword` accept.
    public static let minimumPasswordLength = 8

    let pool: DatabasePool
    let passwordHasher: PasswordHasher
    let logger: Logger
    private let cache: CredentialCache
    private let poller: VersionPoller
    private let passwordVerifications = Atomic<Int>(0)

    /// - Parameters:
    ///   - passwordHasher: hashes new passwords; its iteration count applies to new hashes only.
    ///   - cacheLifetime: how long a verified credential is trusted without a database check.
    ///   - failureCacheLifetime: how long a rejected credential is rejected without a database check.
    ///   - versionCheckInterval: the most often a request re-reads the identity version.
    ///   - cacheCapacity: the most accepted, and separately rejected, credentials remembered.
    public init(pool: DatabasePool, passwordHasher: PasswordHasher = PasswordHasher(), cacheLifetime: Duration = .seconds(60),
                failureCacheLifetime: Duration = .seconds(5), versionCheckInterval: Duration = .seconds(1),
                cacheCapacity: Int = 10_000, logger: Logger = Logger(label: "burstwire.identity")) {
        self.pool = pool
        self.passwordHasher = passwordHasher
        self.logger = logger
        cache = CredentialCache(lifetime: cacheLifetime, failureLifetime: failureCacheLifetime, capacity: cacheCapacity)
        poller = VersionPoller(interval: versionCheckInterval)
    }

    /// The principal `credentials` authenticate as, or nil when they are wrong (unknown user, wrong password,
    /// unknown or revoked token). Throws only when the database cannot be reached, which callers should
    /// report as "try again later" rather than as wrong credentials.
    public func authenticate(_ credentials: Credentials) async throws -> Principal? {
        try await poller.refreshIfDue { [pool, cache, logger] in
            let version = try await pool.withConnection { try IdentityStore.readVersion($0) }
            if cache.observe(version: version) {
                logger.debug("identity version changed; credential cache cleared", metadata: ["version": "\(version)"])
            }
        }
        return try await cache.principal(for: cache.key(for: credentials)) { [self] in
            switch credentials {
            case .basic(let username, let password): try await verifyBasic(username: username, password: password)
            case .bearer(let token): try await verifyBearer(token: token)
            }
        }
    }

    /// How many times PBKDF2 ran to verify a password (tests assert the cache spares it).
    var passwordVerificationCount: Int { passwordVerifications.load(ordering: .relaxed) }

    /// Verifies a password with the slow hash on `PasswordHashingQueue`.
    func checkPassword(_ password: String, against encoded: String) async -> Bool {
        passwordVerifications.add(1, ordering: .relaxed)
        let hasher = passwordHasher
        return await PasswordHashingQueue.run { hasher.verify(password, against: encoded) }
    }

    /// Hashes a new password on `PasswordHashingQueue`.
    func hashPassword(_ password: String) async throws -> String {
        let hasher = passwordHasher
        return try await PasswordHashingQueue.run { Result { try hasher.hash(password) } }.get()
    }
}

extension QueryResult {
    /// The first row of a statement that always returns one (`RETURNING`, aggregates).
    var onlyRow: Row {
        get throws {
            guard let row = first else { throw DatabaseError(.decodingFailed, serverMessage: "expected a row") }
            return row
        }
    }
}
