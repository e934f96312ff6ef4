import Foundation

/// A request body together with its media type, so the builders below set Content-Type consistently.
public struct HTTPBody: Sendable {
    public var bytes: [UInt8]
    public var contentType: String?

    public init(bytes: [UInt8], contentType: String? = nil) {
        self.bytes = bytes
        self.contentType = contentType
    }

    /// Raw bytes, e.g. a FITS file, sent as-is.
    public static func bytes(_ bytes: [UInt8], contentType: String = "application/octet-stream") -> HTTPBody {
        HTTPBody(bytes: bytes, contentType: contentType)
    }

    /// An `Encodable` value as `application/json`.
    public static func json<T: Encodable>(_ value: T, encoder: JSONEncoder = JSONEncoder()) throws -> HTTPBody {
        HTTPBody(bytes: Array(try encoder.encode(value)), contentType: "application/json")
    }

    /// Fields as `application/x-www-form-urlencoded`, in the given order (repeats allowed).
    public static func form(_ fields: [(String, String)]) -> HTTPBody {
        let encoded = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return HTTPBody(bytes: Array(encoded.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// The WHATWG urlencoded serializer: `*-._` and alphanumerics stay, space becomes `+`,
    /// every other UTF-8 byte is percent-encoded.
    static func formEncode(_ string: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"),
                UInt8(ascii: "."), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: " "):
                out.append(UInt8(ascii: "+"))
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
