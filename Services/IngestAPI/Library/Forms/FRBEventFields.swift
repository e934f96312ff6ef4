import Foundation
import Schema

/// A validated `/frbevent_create/` upload: the FRB event's fields and its three plots, checked to be
/// images but not yet stored (storing them yields the media references of the record).
public struct FRBEventFields: Sendable, Equatable {
    public var observationId: Int64
    public var timeOfArrival: Date
    public var repeater: Bool
    /// All three kinds are present.
    public var images: [FRBImageKind: UploadedFile]

    public func record(id: Int64, images: FRBImages) -> FRBRecord {
        FRBRecord(frbId: id, observationId: observationId, timeOfArrival: timeOfArrival, repeater: repeater, images: images)
    }
}
