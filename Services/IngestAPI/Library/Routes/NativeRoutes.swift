import Crypto
import Foundation
import Hummingbird
import Logging
import Schema

/// The native FRB API: `POST /api/v1/frb/detections` takes a whole first detection (the pipeline's
/// observation and radio documents as JSON or YAML, images as base64 or multipart parts) in one
/// request, `POST /api/v1/frb/chime-notices` takes a CHIME/FRB JSON notice as one,
/// `POST /api/v1/frb/{frb_id}/measurements` adds a measurement. All honour `Idempotency-Key`,
/// and answers name every created id.
struct NativeRoutes: Sendable {
    let uploads: FRBUploads
    let authenticator: RequestAuthenticator
    let bodies: RequestBodyReader
    let idempotency: IdempotencyKeys

    struct DetectionCreated: Encodable {
        let observationId: Int64
        let frbId: Int64
        let measurementId: Int64
        let imageUrls: [String: String]

        enum CodingKeys: String, CodingKey {
            case observationId = "observation_id", frbId = "frb_id", measurementId = "measurement_id", imageUrls = "image_urls"
        }
    }

    struct MeasurementCreated: Encodable {
        let frbId: Int64
        let measurementId: Int64

        enum CodingKeys: String, CodingKey {
            case frbId = "frb_id", measurementId = "measurement_id"
        }
    }

    func add(to router: Router<IngestRequestContext>) {
        router.post("/api/v1/frb/detections") { request, context -> Response in
            try await idempotent(request, logger: context.logger) { body in
                let document = try validate { () throws(FieldErrors) in
                    let contentType = request.headers[.contentType]
                    if contentType?.lowercased().hasPrefix("multipart/form-data") == true {
                        return try NativeDocuments.detection(form: try decodeForm(body, contentType))
                    }
                    guard NativeDocuments.isDocument(contentType: contentType), let contentType else {
                        throw FieldErrors(["content_type": ["Send JSON, YAML or multipart/form-data."]])
                    }
                    return try NativeDocuments.detection(body: body, contentType: contentType)
                }
                let images = try await uploads.storeImages(document.images) { "images.\($0.rawValue)" }
                let (observation, frb, measurement) = try await uploads.createDetection(document, images: images)
                let urls = uploads.imageURLs(frb.images)
                let named = [("search", urls.search), ("image", urls.image), ("histogram", urls.histogram)].compactMap { key, url in url.map { (key, $0) } }
                return (.created, try JSONResponse.encode(DetectionCreated(
                    observationId: observation.observationId, frbId: frb.frbId, measurementId: measurement.measurementId,
                    imageUrls: Dictionary(uniqueKeysWithValues: named))))
            }
        }
        router.post("/api/v1/frb/chime-notices") { request, context -> Response in
            // GCN delivers notices at least once: the same notice posted again replays the first answer.
            try await idempotent(request, logger: context.logger, defaultKey: CHIMENotice.idempotencyKey) { body in
                let document = try validate { () throws(FieldErrors) in
                    guard request.headers[.contentType].map({ DocumentSyntax(contentType: $0) == .json }) == true else {
                        throw FieldErrors(["content_type": ["Send the CHIME/FRB notice as application/json."]])
                    }
                    return try CHIMENotice.detection(body: body)
                }
                let (observation, frb, measurement) = try await uploads.createDetection(document, images: FRBImages())
                return (.created, try JSONResponse.encode(DetectionCreated(
                    observationId: observation.observationId, frbId: frb.frbId, measurementId: measurement.measurementId, imageUrls: [:])))
            }
        }
        router.post("/api/v1/frb/{frb_id}/measurements") { request, context -> Response in
            guard let frbId = context.parameters.get("frb_id", as: Int64.self), frbId > 0 else {
                throw APIError(status: .notFound, code: "not_found", message: "No such FRB.")
            }
            return try await idempotent(request, logger: context.logger) { body in
                let fields = try validate { () throws(FieldErrors) in
                    guard let contentType = request.headers[.contentType], NativeDocuments.isDocument(contentType: contentType) else {
                        throw FieldErrors(["content_type": ["Send the radio document as JSON or YAML."]])
                    }
                    return try NativeDocuments.measurement(body: body, contentType: contentType)
                }
                guard let measurement = try await uploads.createMeasurement(frbId: frbId, fields) else {
                    throw APIError(status: .notFound, code: "not_found", message: "No FRB with id \(frbId).")
                }
                return (.created, try JSONResponse.encode(MeasurementCreated(frbId: frbId, measurementId: measurement.measurementId)))
            }
        }
    }

    /// Authenticates, reads the body, and applies `Idempotency-Key`: a replay returns the stored answer;
    /// a failed attempt releases the key so the client's retry is processed.
    private func idempotent(_ request: Request, logger: Logger, defaultKey: ([UInt8]) -> String? = { _ in nil },
                            _ handle: ([UInt8]) async throws -> (HTTPResponse.Status, [UInt8])) async throws -> Response {
        let principal = try await authenticator.require(.ingest, for: request, style: .native)
        let body = try await bodies.bytes(of: request, style: .native)
        guard let key = request.headers[.idempotencyKey] ?? defaultKey(body) else {
            let (status, answer) = try await handle(body)
            return JSONResponse.make(bytes: answer, status: status)
        }
        guard !key.isEmpty, key.count <= 200 else {
            throw APIError.invalid(["Idempotency-Key": ["Must be 1 to 200 characters."]])
        }
        let fingerprint = SHA256.hash(data: Array((request.uri.path + "\n").utf8) + body).map { String(format: "%02x", $0) }.joined()
        let owner = principal.username
        let claim: IdempotencyKeys.Claim
        do {
            claim = try await idempotency.claim(principal: owner, key: key, requestSHA256: fingerprint)
        } catch {
            throw APIError.storageUnavailable(retryAfter: uploads.retryAfter)
        }
        switch claim {
        case .replay(let status, let stored):
            return JSONResponse.make(bytes: Array(stored.utf8), status: .init(code: status), headers: [.idempotentReplayed: "true"])
        case .inProgress:
            throw APIError(status: .conflict, code: "idempotency_key_in_use", message: "A request with this Idempotency-Key is still being processed.")
        case .mismatch:
            throw APIError(status: .unprocessableContent, code: "idempotency_key_reused", message: "This Idempotency-Key was used with a different request.")
        case .proceed:
            do {
                let (status, answer) = try await handle(body)
                do {
                    try await idempotency.complete(principal: owner, key: key, status: Int(status.code), body: String(decoding: answer, as: UTF8.self))
                } catch {
                    // The events are durable, so the answer stands; a retry with this key will get 409 rather than a duplicate.
                    logger.warning("idempotency key outcome not recorded", metadata: ["key": "\(key)", "error": "\(error)"])
                }
                return JSONResponse.make(bytes: answer, status: status)
            } catch {
                await idempotency.release(principal: owner, key: key)
                throw error
            }
        }
    }

    private func validate<T>(_ body: () throws(FieldErrors) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw APIError.invalid(error.fields)
        }
    }

    private func decodeForm(_ body: [UInt8], _ contentType: String?) throws(FieldErrors) -> FormData {
        do {
            return try FormDecoder.decode(body: body, contentType: contentType)
        } catch {
            throw FieldErrors(["body": [error.description]])
        }
    }
}
