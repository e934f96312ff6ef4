import Schema

/// The result of an `add_transient` upload: the event to publish and an honest answer for the client.
///
/// YSE-PZ answers `{"message": "success"}` even when transients fail (it emails the failures), so a
/// client cannot tell. Encoded, this is the response body instead:
///
/// ```json
/// {
///   "status": "partial",
///   "message": "1 of 2 transients accepted; 1 photometry point rejected.",
///   "transients": {
///     "2019np":  {"status": "accepted", "errors": {}, "photometry": {"accepted": 2, "rejected": []}},
///     "2019abc": {"status": "rejected", "errors": {"ra": "must be a number in [0, 360)"},
///                 "photometry": {"accepted": 0, "rejected": [{"point": "ZTF/1", "errors": {"mag": "must be a finite number"}}]}}
///   }
/// }
/// ```
///
/// - `status`: `success` when every transient and every point was accepted; `failed` when no transient
///   was; `partial` otherwise, including an accepted transient with dropped points.
/// - `message` keeps YSE-PZ clients that print `response['message']` informative.
/// - `transients` is keyed by the upload's top-level keys. `errors` maps a field (or a path such as
///   `transientphotometry.ZTF.instrument`) to the reason. `photometry.accepted` counts the points that
///   go into the event (0 for a rejected transient); `rejected` names each refused point as
///   `<group key>/<point key>` with its reasons, for rejected transients too, so one round trip shows
///   every problem.
///
/// Keys are written out explicitly, so the body is the same under any key-encoding strategy.
public struct YSEUploadOutcome: Encodable, Sendable, Equatable {
    public enum Status: String, Encodable, Sendable {
        case success, partial, failed
    }

    /// The accepted transients only; nil when none was accepted, and then nothing is published.
    public let payload: TransientUploadReceived?
    public let transients: [String: YSETransientResult]

    public init(payload: TransientUploadReceived?, transients: [String: YSETransientResult]) {
        self.payload = payload
        self.transients = transients
    }

    public var status: Status {
        let accepted = transients.values.filter { $0.status == .accepted }.count
        if accepted == 0 { return .failed }
        return accepted == transients.count && rejectedPoints == 0 ? .success : .partial
    }

    public var message: String {
        let accepted = transients.values.filter { $0.status == .accepted }.count
        var text = "\(accepted) of \(transients.count) transient\(transients.count == 1 ? "" : "s") accepted"
        let rejected = rejectedPoints
        if rejected > 0 { text += "; \(rejected) photometry point\(rejected == 1 ? "" : "s") rejected" }
        return text + "."
    }

    private var rejectedPoints: Int { transients.values.reduce(0) { $0 + $1.photometry.rejected.count } }

    private enum CodingKeys: String, CodingKey {
        case status, message, transients
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encode(transients, forKey: .transients)
    }
}

/// One transient's verdict in `YSEUploadOutcome`.
public struct YSETransientResult: Encodable, Sendable, Equatable {
    public enum Status: String, Encodable, Sendable {
        case accepted, rejected
    }

    public var status: Status
    /// Field (or path) to reason; empty when accepted.
    public var errors: [String: String]
    public var photometry: YSEPhotometryResult

    public init(status: Status, errors: [String: String], photometry: YSEPhotometryResult = YSEPhotometryResult(accepted: 0, rejected: [])) {
        self.status = status
        self.errors = errors
        self.photometry = photometry
    }
}

/// How many of a transient's points were accepted, and why the others were not.
public struct YSEPhotometryResult: Encodable, Sendable, Equatable {
    public var accepted: Int
    public var rejected: [YSERejectedPoint]

    public init(accepted: Int, rejected: [YSERejectedPoint]) {
        self.accepted = accepted
        self.rejected = rejected
    }
}

/// A refused photometry point: `<group key>/<point key>` and its reasons by field.
public struct YSERejectedPoint: Encodable, Sendable, Equatable {
    public var point: String
    public var errors: [String: String]

    public init(point: String, errors: [String: String]) {
        self.point = point
        self.errors = errors
    }
}
