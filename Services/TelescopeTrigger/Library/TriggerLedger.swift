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
        /// The alert's trigger group (telescope and trig id); nil for an FRB, which has one decision per proposal.
        var group: String?
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
        let group: String?
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
        decision_key, group_key, decision_id, proposal_id, coalesce(priority, 1) AS priority, subject::text AS subject, position::text AS position,
        status, reason::text AS reason, call_state, action::text AS action
        """

    /// Records a decision unless one exists for its key, and returns what is recorded: the first decision
    /// and its MWA request stand, so a redelivery never re-plans with a later clock or a larger group.
    static func record(_ entry: Entry, in db: isolated DatabaseConnection) throws -> Record {
        let state: CallState = entry.action == nil ? .none : entry.status == .pending ? .awaiting : .ready
        try db.query("""
            INSERT INTO trigger_decisions (decision_key, group_key, proposal_id, priority, subject, position, status, reason, call_state,
                action, pretend)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9, $10::jsonb, $11) ON CONFLICT (decision_key) DO NOTHING
            """, [entry.key, entry.group, entry.proposalId, Int64(entry.priority), try json(entry.subject), try entry.position.map(json),
                  entry.status.rawValue, try json(entry.reason), state.rawValue, try entry.action.map(json), entry.action?.pretend])
        return try read(db.query("SELECT \(columns) FROM trigger_decisions WHERE decision_key = $1", [entry.key]).first!)
    }

    func record(_ entry: Entry) async throws -> Record {
        try await pool.transaction { db in try Self.record(entry, in: db) }
    }

    /// What `claim` found.
    enum Claim: Sendable {
        /// This process makes the call; with the override check's answer when a real observation of ours was running.
        case taken(PriorityOverride.Answer?)
        /// Another process took it (or it is no longer ready).
        case lost
        /// A running observation of ours may not be interrupted: nothing was claimed.
        case refused(PriorityOverride.Answer)
    }

    /// Takes the call for this process. A real (not pretend) call is first checked against our latest
    /// real observation still running or being requested — TraceT's priority override — with the check
    /// and the claim in one transaction under one lock, so two real calls can never both pass it. A
    /// pretend call holds no telescope time and is claimed directly.
    func claim(_ record: Record, repointingLimit: Double, now: Date) async throws -> Claim {
        try await pool.transaction { db in
            var answer: PriorityOverride.Answer?
            if let action = record.action, !action.pretend {
                try db.query("SELECT pg_advisory_xact_lock(hashtext('burstwire:telescope'))")
                if let running = try Self.runningObservation(excluding: record.key, now: now, in: db) {
                    let contender = PriorityOverride.Contender(priority: record.priority, repointingLimit: repointingLimit, position: record.position)
                    let verdict = PriorityOverride.mayInterrupt(running, by: contender, now: now)
                    guard verdict.allowed else { return .refused(verdict) }
                    answer = verdict
                }
            }
            let taken = try db.query("""
                UPDATE trigger_decisions SET call_state = 'claimed', updated_at = now() WHERE decision_key = $1 AND call_state = 'ready'
                """, [record.key]).affectedRows == 1
            return taken ? .taken(answer) : .lost
        }
    }

    /// Records a decision refused by the override check (or a busy telescope) before any call.
    func ignore(key: String, reason: [DecisionLogEntry], from state: CallState) async throws {
        try await pool.withConnection { db in
            try db.query("""
                UPDATE trigger_decisions SET status = 'ignored', reason = $2::jsonb, call_state = 'none', updated_at = now()
                WHERE decision_key = $1 AND call_state = $3
                """, [key, try Self.json(reason), state.rawValue])
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

    /// What a human's answer did.
    enum Answer: Sendable {
        case unknownDecision
        /// The answer names another proposal than the decision's: nothing changed.
        case wrongProposal(Record)
        case applied(Record)
        /// The decision was answered (or cancelled) before: nothing changed.
        case alreadyAnswered(Record)
    }

    /// Applies a human's answer to a decision awaiting approval: approved, its call becomes ready — unless
    /// another decision of the same trigger and proposal already asked the MWA to observe, which one
    /// approval must not repeat; rejected, it is cancelled. Answers to one trigger group are applied one
    /// at a time, under the same lock the group's decisions are made under.
    func answer(_ approval: TriggerApprovalReceived, at now: Date) async throws -> Answer {
        try await pool.transaction { db in
            guard let found = try db.query("SELECT group_key FROM trigger_decisions WHERE decision_id = $1", [approval.decisionId]).first else {
                return .unknownDecision
            }
            if let group = found["group_key"] { try db.query("SELECT pg_advisory_xact_lock(hashtext($1))", [group]) }
            let record = try Self.read(db.query("SELECT \(Self.columns) FROM trigger_decisions WHERE decision_id = $1 FOR UPDATE",
                                                [approval.decisionId]).first!)
            if let proposalId = approval.proposalId, proposalId != record.proposalId { return .wrongProposal(record) }
            guard record.callState == .awaiting else { return .alreadyAnswered(record) }
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
            return .applied(try Self.read(db.query("SELECT \(Self.columns) FROM trigger_decisions WHERE decision_id = $1", [approval.decisionId]).first!))
        }
    }

    /// A retraction cancelled the group for a proposal: its decisions still awaiting a human are cancelled
    /// too, so a later click cannot observe a retracted event. Inside `decide`'s transaction, under the
    /// group's lock; returns them as now recorded, to be announced.
    static func cancelAwaiting(group: String, proposalId: String, reason: DecisionLogEntry,
                               in db: isolated DatabaseConnection) throws -> [Record] {
        try db.query("""
            UPDATE trigger_decisions SET status = 'cancelled', call_state = 'none', reason = reason || $3::jsonb, updated_at = now()
            WHERE group_key = $1 AND proposal_id = $2 AND call_state = 'awaiting'
            RETURNING decision_key
            """, [group, proposalId, try json([reason])]).rows.map { row in
            try read(db.query("SELECT \(columns) FROM trigger_decisions WHERE decision_key = $1", [try row.string("decision_key")]).first!)
        }
    }

    /// Our latest real (not pretend) observation, sent or being requested, if it may still be running.
    private static func runningObservation(excluding key: String, now: Date, in db: isolated DatabaseConnection) throws -> RunningObservation? {
        guard let row = try db.query("""
            SELECT \(columns), updated_at FROM trigger_decisions
            WHERE call_state IN ('sent', 'claimed') AND pretend = false AND decision_key <> $1 AND updated_at > now() - interval '1 day'
            ORDER BY updated_at DESC LIMIT 1
            """, [key]).first else { return nil }
        let record = try read(row)
        guard let action = record.action else { return nil }
        let started = try row.date("updated_at")
        let ends = started.addingTimeInterval(Double(action.seconds(nowGPS: GPSTime(utc: started).seconds)))
        guard ends > now else { return nil }
        return RunningObservation(proposalId: record.proposalId, priority: record.priority, position: record.position, ends: ends)
    }

    /// Another decision of the same alert trigger and proposal whose observation was asked for (or is
    /// about to be). An FRB has one decision per proposal, so none.
    private static func observedAlready(_ record: Record, in db: isolated DatabaseConnection) throws -> Int64? {
        guard let group = record.group else { return nil }
        return try db.query("""
            SELECT decision_id FROM trigger_decisions
            WHERE group_key = $1 AND proposal_id = $2 AND decision_id <> $3 AND call_state IN ('ready', 'claimed', 'sent')
            ORDER BY decision_id LIMIT 1
            """, [group, record.proposalId, record.decisionId]).first.map { try $0.int("decision_id") }
    }

    private static func read(_ row: Row) throws -> Record {
        let decoder = EventJSON.decoder()
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
            try row[column].map { try decoder.decode(T.self, from: Data($0.utf8)) }
        }
        let key = try row.string("decision_key")
        return Record(key: key, group: row["group_key"], decisionId: try row.int("decision_id"), proposalId: try row.string("proposal_id"),
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
