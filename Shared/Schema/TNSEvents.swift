import Foundation

/// TNS named an FRB after the notifier's report: catalog-store records the name and the
/// VOEvent that follows carries it. `reportId` is kept because TNS asks for it when raising problems.
public struct TNSNameAssigned: EventPayload {
    public static var eventType: EventType { .tnsNameAssigned }
    public var frbId: Int64
    /// The display name, e.g. "FRB 20171117A".
    public var tnsName: String
    public var reportId: String
    public var assignedAt: Date

    public init(frbId: Int64, tnsName: String, reportId: String, assignedAt: Date) {
        self.frbId = frbId
        self.tnsName = tnsName
        self.reportId = reportId
        self.assignedAt = assignedAt
    }
}
