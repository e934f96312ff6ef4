import Database
import Foundation
import Messaging
import Schema

/// Reads and writes `trigger_decisions`; see `TriggerSchema`.
struct TriggerLedger: Sendable {
    enum CallState: String, Sendable {
        case none, ready, claimed, sent, failed
    }

    struct Record: Sendable {
        let key: String
        let decisionId: Int64
        let status: TriggerStatus
        let reason: [DecisionLogEntry]
        let callState: CallState
        /// The MWA request decided, if any.
        let action: MWAAction?
    }

    let pool: DatabasePool

    /// Records a decision unless one exists for `key`, and returns what is recorded: the first decision
    /// and its MWA request stand, so a redelivery never re-plans with a later clock or a larger group.
    static func record(key: String, proposalId: String, status: TriggerStatus, reason log: [DecisionLogEntry], action: MWAAction?,
                       in db: isolated DatabaseConnection) throws -> Record {
        let encoder = EventJSON.encoder()
        let reason = String(decoding: try encoder.encode(log), as: UTF8.self)
        let request = try action.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try db.query("""
            INSERT INTO trigger_decisions (decision_key, proposal_id, status, reason, call_state, action)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb) ON CONFLICT (decision_key) DO NOTHING
            """, [key, proposalId, status.rawValue, reason, (action == nil ? CallState.none : .ready).rawValue, request])
        let row = try db.query("""
            SELECT decision_id, status, reason::text AS reason, call_state, action::text AS action FROM trigger_decisions WHERE decision_key = $1
            """, [key]).first!
        let decoder = EventJSON.decoder()
        return Record(key: key, decisionId: try row.int("decision_id"), status: TriggerStatus(rawValue: try row.string("status")) ?? .error,
                      reason: try decoder.decode([DecisionLogEntry].self, from: Data(try row.string("reason").utf8)),
                      callState: CallState(rawValue: try row.string("call_state")) ?? .claimed,
                      action: try row["action"].map { try decoder.decode(MWAAction.self, from: Data($0.utf8)) })
    }

    func record(key: String, proposalId: String, status: TriggerStatus, reason: [DecisionLogEntry], action: MWAAction?) async throws -> Record {
        try await pool.transaction { db in
            try Self.record(key: key, proposalId: proposalId, status: status, reason: reason, action: action, in: db)
        }
    }

    /// Takes the call for this process; false when another already took it.
    func claim(key: String) async throws -> Bool {
        try await pool.withConnection { db in
            try db.query("""
                UPDATE trigger_decisions SET call_state = 'claimed', updated_at = now() WHERE decision_key = $1 AND call_state = 'ready'
                """, [key]).affectedRows == 1
        }
    }

    /// Records the outcome of a claimed call. Retried until the database takes it: after a call, the
    /// outcome (trigger id, observations) exists nowhere else.
    func settle(key: String, status: TriggerStatus, reason: [DecisionLogEntry], callState: CallState, triggerId: Int64?) async throws {
        let text = String(decoding: try EventJSON.encoder().encode(reason), as: UTF8.self)
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
        while true {
            do {
                try await pool.withConnection { db in
                    try db.query("""
                        UPDATE trigger_decisions SET status = $2, reason = $3::jsonb, call_state = $4, trigger_id = $5, updated_at = now()
                        WHERE decision_key = $1 AND call_state = 'claimed'
                        """, [key, status.rawValue, text, callState.rawValue, triggerId])
                }
                return
            } catch {
                try await Task.sleep(for: backoff.next())
            }
        }
    }
}
