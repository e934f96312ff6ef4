import Database
import Foundation
import Logging
import ServiceRuntime
import Testing
import TestSupport

/// A connection the server ends (as on a PostgreSQL restart: SQLSTATE 57P01) is an outage to wait out,
/// not a bad message to return; a query the server refuses is not.
@Suite struct DatabaseOutageTests {
    @Test func aTerminatedConnectionIsAnOutageAndTheRetrySucceedsOnAFreshOne() async throws {
        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 1))
        let admin = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 1))
        let backend = try await pool.withConnection { db in try db.query("SELECT pg_backend_pid() AS pid").first!.int("pid") }
        try await admin.withConnection { db in _ = try db.query("SELECT pg_terminate_backend($1::int)", [backend]) }
        await #expect(performing: { try await pool.withConnection { db in _ = try db.query("SELECT 1") } },
                      throws: { DatabaseOutage.isOutage($0) })

        var attempts = 0
        try await admin.withConnection { db in _ = try db.query("SELECT 1") }
        let again = try await pool.withConnection { db in try db.query("SELECT pg_backend_pid() AS pid").first!.int("pid") }
        #expect(again != backend)
        // Retrying in place: the first attempt meets the terminated connection, the second a fresh one.
        let victim = again
        try await admin.withConnection { db in _ = try db.query("SELECT pg_terminate_backend($1::int)", [victim]) }
        let answer = try await DatabaseOutage.retrying(logger: Logger(label: "test")) { () async throws -> Int64 in
            attempts += 1
            return try await pool.withConnection { db in try db.query("SELECT 42 AS n").first!.int("n") }
        }
        #expect(answer == 42 && attempts == 2)

        await #expect(performing: { try await pool.withConnection { db in _ = try db.query("SELECT no_such_column FROM pg_class") } },
                      throws: { !DatabaseOutage.isOutage($0) })
        await pool.close()
        await admin.close()
    }
}
