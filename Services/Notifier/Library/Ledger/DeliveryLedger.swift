import Database
import Foundation
import Schema

/// One intended delivery: where it goes and the key that makes it happen once.
struct Delivery: Sendable, Equatable {
    /// e.g. "slack:frb:42", "tns:frb:42", "voevent:detection:42:broker.example.org:8098".
    let key: String
    let channel: NotificationChannel
    let target: String
    let frbId: Int64?
}

/// The ledger every delivery goes through: recorded before acting, settled after. A redelivered event
/// finds its deliveries settled and sends nothing; a delivery that was in flight when the notifier died
/// is recognisable, so each channel can check before sending again.
struct DeliveryLedger: Sendable {
    /// Where a delivery stood when `begin` found it.
    enum Start: Sendable, Equatable {
        /// Go ahead: nothing was attempted before, or an earlier attempt failed and may be retried.
        case fresh(attempt: Int, payload: String?)
        /// An earlier attempt started at `since` and never settled (a crash): it may or may not have arrived.
        case interrupted(attempt: Int, payload: String?, externalId: String?, since: Date)
        /// Accepted by the destination, waiting for its outcome (a TNS report waiting for its name).
        case submitted(externalId: String)
        /// Settled: sent, or failed for good.
        case settled
    }

    let pool: DatabasePool

    /// Records the intent (keeping any payload recorded earlier, so a retry sends the same bytes) and
    /// marks it in flight.
    func begin(_ delivery: Delivery, payload: String?) async throws -> Start {
        try await pool.transaction { db in
            try db.query("""
                INSERT INTO notifier_deliveries (ledger_key, channel, target, frb_id, state, payload)
                VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT (ledger_key) DO NOTHING
                """, [delivery.key, delivery.channel.rawValue, delivery.target, delivery.frbId, payload])
            let row = try db.query("""
                SELECT state, attempts, payload, external_id, updated_at FROM notifier_deliveries WHERE ledger_key = $1 FOR UPDATE
                """, [delivery.key]).first!
            let state = try row.string("state")
            let stored = row["payload"]
            switch state {
            case "sent", "failed":
                return .settled
            case "submitted":
                return .submitted(externalId: row["external_id"] ?? "")
            default:
                let attempt = Int(try row.int("attempts")) + 1
                try db.query("UPDATE notifier_deliveries SET state = 'in_flight', attempts = $2, updated_at = now() WHERE ledger_key = $1",
                             [delivery.key, attempt])
                return state == "in_flight"
                    ? .interrupted(attempt: attempt, payload: stored, externalId: row["external_id"], since: try row.date("updated_at"))
                    : .fresh(attempt: attempt, payload: stored)
            }
        }
    }

    /// `event` is the outcome's notification event, kept until `announced`.
    func sent(_ delivery: Delivery, externalId: String?, answer: String?, event: String? = nil) async throws {
        try await settle(delivery, state: "sent", externalId: externalId, answer: answer, error: nil, event: event)
    }

    /// Accepted, outcome pending (TNS): the name poller picks it up from here, even after a restart.
    func submitted(_ delivery: Delivery, externalId: String, answer: String?, event: String? = nil) async throws {
        try await settle(delivery, state: "submitted", externalId: externalId, answer: answer, error: nil, event: event)
    }

    /// A failure: `permanent` ones are never tried again; others go back to pending for the next attempt,
    /// or stay in flight when the destination may have acted on the request (`ambiguous`).
    func failed(_ delivery: Delivery, error: String, answer: String?, permanent: Bool, ambiguous: Bool = false, event: String? = nil) async throws {
        let state = permanent ? "failed" : ambiguous ? "in_flight" : "pending"
        try await settle(delivery, state: state, externalId: nil, answer: answer, error: error, event: event)
    }

    /// The notification event of the latest outcome, if the broker has not confirmed it yet.
    func unannounced(_ delivery: Delivery) async throws -> String? {
        try await pool.withConnection { db in
            try db.query("SELECT unannounced FROM notifier_deliveries WHERE ledger_key = $1", [delivery.key]).first?["unannounced"]
        }
    }

    /// The broker confirmed the outcome's event.
    func announced(_ delivery: Delivery) async throws {
        try await pool.withConnection { db in
            try db.query("UPDATE notifier_deliveries SET unannounced = NULL WHERE ledger_key = $1", [delivery.key])
        }
    }

    /// Reports to the TNS at `target` accepted but not yet named, oldest first.
    func submittedReports(target: String) async throws -> [(delivery: Delivery, reportId: String, attempts: Int)] {
        try await pool.withConnection { db in
            try db.query("""
                SELECT ledger_key, target, frb_id, external_id, attempts FROM notifier_deliveries
                WHERE channel = 'tns' AND state = 'submitted' AND target = $1 ORDER BY updated_at
                """, [target]).rows.map { row in
                (Delivery(key: try row.string("ledger_key"), channel: .tns, target: try row.string("target"), frbId: try row.optionalInt("frb_id")),
                 try row.string("external_id"), Int(try row.int("attempts")))
            }
        }
    }

    private func settle(_ delivery: Delivery, state: String, externalId: String?, answer: String?, error: String?, event: String?) async throws {
        try await pool.withConnection { db in
            try db.query("""
                UPDATE notifier_deliveries SET state = $2, external_id = coalesce($3, external_id), answer = coalesce($4, answer),
                    last_error = $5, unannounced = $6, updated_at = now()
                WHERE ledger_key = $1
                """, [delivery.key, state, externalId, answer.map { String($0.prefix(2000)) }, error, event])
        }
    }
}
