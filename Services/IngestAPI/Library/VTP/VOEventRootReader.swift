import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a whole document with XMLParser (so well-formedness is checked end to end) and keeps what
/// the inspector judges: the root element's attributes and the text of `Who/Date`.
final class VOEventRootReader: NSObject, XMLParserDelegate {
    /// What the reader found in a well-formed VOEvent document.
    struct Root {
        let attributes: [String: String]
        let date: String?
    }

    private var openElements: [String] = []
    private var rootAttributes: [String: String]?
    private var rootEnded = false
    private var rejection: VOEventRejection?
    private var dateText: String?
    private var readingDate = false

    /// Parses `xml` with namespaces processed and external entities off.
    static func read(_ xml: [UInt8]) throws(VOEventRejection) -> Root {
        let parser = XMLParser(data: Data(xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let reader = VOEventRootReader()
        parser.delegate = reader
        _ = parser.parse()
        if let rejection = reader.rejection { throw rejection }
        guard parser.parserError == nil, reader.rootEnded, let attributes = reader.rootAttributes else {
            throw VOEventRejection("the document is not well-formed XML (error at line \(parser.lineNumber), column \(parser.columnNumber))")
        }
        return Root(attributes: attributes, date: reader.dateText?.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if openElements.isEmpty {
            guard elementName == "VOEvent" else {
                reject("the root element is <\(qualifiedName ?? elementName)>, not VOEvent", parser)
                return
            }
            if let namespaceURI, !namespaceURI.isEmpty, namespaceURI != VOEventInspector.namespace {
                reject("the VOEvent element is in namespace \(namespaceURI), not \(VOEventInspector.namespace)", parser)
                return
            }
            rootAttributes = attributes
        }
        openElements.append(elementName)
        if openElements == ["VOEvent", "Who", "Date"], dateText == nil {
            readingDate = true
            dateText = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if readingDate { dateText? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        readingDate = false
        openElements.removeLast()
        if openElements.isEmpty { rootEnded = true }
    }

    private func reject(_ reason: String, _ parser: XMLParser) {
        rejection = VOEventRejection(reason)
        parser.abortParsing()
    }
}
