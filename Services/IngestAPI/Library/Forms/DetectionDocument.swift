import Foundation
import Schema

/// A whole first detection from the native API: what upload_cand.py spreads over three requests
/// (observation, FRB event with its plots, first measurement), validated together so that either
/// all of it is accepted or nothing is.
public struct DetectionDocument: Sendable, Equatable {
    public var observation: ObservationFields
    /// The radio document's `time_of_arrival`, which the original kept on the FRB event.
    public var timeOfArrival: Date
    /// The radio document's `repeater`, false when absent.
    public var repeater: Bool
    public var measurement: MeasurementFields
    /// The plots sent, checked to be images; any of them may be absent.
    public var images: [FRBImageKind: UploadedFile]

    public func frbRecord(id: Int64, observationId: Int64, images: FRBImages) -> FRBRecord {
        FRBRecord(frbId: id, observationId: observationId, timeOfArrival: timeOfArrival, repeater: repeater, images: images)
    }
}
