/// Why an `add_transient` body is not an upload at all; the service answers 400 with the description.
/// Faults inside a transient are not errors of this kind: they are reported per item in
/// `YSEUploadOutcome`, so one bad transient does not refuse the rest.
public enum YSEUploadError: Error, Equatable, CustomStringConvertible {
    /// The body does not parse as JSON; the detail says where.
    case invalidJSON(String)
    /// The body is JSON but not an object keyed by transient.
    case notAnObject
    /// The object has no key other than control flags and credentials.
    case noTransients
    /// `noupdatestatus` or `TNS` is not a boolean (or 0/1); it changes how every transient is stored,
    /// so a value we cannot read refuses the whole upload.
    case invalidFlag(String)

    public var description: String {
        switch self {
        case .invalidJSON(let detail):
            "The body is not valid JSON (\(detail)). JSON has no NaN or Infinity; send null for a missing value."
        case .notAnObject:
            "The body must be a JSON object of transients keyed by name, as YSE-PZ's add_transient takes."
        case .noTransients:
            "The upload has no transients: add one object per transient, keyed by its name."
        case .invalidFlag(let name):
            "\(name) must be true or false."
        }
    }
}
