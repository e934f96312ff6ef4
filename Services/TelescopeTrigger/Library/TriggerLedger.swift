import Database
import Foundation
import Schema

/// Reads and writes `trigger_decisions`; see `TriggerSchema`.
struct TriggerLedger: Sendable {
    enum CallState: String, Sendable {
        case none, ready, claimed, sent, failed
    }

    struct Record: Sendable {
        let decisionId: Int64
        let status: TriggerStatus
        let reason: [DecisionLogEntry]
        let callState: CallState
    }

    let pool: DatabasePool

    /// Records the plan unless a decision for `key` exists, and returns what is recorded: the first
    /// decision stands, so a redelivery never re-plans with a later clock.
    func record(key: String, proposalId: String, status: TriggerStatus, reason log: [DecisionLogEntry], hasCall: Bool) async throws -> Record {
        let reason = String(decoding: try EventJSON.encoder().encode(log), as: UTF8.self)
        let state: CallState = hasCall ? .ready : .none
        return try await pool.transaction { db in
            try db.query("""
                INSERT INTO trigger_decisions (decision_key, proposal_id, status, reason, call_state) VALUES ($1, $2, $3, $4::jsonb, $5)
                ON CONFLICT (decision_key) DO NOTHING
                """, [key, proposalId, status.rawValue, reason, state.rawValue])
            let row = try db.query("SELECT decision_id, status, reason::text AS reason, call_state FROM trigger_decisions WHERE decision_key = $1",
                                   [key]).first!
            return Record(decisionId: try row.int("decision_id"), status: TriggerStatus(rawValue: try row.string("status")) ?? .error,
                          reason: try EventJSON.decoder().decode([DecisionLogEntry].self, from: Data(try row.string("reason").utf8)),
                          callState: CallState(rawValue: try row.string("call_state")) ?? .claimed)
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

    func settle(key: String, status: TriggerStatus, reason: [DecisionLogEntry], callState: CallState, triggerId: Int64?) async throws {
        let text = String(decoding: try EventJSON.encoder().encode(reason), as: UTF8.self)
        try await pool.withConnection { db in
            try db.query("""
                UPDATE trigger_decisions SET status = $2, reason = $3::jsonb, call_state = $4, trigger_id = $5, updated_at = now()
                WHERE decision_key = $1
                """, [key, status.rawValue, text, callState.rawValue, triggerId])
        }
    }
}
