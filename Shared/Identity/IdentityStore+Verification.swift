import Database

/// The database side of `authenticate`: one statement reads the identity version together with the user or
/// token, so the version tagged on the outcome is never newer than the data it was derived from.
extension IdentityStore {
    func verifyBasic(username: String, password: String) async throws -> CredentialCache.Verified {
        let row = try await pool.withConnection { db in
            try db.query("""
                SELECT v.version, u.id, u.username, u.password_hash, array_to_string(u.scopes, ',') AS scopes
                FROM identity_version v LEFT JOIN identity_users u ON u.username = $1
                """, [username]).onlyRow
        }
        let version = try row.int("version")
        guard let userId = try row.optionalInt("id") else {
            _ = await checkPassword(password, against: passwordHasher.unknownUserHash)
            return .init(principal: nil, version: version)
        }
        guard await checkPassword(password, against: try row.string("password_hash")) else {
            return .init(principal: nil, version: version)
        }
        let principal = Principal(userId: userId, username: try row.string("username"),
                                  scopes: Set(storageText: try row.string("scopes")))
        return .init(principal: principal, version: version)
    }

    /// Tokens grant only those of their scopes that the user still holds. A successful lookup records
    /// `last_used_at`, which does not bump the identity version.
    func verifyBearer(token: String) async throws -> CredentialCache.Verified {
        let digest = BearerToken.digest(token)
        return try await pool.withConnection { db in
            let row = try db.query("""
                SELECT v.version, t.id AS token_id, array_to_string(t.scopes, ',') AS token_scopes,
                       u.id AS user_id, u.username, array_to_string(u.scopes, ',') AS user_scopes
                FROM identity_version v
                LEFT JOIN (identity_tokens t JOIN identity_users u ON u.id = t.user_id)
                       ON t.token_sha256 = $1 AND t.revoked_at IS NULL
                """, [digest]).onlyRow
            let version = try row.int("version")
            guard let tokenId = try row.optionalInt("token_id") else { return .init(principal: nil, version: version) }
            try db.query("UPDATE identity_tokens SET last_used_at = now() WHERE id = $1", [tokenId])
            let userScopes = Set<Scope>(storageText: try row.string("user_scopes"))
            let scopes = Set<Scope>(storageText: try row.string("token_scopes")).filter(userScopes.grants)
            let principal = Principal(userId: try row.int("user_id"), username: try row.string("username"),
                                      scopes: scopes, tokenId: tokenId)
            return .init(principal: principal, version: version)
        }
    }
}
