import Foundation
import VOEvent
import Schema

/// The text forms a VOEvent needs, each giving the same bytes for the same input so that a resent
/// packet is byte-identical and a broker answers "previously seen" instead of publishing it twice.
enum VOEventXML {
    /// The shortest form that reads back as the same Double; nil for NaN and infinities, which no reader
    /// of an FRB packet could use and which xs:float spells differently ("NaN", "INF") from Swift.
    static func number(_ value: Double) -> String? {
        value.isFinite ? "\(value)" : nil
    }

    /// "YYYY-MM-DDThh:mm:ss.ssssss" in UTC with no zone, the FRB template's ISOTime form; microseconds,
    /// because the bus timestamp's milliseconds would blur arrival times that CRAFT measures more finely.
    /// Nil outside the years 0000–9999.
    static func isoTime(_ date: Date) -> String? {
        let scaled = (date.timeIntervalSince1970 * 1_000_000).rounded()
        guard scaled.isFinite, let micros = Int64(exactly: scaled) else { return nil }
        let fraction = (micros % 1_000_000 + 1_000_000) % 1_000_000
        let seconds = (micros - fraction) / 1_000_000
        guard let whole = EventTimestamp.string(from: Date(timeIntervalSince1970: Double(seconds))) else { return nil }
        let digits = String(fraction)
        return String(whole.prefix(19)) + "." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}

/// One `Param` of `What`. Made only from values that exist: an absent measurement is left out rather
/// than sent as the template's `value=""`, which float readers cannot parse and cannot tell from zero.
struct WhatParam: Sendable, Equatable {
    let name: String
    let dataType: String
    let unit: String?
    let ucd: String?
    let value: String
    let description: String?

    static func float(_ name: String, _ value: Double?, unit: String? = nil, ucd: String? = nil, description: String? = nil) -> WhatParam? {
        guard let value, let text = VOEventXML.number(value) else { return nil }
        return WhatParam(name: name, dataType: "float", unit: unit, ucd: ucd, value: text, description: description)
    }

    static func int(_ name: String, _ value: Int64?, unit: String? = nil, ucd: String? = nil, description: String? = nil) -> WhatParam? {
        value.map { WhatParam(name: name, dataType: "int", unit: unit, ucd: ucd, value: String($0), description: description) }
    }

    static func string(_ name: String, _ value: String?, description: String? = nil) -> WhatParam? {
        value.map { WhatParam(name: name, dataType: "string", unit: nil, ucd: nil, value: $0, description: description) }
    }

    var xml: String {
        let e = XMLEscaping.attribute
        var attributes = #"name="\#(e(name))" dataType="\#(dataType)""#
        if let unit { attributes += #" unit="\#(e(unit))""# }
        if let ucd { attributes += #" ucd="\#(e(ucd))""# }
        attributes += #" value="\#(e(value))""#
        guard let description else { return "<Param \(attributes)/>" }
        return "<Param \(attributes)><Description>\(e(description))</Description></Param>"
    }
}
