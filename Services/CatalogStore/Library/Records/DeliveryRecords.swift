import Database
import Foundation
import Schema
import VOEvent

/// What the notifier did: every attempt to reach Slack, TNS or a VOEvent broker, the VOEvents it sent,
/// and the names TNS assigned.
enum DeliveryRecords {
    static func store(_ sent: NotificationSent, eventId: String, _ db: isolated DatabaseConnection) throws {
        try insert(eventId: eventId, ledgerKey: sent.ledgerKey, attempt: sent.attempt, channel: sent.channel, target: sent.target,
                   frbId: sent.frbId, status: "sent", httpStatus: sent.httpStatus, brokerAnswer: sent.brokerAnswer,
                   responseExcerpt: sent.responseExcerpt, errorMessage: nil, willRetry: nil, voevent: sent.voevent, at: sent.sentAt, db)
    }

    static func store(_ failed: NotificationFailed, eventId: String, _ db: isolated DatabaseConnection) throws {
        try insert(eventId: eventId, ledgerKey: failed.ledgerKey, attempt: failed.attempt, channel: failed.channel, target: failed.target,
                   frbId: failed.frbId, status: "failed", httpStatus: failed.httpStatus, brokerAnswer: failed.brokerAnswer,
                   responseExcerpt: failed.responseExcerpt, errorMessage: failed.errorMessage, willRetry: failed.willRetry,
                   voevent: failed.voevent, at: failed.sentAt, db)
    }

    /// Names the FRB and keeps the report that named it; the FRB must be stored first.
    static func store(_ assigned: TNSNameAssigned, _ db: isolated DatabaseConnection) throws {
        guard try db.query("UPDATE catalog_frb_events SET tns_name = $2 WHERE frb_id = $1", [assigned.frbId, assigned.tnsName]).affectedRows == 1 else {
            throw DatabaseError(.foreignKeyViolation)
        }
        try db.query("""
            INSERT INTO catalog_tns_reports (report_id, frb_id, tns_name, assigned_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (report_id) DO UPDATE SET tns_name = EXCLUDED.tns_name, assigned_at = EXCLUDED.assigned_at
            """, [assigned.reportId, assigned.frbId, assigned.tnsName, assigned.assignedAt])
    }

    private static func insert(eventId: String, ledgerKey: String, attempt: Int, channel: NotificationChannel, target: String,
                               frbId: Int64?, status: String, httpStatus: Int?, brokerAnswer: BrokerAnswer?, responseExcerpt: String?,
                               errorMessage: String?, willRetry: Bool?, voevent: PublishedVOEvent?, at time: Date,
                               _ db: isolated DatabaseConnection) throws {
        try db.query("""
            INSERT INTO catalog_notifications (event_id, ledger_key, attempt, channel, target, frb_id, status, http_status,
                broker_answer, response_excerpt, error_message, will_retry, ivorn, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """, [eventId, ledgerKey, attempt, channel.rawValue, target, frbId, status, httpStatus, brokerAnswer?.rawValue,
                  responseExcerpt, errorMessage, willRetry, voevent?.ivorn, time])
        if let voevent, status == "sent" {
            let document = try VOEventSummaryParser.document(of: Array(voevent.xml.utf8))
            try VOEventRecords.insert(ivorn: voevent.ivorn, role: document.role ?? "test", xml: voevent.xml, summary: document.summary, direction: .sent,
                                      frbId: frbId, at: time, db)
        }
    }
}
