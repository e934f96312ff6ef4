import Foundation
import Crypto

/// Decides whether bytes are a VOEvent 2.0 packet, applying the checks a Comet broker makes before it acks
/// (well-formed XML, a VOEvent root, an IVORN with a #local_id) plus the version and role rules of the schema,
/// and reads the header fields ingest needs. It is deliberately not a full XSD validation: subscribers parse
/// what they use, and the rules here are the ones whose failure makes a packet unusable.
public enum VOEventInspector {
    /// Largest packet accepted by default; real VOEvents are a few kilobytes.
    public static let defaultMaximumBytes = 1 << 20
    /// The namespace of the root element, when the document declares one.
    public static let namespace = "http://www.ivoa.net/xml/VOEvent/v2.0"
    /// The values of the `role` attribute the schema allows.
    public static let roles = ["observation", "prediction", "utility", "test"]

    /// Checks `xml` and returns its essentials, or throws the first problem found.
    public static func inspect(_ xml: [UInt8], maximumBytes: Int = defaultMaximumBytes) throws(VOEventRejection) -> VOEventEssentials {
        guard !xml.isEmpty else { throw VOEventRejection("the document is empty") }
        guard xml.count <= maximumBytes else {
            throw VOEventRejection("the document is \(xml.count) bytes, more than the limit of \(maximumBytes)")
        }
        guard String(validating: xml, as: UTF8.self) != nil else {
            throw VOEventRejection("the document is not valid UTF-8")
        }
        guard !XMLProlog.declaresDocumentType(xml) else {
            throw VOEventRejection("the document has a DOCTYPE; a VOEvent needs none, and entity declarations are refused")
        }
        let root = try VOEventRootReader.read(xml)
        guard let ivornText = root.attributes["ivorn"] else { throw VOEventRejection("the VOEvent has no ivorn attribute") }
        let ivorn = try IVORN(parsing: ivornText)
        guard let version = root.attributes["version"]?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            throw VOEventRejection("the VOEvent has no version attribute", ivorn: ivornText)
        }
        guard version == "2.0" else {
            throw VOEventRejection("version is \"\(version)\", not \"2.0\"", ivorn: ivornText)
        }
        let role = root.attributes["role"] ?? "observation"
        guard roles.contains(role) else {
            throw VOEventRejection("role \"\(role)\" is not one of \(roles.joined(separator: ", "))", ivorn: ivornText)
        }
        return VOEventEssentials(
            ivorn: ivornText, role: role, version: version, authority: ivorn.authority, resource: ivorn.resource,
            stream: ivorn.stream, localID: ivorn.localID, date: root.date, sha256: hexDigest(of: xml))
    }

    private static func hexDigest(of bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var hex = ""
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return hex
    }
}
