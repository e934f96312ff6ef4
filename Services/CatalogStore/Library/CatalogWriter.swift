import Database
import Foundation
import Messaging
import Schema

/// Stores one delivered event inside the caller's transaction, exactly once: the event id goes into
/// `catalog_events` first, so a redelivered or duplicated message changes nothing. Whether new or seen
/// before, the outcome carries the `*.stored` events to publish — rebuilt from the catalogue with ids
/// derived from the source event, so a re-publish after a crash is recognisable downstream.
struct CatalogWriter: Sendable {
    /// A follow-on event to publish once the transaction has committed.
    struct FollowUp: Sendable {
        let message: OutgoingMessage
    }

    enum Outcome: Sendable {
        case stored([FollowUp])
        /// A record whose parent is not stored yet (a measurement before its FRB); retry later.
        case waitingForParent(String)
        /// A message that can never be stored; it belongs in the dead-letter queue.
        case unstorable(String)
    }

    let exchange: String
    let mediaBaseURL: String
    let source = "/burstwire/catalog-store"

    func store(_ message: IncomingMessage, in db: isolated DatabaseConnection) throws -> Outcome {
        let header: EventHeader
        do {
            header = try EventHeader.decode(from: message.body)
        } catch {
            return .unstorable("not a Burstwire CloudEvents envelope: \(error)")
        }
        do {
            return try db.transaction { db in
                let isNew = try logEvent(header, message.body, db)
                return .stored(try apply(header, message.body, isNew: isNew, db))
            }
        } catch let error as DatabaseError where error.code == .uniqueViolation {
            // The same record under another event id (a client's retry): keep the event, not a second record.
            return try db.transaction { db in
                _ = try logEvent(header, message.body, db)
                return .stored(try apply(header, message.body, isNew: false, db))
            }
        } catch let error as DatabaseError where error.code == .foreignKeyViolation {
            return .waitingForParent("\(header.type) \(header.id) refers to a record not stored yet")
        } catch let error as DecodingError {
            return .unstorable("\(header.type) \(header.id) does not match its schema: \(error)")
        } catch let error as DatabaseError where error.sqlState.map({ $0.hasPrefix("22") || $0.hasPrefix("23") }) == true {
            return .unstorable("\(header.type) \(header.id) has values the catalogue refuses (SQLSTATE \(error.sqlState ?? "?"))")
        }
    }

    /// Records the event id; false when it was stored before.
    private func logEvent(_ header: EventHeader, _ body: [UInt8], _ db: isolated DatabaseConnection) throws -> Bool {
        try db.query("""
            INSERT INTO catalog_events (event_id, type, subject, event_time, data)
            VALUES ($1, $2, $3, $4, ($5::jsonb)->'data') ON CONFLICT DO NOTHING RETURNING 1 AS inserted
            """, [header.id, header.type.rawValue, header.subject, header.time, String(decoding: body, as: UTF8.self)]).first != nil
    }

    private func apply(_ header: EventHeader, _ body: [UInt8], isNew: Bool, _ db: isolated DatabaseConnection) throws -> [FollowUp] {
        switch header.type {
        case .frbObservationReceived:
            let observation = try Event<FRBObservationReceived>.decode(from: body).data.observation
            if isNew { try insert(observation, into: "catalog_observations", db) }
            return [try followUp(FRBObservationStored(observation: observation), source: header, subject: header.subject)]
        case .frbEventReceived:
            let frb = try Event<FRBEventReceived>.decode(from: body).data.frb
            if isNew { try insert(frb, into: "catalog_frb_events", db) }
            let stored = try CatalogRecords.frb(frb.frbId, db)
            let observation = try CatalogRecords.observation(stored.observationId, db)
            return [try followUp(FRBEventStored(frb: stored, observation: observation, imageUrls: imageURLs(stored.images)),
                                 source: header, subject: header.subject)]
        case .frbMeasurementReceived:
            let measurement = try Event<FRBMeasurementReceived>.decode(from: body).data.measurement
            if isNew { try insert(measurement, into: "catalog_radio_measurements", db) }
            let frb = try CatalogRecords.frb(measurement.frbId, db)
            let observation = try CatalogRecords.observation(frb.observationId, db)
            let first = try CatalogRecords.firstMeasurementId(of: frb.frbId, db) == measurement.measurementId
            let payload = FRBMeasurementStored(measurement: measurement, frb: frb, observation: observation,
                                               isFirstMeasurement: first, imageUrls: imageURLs(frb.images))
            return [try followUp(payload, source: header, subject: header.subject)]
        case .slackRatingReceived:
            let rating = try Event<SlackRatingReceived>.decode(from: body).data
            if isNew { try CatalogRecords.record(rating, db) }
            return []
        case .tnsNameAssigned:
            let assigned = try Event<TNSNameAssigned>.decode(from: body).data
            if isNew {
                guard try db.query("UPDATE catalog_frb_events SET tns_name = $2 WHERE frb_id = $1", [assigned.frbId, assigned.tnsName]).affectedRows == 1 else {
                    throw DatabaseError(.foreignKeyViolation)
                }
            }
            return []
        default:
            // Kept in the event log; their own tables and stored events come with the services that use them.
            return []
        }
    }

    private func insert<T: Encodable>(_ record: T, into table: String, _ db: isolated DatabaseConnection) throws {
        let json = String(decoding: try EventJSON.encoder().encode(record), as: UTF8.self)
        try db.query("INSERT INTO \(table) SELECT * FROM jsonb_populate_record(NULL::\(table), $1::jsonb)", [json])
    }

    private func imageURLs(_ images: FRBImages) -> FRBImageURLs {
        let base = mediaBaseURL.hasSuffix("/") ? mediaBaseURL : mediaBaseURL + "/"
        return FRBImageURLs(search: images.search.map { base + $0.path }, image: images.image.map { base + $0.path },
                            histogram: images.histogram.map { base + $0.path })
    }

    private func followUp<P: EventPayload>(_ payload: P, source header: EventHeader, subject: String?) throws -> FollowUp {
        let event = Event(id: "\(header.id).stored", source: source, subject: subject, traceparent: header.traceparent, data: payload)
        // Stored records are notices: a kind nobody subscribes to yet is simply not delivered.
        return FollowUp(message: OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: try event.encode(),
                                                 messageID: event.id, type: event.type.rawValue, mustBeRouted: false))
    }
}
