import Testing
@testable import Database
import TestSupport

@Suite struct MigratorTests {
    static func migrations(table: String) -> [Migration] {
        [
            Migration(version: 1, name: "create", sql: "CREATE TABLE \(table) (id serial PRIMARY KEY, note text); CREATE TABLE \(table)_runs (n int)"),
            // Slow on purpose, so concurrent starters overlap while the first holds the lock.
            Migration(version: 2, name: "seed", sql: "SELECT pg_sleep(0.3); INSERT INTO \(table)_runs VALUES (2)"),
            Migration(version: 3, name: "column", sql: "ALTER TABLE \(table) ADD COLUMN dm float8; INSERT INTO \(table)_runs VALUES (3)"),
        ]
    }

    @Test func concurrentStartsApplyEachMigrationExactlyOnce() async throws {
        let db = try await DatabaseFixture(maximumConnections: 2)
        let component = TestInfrastructure.uniqueName("component")
        let table = TestInfrastructure.uniqueName("catalogue")
        let migrator = Migrator(component: component, migrations: Self.migrations(table: table))
        // Five replicas, each with its own pool, start at once.
        let appliedPerReplica = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<5 {
                group.addTask {
                    let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL + " options='-c search_path=\(db.schema),public'"))
                    defer { Task { await pool.close() } }
                    return try await migrator.migrate(pool)
                }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(appliedPerReplica.flatMap { $0 }.sorted() == [1, 2, 3])
        #expect(appliedPerReplica.filter { !$0.isEmpty }.count == 1)
        let runs = try await db.pool.withConnection { try $0.query("SELECT n FROM \(table)_runs ORDER BY n").rows.map { try $0.int("n") } }
        #expect(runs == [2, 3])
        #expect(try await migrator.currentVersion(db.pool) == 3)
        #expect(await migrator.isCurrent(db.pool))
        #expect(try await migrator.migrate(db.pool).isEmpty)
        await db.remove()
    }

    @Test func failedMigrationRollsBackAndIsRetriedNextStart() async throws {
        let db = try await DatabaseFixture()
        let table = TestInfrastructure.uniqueName("broken")
        let component = TestInfrastructure.uniqueName("component")
        let broken = Migrator(component: component, migrations: [
            Migration(version: 1, name: "create", sql: "CREATE TABLE \(table) (id int)"),
            Migration(version: 2, name: "bad", sql: "INSERT INTO \(table) VALUES (1); INSERT INTO no_such_table VALUES (1)"),
        ])
        await #expect(throws: DatabaseError.self) { try await broken.migrate(db.pool) }
        #expect(try await broken.currentVersion(db.pool) == 1)
        #expect(await broken.isCurrent(db.pool) == false)
        let count = try await db.pool.withConnection { try $0.query("SELECT count(*) AS n FROM \(table)").first!.int("n") }
        #expect(count == 0)
        let fixed = Migrator(component: component, migrations: [
            Migration(version: 1, name: "create", sql: "CREATE TABLE \(table) (id int)"),
            Migration(version: 2, name: "fixed", sql: "INSERT INTO \(table) VALUES (1)"),
        ])
        #expect(try await fixed.migrate(db.pool) == [2])
        await db.remove()
    }
}
