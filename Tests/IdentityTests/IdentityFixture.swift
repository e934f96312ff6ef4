import Database
@testable import Identity
import TestSupport

/// A private schema on the shared test database with the identity tables migrated, dropped afterwards, so
/// suites run in parallel. `otherProcess` opens a second pool, standing in for another service replica.
struct IdentityFixture {
    /// Few iterations keep debug builds fast; the production default is tested for its format only.
    static let hasher = PasswordHasher(iterations: 1_000)

    let pool: DatabasePool
    let schema: String

    init(migrate: Bool = true) async throws {
        schema = TestInfrastructure.uniqueName("t")
        pool = Self.pool(schema: schema)
        let schema = self.schema
        try await pool.withConnection { try $0.query("CREATE SCHEMA \(schema)") }
        if migrate { try await IdentityStore.migrator.migrate(pool) }
    }

    static func pool(schema: String) -> DatabasePool {
        let conninfo = TestInfrastructure.databaseURL + " options='-c search_path=\(schema),public -c client_min_messages=warning'"
        return DatabasePool(configuration: .init(conninfo: conninfo, maximumConnections: 4))
    }

    func store(on pool: DatabasePool? = nil, cacheLifetime: Duration = .seconds(60)) -> IdentityStore {
        IdentityStore(pool: pool ?? self.pool, passwordHasher: Self.hasher, cacheLifetime: cacheLifetime)
    }

    func otherProcess() -> DatabasePool {
        Self.pool(schema: schema)
    }

    func remove() async {
        let schema = self.schema
        _ = try? await pool.withConnection { try $0.query("DROP SCHEMA \(schema) CASCADE") }
        await pool.close()
    }
}

/// Runs `body` with a fresh fixture and drops it afterwards, also when `body` throws.
func withIdentityFixture(migrate: Bool = true, _ body: (IdentityFixture) async throws -> Void) async throws {
    let fixture = try await IdentityFixture(migrate: migrate)
    do {
        try await body(fixture)
    } catch {
        await fixture.remove()
        throw error
    }
    await fixture.remove()
}
