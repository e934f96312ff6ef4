import Database

/// Everything the catalogue knows about one FRB, as one JSON document: the record and its
/// observation, every measurement in arrival order, ratings with counts and who gave them, the
/// notifier's deliveries, TNS reports, VOEvents, and the follow-up decisions with their MWA calls.
enum FRBDetailQuery {
    static func detail(frbId: Int64, mediaBaseURL: String, _ db: isolated DatabaseConnection) throws -> String? {
        try db.query(sql, [frbId, mediaBaseURL]).first?.string("detail")
    }

    private static let sql = """
        SELECT jsonb_build_object(
            'frb', jsonb_strip_nulls(to_jsonb(f)),
            'observation', jsonb_strip_nulls(to_jsonb(o)),
            'image_urls', \(CatalogSQL.imageURLs("f", base: "$2")),
            'measurements', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(m)) ORDER BY m.measurement_id), '[]')
                             FROM catalog_radio_measurements m WHERE m.frb_id = f.frb_id),
            'ratings', (SELECT jsonb_build_object(
                    'confirm', count(*) FILTER (WHERE r.rating = 'confirm'),
                    'reject', count(*) FILTER (WHERE r.rating = 'reject'),
                    'by_user', coalesce(jsonb_agg(jsonb_build_object('slack_user_id', r.slack_user_id, 'name', u.name,
                        'rating', r.rating, 'rated_at', r.rated_at) ORDER BY r.rated_at) FILTER (WHERE r.frb_id IS NOT NULL), '[]'))
                FROM catalog_ratings r JOIN catalog_slack_users u USING (slack_user_id) WHERE r.frb_id = f.frb_id),
            'notifications', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(n) - 'frb_id') ORDER BY n.at, n.attempt), '[]')
                              FROM catalog_notifications n WHERE n.frb_id = f.frb_id),
            'tns_reports', (SELECT coalesce(jsonb_agg(to_jsonb(t) - 'frb_id' ORDER BY t.assigned_at), '[]')
                            FROM catalog_tns_reports t WHERE t.frb_id = f.frb_id),
            'voevents', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('ivorn', v.ivorn, 'role', v.role,
                             'direction', v.direction, 'stored_at', v.stored_at,
                             'cites', v.summary->'citations')) ORDER BY v.stored_at), '[]')
                         FROM catalog_voevents v WHERE v.frb_id = f.frb_id),
            'trigger_decisions', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(d)) ORDER BY d.decided_at), '[]')
                                  FROM catalog_trigger_decisions d WHERE d.frb_id = f.frb_id),
            'trigger_calls', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(c) - 'event_id') ORDER BY c.completed_at, c.call_id), '[]')
                              FROM catalog_trigger_calls c JOIN catalog_trigger_decisions d USING (decision_id) WHERE d.frb_id = f.frb_id)
        )::text AS detail
        FROM catalog_frb_events f JOIN catalog_observations o USING (observation_id)
        WHERE f.frb_id = $1
        """
}
