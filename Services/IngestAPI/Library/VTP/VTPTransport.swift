import Foundation

/// Builds the VTP Transport messages a receiver sends to an author, byte for byte as Comet 3.1 prints them
/// (lxml, pretty-printed, single-quoted XML declaration), so `comet-sendvo` and scripts written against a
/// Comet broker read our replies exactly as theirs. Also frames messages for the wire.
public enum VTPTransport {
    /// The namespace of the `trn:Transport` root element.
    public static let namespace = "http://www.telescope-networks.org/xml/Transport/v1.1"

    /// Acknowledges an event: `origin` is the event's IVORN, `localIVO` this receiver's IVO.
    public static func ack(origin: String, localIVO: String, timestamp: Date = Date()) -> [UInt8] {
        message(role: "ack", origin: origin, localIVO: localIVO, timestamp: timestamp, result: nil)
    }

    /// Refuses an event, telling the author why in `Meta/Result`; like Comet, an empty reason leaves `Meta` out.
    public static func nak(origin: String, localIVO: String, reason: String, timestamp: Date = Date()) -> [UInt8] {
        message(role: "nak", origin: origin, localIVO: localIVO, timestamp: timestamp, result: reason.isEmpty ? nil : reason)
    }

    /// Prefixes `payload` with its length as a 4-byte big-endian (network order) unsigned integer.
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        precondition(payload.count <= UInt32.max, "a VTP frame holds at most \(UInt32.max) bytes")
        let length = UInt32(payload.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
    }

    private static func message(role: String, origin: String, localIVO: String, timestamp: Date, result: String?) -> [UInt8] {
        var xml = """
            <?xml version='1.0' encoding='UTF-8'?>
            <trn:Transport xmlns:trn="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            version="1.0" xsi:schemaLocation="http://telescope-networks.org/schema/Transport/v1.1 \
            http://www.telescope-networks.org/schema/Transport-v1.1.xsd" role="\(role)">
              <Origin>\(escapedText(origin))</Origin>
              <Response>\(escapedText(localIVO))</Response>
              <TimeStamp>\(timestamp.formatted(Date.ISO8601FormatStyle()))</TimeStamp>

            """
        if let result {
            xml += """
                  <Meta>
                    <Result>\(escapedText(result))</Result>
                  </Meta>

                """
        }
        xml += "</trn:Transport>\n"
        return Array(xml.utf8)
    }

    /// Escapes element text as libxml2 does (`&`, `<`, `>`, carriage return) and replaces characters XML 1.0
    /// cannot carry with U+FFFD, where lxml would refuse to serialise at all.
    static func escapedText(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\r": escaped += "&#13;"
            case "\t", "\n", "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}":
                escaped.unicodeScalars.append(scalar)
            default: escaped += "\u{FFFD}"
            }
        }
        return escaped
    }
}
