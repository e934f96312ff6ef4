import Schema

/// The three diagnostic plots every FRB candidate carries, with the names each interface gives
/// them, so routes never spell `search_open` or `search_path` by hand.
public enum FRBImageKind: String, CaseIterable, Sendable, Hashable {
    case search
    case image
    case histogram

    /// The multipart file field upload_cand.py posts to `/frbevent_create/`.
    public var compatFieldName: String { "\(rawValue)_open" }
    /// The radio YAML key that names the file.
    public var pathKey: String { "\(rawValue)_path" }
    /// FRB_candidates_app's whole 400 body when the file is missing.
    public var missingFileMessage: String { "Missing \(rawValue) file" }
}

extension FRBImages {
    /// Places stored references by kind, as routes get them after saving the uploads.
    public init(_ references: [FRBImageKind: MediaReference]) {
        self.init(search: references[.search], image: references[.image], histogram: references[.histogram])
    }
}
