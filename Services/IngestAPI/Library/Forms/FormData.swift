/// A decoded form body, whatever its encoding, so that field validation reads urlencoded and
/// multipart requests the same way Django's `QueryDict` did for FRB_candidates_app.
public struct FormData: Sendable, Equatable {
    /// The last value sent for each field name, as Django's `QueryDict[name]` returns it.
    public private(set) var fields: [String: String] = [:]
    /// Every value sent for each field name, in body order.
    public private(set) var allValues: [String: [String]] = [:]
    /// File parts by field name; a repeated name keeps the last file.
    public var files: [String: UploadedFile] = [:]

    public init(fields: [String: String] = [:], files: [String: UploadedFile] = [:]) {
        for (name, value) in fields {
            append(value, for: name)
        }
        self.files = files
    }

    /// Records one more value for `name`; it becomes the value `fields` reports.
    public mutating func append(_ value: String, for name: String) {
        fields[name] = value
        allValues[name, default: []].append(value)
    }
}

/// One file part of a multipart body: the bytes exactly as sent, with the client's claims about
/// them kept separately because the service decides the real type from the bytes.
public struct UploadedFile: Sendable, Equatable {
    /// The base name the client gave, without any directory part.
    public var filename: String?
    /// The part's `Content-Type`, if the client sent one (python-requests does not).
    public var contentType: String?
    public var bytes: [UInt8]

    public init(filename: String? = nil, contentType: String? = nil, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
