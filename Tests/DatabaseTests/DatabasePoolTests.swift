import Foundation
import Testing
@testable import Database
import TestSupport

/// Queries, transactions and COPY against the real PostgreSQL started by scripts/infra.
@Suite struct DatabasePoolTests {
    @Test func parameterisedQueriesRoundTripTypedValues() async throws {
        let db = try await DatabaseFixture()
        let when = Date(timeIntervalSince1970: 1_700_000_000.25)
        let row = try await db.pool.withConnection { conn in
            try conn.query("""
                SELECT $1::bigint AS id, $2::float8 AS dm, $3::text AS name, $4::boolean AS repeater,
                       $5::timestamptz AS toa, $6::float8 AS missing, $7::bytea AS blob
                """, [Int64(7), 1000.5, "it's \"quoted\"; DROP TABLE x", true, when, Double?.none, Data([0, 1, 254, 255])]).first!
        }
        #expect(try row.int("id") == 7)
        #expect(try row.double("dm") == 1000.5)
        #expect(try row.string("name") == "it's \"quoted\"; DROP TABLE x")
        #expect(try row.bool("repeater"))
        #expect(try row.date("toa") == when)
        #expect(try row.optionalDouble("missing") == nil)
        #expect(try row.bytes("blob") == Data([0, 1, 254, 255]))
        #expect(throws: DatabaseError.self) { try row.int("name") }
        await db.remove()
    }

    @Test func transactionRollsBackOnErrorAndCommitsOtherwise() async throws {
        let db = try await DatabaseFixture()
        try await db.pool.withConnection { try $0.query("CREATE TABLE items (id int PRIMARY KEY)") }
        try await db.pool.transaction { try $0.query("INSERT INTO items VALUES (1)") }
        await #expect(throws: DatabaseError.self) {
            try await db.pool.transaction { conn in
                try conn.query("INSERT INTO items VALUES (2)")
                try conn.query("INSERT INTO items VALUES (1)")
            }
        }
        let ids = try await db.pool.withConnection { try $0.query("SELECT id FROM items ORDER BY id").rows.map { try $0.int("id") } }
        #expect(ids == [1])
        await db.remove()
    }

    @Test func uniqueViolationHasItsOwnCodeAndNoSQLInDescription() async throws {
        let db = try await DatabaseFixture()
        try await db.pool.withConnection { try $0.query("CREATE TABLE secrets (token text PRIMARY KEY)") }
        try await db.pool.withConnection { try $0.query("INSERT INTO secrets VALUES ($1)", ["s3cr3t-token"]) }
        do {
            try await db.pool.withConnection { try $0.query("INSERT INTO secrets VALUES ($1)", ["s3cr3t-token"]) }
            Issue.record("duplicate insert succeeded")
        } catch let error as DatabaseError {
            #expect(error.code == .uniqueViolation)
            #expect(error.sqlState == "23505")
            #expect(!error.description.contains("s3cr3t"))
            #expect(!error.description.contains("INSERT"))
        }
        await db.remove()
    }

    @Test func copyLoadsRowsWithEscapesAndNulls() async throws {
        let db = try await DatabaseFixture()
        try await db.pool.withConnection { try $0.query("CREATE TABLE sources (id bigint, name text, flux float8)") }
        let rows: [[String?]] = (0..<5000).map { (i: Int) -> [String?] in
            let name: String = i == 3 ? "tab\there\nnew\\line" : "src\(i)"
            let flux: String? = i % 10 == 0 ? nil : String(Double(i) / 2)
            return [String(i), name, flux]
        }
        let loaded = try await db.pool.withConnection { try $0.copy(into: "sources", columns: ["id", "name", "flux"], rows: rows) }
        #expect(loaded == 5000)
        let check = try await db.pool.withConnection { conn in
            try conn.query("SELECT count(*) AS n, count(flux) AS with_flux, (SELECT name FROM sources WHERE id = 3) AS odd FROM sources").first!
        }
        #expect(try check.int("n") == 5000)
        #expect(try check.int("with_flux") == 4500)
        #expect(try check.string("odd") == "tab\there\nnew\\line")
        await db.remove()
    }

    @Test func poolBoundsConcurrentConnections() async throws {
        let db = try await DatabaseFixture(maximumConnections: 3)
        let pids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    try await db.pool.withConnection { conn in
                        try conn.query("SELECT pg_sleep(0.01)")
                        return try conn.query("SELECT pg_backend_pid() AS pid").first!.int("pid")
                    }
                }
            }
            return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
        }
        #expect(pids.count <= 3)
        #expect(pids.count >= 1)
        await db.remove()
    }

    @Test func brokenConnectionIsReplaced() async throws {
        let db = try await DatabaseFixture(maximumConnections: 1)
        let firstPID = try await db.pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid").first!.int("pid") }
        // Another session terminates ours, as a database restart would.
        let killer = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL))
        try await killer.withConnection { try $0.query("SELECT pg_terminate_backend($1)", [firstPID]) }
        await killer.close()
        await #expect(throws: DatabaseError.self) { try await db.pool.withConnection { try $0.query("SELECT 1") } }
        let secondPID = try await db.pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid").first!.int("pid") }
        #expect(secondPID != firstPID)
        await db.remove()
    }

    @Test func unreachableDatabaseFailsWithConnectionFailedAndNoConninfo() async throws {
        let pool = DatabasePool(configuration: .init(conninfo: "host=127.0.0.1 port=1 user=postgres password=topsecret connect_timeout=2"))
        do {
            try await pool.withConnection { try $0.query("SELECT 1") }
            Issue.record("connected to port 1")
        } catch let error as DatabaseError {
            #expect(error.code == .connectionFailed)
            #expect(!String(describing: error).contains("topsecret"))
        }
        #expect(await pool.ping() == false)
    }
}
