/// One versioned schema change. Versions are applied in order, each in its own transaction.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Applies a component's migrations under a PostgreSQL advisory lock, so several replicas starting at
/// once apply each version exactly once: the first takes the lock and migrates, the others wait and
/// then find nothing left to do.
public struct Migrator: Sendable {
    public let component: String
    public let migrations: [Migration]

    public init(component: String, migrations: [Migration]) {
        precondition(Set(migrations.map(\.version)).count == migrations.count, "duplicate migration version")
        self.component = component
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies pending migrations; returns the versions this call applied.
    @discardableResult
    public func migrate(_ pool: DatabasePool) async throws -> [Int] {
        let component = component, migrations = migrations, key = lockKey
        return try await pool.withConnection { db in
            try db.query("SELECT pg_advisory_lock($1)", [key])
            defer { _ = try? db.query("SELECT pg_advisory_unlock($1)", [key]) }
            try db.query("""
                CREATE TABLE IF NOT EXISTS burstwire_schema_migrations (
                    component text NOT NULL,
                    version integer NOT NULL,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (component, version))
                """)
            let applied = Set(try db.query("SELECT version FROM burstwire_schema_migrations WHERE component = $1", [component])
                .rows.map { try $0.int("version") })
            var newlyApplied: [Int] = []
            for migration in migrations where !applied.contains(Int64(migration.version)) {
                try db.transaction { db in
                    try db.executeScript(migration.sql)
                    try db.query("INSERT INTO burstwire_schema_migrations (component, version, name) VALUES ($1, $2, $3)",
                                 [component, migration.version, migration.name])
                }
                newlyApplied.append(migration.version)
            }
            return newlyApplied
        }
    }

    /// The highest applied version, or nil before the first migration (for readiness).
    public func currentVersion(_ pool: DatabasePool) async throws -> Int? {
        let component = component
        return try await pool.withConnection { db in
            let exists = try db.query("SELECT to_regclass('burstwire_schema_migrations') IS NOT NULL AS present").first
            guard try exists?.bool("present") == true else { return nil }
            let row = try db.query("SELECT max(version) AS v FROM burstwire_schema_migrations WHERE component = $1", [component]).first
            return try row?.optionalInt("v").map(Int.init)
        }
    }

    /// True when every known migration has been applied.
    public func isCurrent(_ pool: DatabasePool) async -> Bool {
        guard let latest = migrations.last?.version else { return true }
        return (try? await currentVersion(pool)) == latest
    }

    /// A stable 64-bit lock key per component (FNV-1a), so components never block each other.
    var lockKey: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "burstwire.migrations.\(component)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
