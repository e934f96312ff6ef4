import Foundation

/// A complete response. Non-2xx statuses are responses, not errors: the caller knows which statuses it expects.
/// Hummingbird re-exports HTTPTypes' `HTTPResponse`; files importing both modules write `import struct HTTPClient.HTTPResponse`.
public struct HTTPResponse: Sendable, CustomStringConvertible {
    public var status: Int
    /// Every header of the final response, in order, including repeated ones.
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8, with invalid bytes replaced.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Decodes the body as JSON.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: Data(body))
    }

    /// Safe to log: status, header names and body size only (Set-Cookie values and bodies may be secrets).
    public var description: String {
        "HTTPResponse(\(status), \(headers), \(body.count)-byte body)"
    }
}
