import Hummingbird
import NIOCore

/// Reads whole request bodies up to the configured limit (75 MB by default, like the original's
/// nginx), so an oversized upload is a clean 413 instead of exhausted memory.
struct RequestBodyReader: Sendable {
    let limit: Int

    func bytes(of request: Request, style: APIError.Style) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.tooLarge(limit: limit).styled(style)
        }
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit).styled(style)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit).styled(style)
        }
    }
}
