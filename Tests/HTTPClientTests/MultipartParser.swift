import Foundation

/// A minimal server-side multipart/form-data parser, so tests check what actually arrived on the wire.
enum MultipartParser {
    static func parse(_ body: [UInt8], contentType: String) -> [ReceivedPart]? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        let delimiter = Array("--\(contentType[range.upperBound...])".utf8)
        var parts: [ReceivedPart] = []
        var cursor = body.startIndex
        guard let first = find(delimiter, in: body, from: cursor) else { return nil }
        cursor = first + delimiter.count
        while body[cursor..<min(cursor + 2, body.endIndex)].elementsEqual("\r\n".utf8) {
            cursor += 2
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: cursor),
                let next = find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd)
            else { return nil }
            parts.append(part(headers: String(decoding: body[cursor..<headerEnd], as: UTF8.self),
                              data: Array(body[(headerEnd + 4)..<next])))
            cursor = next + 2 + delimiter.count
        }
        return body[cursor...].starts(with: "--".utf8) ? parts : nil
    }

    private static func part(headers: String, data: [UInt8]) -> ReceivedPart {
        var result = ReceivedPart(data: data)
        for line in headers.split(separator: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-type:") {
                result.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            } else if lower.hasPrefix("content-disposition:") {
                result.name = parameter("name", in: String(line))
                result.filename = parameter("filename", in: String(line))
            }
        }
        return result
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        guard let start = line.range(of: "; \(key)=\"") else { return nil }
        let rest = line[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
