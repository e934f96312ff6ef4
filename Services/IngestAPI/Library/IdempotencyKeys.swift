import Database

/// `Idempotency-Key` support for the native API: the first request with a key is processed and its
/// response kept; a retry with the same key and body gets that response again instead of creating
/// duplicates. A key reused for a different body, or while the first request is still running, is refused.
struct IdempotencyKeys: Sendable {
    enum Claim: Sendable, Equatable {
        case proceed
        case replay(status: Int, body: String)
        case inProgress
        case mismatch
    }

    let pool: DatabasePool

    func claim(principal: String, key: String, requestSHA256: String) async throws -> Claim {
        try await pool.withConnection { db in
            let inserted = try db.query("""
                INSERT INTO ingest_idempotency_keys (principal, key, request_sha256) VALUES ($1, $2, $3)
                ON CONFLICT DO NOTHING RETURNING 1 AS claimed
                """, [principal, key, requestSHA256])
            if inserted.first != nil { return .proceed }
            guard let row = try db.query("SELECT request_sha256, status, response FROM ingest_idempotency_keys WHERE principal = $1 AND key = $2",
                                         [principal, key]).first else { return .inProgress }
            guard try row.string("request_sha256") == requestSHA256 else { return .mismatch }
            guard let status = try row.optionalInt("status"), let body = row["response"] else { return .inProgress }
            return .replay(status: Int(status), body: body)
        }
    }

    func complete(principal: String, key: String, status: Int, body: String) async throws {
        try await pool.withConnection { db in
            try db.query("UPDATE ingest_idempotency_keys SET status = $3, response = $4 WHERE principal = $1 AND key = $2",
                         [principal, key, status, body])
        }
    }

    /// Releases a key whose request failed without effect, so the client's retry can proceed.
    func release(principal: String, key: String) async {
        _ = try? await pool.withConnection { db in
            try db.query("DELETE FROM ingest_idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL", [principal, key])
        }
    }
}
