import Database

/// Operator actions on bearer tokens. A token is shown once, when issued; the database keeps only its SHA-256.
extension IdentityStore {
    /// Issues a token for `username` with `scopes`, which the user must hold (an admin may delegate any scope).
    public func issueToken(username: String, name: String, scopes: Set<Scope>) async throws -> IssuedToken {
        try Validation.checkTokenName(name)
        let token = BearerToken.generate()
        let digest = BearerToken.digest(token)
        let id = try await pool.transaction { db in
            let rows = try db.query("""
                SELECT id, array_to_string(scopes, ',') AS scopes FROM identity_users WHERE username = $1 FOR UPDATE
                """, [username]).rows
            guard let user = rows.first else { throw IdentityError(.unknownUser, subject: username) }
            let granted = Set<Scope>(storageText: try user.string("scopes"))
            guard granted.grantsAll(scopes) else {
                let missing = scopes.filter { !granted.grants($0) }
                throw IdentityError(.scopeNotGranted, subject: "\(username) lacks \(missing.storageText)")
            }
            return try db.query("""
                INSERT INTO identity_tokens (user_id, name, token_sha256, scopes)
                VALUES ($1, $2, $3, string_to_array($4, ',')) RETURNING id
                """, [try user.int("id"), name, digest, scopes.storageText]).onlyRow.int("id")
        }
        return IssuedToken(id: id, username: username, name: name, scopes: scopes, token: token)
    }

    /// Revokes a token; revoking it again keeps the first revocation time.
    public func revokeToken(id: Int64) async throws {
        let updated = try await pool.withConnection { db in
            try db.query("UPDATE identity_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1", [id]).affectedRows
        }
        guard updated > 0 else { throw IdentityError(.unknownToken, subject: "token \(id)") }
    }

    /// A user's tokens, revoked ones included, oldest first.
    public func tokens(username: String) async throws -> [TokenSummary] {
        try await pool.withConnection { db in
            let exists = try db.query("SELECT 1 FROM identity_users WHERE username = $1", [username]).first != nil
            guard exists else { throw IdentityError(.unknownUser, subject: username) }
            return try db.query("""
                SELECT t.id, u.username, t.name, array_to_string(t.scopes, ',') AS scopes, t.created_at, t.last_used_at, t.revoked_at
                FROM identity_tokens t JOIN identity_users u ON u.id = t.user_id
                WHERE u.username = $1 ORDER BY t.id
                """, [username]).rows.map { row in
                TokenSummary(id: try row.int("id"), username: try row.string("username"), name: try row.string("name"),
                             scopes: Set(storageText: try row.string("scopes")), createdAt: try row.date("created_at"),
                             lastUsedAt: try row.optionalDate("last_used_at"), revokedAt: try row.optionalDate("revoked_at"))
            }
        }
    }
}
