/// A parsed `Content-Type` (or `Content-Disposition`) header value: the lowercased media type and its
/// parameters, with quoted-string values unquoted, so callers never split header text themselves.
struct FormContentType: Equatable {
    /// Lowercased, without parameters, e.g. "multipart/form-data".
    let mediaType: String
    /// Parameter names lowercased; values as sent, unquoted and unescaped.
    let parameters: [String: String]

    init(_ header: String) {
        var pieces = FormContentType.split(header)
        mediaType = pieces.isEmpty ? "" : FormText.strip(pieces.removeFirst()).lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = FormText.strip(piece[..<equals]).lowercased()
            let value = FormText.strip(piece[piece.index(after: equals)...])
            parameters[name] = FormContentType.unquote(value)
        }
        self.parameters = parameters
    }

    /// Splits on semicolons that are not inside a quoted string.
    private static func split(_ header: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = header.startIndex
        var inQuotes = false
        var escaped = false
        for index in header.indices {
            let character = header[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                pieces.append(header[start..<index])
                start = header.index(after: index)
            }
        }
        pieces.append(header[start...])
        return pieces
    }

    /// Removes surrounding quotes and backslash escapes (RFC 9110 quoted-string).
    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var result = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if escaped || character != "\\" {
                result.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }
}

/// Text clean-up shared by header parsing and field validation.
enum FormText {
    /// Without leading and trailing whitespace, like Python's `str.strip()` that Django REST
    /// framework applies to every field before parsing it.
    static func strip(_ text: some StringProtocol) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
