import Hummingbird

/// `POST /api/v1/voevents`: a raw VOEvent 2.0 packet; 202 once durable (or already seen), 400 when it
/// is not a valid VOEvent, 503 when the broker cannot confirm.
struct VOEventRoutes: Sendable {
    let intake: VOEventIntake
    let authenticator: RequestAuthenticator
    let bodies: RequestBodyReader
    let retryAfter: Int

    struct Accepted: Encodable {
        let ivorn: String
        let status: String
    }

    func add(to router: Router<IngestRequestContext>) {
        router.post("/api/v1/voevents") { request, context -> Response in
            _ = try await authenticator.require(.ingest, for: request, style: .native)
            let contentType = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let contentType, ["application/xml", "text/xml", "application/voevent+xml"].contains(contentType) else {
                throw APIError.unsupportedMediaType("Send the VOEvent as application/xml or text/xml.")
            }
            let xml = try await bodies.bytes(of: request, style: .native)
            switch await intake.submit(xml, via: .http, remoteAddress: context.remoteAddress) {
            case .accepted(let ivorn):
                return try JSONResponse.make(Accepted(ivorn: ivorn, status: "accepted"), status: .accepted)
            case .duplicate(let ivorn):
                return try JSONResponse.make(Accepted(ivorn: ivorn, status: "duplicate"), status: .accepted)
            case .rejected(_, let reason):
                throw APIError(status: .badRequest, code: "invalid_voevent", message: reason)
            case .unavailable:
                throw APIError.brokerUnavailable(retryAfter: retryAfter)
            }
        }
    }
}
