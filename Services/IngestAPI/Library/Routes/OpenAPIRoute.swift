import Foundation
import Hummingbird

/// `GET /openapi.json`: the checked-in OpenAPI 3.1 description of every route (a test keeps the two in step).
enum OpenAPIRoute {
    static func add(to router: Router<IngestRequestContext>) {
        router.get("/openapi.json") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }
}
