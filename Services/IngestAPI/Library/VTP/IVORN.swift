/// The parts of a VOEvent identifier, `ivo://authority/resource#local_id`. Comet naks an IVORN that is
/// not an IVOA identifier or has no per-event local id; this applies the same rule.
struct IVORN: Equatable {
    let authority: String
    let resource: String
    let localID: String

    /// Characters an IVOA Identifiers 2.0 authority may contain besides letters and digits.
    private static let authorityPunctuation: Set<Character> = ["-", "_", ".", "!", "~", "*", "'", "(", ")", "+", "="]

    init(parsing text: String) throws(VOEventRejection) {
        guard text.hasPrefix("ivo://") else {
            throw VOEventRejection("ivorn \"\(text)\" does not start with ivo://")
        }
        guard !text.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            throw VOEventRejection("ivorn \"\(text)\" contains whitespace or control characters")
        }
        let afterScheme = text.dropFirst("ivo://".count)
        guard let hash = afterScheme.firstIndex(of: "#"), afterScheme.index(after: hash) != afterScheme.endIndex else {
            throw VOEventRejection("ivorn \"\(text)\" has no #local_id")
        }
        let identifier = afterScheme[..<hash]
        let authority = identifier.prefix { $0 != "/" }
        guard !authority.isEmpty else {
            throw VOEventRejection("ivorn \"\(text)\" has no authority")
        }
        guard authority.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || Self.authorityPunctuation.contains($0) }) else {
            throw VOEventRejection("ivorn authority \"\(authority)\" is not an IVOA authority")
        }
        self.authority = String(authority)
        resource = String(identifier.dropFirst(authority.count + 1))
        localID = String(afterScheme[afterScheme.index(after: hash)...])
    }

    /// "authority/resource", or just the authority when the resource is empty.
    var stream: String { resource.isEmpty ? authority : "\(authority)/\(resource)" }
}
