import Foundation
import Hummingbird

/// `GET /media/candidates/...`: stored images, public so Slack can fetch them by URL.
struct MediaRoutes: Sendable {
    let media: MediaStore

    func add(to router: Router<IngestRequestContext>) {
        router.get("/media/**") { _, context -> Response in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let file = media.file(at: path),
                  let data = try await onDispatchThread({ FileManager.default.contents(atPath: file.url.path) }) else {
                throw APIError(status: .notFound, code: "not_found", message: "No such media file.")
            }
            var headers = HTTPFields()
            headers[.contentType] = file.contentType
            headers[.cacheControl] = "public, max-age=31536000, immutable"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
