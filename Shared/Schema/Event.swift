import Foundation

/// The body of one kind of event. Each payload names its own type, so an `Event` can never
/// carry a payload under the wrong routing key.
public protocol EventPayload: Codable, Sendable, Equatable {
    static var eventType: EventType { get }
}

/// One message on the bus: a CloudEvents 1.0 envelope in structured JSON mode around a payload.
///
/// `id` is the idempotency key downstream, so a redelivered message is recognised by it.
/// `type` is not stored: it always equals `Payload.eventType`, and decoding rejects a message
/// whose `type` names a different event rather than misreading its data.
public struct Event<Payload: EventPayload>: Codable, Sendable, Equatable {
    /// The CloudEvents version this envelope follows.
    public static var specversion: String { "1.0" }
    /// The media type of `data`; every Burstwire payload is JSON.
    public static var datacontenttype: String { "application/json" }

    public var id: String
    /// The producing service as a URI reference, e.g. "/burstwire/ingest-api".
    public var source: String
    public var time: Date
    /// What the event is about, e.g. "frb/3", for filtering without reading `data`.
    public var subject: String?
    /// W3C trace context, carried so one trace follows an event across services.
    public var traceparent: String?
    public var data: Payload

    public var type: EventType { Payload.eventType }
    public var specversion: String { Self.specversion }
    public var datacontenttype: String { Self.datacontenttype }

    /// Builds an event with a fresh lowercase UUID and the current time. The time is kept to the
    /// millisecond, the precision on the wire, so a decoded copy equals the event that was sent.
    public init(
        id: String = UUID().uuidString.lowercased(),
        source: String,
        time: Date = Date(),
        subject: String? = nil,
        traceparent: String? = nil,
        data: Payload
    ) {
        self.id = id
        self.source = source
        self.time = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.subject = subject
        self.traceparent = traceparent
        self.data = data
    }

    private enum CodingKeys: String, CodingKey {
        case specversion, id, source, type, time, datacontenttype, subject, traceparent, data
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let specversion = try container.decode(String.self, forKey: .specversion)
        guard specversion == Self.specversion else {
            throw DecodingError.dataCorruptedError(
                forKey: .specversion, in: container,
                debugDescription: "CloudEvents specversion \"\(specversion)\" is not supported; expected \"\(Self.specversion)\"")
        }
        let type = try container.decode(String.self, forKey: .type)
        guard type == Payload.eventType.rawValue else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "event type \"\(type)\" does not match \(Payload.self), which is \"\(Payload.eventType)\"")
        }
        if let contentType = try container.decodeIfPresent(String.self, forKey: .datacontenttype),
           contentType != Self.datacontenttype {
            throw DecodingError.dataCorruptedError(
                forKey: .datacontenttype, in: container,
                debugDescription: "datacontenttype \"\(contentType)\" is not \"\(Self.datacontenttype)\"")
        }
        id = try container.decode(String.self, forKey: .id)
        source = try container.decode(String.self, forKey: .source)
        time = try container.decode(Date.self, forKey: .time)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        traceparent = try container.decodeIfPresent(String.self, forKey: .traceparent)
        data = try container.decode(Payload.self, forKey: .data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.specversion, forKey: .specversion)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(type.rawValue, forKey: .type)
        try container.encode(time, forKey: .time)
        try container.encode(Self.datacontenttype, forKey: .datacontenttype)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(traceparent, forKey: .traceparent)
        try container.encode(data, forKey: .data)
    }

    /// The message body to publish, in the suite's JSON conventions.
    public func encode() throws -> [UInt8] {
        Array(try EventJSON.sharedEncoder.encode(self))
    }

    /// Decodes a message body; throws when it is not this payload's event type.
    public static func decode(from bytes: [UInt8]) throws -> Event {
        try EventJSON.sharedDecoder.decode(Event.self, from: Data(bytes))
    }
}

/// The envelope without its data, so a consumer bound to several types can read `type`
/// first and then decode the matching `Event<Payload>`.
public struct EventHeader: Decodable, Sendable, Equatable {
    public var id: String
    public var type: EventType
    public var source: String
    public var time: Date
    public var subject: String?
    public var traceparent: String?

    public static func decode(from bytes: [UInt8]) throws -> EventHeader {
        try EventJSON.sharedDecoder.decode(EventHeader.self, from: Data(bytes))
    }
}
