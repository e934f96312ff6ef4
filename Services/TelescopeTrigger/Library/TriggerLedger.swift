import Astro
import Database
import Foundation
import Messaging
import Schema

/// Reads and writes `trigger_decisions`; see `TriggerSchema`.
struct TriggerLedger: Sendable {
    enum CallState: String, Sendable {
        /// Nothing to call; awaiting a human's approval; to be called; taken by one process; settled.
        case none, awaiting, ready, claimed, sent, failed
    }

    /// A decision as first made, before the ledger has given it an id.
    struct Entry: Sendable {
        var key: String
        var proposalId: String
        var priority: Int
        var subject: TriggerSubject
        var position: TriggerPosition?
        var status: TriggerStatus
        var reason: [DecisionLogEntry]
        /// The MWA request decided, if any; a pending decision's waits for approval.
        var action: MWAAction?
    }

    struct Record: Sendable {
        let key: String
        let decisionId: Int64
        let proposalId: String
        let priority: Int
        let subject: TriggerSubject
        let position: TriggerPosition?
        let status: TriggerStatus
        let reason: [DecisionLogEntry]
        let callState: CallState
        let action: MWAAction?

        func decided(at time: Date) -> TriggerDecided {
            TriggerDecided(decisionId: decisionId, subject: subject, proposalId: proposalId, status: status, reason: reason,
                           position: position, decidedAt: time)
        }
    }

    let pool: DatabasePool

    private static let columns = """
        decision_key, decision_id, proposal_id, coalesce(priority, 1) AS priority, subject::text AS subject, position::text AS position,
        status, reason::text AS reason, call_state, action::text AS action
        """

    /// Records a decision unless one exists for its key, and returns what is recorded: the first decision
    /// and its MWA request stand, so a redelivery never re-plans with a later clock or a larger group.
    static func record(_ entry: Entry, in db: isolated DatabaseConnection) throws -> Record {
        let state: CallState = entry.action == nil ? .none : entry.status == .pending ? .awaiting : .ready
        try db.query("""
            INSERT INTO trigger_decisions (decision_key, proposal_id, priority, subject, position, status, reason, call_state, action)
            VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8, $9::jsonb) ON CONFLICT (decision_key) DO NOTHING
            """, [entry.key, entry.proposalId, Int64(entry.priority), try json(entry.subject), try entry.position.map(json), entry.status.rawValue,
                  try json(entry.reason), state.rawValue, try entry.action.map(json)])
        return try read(db.query("SELECT \(columns) FROM trigger_decisions WHERE decision_key = $1", [entry.key]).first!)
    }

    func record(_ entry: Entry) async throws -> Record {
        try await pool.transaction { db in try Self.record(entry, in: db) }
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
        let text = try Self.json(reason)
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

    /// Applies a human's answer to a decision awaiting approval: approved, its call becomes ready — unless
    /// another decision of the same trigger and proposal already asked the MWA to observe, which one
    /// approval must not repeat; rejected, it is cancelled. An answer to a decision no longer awaiting
    /// changes nothing. Nil when there is no such decision.
    func answer(_ approval: TriggerApprovalReceived, at now: Date) async throws -> Record? {
        try await pool.transaction { db in
            guard let row = try db.query("SELECT \(Self.columns) FROM trigger_decisions WHERE decision_id = $1 FOR UPDATE",
                                         [approval.decisionId]).first else { return nil }
            let record = try Self.read(row)
            guard record.callState == .awaiting else { return record }
            var reason = record.reason
            let (state, status): (CallState, TriggerStatus)
            if !approval.approved {
                reason.append(DecisionLogEntry(time: now, message: "Rejected by \(approval.approver)."))
                (state, status) = (.none, .cancelled)
            } else if let earlier = try Self.observedAlready(record, in: db) {
                reason.append(DecisionLogEntry(time: now, message: "Approved by \(approval.approver), but decision \(earlier) already asked the MWA to observe this trigger for \(record.proposalId); not observed again."))
                (state, status) = (.none, .cancelled)
            } else {
                reason.append(DecisionLogEntry(time: now, message: "Approved by \(approval.approver)."))
                (state, status) = (.ready, record.status)
            }
            try db.query("""
                UPDATE trigger_decisions SET call_state = $2, status = $3, reason = $4::jsonb, answered_by = $5, updated_at = now()
                WHERE decision_id = $1
                """, [approval.decisionId, state.rawValue, status.rawValue, try Self.json(reason), approval.approver])
            return try Self.read(db.query("SELECT \(Self.columns) FROM trigger_decisions WHERE decision_id = $1", [approval.decisionId]).first!)
        }
    }

    /// The latest real (not pretend) observation the MWA accepted from us that may still be running; nil
    /// when none is.
    func runningObservation(excluding key: String, now: Date) async throws -> RunningObservation? {
        let rows = try await pool.withConnection { db in
            try db.query("""
                SELECT \(Self.columns), updated_at FROM trigger_decisions
                WHERE call_state = 'sent' AND decision_key <> $1 AND updated_at > now() - interval '1 day'
                ORDER BY updated_at DESC LIMIT 50
                """, [key]).rows
        }
        for row in rows {
            let record = try Self.read(row)
            guard let action = record.action, !action.pretend else { continue }
            let sent = try row.date("updated_at")
            let ends = sent.addingTimeInterval(Double(action.seconds(nowGPS: GPSTime(utc: sent).seconds)))
            guard ends > now else { return nil }
            return RunningObservation(proposalId: record.proposalId, priority: record.priority, position: record.position, ends: ends)
        }
        return nil
    }

    /// Another decision of the same alert trigger and proposal whose observation was asked for (or is
    /// about to be). Alert keys are `alert:<group>|<proposal>|<ivorn>`; an FRB has one decision per proposal.
    private static func observedAlready(_ record: Record, in db: isolated DatabaseConnection) throws -> Int64? {
        guard record.key.hasPrefix("alert:"), let cut = record.key.lastIndex(of: "|") else { return nil }
        let prefix = String(record.key[...cut])
        return try db.query("""
            SELECT decision_id FROM trigger_decisions
            WHERE left(decision_key, length($1)) = $1 AND decision_id <> $2 AND call_state IN ('ready', 'claimed', 'sent')
            ORDER BY decision_id LIMIT 1
            """, [prefix, record.decisionId]).first.map { try $0.int("decision_id") }
    }

    private static func read(_ row: Row) throws -> Record {
        let decoder = EventJSON.decoder()
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
            try row[column].map { try decoder.decode(T.self, from: Data($0.utf8)) }
        }
        let key = try row.string("decision_key")
        return Record(key: key, decisionId: try row.int("decision_id"), proposalId: try row.string("proposal_id"),
                      priority: Int(try row.int("priority")),
                      subject: try decode(TriggerSubject.self, "subject") ?? TriggerSubject(kind: key.hasPrefix("frb:") ? .frb : .voevent),
                      position: try decode(TriggerPosition.self, "position"),
                      status: TriggerStatus(rawValue: try row.string("status")) ?? .error,
                      reason: try decode([DecisionLogEntry].self, "reason") ?? [],
                      callState: CallState(rawValue: try row.string("call_state")) ?? .claimed,
                      action: try decode(MWAAction.self, "action"))
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try EventJSON.encoder().encode(value), as: UTF8.self)
    }
}
