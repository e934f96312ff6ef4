import Database

extension IdentityStore {
    /// The identity tables, shared by every service on the database. `identity_version` is a single-row counter
    /// that triggers bump on every change to users or tokens (operator actions and hand-written SQL alike), so
    /// each process can drop its credential cache within a second of a change made anywhere. Updating
    /// `last_used_at` does not bump it.
    public static let migrator = Migrator(component: "identity", migrations: [
        Migration(version: 1, name: "users, tokens and the identity version", sql: """
            CREATE TABLE identity_version (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                version bigint NOT NULL,
                changed_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO identity_version (version) VALUES (1);

            CREATE TABLE identity_users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                username text NOT NULL UNIQUE,
                password_hash text NOT NULL,
                scopes text[] NOT NULL DEFAULT '{}' CHECK (scopes <@ ARRAY['ingest', 'read', 'admin']),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now());

            CREATE TABLE identity_tokens (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
                name text NOT NULL,
                token_sha256 bytea NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
                scopes text[] NOT NULL CHECK (scopes <@ ARRAY['ingest', 'read', 'admin']),
                created_at timestamptz NOT NULL DEFAULT now(),
                last_used_at timestamptz,
                revoked_at timestamptz);
            CREATE INDEX identity_tokens_user ON identity_tokens (user_id);

            CREATE FUNCTION identity_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE identity_version SET version = version + 1, changed_at = now();
                RETURN NULL;
            END $$;
            CREATE TRIGGER identity_users_changed
                AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF username, password_hash, scopes ON identity_users
                FOR EACH STATEMENT EXECUTE FUNCTION identity_bump_version();
            CREATE TRIGGER identity_tokens_changed
                AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF user_id, token_sha256, scopes, revoked_at ON identity_tokens
                FOR EACH STATEMENT EXECUTE FUNCTION identity_bump_version();
            """),
    ])

    /// Reads the identity version; the table always holds its one row once migrated.
    static func readVersion(_ db: isolated DatabaseConnection) throws -> Int64 {
        guard let row = try db.query("SELECT version FROM identity_version").first else {
            throw DatabaseError(.decodingFailed, serverMessage: "identity_version is empty")
        }
        return try row.int("version")
    }
}
