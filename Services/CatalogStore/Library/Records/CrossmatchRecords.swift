import Database
import Foundation
import Schema

/// Crossmatch runs as requested and as completed, whichever arrives first, and their candidates.
enum CrossmatchRecords {
    static func store(_ request: CrossmatchRequested, at time: Date, _ db: isolated DatabaseConnection) throws {
        let catalogues = String(decoding: try EventJSON.encoder().encode(request.catalogues), as: UTF8.self)
        try db.query("""
            INSERT INTO catalog_crossmatch_runs (request_id, image_path, catalogues, radius_arcsec, frb_id, requested_at)
            VALUES ($1, $2, $3::jsonb, $4, $5, $6)
            ON CONFLICT (request_id) DO UPDATE SET image_path = EXCLUDED.image_path, catalogues = EXCLUDED.catalogues,
                radius_arcsec = EXCLUDED.radius_arcsec, frb_id = EXCLUDED.frb_id, requested_at = EXCLUDED.requested_at
            """, [request.requestId, request.imagePath, catalogues, request.radiusArcsec, request.frbId, time])
    }

    static func store(_ result: CrossmatchCompleted, _ db: isolated DatabaseConnection) throws {
        try db.query("""
            INSERT INTO catalog_crossmatch_runs (request_id, source_count, matched_count, completed_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (request_id) DO UPDATE SET source_count = EXCLUDED.source_count, matched_count = EXCLUDED.matched_count,
                completed_at = EXCLUDED.completed_at
            """, [result.requestId, result.sourceCount, result.matchedCount, result.completedAt])
        try db.query("DELETE FROM catalog_crossmatch_candidates WHERE request_id = $1", [result.requestId])
        for (ordinal, candidate) in result.candidates.enumerated() {
            try db.query("""
                INSERT INTO catalog_crossmatch_candidates (request_id, ordinal, ra, dec, flux, ratio, catalogue, separation_arcsec, classification)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, [result.requestId, ordinal, candidate.ra, candidate.dec, candidate.flux, candidate.ratio, candidate.catalogue,
                      candidate.separationArcsec, candidate.classification.rawValue])
        }
    }
}
