import Database

/// Issues integer ids for observations, FRB events and measurements from PostgreSQL sequences, so they
/// are unique across any number of ingest-api replicas and small and sequential in practice, and
/// remembers them so a child naming an unknown parent is refused. Each call is one statement.
struct IdentifierRegistry: Sendable {
    let pool: DatabasePool

    /// Ids of a whole first detection, issued together.
    struct Detection: Sendable, Equatable {
        let observationId: Int64
        let frbId: Int64
        let measurementId: Int64
    }

    func newObservation() async throws -> Int64 {
        try await pool.withConnection { db in
            try db.query("INSERT INTO ingest_observations (id) VALUES (nextval('ingest_observation_id_seq')) RETURNING id").first!.int("id")
        }
    }

    /// A new FRB id, or nil when the observation was never issued.
    func newFRB(observationId: Int64) async throws -> Int64? {
        try await pool.withConnection { db in
            try db.query("""
                INSERT INTO ingest_frb_events (id, observation_id)
                SELECT nextval('ingest_frb_id_seq'), id FROM ingest_observations WHERE id = $1
                RETURNING id
                """, [observationId]).first?.int("id")
        }
    }

    /// A new measurement id, or nil when the FRB was never issued.
    func newMeasurement(frbId: Int64) async throws -> Int64? {
        try await pool.withConnection { db in
            try db.query("""
                INSERT INTO ingest_measurements (id, frb_id)
                SELECT nextval('ingest_measurement_id_seq'), id FROM ingest_frb_events WHERE id = $1
                RETURNING id
                """, [frbId]).first?.int("id")
        }
    }

    func newDetection() async throws -> Detection {
        try await pool.withConnection { db in
            let row = try db.query("""
                WITH o AS (INSERT INTO ingest_observations (id) VALUES (nextval('ingest_observation_id_seq')) RETURNING id),
                     f AS (INSERT INTO ingest_frb_events (id, observation_id) SELECT nextval('ingest_frb_id_seq'), o.id FROM o RETURNING id),
                     m AS (INSERT INTO ingest_measurements (id, frb_id) SELECT nextval('ingest_measurement_id_seq'), f.id FROM f RETURNING id)
                SELECT o.id AS observation_id, f.id AS frb_id, m.id AS measurement_id FROM o, f, m
                """).first!
            return Detection(observationId: try row.int("observation_id"), frbId: try row.int("frb_id"), measurementId: try row.int("measurement_id"))
        }
    }
}
