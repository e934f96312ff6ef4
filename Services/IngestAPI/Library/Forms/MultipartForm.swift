/// `multipart/form-data` (RFC 7578 over RFC 2046) as python-requests, curl and browsers send it.
///
/// The body is scanned once: each boundary is found with `BytePattern` from where the previous
/// part ended, so decoding is linear in the body size even for multi-megabyte images.
enum MultipartForm {
    private static let crlf: [UInt8] = [13, 10]
    private static let headerEnd = BytePattern([13, 10, 13, 10])

    static func decode(_ body: [UInt8], boundary: String) throws(FormDecodingError) -> FormData {
        let dashBoundary = BytePattern(Array("--\(boundary)".utf8))
        let delimiter = BytePattern(crlf + dashBoundary.bytes)
        return try body.withUnsafeBufferPointer { buffer throws(FormDecodingError) -> FormData in
            var form = FormData()
            var position: Int
            if dashBoundary.matches(in: buffer, at: 0) {
                position = dashBoundary.count
            } else if let first = delimiter.firstMatch(in: buffer, within: 0..<buffer.count) {
                position = first + delimiter.count
            } else {
                throw .malformed("no \"--\(boundary)\" boundary in the body")
            }
            while true {
                if hasDoubleDash(buffer, at: position) {
                    return form
                }
                position = try startOfPart(buffer, after: position)
                guard let end = delimiter.firstMatch(in: buffer, within: position..<buffer.count) else {
                    throw .malformed("the body ends without the closing boundary \"--\(boundary)--\"")
                }
                try add(part: position..<end, of: buffer, to: &form)
                position = end + delimiter.count
            }
        }
    }

    private static func hasDoubleDash(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        position + 1 < buffer.count && buffer[position] == UInt8(ascii: "-") && buffer[position + 1] == UInt8(ascii: "-")
    }

    /// Skips the transport padding RFC 2046 allows after a boundary and the line break that ends it.
    private static func startOfPart(_ buffer: UnsafeBufferPointer<UInt8>, after boundaryEnd: Int) throws(FormDecodingError) -> Int {
        var position = boundaryEnd
        while position < buffer.count && (buffer[position] == UInt8(ascii: " ") || buffer[position] == UInt8(ascii: "\t")) {
            position += 1
        }
        guard position + 1 < buffer.count, buffer[position] == 13, buffer[position + 1] == 10 else {
            throw .malformed(position >= buffer.count
                ? "the body ends without the closing boundary"
                : "a boundary line is not followed by CRLF")
        }
        return position + 2
    }

    private static func add(part: Range<Int>, of buffer: UnsafeBufferPointer<UInt8>, to form: inout FormData) throws(FormDecodingError) {
        let headerBytes: Range<Int>
        let content: Range<Int>
        if part.count >= 2 && buffer[part.lowerBound] == 13 && buffer[part.lowerBound + 1] == 10 {
            headerBytes = part.lowerBound..<part.lowerBound
            content = (part.lowerBound + 2)..<part.upperBound
        } else if let blankLine = headerEnd.firstMatch(in: buffer, within: part) {
            headerBytes = part.lowerBound..<blankLine
            content = (blankLine + headerEnd.count)..<part.upperBound
        } else {
            throw .malformed("a part's headers are not ended by an empty line")
        }
        let headers = MultipartPartHeaders(Array(buffer[headerBytes]))
        guard let disposition = headers.contentDisposition, let name = disposition.parameters["name"] else {
            throw .malformed("a part has no Content-Disposition name")
        }
        if let filename = disposition.parameters["filename"] {
            // Django ignores a file input left empty, which browsers send with filename="".
            guard !filename.isEmpty else { return }
            form.files[name] = UploadedFile(filename: baseName(of: filename), contentType: headers.contentType,
                                            bytes: Array(buffer[content]))
        } else {
            guard let value = String(validating: buffer[content], as: UTF8.self) else {
                throw .malformed("field \"\(name)\" is not valid UTF-8")
            }
            form.append(value, for: name)
        }
    }

    /// The last path component, since old browsers sent the whole client-side path.
    private static func baseName(of filename: String) -> String {
        filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? filename
    }
}

/// The headers of one multipart part, read leniently: names are case-insensitive, folded lines are
/// joined, and non-UTF-8 bytes (old clients' Latin-1 file names) are read as Latin-1.
struct MultipartPartHeaders {
    private var values: [String: String] = [:]

    init(_ bytes: [UInt8]) {
        let text = String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
        var lines: [String] = []
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += " " + FormText.strip(line)
            } else {
                lines.append(String(line))
            }
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[FormText.strip(line[..<colon]).lowercased()] = FormText.strip(line[line.index(after: colon)...])
        }
    }

    var contentDisposition: FormContentType? { values["content-disposition"].map(FormContentType.init) }
    var contentType: String? { values["content-type"] }
}
