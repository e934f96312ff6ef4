import Database
import Foundation
import Schema

/// VOEvents in the catalogue: packets received from brokers and authors, and those the notifier sent
/// about our FRBs, each once by IVORN with the parsed header beside the XML.
enum VOEventRecords {
    enum Direction: String {
        case received, sent
    }

    static func insert(ivorn: String, role: String, xml: String, summary: VOEventSummary, direction: Direction,
                       packet: VOEventPacket? = nil, frbId: Int64? = nil, at time: Date, _ db: isolated DatabaseConnection) throws {
        let summaryJSON = String(decoding: try EventJSON.encoder().encode(summary), as: UTF8.self)
        try db.query("""
            INSERT INTO catalog_voevents (ivorn, direction, role, xml, sha256, received_via, remote_address, stored_at, stream,
                author_ivorn, authored_at, event_time, ra, dec, error_radius, frb_id, summary)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::jsonb)
            ON CONFLICT (ivorn) DO NOTHING
            """, [ivorn, direction.rawValue, role, xml, packet?.sha256, packet?.receivedVia.rawValue, packet?.remoteAddress, time,
                  summary.stream, summary.authorIvorn, summary.date, summary.position?.time,
                  summary.position?.ra, summary.position?.dec, summary.position?.errorRadius, frbId, summaryJSON])
    }
}
