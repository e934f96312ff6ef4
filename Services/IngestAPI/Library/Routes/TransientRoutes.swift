import Foundation
import Hummingbird

/// YSE-PZ's `POST /add_transient/`: the transients that validate are published as one durable event;
/// the answer lists every transient and photometry point with its own result. Unlike YSE-PZ, which says
/// "success" even when items fail, the status is `success`, `partial` or `failed` (400, nothing accepted).
struct TransientRoutes: Sendable {
    let events: EventPublishing
    let authenticator: RequestAuthenticator
    let bodies: RequestBodyReader
    let retryAfter: Int

    func add(to router: Router<IngestRequestContext>) {
        router.post("/add_transient/") { request, _ -> Response in
            let principal = try await authenticator.require(.ingest, for: request, style: .native)
            let body = try await bodies.bytes(of: request, style: .native)
            let outcome: YSEUploadOutcome
            do {
                outcome = try YSEUpload.parse(body, uploadedBy: principal.username, receivedAt: Date())
            } catch {
                throw APIError.badRequest("\(error)", code: "invalid_upload")
            }
            guard let payload = outcome.payload else {
                return try JSONResponse.make(outcome, status: .badRequest)
            }
            do {
                try await events.publish([events.encode(payload, subject: "transients")])
            } catch {
                throw APIError.brokerUnavailable(retryAfter: retryAfter)
            }
            return try JSONResponse.make(outcome, status: .ok)
        }
    }
}
