import Database

/// Tables ingest-api owns: the ids it issued (so an unknown parent id is a 400, as in the original),
/// idempotency keys of the native API, and VOEvents already accepted (duplicates are acked, not re-published).
enum IngestSchema {
    static let migrator = Migrator(component: "ingest", migrations: [
        Migration(version: 1, name: "issued ids, idempotency keys, voevents", sql: """
            CREATE SEQUENCE IF NOT EXISTS ingest_observation_id_seq;
            CREATE SEQUENCE IF NOT EXISTS ingest_frb_id_seq;
            CREATE SEQUENCE IF NOT EXISTS ingest_measurement_id_seq;
            CREATE TABLE ingest_observations (
                id bigint PRIMARY KEY,
                issued_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE ingest_frb_events (
                id bigint PRIMARY KEY,
                observation_id bigint NOT NULL REFERENCES ingest_observations (id),
                issued_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE ingest_measurements (
                id bigint PRIMARY KEY,
                frb_id bigint NOT NULL REFERENCES ingest_frb_events (id),
                issued_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE ingest_idempotency_keys (
                principal text NOT NULL,
                key text NOT NULL,
                request_sha256 text NOT NULL,
                status integer,
                response text,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (principal, key));
            CREATE TABLE ingest_voevents (
                ivorn text PRIMARY KEY,
                sha256 text NOT NULL UNIQUE,
                received_at timestamptz NOT NULL DEFAULT now());
            """),
    ])
}
