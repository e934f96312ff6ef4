import Database
import Messaging
import Schema

/// Stores many `frb.measurement.received` events in two statements and builds their
/// `frb.measurement.stored` events in PostgreSQL, straight from the committed rows. Measurements are
/// nearly all of the traffic, and per-message round trips cap a consumer at a few hundred a second;
/// set-based statements take it past ten thousand. The same statements with one message are the
/// per-message path, so both paths publish identical records.
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
        try db.query(Self.insert, [events])
        var stored: [Int: OutgoingMessage] = [:]
        for row in try db.query(Self.storedEvents, [events, source, mediaBaseURL]).rows {
            let position = Int(try row.int("position")) - 1
            let id = try row.string("id")
            stored[position] = OutgoingMessage(exchange: exchange, routingKey: EventType.frbMeasurementStored.rawValue,
                                               body: Array(try row.string("event").utf8), messageID: id,
                                               type: EventType.frbMeasurementStored.rawValue, mustBeRouted: false)
        }
        return stored
    }

    private static let input = """
        SELECT e, position FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, position)
        WHERE e->>'specversion' = '1.0' AND e->>'type' = 'frb.measurement.received.v1'
          AND jsonb_typeof(e->'data'->'measurement') = 'object' AND jsonb_typeof(e->'id') = 'string'
        """

    /// Logs each event id once; a measurement already stored under another event id (a client's retry) stays as it was.
    private static let insert = """
        WITH input AS (\(input)),
        logged AS (
            INSERT INTO catalog_events (event_id, type, subject, event_time, data)
            SELECT e->>'id', e->>'type', e->>'subject', (e->>'time')::timestamptz, e->'data' FROM input
            ON CONFLICT DO NOTHING RETURNING data)
        INSERT INTO catalog_radio_measurements
        SELECT r.* FROM logged, jsonb_populate_record(NULL::catalog_radio_measurements, logged.data->'measurement') AS r
        ON CONFLICT (measurement_id) DO NOTHING
        """

    /// One stored event per input event, new or seen before, with the id derived from the source event.
    private static let storedEvents = """
        WITH input AS (\(input))
        SELECT input.position, (input.e->>'id') || '.stored' AS id,
            (jsonb_build_object(
                'specversion', '1.0', 'id', (input.e->>'id') || '.stored', 'source', $2::text,
                'type', 'frb.measurement.stored.v1', 'datacontenttype', 'application/json',
                'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             || jsonb_strip_nulls(jsonb_build_object('subject', input.e->'subject', 'traceparent', input.e->'traceparent'))
             || jsonb_build_object('data', jsonb_build_object(
                'measurement', jsonb_strip_nulls(to_jsonb(m)),
                'frb', jsonb_strip_nulls(to_jsonb(f)),
                'observation', jsonb_strip_nulls(to_jsonb(o)),
                'is_first_measurement',
                    m.measurement_id = (SELECT min(measurement_id) FROM catalog_radio_measurements WHERE frb_id = m.frb_id),
                'image_urls', \(CatalogSQL.imageURLs("f", base: "$3")))))::text AS event
        FROM input
        JOIN catalog_radio_measurements m ON m.measurement_id = (input.e->'data'->'measurement'->>'measurement_id')::bigint
        JOIN catalog_frb_events f ON f.frb_id = m.frb_id
        JOIN catalog_observations o ON o.observation_id = f.observation_id
        ORDER BY input.position
        """
}
