import Foundation
import Hummingbird

/// Responses assembled from JSON the catalogue already produced, without decoding it again.
enum JSONText {
    static func response(_ json: String, status: HTTPResponse.Status = .ok, pretty: Bool = false) -> Response {
        var body = json
        if pretty, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
           let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) {
            body = String(decoding: data, as: UTF8.self)
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// `{"count", "next", "previous", "results"}`, the Django REST framework page shape.
    static func page(count: Int64, next: String?, previous: String?, results: [String]) -> String {
        "{\"count\":\(count),\"next\":\(quoted(next)),\"previous\":\(quoted(previous)),\"results\":[\(results.joined(separator: ","))]}"
    }

    static func quoted(_ text: String?) -> String {
        guard let text, let data = try? JSONEncoder().encode(text) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Links to other pages of the same query: this request's parameters with the paging ones replaced.
struct PageLinks {
    let request: Request

    func url(replacing names: Set<String>, with parameters: [(String, String)]) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        return "http://\(host)" + path(replacing: names, with: parameters)
    }

    /// The same link relative to this server.
    func path(replacing names: Set<String>, with parameters: [(String, String)]) -> String {
        var pairs = QueryString.pairs(request.uri.query).filter { !names.contains($0.0) }
        pairs += parameters
        let query = pairs.map { "\($0.0)=\($0.1.addingPercentEncodingForQuery)" }.joined(separator: "&")
        return request.uri.path + (query.isEmpty ? "" : "?\(query)")
    }
}
