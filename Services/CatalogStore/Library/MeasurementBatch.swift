import Database
import Messaging
import Schema

/// Stores many `frb.measurement.received` events in one statement and builds their
/// `frb.measurement.stored` events in PostgreSQL. Measurements are nearly all of the traffic, and
/// per-message round trips cap a consumer at a few hundred a second; one set-based statement per batch
/// takes it to thousands. The same statement with one message is the per-message path, so both paths
/// publish identical records.
struct MeasurementBatch {
    let exchange: String
    let source: String
    let mediaBaseURL: String

    /// The stored events for the messages it could store, by batch position. Positions missing from
    /// the answer were not measurement events at all (wrong type or envelope) and need a closer look.
    /// Throws when any message is refused (e.g. its FRB is not stored yet): the caller's savepoint then
    /// undoes the whole batch and the messages go one by one.
    func store(_ messages: [IncomingMessage], in db: isolated DatabaseConnection) throws -> [Int: OutgoingMessage] {
        var array: [UInt8] = [UInt8(ascii: "[")]
        array.reserveCapacity(messages.reduce(2) { $0 + $1.body.count + 1 })
        for (index, message) in messages.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array += message.body
        }
        array.append(UInt8(ascii: "]"))
        let events = String(decoding: array, as: UTF8.self)
        var stored: [Int: OutgoingMessage] = [:]
        for row in try db.query(Self.statement, [events, source, mediaBaseURL, messages.count]).rows {
            let position = Int(try row.int("position")) - 1
            let id = try row.string("id")
            stored[position] = OutgoingMessage(exchange: exchange, routingKey: EventType.frbMeasurementStored.rawValue,
                                               body: Array(try row.string("event").utf8), messageID: id,
                                               type: EventType.frbMeasurementStored.rawValue, mustBeRouted: false)
        }
        return stored
    }

    /// One statement, so the batch crosses the wire once. Its inserts are invisible to its own SELECT,
    /// so the measurement comes from the input (typed through the table's row type) and "first" compares
    /// against both the stored measurements and the batch.
    private static let statement = """
        WITH input AS (
            SELECT e, position, jsonb_populate_record(NULL::catalog_radio_measurements, e->'data'->'measurement') AS m
            FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, position)
            -- One element per message; a body that is itself "{...},{...}" would shift every position after it.
            WHERE jsonb_array_length($1::jsonb) = $4::int AND e->>'specversion' = '1.0' AND e->>'type' = 'frb.measurement.received.v1'
              AND jsonb_typeof(e->'data'->'measurement') = 'object' AND jsonb_typeof(e->'id') = 'string'),
        logged AS (
            INSERT INTO catalog_events (event_id, type, subject, event_time, data)
            SELECT e->>'id', e->>'type', e->>'subject', (e->>'time')::timestamptz, e->'data' FROM input
            ON CONFLICT DO NOTHING RETURNING event_id),
        inserted AS (
            -- A measurement already stored under another event id (a client's retry) stays as it was.
            INSERT INTO catalog_radio_measurements
            SELECT (input.m).* FROM input JOIN logged ON logged.event_id = input.e->>'id'
            ON CONFLICT (measurement_id) DO NOTHING),
        batch_first AS (SELECT (m).frb_id AS frb_id, min((m).measurement_id) AS measurement_id FROM input GROUP BY 1),
        frbs AS (
            SELECT f.frb_id, jsonb_strip_nulls(to_jsonb(f))::text AS frb, jsonb_strip_nulls(to_jsonb(o))::text AS observation,
                \(CatalogSQL.imageURLs("f", base: "$3"))::text AS image_urls,
                (SELECT min(measurement_id) FROM catalog_radio_measurements WHERE frb_id = f.frb_id) AS stored_first
            FROM catalog_frb_events f JOIN catalog_observations o ON o.observation_id = f.observation_id
            WHERE f.frb_id IN (SELECT frb_id FROM batch_first)),
        stamp AS (SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time)
        -- Text, not jsonb, from here: each FRB's JSON is written once per batch and spliced in.
        SELECT input.position, (input.e->>'id') || '.stored' AS id,
            '{"specversion":"1.0","id":' || to_json((input.e->>'id') || '.stored')::text
            || ',"source":' || to_json($2::text)::text
            || ',"type":"frb.measurement.stored.v1","datacontenttype":"application/json","time":"' || stamp.time || '"'
            || CASE WHEN jsonb_typeof(input.e->'subject') = 'string' THEN ',"subject":' || (input.e->'subject')::text ELSE '' END
            || CASE WHEN jsonb_typeof(input.e->'traceparent') = 'string' THEN ',"traceparent":' || (input.e->'traceparent')::text ELSE '' END
            || ',"data":{"measurement":' || jsonb_strip_nulls(to_jsonb(input.m))::text
            || ',"frb":' || frbs.frb || ',"observation":' || frbs.observation
            || ',"is_first_measurement":'
            || ((input.m).measurement_id <= LEAST(batch_first.measurement_id, frbs.stored_first))::text
            || ',"image_urls":' || frbs.image_urls || '}}' AS event
        FROM input
        JOIN batch_first ON batch_first.frb_id = (input.m).frb_id
        JOIN frbs ON frbs.frb_id = (input.m).frb_id
        CROSS JOIN stamp
        ORDER BY input.position
        """
}
