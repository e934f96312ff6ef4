import Database
import Foundation
import Schema

/// Follow-up decisions and MWA web-service calls, kept so the catalogue answers the MWA `find` and
/// `show` questions and an FRB's page lists what was asked of the telescope.
enum TriggerRecords {
    /// A decision is re-published as it moves on (pending → triggered); the latest word wins.
    static func store(_ decided: TriggerDecided, _ db: isolated DatabaseConnection) throws {
        let reason = String(decoding: try EventJSON.encoder().encode(decided.reason), as: UTF8.self)
        try db.query("""
            INSERT INTO catalog_trigger_decisions (decision_id, subject_kind, frb_id, ivorn, trig_id, proposal_id, status, reason,
                ra, dec, pos_error, decided_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)
            ON CONFLICT (decision_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, ra = EXCLUDED.ra,
                dec = EXCLUDED.dec, pos_error = EXCLUDED.pos_error, decided_at = EXCLUDED.decided_at
            WHERE catalog_trigger_decisions.decided_at <= EXCLUDED.decided_at
            """, [decided.decisionId, decided.subject.kind.rawValue, decided.subject.frbId, decided.subject.ivorn, decided.subject.trigId,
                  decided.proposalId, decided.status.rawValue, reason, decided.position?.ra, decided.position?.dec,
                  decided.position?.posError, decided.decidedAt])
    }

    static func store(_ call: TriggerCompleted, eventId: String, _ db: isolated DatabaseConnection) throws {
        let encoder = EventJSON.encoder()
        let parameters = String(decoding: try encoder.encode(call.requestParameters), as: UTF8.self)
        let errors = String(decoding: try encoder.encode(call.errors), as: UTF8.self)
        let obsids = String(decoding: try encoder.encode(call.obsidList), as: UTF8.self)
        try db.query("""
            INSERT INTO catalog_trigger_calls (event_id, decision_id, proposal_id, endpoint, trigger_mode, project_id, obsname, creator,
                request_parameters, pretend, success, errors, trigger_id, obsids, http_status, duration_ms, completed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb, $13, $14::jsonb, $15, $16, $17)
            ON CONFLICT (event_id) DO NOTHING
            """, [eventId, call.decisionId, call.proposalId, call.endpoint.rawValue, triggerMode(call.endpoint),
                  call.requestParameters["project_id"], call.requestParameters["obsname"], call.requestParameters["creator"],
                  parameters, call.pretend, call.success, errors, call.triggerId, obsids, call.httpStatus, call.durationMs, call.completedAt])
    }

    /// The MWA `find` service's `trigger_mode` for each trigger endpoint; queries (busy, obslist, vcsfree) have none.
    static func triggerMode(_ endpoint: MWAEndpoint) -> String? {
        switch endpoint {
        case .triggerobs: "MWAX_CORRELATOR"
        case .triggervcs: "MWAX_VCS"
        case .triggerbuffer: "BUFFER"
        case .busy, .obslist, .vcsfree: nil
        }
    }
}
