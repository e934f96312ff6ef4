import Foundation

// VOEvent 2.0 packets from brokers and authors. ingest-api emits voevent.received for every packet
// it accepts over HTTP or VTP; catalog-store emits voevent.stored once the packet is kept (deduplicated
// by IVORN and payload hash) with the header fields that rules and pages read, so no consumer
// has to parse the XML again.

/// The VOEvent `role` attribute; "test" packets must never cause real actions.
public enum VOEventRole: String, Codable, Sendable {
    case observation, prediction, utility, test
}

/// How the packet reached ingest-api.
public enum VOEventTransport: String, Codable, Sendable {
    case http, vtp
}

/// A VOEvent packet exactly as received, with where it came from.
public struct VOEventPacket: Codable, Sendable, Equatable {
    /// e.g. "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1163119-055".
    public var ivorn: String
    public var role: VOEventRole
    /// The XML document, unmodified.
    public var xml: String
    /// Lowercase hex SHA-256 of the XML bytes; with the IVORN, the deduplication key.
    public var sha256: String
    public var receivedVia: VOEventTransport
    /// The peer's "host:port", when known.
    public var remoteAddress: String?
    public var receivedAt: Date

    public init(
        ivorn: String, role: VOEventRole, xml: String, sha256: String, receivedVia: VOEventTransport,
        remoteAddress: String? = nil, receivedAt: Date
    ) {
        self.ivorn = ivorn
        self.role = role
        self.xml = xml
        self.sha256 = sha256
        self.receivedVia = receivedVia
        self.remoteAddress = remoteAddress
        self.receivedAt = receivedAt
    }
}

/// One `What/Param`, flattened: `group` names the enclosing `Group`, if any.
public struct VOEventParam: Codable, Sendable, Equatable {
    public var name: String
    public var value: String?
    public var unit: String?
    public var ucd: String?
    public var group: String?

    public init(name: String, value: String? = nil, unit: String? = nil, ucd: String? = nil, group: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.ucd = ucd
        self.group = group
    }
}

/// The `WhereWhen` sky position and time, converted to degrees and UTC.
public struct VOEventPosition: Codable, Sendable, Equatable {
    /// Right ascension and declination, degrees.
    public var ra: Double
    public var dec: Double
    /// `Error2Radius`, degrees.
    public var errorRadius: Double?
    /// The `AstroCoordSystem` id, e.g. "UTC-FK5-GEO".
    public var coordSystem: String?
    /// The `ISOTime` of the event itself (not of the packet).
    public var time: Date?

    public init(ra: Double, dec: Double, errorRadius: Double? = nil, coordSystem: String? = nil, time: Date? = nil) {
        self.ra = ra
        self.dec = dec
        self.errorRadius = errorRadius
        self.coordSystem = coordSystem
        self.time = time
    }
}

/// How this packet relates to an earlier one (`Citations/EventIVORN@cite`).
public enum VOEventCitationKind: String, Codable, Sendable {
    case followup, supersedes, retraction
}

/// A reference to an earlier packet, so consumers can follow up or retract.
public struct VOEventCitation: Codable, Sendable, Equatable {
    public var ivorn: String
    public var cite: VOEventCitationKind

    public init(ivorn: String, cite: VOEventCitationKind) {
        self.ivorn = ivorn
        self.cite = cite
    }
}

/// The parsed header of a packet: who sent it, what it reports, where and when.
public struct VOEventSummary: Codable, Sendable, Equatable {
    /// The IVORN's "authority/resource", e.g. "nasa.gsfc.gcn/SWIFT": the stream rules select on.
    public var stream: String
    /// The IVORN's local id after "#".
    public var localId: String
    public var authorIvorn: String?
    /// `Who/Date`: when the author created the packet.
    public var date: Date?
    /// `Who/Author/shortName`.
    public var authorShortName: String?
    /// The `What` description, if any.
    public var description: String?
    public var params: [VOEventParam]
    public var position: VOEventPosition?
    public var citations: [VOEventCitation]

    public init(
        stream: String, localId: String, authorIvorn: String? = nil, date: Date? = nil,
        authorShortName: String? = nil, description: String? = nil, params: [VOEventParam] = [],
        position: VOEventPosition? = nil, citations: [VOEventCitation] = []
    ) {
        self.stream = stream
        self.localId = localId
        self.authorIvorn = authorIvorn
        self.date = date
        self.authorShortName = authorShortName
        self.description = description
        self.params = params
        self.position = position
        self.citations = citations
    }
}

/// A packet accepted by ingest-api and durable on the bus.
public struct VOEventReceived: EventPayload {
    public static var eventType: EventType { .voeventReceived }
    public var voevent: VOEventPacket

    public init(voevent: VOEventPacket) {
        self.voevent = voevent
    }
}

/// A packet stored by catalog-store, with its parsed header for rules and pages.
public struct VOEventStored: EventPayload {
    public static var eventType: EventType { .voeventStored }
    public var voevent: VOEventPacket
    public var summary: VOEventSummary

    public init(voevent: VOEventPacket, summary: VOEventSummary) {
        self.voevent = voevent
        self.summary = summary
    }
}
