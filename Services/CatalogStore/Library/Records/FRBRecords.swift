import Database
import Foundation
import Schema

/// Reads records back out of the catalogue as the events' own types (`to_jsonb` of a row decodes
/// straight into the Schema record, since columns carry the events' field names).
enum FRBRecords {
    static func observation(_ id: Int64, _ db: isolated DatabaseConnection) throws -> FRBObservation {
        try record(FRBObservation.self, "SELECT to_jsonb(o) AS record FROM catalog_observations o WHERE observation_id = $1", id, db)
    }

    static func frb(_ id: Int64, _ db: isolated DatabaseConnection) throws -> FRBRecord {
        try record(FRBRecord.self, "SELECT to_jsonb(f) AS record FROM catalog_frb_events f WHERE frb_id = $1", id, db)
    }

    /// Keeps one rating per user per FRB; a click older than the one stored (by Slack's action_ts) changes nothing.
    static func record(_ rating: SlackRatingReceived, _ db: isolated DatabaseConnection) throws {
        try db.query("""
            INSERT INTO catalog_slack_users (slack_user_id, name) VALUES ($1, $2)
            ON CONFLICT (slack_user_id) DO UPDATE SET name = EXCLUDED.name
            """, [rating.slackUserId, rating.slackUserName])
        try db.query("""
            INSERT INTO catalog_ratings (frb_id, slack_user_id, rating, action_ts) VALUES ($1, $2, $3, $4::numeric)
            ON CONFLICT (frb_id, slack_user_id) DO UPDATE SET rating = EXCLUDED.rating, action_ts = EXCLUDED.action_ts, rated_at = now()
            WHERE catalog_ratings.action_ts < EXCLUDED.action_ts
            """, [rating.frbId, rating.slackUserId, rating.rating.rawValue, rating.actionTs])
    }

    private static func record<T: Decodable>(_ type: T.Type, _ sql: String, _ id: Int64, _ db: isolated DatabaseConnection) throws -> T {
        guard let json = try db.query(sql, [id]).first?["record"] else { throw DatabaseError(.foreignKeyViolation) }
        return try EventJSON.decoder().decode(T.self, from: Data(json.utf8))
    }
}
