import Database

/// Reads of VOEvents and YSE-PZ transients.
enum AlertQueries {
    /// The packet's XML exactly as received or sent.
    static func voeventXML(ivorn: String, _ db: isolated DatabaseConnection) throws -> String? {
        try db.query("SELECT xml FROM catalog_voevents WHERE ivorn = $1", [ivorn]).first?.string("xml")
    }

    /// VOEvents newest first, optionally from one stream, one role or inside a cone; each without its XML.
    static func voevents(stream: String?, role: String?, cone: Cone?, limit: Int, offset: Int,
                         _ db: isolated DatabaseConnection) throws -> (count: Int64, results: [String]) {
        var parameters: [any PostgresBindable] = []
        var conditions = ["true"]
        if let stream { parameters.append(stream); conditions.append("stream = $\(parameters.count)") }
        if let role { parameters.append(role); conditions.append("role = $\(parameters.count)") }
        if let cone {
            parameters += [cone.ra, cone.dec, cone.radius]
            conditions.append("q3c_radial_query(ra, dec, $\(parameters.count - 2), $\(parameters.count - 1), $\(parameters.count))")
        }
        let filter = conditions.joined(separator: " AND ")
        let count = try db.query("SELECT count(*) AS n FROM catalog_voevents WHERE \(filter)", parameters).first?.int("n") ?? 0
        let rows = try db.query("""
            SELECT (jsonb_strip_nulls(to_jsonb(v) - 'xml' - 'summary') || jsonb_build_object('summary', v.summary))::text AS item
            FROM catalog_voevents v WHERE \(filter) ORDER BY stored_at DESC, ivorn LIMIT \(limit) OFFSET \(offset)
            """, parameters).rows
        return (count, try rows.map { try $0.string("item") })
    }

    /// Transients by name, newest update first, optionally inside a cone; each with its photometry.
    static func transients(name: String?, cone: Cone?, limit: Int, offset: Int,
                           _ db: isolated DatabaseConnection) throws -> (count: Int64, results: [String]) {
        var parameters: [any PostgresBindable] = []
        var conditions = ["true"]
        if let name { parameters.append(name); conditions.append("t.name = $\(parameters.count)") }
        if let cone {
            parameters += [cone.ra, cone.dec, cone.radius]
            conditions.append("q3c_radial_query(t.ra, t.dec, $\(parameters.count - 2), $\(parameters.count - 1), $\(parameters.count))")
        }
        let filter = conditions.joined(separator: " AND ")
        let count = try db.query("SELECT count(*) AS n FROM catalog_transients t WHERE \(filter)", parameters).first?.int("n") ?? 0
        let rows = try db.query("""
            SELECT (jsonb_strip_nulls(to_jsonb(t)) || jsonb_build_object('photometry',
                (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(p) - 'transient_name') ORDER BY p.obs_date, p.band), '[]')
                 FROM catalog_photometry p WHERE p.transient_name = t.name)))::text AS item
            FROM catalog_transients t WHERE \(filter) ORDER BY t.updated_at DESC, t.name LIMIT \(limit) OFFSET \(offset)
            """, parameters).rows
        return (count, try rows.map { try $0.string("item") })
    }
}
