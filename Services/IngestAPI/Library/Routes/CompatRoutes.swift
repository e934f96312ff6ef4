import Hummingbird

/// FRB_candidates_app's upload routes, so `upload_cand.py` works unchanged against ingest-api:
/// `POST /observation_create/`, `/frbevent_create/` (multipart, three images), `/radio_measurement_create/`,
/// urlencoded or multipart, HTTP Basic (or a token), with the original field names, value parsing,
/// responses and Django REST framework error bodies.
struct CompatRoutes: Sendable {
    let uploads: FRBUploads
    let authenticator: RequestAuthenticator
    let bodies: RequestBodyReader

    func add(to router: Router<IngestRequestContext>) {
        router.post("/observation_create/") { request, _ in
            let form = try await form(of: request)
            let fields = try drf { () throws(FieldErrors) in try FRBForms.observation(form) }
            return try await drf { try CompatibleResponses.observation(try await uploads.createObservation(fields)) }
        }
        router.post("/frbevent_create/") { request, _ in
            let form = try await form(of: request)
            let fields = try drf { () throws(FieldErrors) in try FRBForms.frbEvent(form) }
            return try await drf {
                let images = try await uploads.storeImages(fields.images) { $0.compatFieldName }
                guard let frb = try await uploads.createFRB(observationId: fields.observationId, timeOfArrival: fields.timeOfArrival,
                                                            repeater: fields.repeater, images: images) else {
                    throw APIError.invalid(["observation": ["Invalid pk \"\(fields.observationId)\" - object does not exist."]])
                }
                return try CompatibleResponses.frbEvent(frb)
            }
        }
        router.post("/radio_measurement_create/") { request, _ in
            let form = try await form(of: request)
            let (frbId, fields) = try drf { () throws(FieldErrors) in try FRBForms.measurement(form) }
            return try await drf {
                guard let measurement = try await uploads.createMeasurement(frbId: frbId, fields) else {
                    throw APIError.invalid(["frb": ["Invalid pk \"\(frbId)\" - object does not exist."]])
                }
                return try CompatibleResponses.measurement(measurement)
            }
        }
    }

    private func form(of request: Request) async throws -> FormData {
        _ = try await authenticator.require(.ingest, for: request, style: .djangoREST)
        let body = try await bodies.bytes(of: request, style: .djangoREST)
        do {
            return try FormDecoder.decode(body: body, contentType: request.headers[.contentType])
        } catch let error {
            switch error {
            case .unsupportedMediaType:
                throw APIError.unsupportedMediaType(error.description).styled(.djangoREST)
            case .malformed:
                throw APIError.badRequest(error.description, code: "malformed_body").styled(.djangoREST)
            }
        }
    }

    /// Runs a validation step, turning field errors into DRF's `{"field": ["message"]}` 400.
    private func drf<T>(_ body: () throws(FieldErrors) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if let missing = error.missingFile {
                throw APIError.badRequest(missing.missingFileMessage, code: "missing_file").styled(.djangoRESTString)
            }
            throw APIError.invalid(error.fields).styled(.djangoREST)
        }
    }

    /// Runs the write path, rendering its refusals in DRF's shape.
    private func drf(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as APIError where error.style == .native {
            throw error.styled(.djangoREST)
        }
    }
}
