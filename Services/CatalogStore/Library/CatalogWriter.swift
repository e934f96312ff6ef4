import Database
import Foundation
import Messaging
import Schema
import VOEvent

/// Stores one delivered event inside the caller's transaction, exactly once: the event id goes into
/// `catalog_events` first, so a redelivered or duplicated message changes nothing. Whether new or seen
/// before, the outcome carries the `*.stored` events to publish — rebuilt from the catalogue with ids
/// derived from the source event, so a re-publish after a crash is recognisable downstream.
struct CatalogWriter: Sendable {
    enum Outcome: Sendable {
        /// With the stored events to publish once the transaction has committed.
        case stored([OutgoingMessage])
        /// A record whose parent is not stored yet (a measurement before its FRB); retry later.
        case waitingForParent(String)
        /// A message that can never be stored; it belongs in the dead-letter queue.
        case unstorable(String)
    }

    let exchange: String
    /// Ends in "/".
    let mediaBaseURL: String
    let source = "/burstwire/catalog-store"

    var measurements: MeasurementBatch {
        MeasurementBatch(exchange: exchange, source: source, mediaBaseURL: mediaBaseURL)
    }

    /// Stores a batch inside the caller's transaction and returns each message's outcome, in order.
    /// Everything but measurements goes first, one savepoint each, so a measurement whose FRB arrived
    /// in the same batch finds it; the measurements then go in one set-based savepoint, or one by one
    /// when any of them is refused. Unstorable messages are recorded with their reason.
    func store(_ batch: [IncomingMessage], in db: isolated DatabaseConnection) throws -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: batch.count)
        let measurementType = EventType.frbMeasurementReceived.rawValue
        let bulk = batch.indices.filter { batch[$0].eventType == measurementType }
        for index in batch.indices where batch[index].eventType != measurementType {
            outcomes[index] = try store(batch[index], in: db)
        }
        if bulk.count > 1, let stored = try? db.transaction({ db in try measurements.store(bulk.map { batch[$0] }, in: db) }) {
            for (position, index) in bulk.enumerated() {
                if let message = stored[position] { outcomes[index] = .stored([message]) }
            }
        }
        for index in bulk where outcomes[index] == nil {
            outcomes[index] = try store(batch[index], in: db)
        }
        return outcomes.map { $0! }
    }

    /// Stores one message in its own savepoint.
    func store(_ message: IncomingMessage, in db: isolated DatabaseConnection) throws -> Outcome {
        let outcome = try classify(message, in: db)
        if case .unstorable(let reason) = outcome { try Self.recordRejection(message, reason: reason, in: db) }
        return outcome
    }

    /// Why a message can never be stored; the message itself goes to the dead-letter queue.
    static func recordRejection(_ message: IncomingMessage, reason: String, in db: isolated DatabaseConnection) throws {
        try db.query("INSERT INTO catalog_rejections (event_id, routing_key, reason) VALUES ($1, $2, $3)",
                     [message.messageID, message.eventType, reason])
    }

    private func classify(_ message: IncomingMessage, in db: isolated DatabaseConnection) throws -> Outcome {
        let header: EventHeader
        do {
            header = try EventHeader.decode(from: message.body)
        } catch {
            return .unstorable("not a Burstwire CloudEvents envelope: \(error)")
        }
        do {
            if header.type == .frbMeasurementReceived {
                return try storeMeasurement(message, header, db)
            }
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
        } catch let error as VOEventParseError {
            return .unstorable("\(header.type) \(header.id) carries a VOEvent the catalogue cannot read: \(error)")
        } catch let error as EncodingError {
            return .unstorable("\(header.type) \(header.id) has values that cannot be written: \(error)")
        } catch let error as DatabaseError where Self.refusesTheData(error) {
            return .unstorable("\(header.type) \(header.id) has values the catalogue refuses (SQLSTATE \(error.sqlState ?? "?"))")
        }
    }

    /// Errors about the message's values (data exceptions, integrity, limits such as an over-long key):
    /// storing it again would fail again. Anything else (a lost connection, a server shutting down) is
    /// the catalogue's trouble, and the batch waits for it.
    static func refusesTheData(_ error: DatabaseError) -> Bool {
        guard let state = error.sqlState else { return false }
        return state.hasPrefix("22") || state.hasPrefix("23") || state.hasPrefix("54")
    }

    /// A measurement alone goes through the batch statements too. When they pass it over, decoding says
    /// why — or, for a readable measurement, its FRB was committed by a concurrent transaction after the
    /// statement's snapshot (the foreign key waited for it, the lookup could not see it): the savepoint is
    /// undone and the message waits like any orphan, rather than being stored without its stored event.
    private func storeMeasurement(_ message: IncomingMessage, _ header: EventHeader, _ db: isolated DatabaseConnection) throws -> Outcome {
        struct PassedOver: Error {}
        do {
            let event = try db.transaction { db in
                guard let event = try measurements.store([message], in: db)[0] else { throw PassedOver() }
                return event
            }
            return .stored([event])
        } catch is PassedOver {
            _ = try Event<FRBMeasurementReceived>.decode(from: message.body)
            return .waitingForParent("\(header.type) \(header.id): its FRB was not visible to the statement yet")
        }
    }

    /// Records the event id; false when it was stored before.
    private func logEvent(_ header: EventHeader, _ body: [UInt8], _ db: isolated DatabaseConnection) throws -> Bool {
        try db.query("""
            INSERT INTO catalog_events (event_id, type, subject, event_time, data)
            VALUES ($1, $2, $3, $4, ($5::jsonb)->'data') ON CONFLICT DO NOTHING RETURNING 1 AS inserted
            """, [header.id, header.type.rawValue, header.subject, header.time, String(decoding: body, as: UTF8.self)]).first != nil
    }

    private func apply(_ header: EventHeader, _ body: [UInt8], isNew: Bool, _ db: isolated DatabaseConnection) throws -> [OutgoingMessage] {
        switch header.type {
        case .frbObservationReceived:
            let observation = try Event<FRBObservationReceived>.decode(from: body).data.observation
            if isNew { try insert(observation, into: "catalog_observations", db) }
            return [try followUp(FRBObservationStored(observation: observation), source: header)]
        case .frbEventReceived:
            let frb = try Event<FRBEventReceived>.decode(from: body).data.frb
            if isNew { try insert(frb, into: "catalog_frb_events", db) }
            let stored = try FRBRecords.frb(frb.frbId, db)
            let observation = try FRBRecords.observation(stored.observationId, db)
            return [try followUp(FRBEventStored(frb: stored, observation: observation, imageUrls: imageURLs(stored.images)),
                                 source: header)]
        case .slackRatingReceived:
            let rating = try Event<SlackRatingReceived>.decode(from: body).data
            if isNew { try FRBRecords.record(rating, db) }
            return []
        case .tnsNameAssigned:
            let assigned = try Event<TNSNameAssigned>.decode(from: body).data
            if isNew { try DeliveryRecords.store(assigned, db) }
            return []
        case .voeventReceived:
            let packet = try Event<VOEventReceived>.decode(from: body).data.voevent
            let summary = try VOEventSummaryParser.summary(of: Array(packet.xml.utf8))
            if isNew {
                try VOEventRecords.insert(ivorn: packet.ivorn, role: packet.role.rawValue, xml: packet.xml, summary: summary,
                                          direction: .received, packet: packet, at: packet.receivedAt, db)
            }
            return [try followUp(VOEventStored(voevent: packet, summary: summary), source: header)]
        case .transientUploadReceived:
            if isNew { try TransientRecords.store(try Event<TransientUploadReceived>.decode(from: body).data, db) }
            return []
        case .notificationSent:
            if isNew { try DeliveryRecords.store(try Event<NotificationSent>.decode(from: body).data, eventId: header.id, db) }
            return []
        case .notificationFailed:
            if isNew { try DeliveryRecords.store(try Event<NotificationFailed>.decode(from: body).data, eventId: header.id, db) }
            return []
        case .triggerDecided:
            if isNew { try TriggerRecords.store(try Event<TriggerDecided>.decode(from: body).data, db) }
            return []
        case .triggerCompleted:
            if isNew { try TriggerRecords.store(try Event<TriggerCompleted>.decode(from: body).data, eventId: header.id, db) }
            return []
        case .crossmatchRequested:
            if isNew { try CrossmatchRecords.store(try Event<CrossmatchRequested>.decode(from: body).data, at: header.time, db) }
            return []
        case .crossmatchCompleted:
            if isNew { try CrossmatchRecords.store(try Event<CrossmatchCompleted>.decode(from: body).data, db) }
            return []
        default:
            // Approvals and anything newer than this catalogue stay in the event log (catalog_events).
            return []
        }
    }

    private func insert<T: Encodable>(_ record: T, into table: String, _ db: isolated DatabaseConnection) throws {
        let json = String(decoding: try EventJSON.encoder().encode(record), as: UTF8.self)
        try db.query("INSERT INTO \(table) SELECT * FROM jsonb_populate_record(NULL::\(table), $1::jsonb)", [json])
    }

    private func imageURLs(_ images: FRBImages) -> FRBImageURLs {
        FRBImageURLs(search: images.search.map { mediaBaseURL + $0.path }, image: images.image.map { mediaBaseURL + $0.path },
                     histogram: images.histogram.map { mediaBaseURL + $0.path })
    }

    private func followUp<P: EventPayload>(_ payload: P, source header: EventHeader) throws -> OutgoingMessage {
        let event = Event(id: "\(header.id).stored", source: source, subject: header.subject, traceparent: header.traceparent, data: payload)
        // Stored records are notices: a kind nobody subscribes to yet is simply not delivered.
        return OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: try event.encode(),
                               messageID: event.id, type: event.type.rawValue, mustBeRouted: false)
    }
}
