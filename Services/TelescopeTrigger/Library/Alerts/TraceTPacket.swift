import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The lookups TraceT makes through lxml.objectify that `VOEventSummary` does not keep. Objectify's `v.What.Description`
/// takes the first child of each name at every step, so a later sibling is never read even when the first lacks what
/// follows; `v.find(".//C1")` takes the first such element anywhere. Texts are untrimmed, as `str(element)` gives them.
struct TraceTPacket {
    let ivorn: String
    /// By path below the root ("What/Description"), for elements reached by first-of-name steps only.
    let chainTexts: [String: String]
    let chainAttributes: [String: [String: String]]
    /// By element name, the first element of that name below the root.
    let firstTexts: [String: String]
    /// The first `EventIVORN cite="followup"`, "" when empty (GCN's Antares notices), as `str()` of it is.
    let followupCitation: String?

    init(_ xml: [UInt8]) throws {
        let parser = XMLParser(data: Data(xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let reader = PacketReader()
        parser.delegate = reader
        _ = parser.parse()
        guard parser.parserError == nil, let ivorn = reader.ivorn else {
            throw AlertParseError("the VOEvent is not well-formed or has no ivorn")
        }
        self.ivorn = ivorn
        chainTexts = reader.chainTexts
        chainAttributes = reader.chainAttributes
        firstTexts = reader.firstTexts
        followupCitation = reader.followup
    }
}

private final class PacketReader: NSObject, XMLParserDelegate {
    var ivorn: String?
    var chainTexts: [String: String] = [:]
    var chainAttributes: [String: [String: String]] = [:]
    var firstTexts: [String: String] = [:]
    var followup: String?

    private var rootSeen = false
    private var path: [String] = []
    /// One per open element, the root first: whether it is on a first-of-name chain, and its children's names so far.
    private var frames: [(onChain: Bool, childNames: Set<String>)] = [(true, [])]
    private var text = ""
    private var inFollowup = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        guard rootSeen else {
            rootSeen = true
            ivorn = attributes["ivorn"]
            return
        }
        let firstOfName = frames[frames.count - 1].childNames.insert(elementName).inserted
        let onChain = frames[frames.count - 1].onChain && firstOfName
        frames.append((onChain, []))
        path.append(elementName)
        if onChain { chainAttributes[path.joined(separator: "/")] = attributes }
        if elementName == "EventIVORN", attributes["cite"] == "followup", followup == nil { inFollowup = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let frame = frames.popLast(), !path.isEmpty else { return }
        if frame.onChain { chainTexts[path.joined(separator: "/")] = text }
        if firstTexts[elementName] == nil { firstTexts[elementName] = text }
        if inFollowup, elementName == "EventIVORN" {
            followup = text
            inFollowup = false
        }
        path.removeLast()
        text = ""
    }
}
