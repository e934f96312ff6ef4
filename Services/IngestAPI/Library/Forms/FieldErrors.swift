/// Validation failures in Django REST framework's shape, `{"field": ["message", ...]}`, because
/// upload_cand.py users read FRB_candidates_app's 400 bodies and the native API reuses the format.
///
/// One refusal of the original is not a dictionary: `/frbevent_create/` answered a bare JSON
/// string such as `"Missing search file"`. `missingFile` carries that case so the service can
/// answer byte-for-byte the same; it is only set when no field error is.
public struct FieldErrors: Error, Sendable, Equatable, Encodable, CustomStringConvertible {
    /// Messages per field; document fields are dotted paths such as `radio.dm`.
    public private(set) var fields: [String: [String]] = [:]
    /// Which image an otherwise valid FRB event lacked.
    public private(set) var missingFile: FRBImageKind?

    public init(_ fields: [String: [String]] = [:]) {
        self.fields = fields
    }

    /// The original's refusal of an FRB event without one of its three images.
    public static func missing(_ kind: FRBImageKind) -> FieldErrors {
        var errors = FieldErrors()
        errors.missingFile = kind
        return errors
    }

    public var isEmpty: Bool { fields.isEmpty && missingFile == nil }

    public mutating func add(_ message: String, to field: String) {
        fields[field, default: []].append(message)
    }

    /// Adds every message of `other`, whose keys are already complete.
    public mutating func merge(_ other: FieldErrors) {
        for (field, messages) in other.fields {
            fields[field, default: []].append(contentsOf: messages)
        }
        missingFile = missingFile ?? other.missingFile
    }

    public var description: String {
        if let missingFile { return missingFile.missingFileMessage }
        return fields.keys.sorted().map { "\($0): \(fields[$0, default: []].joined(separator: " "))" }.joined(separator: "; ")
    }

    /// A flat object, or the bare string for `missingFile`. Keys are written in sorted order; Foundation's
    /// JSONEncoder keeps that order only with `.sortedKeys`, which `APIError` sets.
    public func encode(to encoder: any Encoder) throws {
        if let missingFile {
            var container = encoder.singleValueContainer()
            try container.encode(missingFile.missingFileMessage)
            return
        }
        var container = encoder.container(keyedBy: FieldKey.self)
        for name in fields.keys.sorted() {
            try container.encode(fields[name, default: []], forKey: FieldKey(name))
        }
    }

    private struct FieldKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
