import Database
import Foundation
@testable import CatalogStore

/// Writes FRBs straight into the catalogue for tests of the read side, where going through the broker
/// would only add time: an observation, then FRBs each with one measurement at a given position and time.
struct CatalogSeed {
    let pool: DatabasePool
    let observationId = CatalogHarness.freshId()

    init(pool: DatabasePool) async throws {
        self.pool = pool
        let id = observationId
        try await pool.withConnection { db in
            try db.query("""
                INSERT INTO catalog_observations (observation_id, beam_semi_major_axis, beam_semi_minor_axis, beam_rotation_angle,
                    sampling_time, bandwidth, nchan, centre_frequency, npol, bits_per_sample, gain, tsys, backend)
                VALUES ($1, 0.2, 0.3, 45, 0.1, 300, 3000, 1400, 2, 8, 3, 50, 'Multibeam')
                """, [id])
        }
    }

    /// Stores an FRB with one measurement; returns its id.
    @discardableResult
    func frb(ra: Double, dec: Double, at time: Date, dm: Double = 500, sn: Double = 12) async throws -> Int64 {
        let frbId = CatalogHarness.freshId()
        let (observationId, measurementId) = (self.observationId, CatalogHarness.freshId())
        try await pool.withConnection { db in
            try db.query("INSERT INTO catalog_frb_events (frb_id, observation_id, time_of_arrival) VALUES ($1, $2, $3)",
                         [frbId, observationId, time])
            try db.query("""
                INSERT INTO catalog_radio_measurements (measurement_id, frb_id, ra, dec, ra_hms, dec_dms, ra_pos_error, dec_pos_error,
                    gl, gb, source, version, dm, sn, received_at)
                VALUES ($1, $2, $3, $4, '0h', '0d', 0.01, 0.01, 0, 0, 'MB', 'seed', $5, $6, now())
                """, [measurementId, frbId, ra, dec, dm, sn])
        }
        return frbId
    }
}
