import Database

/// Issues integer ids for observations, FRB events and measurements from PostgreSQL sequences, so they
/// are unique across any number of ingest-api replicas and small and sequential in practice, and
/// remembers them so a child naming an unknown parent is refused.
///
/// Concurrent requests are issued together: while one batch is in its transaction the next requests
/// queue, then go in one transaction (one commit, one trip to the database's thread) — the id tables'
/// cost per request falls as load rises, and every id is still durable before it is handed out.
actor IdentifierRegistry {
    /// Ids of a whole first detection, issued together.
    struct Detection: Sendable, Equatable {
        let observationId: Int64
        let frbId: Int64
        let measurementId: Int64
    }

    enum Request: Sendable {
        case observation
        case frb(observationId: Int64)
        case measurement(frbId: Int64)
        case detection
    }

    /// What a request was issued; nil ids mean the named parent was never issued.
    enum Issued: Sendable {
        case id(Int64?)
        case detection(Detection)
    }

    private let pool: DatabasePool
    private var queued: [(Request, CheckedContinuation<Issued, any Error>)] = []
    private var flushing = false

    init(pool: DatabasePool) {
        self.pool = pool
    }

    func newObservation() async throws -> Int64 {
        guard case .id(let id?) = try await issue(.observation) else { throw DatabaseError(.queryFailed) }
        return id
    }

    /// A new FRB id, or nil when the observation was never issued.
    func newFRB(observationId: Int64) async throws -> Int64? {
        guard case .id(let id) = try await issue(.frb(observationId: observationId)) else { throw DatabaseError(.queryFailed) }
        return id
    }

    /// A new measurement id, or nil when the FRB was never issued.
    func newMeasurement(frbId: Int64) async throws -> Int64? {
        guard case .id(let id) = try await issue(.measurement(frbId: frbId)) else { throw DatabaseError(.queryFailed) }
        return id
    }

    func newDetection() async throws -> Detection {
        guard case .detection(let ids) = try await issue(.detection) else { throw DatabaseError(.queryFailed) }
        return ids
    }

    private func issue(_ request: Request) async throws -> Issued {
        try await withCheckedThrowingContinuation { continuation in
            queued.append((request, continuation))
            if !flushing {
                flushing = true
                Task { await flush() }
            }
        }
    }

    private func flush() async {
        while !queued.isEmpty {
            let batch = queued
            queued = []
            do {
                let issued = try await pool.transaction { db in try batch.map { try Self.issue($0.0, db) } }
                for (index, entry) in batch.enumerated() { entry.1.resume(returning: issued[index]) }
            } catch {
                batch.forEach { $0.1.resume(throwing: error) }
            }
        }
        flushing = false
    }

    private static func issue(_ request: Request, _ db: isolated DatabaseConnection) throws -> Issued {
        switch request {
        case .observation:
            return .id(try db.query("INSERT INTO ingest_observations (id) VALUES (nextval('ingest_observation_id_seq')) RETURNING id").first?.int("id"))
        case .frb(let observationId):
            return .id(try db.query("""
                INSERT INTO ingest_frb_events (id, observation_id)
                SELECT nextval('ingest_frb_id_seq'), id FROM ingest_observations WHERE id = $1
                RETURNING id
                """, [observationId]).first?.int("id"))
        case .measurement(let frbId):
            return .id(try db.query("""
                INSERT INTO ingest_measurements (id, frb_id)
                SELECT nextval('ingest_measurement_id_seq'), id FROM ingest_frb_events WHERE id = $1
                RETURNING id
                """, [frbId]).first?.int("id"))
        case .detection:
            let row = try db.query("""
                WITH o AS (INSERT INTO ingest_observations (id) VALUES (nextval('ingest_observation_id_seq')) RETURNING id),
                     f AS (INSERT INTO ingest_frb_events (id, observation_id) SELECT nextval('ingest_frb_id_seq'), o.id FROM o RETURNING id),
                     m AS (INSERT INTO ingest_measurements (id, frb_id) SELECT nextval('ingest_measurement_id_seq'), f.id FROM f RETURNING id)
                SELECT o.id AS observation_id, f.id AS frb_id, m.id AS measurement_id FROM o, f, m
                """).first
            guard let row else { throw DatabaseError(.queryFailed) }
            return .detection(Detection(observationId: try row.int("observation_id"), frbId: try row.int("frb_id"),
                                        measurementId: try row.int("measurement_id")))
        }
    }
}
