import Database
import Foundation
import Schema

/// The FRB write path shared by the FRB_candidates_app routes and the native API: images stored
/// durably by content, ids issued, events published and confirmed — in that order — before a caller
/// may answer 201. Failures of storage or broker become 503 with Retry-After, never a partial "yes".
struct FRBUploads: Sendable {
    let registry: IdentifierRegistry
    let media: MediaStore
    let events: EventPublishing
    let maxImageBytes: Int
    let publicBaseURL: String
    let retryAfter: Int

    /// Checks an uploaded file really is a PNG, JPEG or GIF (by its bytes) within the size limit, and stores it.
    func storeImage(_ file: UploadedFile, field: String) throws -> MediaReference {
        guard file.bytes.count <= maxImageBytes else {
            throw APIError.invalid([field: ["Ensure this file is no larger than \(maxImageBytes) bytes."]])
        }
        guard let format = ImageFormat.detect(file.bytes) else {
            throw APIError.invalid([field: ["Upload a valid image. The file you uploaded was either not an image or a corrupted image."]])
        }
        do {
            return try media.store(file.bytes, format: format, originalFilename: file.filename)
        } catch {
            throw APIError.storageUnavailable(retryAfter: retryAfter)
        }
    }

    /// Stores every uploaded image; `field` names the form field an error should point at. The writes
    /// and fsyncs run on a Dispatch thread, never on Swift's cooperative pool.
    func storeImages(_ files: [FRBImageKind: UploadedFile], field: @escaping @Sendable (FRBImageKind) -> String) async throws -> FRBImages {
        try await onDispatchThread {
            var references: [FRBImageKind: MediaReference] = [:]
            for (kind, file) in files {
                references[kind] = try storeImage(file, field: field(kind))
            }
            return FRBImages(references)
        }
    }

    func imageURLs(_ images: FRBImages) -> FRBImageURLs {
        FRBImageURLs(search: images.search.map(url), image: images.image.map(url), histogram: images.histogram.map(url))
    }

    func url(_ reference: MediaReference) -> String {
        publicBaseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/media/" + reference.path
    }

    func createObservation(_ fields: ObservationFields) async throws -> FRBObservation {
        let id = try await issue { try await registry.newObservation() }
        let observation = fields.record(id: id)
        try await publish([events.encode(FRBObservationReceived(observation: observation), subject: "observation/\(id)")])
        return observation
    }

    /// Nil when the observation id was never issued.
    func createFRB(observationId: Int64, timeOfArrival: Date, repeater: Bool, images: FRBImages) async throws -> FRBRecord? {
        guard let id = try await issue({ try await registry.newFRB(observationId: observationId) }) else { return nil }
        let frb = FRBRecord(frbId: id, observationId: observationId, timeOfArrival: timeOfArrival, repeater: repeater, images: images)
        try await publish([events.encode(FRBEventReceived(frb: frb), subject: "frb/\(id)")])
        return frb
    }

    /// Nil when the FRB id was never issued.
    func createMeasurement(frbId: Int64, _ fields: MeasurementFields) async throws -> RadioMeasurement? {
        guard let id = try await issue({ try await registry.newMeasurement(frbId: frbId) }) else { return nil }
        let measurement = fields.record(id: id, frbId: frbId, receivedAt: Date())
        try await publish([events.encode(FRBMeasurementReceived(measurement: measurement), subject: "frb/\(frbId)")])
        return measurement
    }

    /// A whole first detection: three ids in one statement, three events confirmed together.
    func createDetection(_ document: DetectionDocument, images: FRBImages) async throws -> (FRBObservation, FRBRecord, RadioMeasurement) {
        let ids = try await issue { try await registry.newDetection() }
        let observation = document.observation.record(id: ids.observationId)
        let frb = document.frbRecord(id: ids.frbId, observationId: ids.observationId, images: images)
        let measurement = document.measurement.record(id: ids.measurementId, frbId: ids.frbId, receivedAt: Date())
        try await publish([
            events.encode(FRBObservationReceived(observation: observation), subject: "observation/\(ids.observationId)"),
            events.encode(FRBEventReceived(frb: frb), subject: "frb/\(ids.frbId)"),
            events.encode(FRBMeasurementReceived(measurement: measurement), subject: "frb/\(ids.frbId)"),
        ])
        return (observation, frb, measurement)
    }

    private func issue<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw APIError.storageUnavailable(retryAfter: retryAfter)
        }
    }

    private func publish(_ encoded: [EventPublishing.Encoded]) async throws {
        do {
            try await events.publish(encoded)
        } catch {
            throw APIError.brokerUnavailable(retryAfter: retryAfter)
        }
    }
}
