import Database
import Foundation

/// One page of the FRB list, as the API returns it.
struct FRBPage: Sendable {
    let count: Int64
    /// Each FRB as a JSON object: its record, latest measurement, measurement count, ratings, image URLs.
    let results: [String]
    let next: FRBCursor?
    let previous: FRBCursor?
}

/// The FRB list: newest arrival first, each with its most recent measurement (the highest id: ingest-api
/// issues ids in arrival order), which the DM, S/N and
/// cone filters apply to (as the FRB table shows it). Cone searches use the q3c index.
enum FRBListing {
    static func page(_ filter: FRBFilter, mediaBaseURL: String, _ db: isolated DatabaseConnection) throws -> FRBPage {
        var parameters: [any PostgresBindable] = []
        let conditions = `where`(filter, &parameters)
        let count = try db.query("SELECT count(*) AS n \(from) WHERE \(conditions)", parameters).first?.int("n") ?? 0

        let direction = filter.cursor?.direction ?? .after
        var pageParameters = parameters
        var pageConditions = conditions
        if let cursor = filter.cursor {
            pageParameters += [cursor.timeOfArrival, cursor.frbId]
            let comparison = direction == .after ? "<" : ">"
            pageConditions += " AND (f.time_of_arrival, f.frb_id) \(comparison) ($\(pageParameters.count - 1)::timestamptz, $\(pageParameters.count)::bigint)"
        }
        pageParameters.append(mediaBaseURL)
        let order = direction == .after ? "DESC" : "ASC"
        var rows = try db.query("""
            SELECT \(item(base: "$\(pageParameters.count)")) AS item, \(key) AS toa_key, f.frb_id \(from) WHERE \(pageConditions)
            ORDER BY f.time_of_arrival \(order), f.frb_id \(order) LIMIT \(filter.pageSize + 1)
            """, pageParameters).rows
        let more = rows.count > filter.pageSize
        rows = Array(rows.prefix(filter.pageSize))
        if direction == .before { rows.reverse() }
        guard let first = rows.first, let last = rows.last else {
            return FRBPage(count: count, results: [], next: nil, previous: nil)
        }
        let firstKey = FRBCursor(direction: .before, timeOfArrival: try first.string("toa_key"), frbId: try first.int("frb_id"))
        let lastKey = FRBCursor(direction: .after, timeOfArrival: try last.string("toa_key"), frbId: try last.int("frb_id"))
        let hasNext = direction == .after ? more : try exists(beyond: lastKey, conditions, parameters, db)
        let hasPrevious = direction == .before ? more : try filter.cursor != nil && exists(beyond: firstKey, conditions, parameters, db)
        return FRBPage(count: count, results: try rows.map { try $0.string("item") },
                       next: hasNext ? lastKey : nil, previous: hasPrevious ? firstKey : nil)
    }

    private static func exists(beyond cursor: FRBCursor, _ conditions: String, _ parameters: [any PostgresBindable],
                               _ db: isolated DatabaseConnection) throws -> Bool {
        var parameters = parameters
        parameters += [cursor.timeOfArrival, cursor.frbId]
        let comparison = cursor.direction == .after ? "<" : ">"
        return try db.query("""
            SELECT EXISTS (SELECT 1 \(from) WHERE \(conditions)
                AND (f.time_of_arrival, f.frb_id) \(comparison) ($\(parameters.count - 1)::timestamptz, $\(parameters.count)::bigint)) AS more
            """, parameters).first?.bool("more") ?? false
    }

    private static func `where`(_ filter: FRBFilter, _ parameters: inout [any PostgresBindable]) -> String {
        var conditions = ["true"]
        func bind(_ value: any PostgresBindable) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        if let value = filter.toaAfter { conditions.append("f.time_of_arrival >= \(bind(value))") }
        if let value = filter.toaBefore { conditions.append("f.time_of_arrival < \(bind(value))") }
        if let value = filter.dmMin { conditions.append("m.dm >= \(bind(value))") }
        if let value = filter.dmMax { conditions.append("m.dm <= \(bind(value))") }
        if let value = filter.snMin { conditions.append("m.sn >= \(bind(value))") }
        if let value = filter.snMax { conditions.append("m.sn <= \(bind(value))") }
        if let value = filter.repeater { conditions.append("f.repeater = \(bind(value))") }
        if let value = filter.tnsName {
            conditions.append("f.tns_name LIKE \(bind(CatalogSQL.likePattern(value)))")
        }
        switch filter.rating {
        case "confirmed": conditions.append("r.confirms > r.rejects")
        case "rejected": conditions.append("r.rejects > r.confirms")
        case "unrated": conditions.append("r.confirms + r.rejects = 0")
        default: break
        }
        if let cone = filter.cone {
            let (ra, dec, radius) = (bind(cone.ra), bind(cone.dec), bind(cone.radius))
            conditions.append("""
                q3c_radial_query(m.ra, m.dec, \(ra), \(dec), \(radius)) AND f.frb_id IN (
                    SELECT c.frb_id FROM catalog_radio_measurements c WHERE q3c_radial_query(c.ra, c.dec, \(ra), \(dec), \(radius)))
                """)
        }
        return conditions.joined(separator: " AND ")
    }

    private static let from = """
        FROM catalog_frb_events f
        LEFT JOIN LATERAL (
            SELECT * FROM catalog_radio_measurements lm WHERE lm.frb_id = f.frb_id
            ORDER BY lm.measurement_id DESC LIMIT 1) m ON true
        LEFT JOIN LATERAL (
            SELECT count(*) FILTER (WHERE rating = 'confirm') AS confirms, count(*) FILTER (WHERE rating = 'reject') AS rejects
            FROM catalog_ratings rr WHERE rr.frb_id = f.frb_id) r ON true
        """

    private static let key = #"to_char(f.time_of_arrival AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"#

    private static func item(base: String) -> String {
        """
        jsonb_build_object(
            'frb_id', f.frb_id, 'observation_id', f.observation_id, 'time_of_arrival', f.time_of_arrival,
            'repeater', f.repeater, 'tns_name', f.tns_name,
            'latest_measurement', CASE WHEN m.measurement_id IS NULL THEN NULL ELSE jsonb_strip_nulls(to_jsonb(m)) END,
            'measurement_count', (SELECT count(*) FROM catalog_radio_measurements c WHERE c.frb_id = f.frb_id),
            'ratings', jsonb_build_object('confirm', r.confirms, 'reject', r.rejects),
            'image_urls', \(CatalogSQL.imageURLs("f", base: base)))::text
        """
    }
}
