import Database

/// Operator actions on users. Each change bumps the identity version (by trigger), so every process stops
/// honouring the old password or scopes within its version-check interval.
extension IdentityStore {
    /// Adds a user with a freshly hashed password; returns the new user's id.
    @discardableResult
    public func addUser(username: String, password: String, scopes: Set<Scope>) async throws -> Int64 {
        try Validation.checkUsername(username)
        try Validation.checkPassword(password)
        return try await insertUser(username: username, passwordHash: try await hashPassword(password), scopes: scopes)
    }

    /// Adds a user with a hash copied from Django's `auth_user.password` (`pbkdf2_sha256$…`), so
    /// FRB_candidates_app's users keep their passwords.
    @discardableResult
    public func importUser(username: String, passwordHash: String, scopes: Set<Scope>) async throws -> Int64 {
        try Validation.checkUsername(username)
        guard PasswordHasher.isWellFormed(passwordHash) else { throw IdentityError(.invalidPasswordHash, subject: username) }
        return try await insertUser(username: username, passwordHash: passwordHash, scopes: scopes)
    }

    /// Replaces a user's password; the old one stops working everywhere within the version-check interval.
    public func setPassword(username: String, password: String) async throws {
        try Validation.checkPassword(password)
        let hash = try await hashPassword(password)
        try await updateUser(username, "UPDATE identity_users SET password_hash = $2, updated_at = now() WHERE username = $1", hash)
    }

    /// Replaces a user's scopes. Their tokens keep their own scopes but grant only those the user still holds.
    public func setScopes(username: String, scopes: Set<Scope>) async throws {
        try await updateUser(username, "UPDATE identity_users SET scopes = string_to_array($2, ','), updated_at = now() WHERE username = $1",
                             scopes.storageText)
    }

    /// Removes a user and, with them, their tokens.
    public func removeUser(username: String) async throws {
        let removed = try await pool.withConnection { db in
            try db.query("DELETE FROM identity_users WHERE username = $1", [username]).affectedRows
        }
        guard removed > 0 else { throw IdentityError(.unknownUser, subject: username) }
    }

    /// Every user, by username.
    public func users() async throws -> [UserSummary] {
        try await pool.withConnection { db in
            try db.query("""
                SELECT id, username, array_to_string(scopes, ',') AS scopes, created_at, updated_at
                FROM identity_users ORDER BY username
                """).rows.map { row in
                UserSummary(id: try row.int("id"), username: try row.string("username"),
                            scopes: Set(storageText: try row.string("scopes")),
                            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
            }
        }
    }

    private func insertUser(username: String, passwordHash: String, scopes: Set<Scope>) async throws -> Int64 {
        do {
            return try await pool.withConnection { db in
                try db.query("""
                    INSERT INTO identity_users (username, password_hash, scopes)
                    VALUES ($1, $2, string_to_array($3, ',')) RETURNING id
                    """, [username, passwordHash, scopes.storageText]).onlyRow.int("id")
            }
        } catch let error as DatabaseError where error.code == .uniqueViolation {
            throw IdentityError(.userExists, subject: username)
        }
    }

    /// Runs an UPDATE whose `$1` is the username and `$2` the new value; unknownUser when no row matched.
    private func updateUser(_ username: String, _ sql: String, _ value: String) async throws {
        let updated = try await pool.withConnection { db in
            try db.query(sql, [username, value]).affectedRows
        }
        guard updated > 0 else { throw IdentityError(.unknownUser, subject: username) }
    }
}
