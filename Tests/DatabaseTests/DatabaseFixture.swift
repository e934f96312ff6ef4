import Database
import TestSupport

/// A private schema on the shared test database, dropped afterwards, so suites run in parallel.
struct DatabaseFixture {
    let pool: DatabasePool
    let schema: String

    init(maximumConnections: Int = 4) async throws {
        schema = TestInfrastructure.uniqueName("t")
        let conninfo = TestInfrastructure.databaseURL + " options='-c search_path=\(schema),public'"
        pool = DatabasePool(configuration: .init(conninfo: conninfo, maximumConnections: maximumConnections))
        let schema = self.schema
        try await pool.withConnection { try $0.query("CREATE SCHEMA \(schema)") }
    }

    func remove() async {
        let schema = self.schema
        _ = try? await pool.withConnection { try $0.query("DROP SCHEMA \(schema) CASCADE") }
        await pool.close()
    }
}
