import Foundation
import Schema
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the raw text and attributes the summary needs in one XMLParser pass. Elements are matched by
/// local name and path below the root, so any namespace prefix (`voe:`, `ns0:`, none) reads the same, and a
/// `Description` inside a Param or Group is never mistaken for the packet's own.
final class VOEventDocumentReader: NSObject, XMLParserDelegate {
    /// The first AstroCoords of the observation; ObservatoryLocation holds the telescope's own coordinates.
    static let coords = "WhereWhen/ObsDataLocation/ObservationLocation/AstroCoords"
    /// Leaf elements whose first occurrence is kept in `texts`.
    static let textPaths: Set<String> = [
        "Who/AuthorIVORN", "Who/Date", "Who/Author/shortName", "Description", "What/Description",
        coords + "/Time/TimeInstant/ISOTime", coords + "/Position2D/Value2/C1", coords + "/Position2D/Value2/C2",
        coords + "/Position2D/Error2Radius",
    ]

    private(set) var rootName: String?
    private(set) var rootIvorn: String?
    private(set) var rootRole: String?
    /// Trimmed text by path below the root.
    private(set) var texts: [String: String] = [:]
    private(set) var params: [VOEventParam] = []
    private(set) var citations: [(ivorn: String, cite: String?)] = []
    private(set) var coordSystem: String?
    private(set) var positionUnit: String?

    private var path: [String] = []
    private var text = ""
    private var group: String?
    private var paramOpen = false
    private var cite: String?
    /// Packets such as H.E.S.S. alerts carry several ObsDataLocations; only the first is read, as TraceT does.
    private var coordsSeen = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        guard rootName != nil else {
            rootName = elementName
            rootIvorn = attributes["ivorn"]
            rootRole = attributes["role"]
            return
        }
        path.append(elementName)
        switch path.joined(separator: "/") {
        case "What/Group":
            group = attributes["name"]
        case "What/Param", "What/Group/Param":
            // A nameless Param cannot be selected by name, so it is left out.
            guard let name = attributes["name"] else { return }
            params.append(VOEventParam(
                name: name, value: attributes["value"], unit: attributes["unit"], ucd: attributes["ucd"], group: group))
            paramOpen = true
        case Self.coords:
            coordsSeen += 1
            if coordsSeen == 1 { coordSystem = attributes["coord_system_id"] }
        case Self.coords + "/Position2D" where coordsSeen == 1:
            positionUnit = attributes["unit"]
        case "Citations/EventIVORN":
            cite = attributes["cite"]
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard !path.isEmpty else { return }
        let key = path.joined(separator: "/")
        path.removeLast()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch key {
        case "What/Group":
            group = nil
        case "What/Param", "What/Group/Param":
            paramOpen = false
        case "What/Param/Value", "What/Group/Param/Value":
            if paramOpen, params[params.count - 1].value == nil { params[params.count - 1].value = trimmed }
        case "Citations/EventIVORN":
            // GCN's Antares notices carry an empty EventIVORN, which cites nothing.
            if !trimmed.isEmpty { citations.append((trimmed, cite)) }
        default:
            let otherCoords = key.hasPrefix(Self.coords + "/") && coordsSeen > 1
            if Self.textPaths.contains(key), texts[key] == nil, !otherCoords { texts[key] = trimmed }
        }
    }
}
