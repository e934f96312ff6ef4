import Foundation
import Hummingbird

/// Every refusal ingest-api gives, rendered as JSON in one of two shapes: Django REST framework's
/// (`{"field": ["message"]}` or `{"detail": "..."}`) on the FRB_candidates_app routes, so existing
/// clients read them as before, and `{"error": {"code", "message", "fields"}}` on the native API.
struct APIError: HTTPResponseError, CustomStringConvertible {
    /// `djangoRESTString` is DRF's bare JSON string body (e.g. "Missing search file").
    enum Style: Sendable { case djangoREST, djangoRESTString, native }

    let status: HTTPResponse.Status
    let code: String
    let message: String
    var fields: [String: [String]] = [:]
    var style: Style = .native
    var headers: HTTPFields = [:]

    var description: String { "\(status.code) \(code): \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: Data
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch style {
        case .djangoREST:
            body = try fields.isEmpty ? encoder.encode(["detail": message]) : encoder.encode(fields)
        case .djangoRESTString:
            body = try encoder.encode(message)
        case .native:
            body = try encoder.encode(NativeBody(error: .init(code: code, message: message, fields: fields.isEmpty ? nil : fields)))
        }
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private struct NativeBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let fields: [String: [String]]?
        }
        let error: Detail
    }

    func styled(_ style: Style) -> APIError {
        var copy = self
        copy.style = style
        return copy
    }

    static func invalid(_ fields: [String: [String]], message: String = "The request has invalid fields.") -> APIError {
        APIError(status: .badRequest, code: "invalid_fields", message: message, fields: fields)
    }

    static func badRequest(_ message: String, code: String = "bad_request") -> APIError {
        APIError(status: .badRequest, code: code, message: message)
    }

    static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(status: .unsupportedMediaType, code: "unsupported_media_type", message: message)
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "too_large", message: "The request body is larger than \(limit) bytes.")
    }

    static func unauthenticated(_ message: String) -> APIError {
        APIError(status: .unauthorized, code: "unauthenticated", message: message,
                 headers: [.wwwAuthenticate: #"Basic realm="burstwire", Bearer realm="burstwire""#])
    }

    static func forbidden(scope: String) -> APIError {
        APIError(status: .forbidden, code: "forbidden", message: "You do not have permission to perform this action (needs scope \(scope)).")
    }

    static func brokerUnavailable(retryAfter: Int) -> APIError {
        APIError(status: .serviceUnavailable, code: "broker_unavailable",
                 message: "The request could not be made durable, so it was not accepted. Retry later.",
                 headers: [.retryAfter: String(retryAfter)])
    }

    static func storageUnavailable(retryAfter: Int) -> APIError {
        APIError(status: .serviceUnavailable, code: "storage_unavailable",
                 message: "Storage is unavailable; nothing was accepted. Retry later.",
                 headers: [.retryAfter: String(retryAfter)])
    }
}
