import Database
import Foundation

/// The MWA trigger service's `find` and `show`, answered from the catalogue's record of the calls we
/// made, with its parameters and field names so tools written for ws.mwatelescope.org work here.
enum TriggerQueries {
    static let findParameters: Set<String> = [
        "pagesize", "page", "trigger_id", "trigger_mode", "pretend", "success", "mintime_utc", "maxtime_utc",
        "project_id", "obsname", "creator", "desc", "pretty", "html",
    ]

    struct Find: Sendable {
        var pageSize = 200
        var page = 1
        var triggerId: Int64?
        var triggerMode: String?
        var pretend: Bool?
        var success: Bool?
        var minTime: Date?
        var maxTime: Date?
        var projectId: String?
        var obsname: String?
        var creator: String?
        var descending = false

        init(query pairs: [(String, String)]) throws {
            var query = QueryParameters(pairs, allowed: findParameters)
            pageSize = query.integer("pagesize", in: 1...10_000) ?? 200
            page = query.integer("page", in: 1...1_000_000) ?? 1
            triggerId = query.integer("trigger_id", in: 0...Int.max).map(Int64.init)
            triggerMode = query.oneOf("trigger_mode", ["MWAX_CORRELATOR", "MWAX_VCS", "BUFFER"])
            pretend = query.string("pretend").map(Self.mwaTruth)
            success = query.string("success").map(Self.mwaTruth)
            minTime = query.time("mintime_utc")
            maxTime = query.time("maxtime_utc")
            projectId = query.string("project_id")
            obsname = query.string("obsname")
            creator = query.string("creator")
            descending = query.has("desc")
            try query.check()
        }

        /// As the MWA service reads flags: "on", "true" or a non-zero integer is true, anything else false.
        static func mwaTruth(_ text: String) -> Bool {
            text.lowercased() == "on" || text.lowercased() == "true" || (Int(text).map { $0 != 0 } ?? false)
        }
    }

    static func find(_ find: Find, _ db: isolated DatabaseConnection) throws -> String {
        var parameters: [any PostgresBindable] = []
        var conditions = ["c.trigger_mode IS NOT NULL"]
        func add(_ condition: (String) -> String, _ value: any PostgresBindable) {
            parameters.append(value)
            conditions.append(condition("$\(parameters.count)"))
        }
        if let value = find.triggerId { add({ "c.trigger_id = \($0)" }, value) }
        if let value = find.triggerMode { add({ "c.trigger_mode = \($0)" }, value) }
        if let value = find.pretend { add({ "c.pretend = \($0)" }, value) }
        if let value = find.success { add({ "c.success = \($0)" }, value) }
        if let value = find.minTime { add({ "c.completed_at >= \($0)" }, value) }
        if let value = find.maxTime { add({ "c.completed_at <= \($0)" }, value) }
        if let value = find.projectId { add({ "c.project_id = \($0)" }, value) }
        if let value = find.obsname { add({ "c.obsname LIKE \($0)" }, CatalogSQL.likePattern(value)) }
        if let value = find.creator { add({ "c.creator LIKE \($0)" }, CatalogSQL.likePattern(value)) }
        let order = find.descending ? "DESC" : "ASC"
        return try db.query("""
            SELECT coalesce(jsonb_agg(item ORDER BY position), '[]')::text AS triggers FROM (
                SELECT \(fields) AS item, row_number() OVER (ORDER BY c.completed_at \(order), c.call_id \(order)) AS position FROM (
                    SELECT * FROM catalog_trigger_calls c WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY c.completed_at \(order), c.call_id \(order)
                    LIMIT \(find.pageSize) OFFSET \((find.page - 1) * find.pageSize)) c) page
            """, parameters).first?.string("triggers") ?? "[]"
    }

    static func show(triggerId: Int64, _ db: isolated DatabaseConnection) throws -> String? {
        try db.query("""
            SELECT \(fields)::text AS item FROM catalog_trigger_calls c
            WHERE c.trigger_id = $1 AND c.trigger_mode IS NOT NULL ORDER BY c.call_id DESC LIMIT 1
            """, [triggerId]).first?.string("item")
    }

    private static let fields = #"""
        jsonb_build_object(
            'trigger_id', c.trigger_id, 'project_id', c.project_id, 'pretend', c.pretend, 'success', c.success,
            'creator', c.creator, 'obsname', c.obsname, 'trigger_mode', c.trigger_mode, 'obsids', c.obsids,
            'params', c.request_parameters, 'errors', c.errors,
            'created_datetime', to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
            'call_id', c.call_id, 'decision_id', c.decision_id, 'proposal_id', c.proposal_id, 'endpoint', c.endpoint,
            'http_status', c.http_status, 'duration_ms', c.duration_ms)
        """#
}
