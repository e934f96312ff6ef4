import Foundation
import Hummingbird
import Schema

/// The 201 bodies FRB_candidates_app's Django REST framework views returned, rebuilt from our records
/// so upload_cand.py (which reads the top-level `id`) and any other client parse them unchanged.
enum CompatibleResponses {
    static func observation(_ observation: FRBObservation) throws -> Response {
        let data = try object(observation, renaming: ["observation_id": "id"])
        return try created(["data": .object(data), "id": .number(Double(observation.observationId))])
    }

    static func frbEvent(_ frb: FRBRecord) throws -> Response {
        func path(_ reference: MediaReference?) -> JSONValue { reference.map { .string("/media/" + $0.path) } ?? .null }
        let data: [String: JSONValue] = [
            "id": .number(Double(frb.frbId)),
            "observation": .number(Double(frb.observationId)),
            "tns_name": .null,
            "time_of_arrival": .string(EventTimestamp.string(from: frb.timeOfArrival) ?? ""),
            "repeater": .bool(frb.repeater),
            "search_path": path(frb.images.search),
            "image_path": path(frb.images.image),
            "histogram_path": path(frb.images.histogram),
        ]
        return try created(["data": .object(data), "id": .number(Double(frb.frbId))])
    }

    static func measurement(_ measurement: RadioMeasurement) throws -> Response {
        let data = try object(measurement, renaming: ["measurement_id": "id", "frb_id": "frb", "received_at": "datetime"])
        return try created(["data": .object(data)])
    }

    /// The record as our events spell it, with the original model's names where they differ.
    private static func object<T: Encodable>(_ value: T, renaming names: [String: String]) throws -> [String: JSONValue] {
        guard case .object(let fields) = try JSONDecoder().decode(JSONValue.self, from: EventJSON.encoder().encode(value)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: fields.map { (names[$0.key] ?? $0.key, $0.value) })
    }

    private static func created(_ body: [String: JSONValue]) throws -> Response {
        try JSONResponse.make(JSONValue.object(body), status: .created)
    }
}
