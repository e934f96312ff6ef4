import Foundation
import Hummingbird

/// A read API refusal as `{"error": {"code", "message", "fields"}}`: the code is stable for programs,
/// the message is for people, and `fields` names each offending query parameter with its reason.
struct ReadError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var fields: [String: [String]] = [:]

    static func invalid(_ fields: [String: [String]]) -> ReadError {
        ReadError(status: .badRequest, code: "invalid_parameters",
                  message: "Some query parameters are not valid: \(fields.keys.sorted().joined(separator: ", ")).", fields: fields)
    }

    static func notFound(_ what: String) -> ReadError {
        ReadError(status: .notFound, code: "not_found", message: "\(what) is not in the catalogue.")
    }

    static let unauthenticated = ReadError(status: .unauthorized, code: "not_authenticated",
                                           message: "Authentication credentials were not provided or are not valid.")
    static let forbidden = ReadError(status: .forbidden, code: "permission_denied", message: "These credentials do not grant the read scope.")
    static let unavailable = ReadError(status: .serviceUnavailable, code: "catalogue_unavailable",
                                       message: "The catalogue cannot be read right now; retry shortly.")

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers: HTTPFields = [.contentType: "application/json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="burstwire", Basic realm="burstwire""# }
        if status == .serviceUnavailable { headers[.retryAfter] = "5" }
        let body = try encoder.encode(ErrorBody(error: .init(code: code, message: message, fields: fields)))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

private struct ErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
        let fields: [String: [String]]
    }

    let error: Detail
}
