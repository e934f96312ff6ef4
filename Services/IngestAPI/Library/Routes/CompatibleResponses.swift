import Foundation
import Hummingbird
import Schema

/// The 201 bodies FRB_candidates_app's Django REST framework views returned, rebuilt from our records
/// so upload_cand.py (which reads the top-level `id`) and any other client parse them unchanged.
enum CompatibleResponses {
    static func observation(_ observation: FRBObservation) throws -> Response {
        var data = try object(observation)
        data["id"] = data.removeValue(forKey: "observation_id")
        return try created(["data": data, "id": observation.observationId])
    }

    static func frbEvent(_ frb: FRBRecord) throws -> Response {
        let data: [String: Any] = [
            "id": frb.frbId,
            "observation": frb.observationId,
            "tns_name": NSNull(),
            "time_of_arrival": EventTimestamp.string(from: frb.timeOfArrival) ?? "",
            "repeater": frb.repeater,
            "search_path": frb.images.search.map { "/media/" + $0.path } ?? NSNull(),
            "image_path": frb.images.image.map { "/media/" + $0.path } ?? NSNull(),
            "histogram_path": frb.images.histogram.map { "/media/" + $0.path } ?? NSNull(),
        ]
        return try created(["data": data, "id": frb.frbId])
    }

    static func measurement(_ measurement: RadioMeasurement) throws -> Response {
        var data = try object(measurement)
        data["id"] = data.removeValue(forKey: "measurement_id")
        data["frb"] = data.removeValue(forKey: "frb_id")
        data["datetime"] = data.removeValue(forKey: "received_at")
        return try created(["data": data])
    }

    private static func object<T: Encodable>(_ value: T) throws -> [String: Any] {
        let data = try EventJSON.encoder().encode(value)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    private static func created(_ body: [String: Any]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
