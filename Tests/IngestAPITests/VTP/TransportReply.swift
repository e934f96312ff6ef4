import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A Transport message read back with XMLParser, to check a reply's structure independently of how it was built.
struct TransportReply: Equatable {
    var rootName = ""
    var rootNamespace = ""
    var rootAttributes: [String: String] = [:]
    /// Child element paths in document order, e.g. ["Origin", "Response", "TimeStamp", "Meta", "Meta/Result"].
    var elements: [String] = []
    /// Text of each element path.
    var texts: [String: String] = [:]

    var role: String? { rootAttributes["role"] }

    /// The trimmed text of the element at `path`.
    func text(_ path: String) -> String? {
        texts[path]?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    init(parsing bytes: [UInt8]) throws {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse(), parser.parserError == nil else { throw TransportReplyUnreadable(bytes: bytes) }
        self = collector.reply
    }

    private init() {}

    private final class Collector: NSObject, XMLParserDelegate {
        var reply = TransportReply()
        private var path: [String] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if path.isEmpty {
                reply.rootName = qualifiedName ?? elementName
                reply.rootNamespace = namespaceURI ?? ""
                reply.rootAttributes = attributes
            } else {
                reply.elements.append((path.dropFirst() + [elementName]).joined(separator: "/"))
            }
            path.append(elementName)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard path.count > 1 else { return }
            reply.texts[path.dropFirst().joined(separator: "/"), default: ""] += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            path.removeLast()
        }
    }
}

struct TransportReplyUnreadable: Error {
    let bytes: [UInt8]
}
