import Foundation
import VOEvent

/// Builds the VTP Transport messages a receiver sends to an author, byte for byte as Comet 3.1 prints them
/// (lxml, pretty-printed, single-quoted XML declaration), so `comet-sendvo` and scripts written against a
/// Comet broker read our replies exactly as theirs.
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

    private static func message(role: String, origin: String, localIVO: String, timestamp: Date, result: String?) -> [UInt8] {
        var xml = """
            <?xml version='1.0' encoding='UTF-8'?>
            <trn:Transport xmlns:trn="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            version="1.0" xsi:schemaLocation="http://telescope-networks.org/schema/Transport/v1.1 \
            http://www.telescope-networks.org/schema/Transport-v1.1.xsd" role="\(role)">
              <Origin>\(XMLEscaping.text(origin))</Origin>
              <Response>\(XMLEscaping.text(localIVO))</Response>
              <TimeStamp>\(timestamp.formatted(Date.ISO8601FormatStyle()))</TimeStamp>

            """
        if let result {
            xml += """
                  <Meta>
                    <Result>\(XMLEscaping.text(result))</Result>
                  </Meta>

                """
        }
        xml += "</trn:Transport>\n"
        return Array(xml.utf8)
    }
}
