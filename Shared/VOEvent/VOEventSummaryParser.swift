import Foundation
import Schema
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Why a document could not be summarised, in words fit for a log line or a dead-letter reason.
public struct VOEventParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// Reads the header of a VOEvent 2.0 packet into a `VOEventSummary`, so rules and pages never parse XML.
/// It is lenient about what is absent (every field but the IVORN is optional) and strict about what is
/// present but unreadable: a date, coordinate or citation that cannot be understood throws rather than
/// vanishing from the summary.
public enum VOEventSummaryParser {
    public static func summary(of xml: [UInt8]) throws -> VOEventSummary {
        try document(of: xml).summary
    }

    /// The summary with the root's `role` attribute, for packets (such as our own) that arrive without one beside them.
    public static func document(of xml: [UInt8]) throws -> (role: String?, summary: VOEventSummary) {
        guard !xml.isEmpty else { throw VOEventParseError("the document is empty") }
        let parser = XMLParser(data: Data(xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let reader = VOEventDocumentReader()
        parser.delegate = reader
        // On Linux parse() returns true even after an error (a truncated document, an undeclared prefix),
        // so parserError is the test, as in ingest-api's inspector.
        _ = parser.parse()
        guard parser.parserError == nil, let rootName = reader.rootName else {
            throw VOEventParseError(
                "the document is not well-formed XML (error at line \(parser.lineNumber), column \(parser.columnNumber))")
        }
        guard rootName == "VOEvent" else { throw VOEventParseError("the root element is <\(rootName)>, not VOEvent") }
        guard let ivorn = reader.rootIvorn else { throw VOEventParseError("the VOEvent has no ivorn attribute") }
        let (stream, localId) = try split(ivorn: ivorn)
        let texts = reader.texts
        // The packet-level Description is the author's own summary; GCN leaves it blank and describes in What.
        let description = [texts["Description"], texts["What/Description"]].compactMap { $0 }.first { !$0.isEmpty }
        return (reader.rootRole, VOEventSummary(
            stream: stream, localId: localId, authorIvorn: texts["Who/AuthorIVORN"],
            date: try texts["Who/Date"].map { try date($0, field: "Who/Date") },
            authorShortName: texts["Who/Author/shortName"], description: description, params: reader.params,
            position: try position(reader), citations: try reader.citations.map(citation)))
    }

    /// Splits like ingest-api does: the stream is "authority/resource", or the authority alone when the
    /// resource is empty, and the local id is everything after the first "#".
    private static func split(ivorn: String) throws -> (stream: String, localId: String) {
        guard ivorn.hasPrefix("ivo://"), let hash = ivorn.firstIndex(of: "#") else {
            throw VOEventParseError("ivorn \"\(ivorn)\" is not of the form ivo://authority/resource#local_id")
        }
        let identifier = ivorn[ivorn.index(ivorn.startIndex, offsetBy: 6)..<hash]
        let localId = ivorn[ivorn.index(after: hash)...]
        let authority = identifier.prefix { $0 != "/" }
        guard !authority.isEmpty, !localId.isEmpty else {
            throw VOEventParseError("ivorn \"\(ivorn)\" needs both an authority and a #local_id")
        }
        let resource = identifier.dropFirst(authority.count + 1)
        return (resource.isEmpty ? String(authority) : "\(authority)/\(resource)", String(localId))
    }

    /// A position needs both coordinates; LVC notices give a time but no Position2D, so they have none.
    private static func position(_ reader: VOEventDocumentReader) throws -> VOEventPosition? {
        let coords = VOEventDocumentReader.coords
        let c1 = reader.texts[coords + "/Position2D/Value2/C1"], c2 = reader.texts[coords + "/Position2D/Value2/C2"]
        if c1 == nil, c2 == nil { return nil }
        guard let c1, let c2 else { throw VOEventParseError("Position2D has only one of C1 and C2") }
        if let unit = reader.positionUnit, unit != "deg" {
            throw VOEventParseError("Position2D unit is \"\(unit)\", not deg")
        }
        return VOEventPosition(
            ra: try number(c1, field: "C1"), dec: try number(c2, field: "C2"),
            errorRadius: try reader.texts[coords + "/Position2D/Error2Radius"].map { try number($0, field: "Error2Radius") },
            coordSystem: reader.coordSystem,
            time: try reader.texts[coords + "/Time/TimeInstant/ISOTime"].map { try date($0, field: "ISOTime") })
    }

    private static func number(_ text: String, field: String) throws -> Double {
        guard let value = Double(text), value.isFinite else { throw VOEventParseError("\(field) \"\(text)\" is not a number") }
        return value
    }

    private static func citation(_ raw: (ivorn: String, cite: String?)) throws -> VOEventCitation {
        guard let text = raw.cite, let cite = VOEventCitationKind(rawValue: text) else {
            throw VOEventParseError(
                "EventIVORN \(raw.ivorn) has cite \"\(raw.cite ?? "")\", not followup, supersedes or retraction")
        }
        return VOEventCitation(ivorn: raw.ivorn, cite: cite)
    }

    /// ISO 8601 as VOEvent authors write it: GCN omits the zone (meaning UTC), LVC appends "Z", and fractions
    /// run from two digits (GCN) to six (LVC, FRB), more than date formatters keep.
    private static func date(_ text: String, field: String) throws -> Date {
        let pattern = #/(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:Z|([+-])(\d{2}):?(\d{2}))?/#
        let invalid = VOEventParseError("\(field) \"\(text)\" is not an ISO 8601 date and time")
        guard let match = text.wholeMatch(of: pattern) else { throw invalid }
        let sign = match.8 == "-" ? -1 : 1
        let offset = sign * ((match.9.flatMap { Int($0) } ?? 0) * 3600 + (match.10.flatMap { Int($0) } ?? 0) * 60)
        guard let zone = TimeZone(secondsFromGMT: offset) else { throw invalid }
        let components = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: zone,
            year: Int(match.1), month: Int(match.2), day: Int(match.3),
            hour: Int(match.4), minute: Int(match.5), second: Int(match.6))
        guard components.isValidDate, let whole = components.date else { throw invalid }
        return whole.addingTimeInterval(match.7.flatMap { Double("0" + $0) } ?? 0)
    }
}
