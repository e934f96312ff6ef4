import Foundation

/// One part of a `multipart/form-data` body: a plain field or a file upload.
public struct MultipartPart: Sendable {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var data: [UInt8]

    public init(name: String, filename: String? = nil, contentType: String? = nil, data: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    public static func field(_ name: String, _ value: String) -> MultipartPart {
        MultipartPart(name: name, data: Array(value.utf8))
    }

    public static func file(
        _ name: String, filename: String, contentType: String = "application/octet-stream", data: [UInt8]
    ) -> MultipartPart {
        MultipartPart(name: name, filename: filename, contentType: contentType, data: data)
    }
}

extension HTTPBody {
    /// Parts as `multipart/form-data` with a random 128-bit boundary, which cannot plausibly occur in the data.
    public static func multipart(_ parts: [MultipartPart]) -> HTTPBody {
        let boundary = "burstwire-" + (0..<2).map { _ in
            let hex = String(UInt64.random(in: .min ... .max), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
        var out = [UInt8]()
        out.reserveCapacity(parts.reduce(256) { $0 + $1.data.count + 160 })
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(quoted(filename))\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "\r\n"
            out += head.utf8
            out += part.data
            out += "\r\n".utf8
        }
        out += "--\(boundary)--\r\n".utf8
        return HTTPBody(bytes: out, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Escapes a name or filename inside a quoted-string as the HTML standard does: `"`, CR and LF are percent-encoded.
    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
