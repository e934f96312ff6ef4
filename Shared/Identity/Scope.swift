/// What a credential may do. Routes name the scope they need; `admin` implies every other scope, so an
/// operator account never needs a growing list.
public enum Scope: String, Sendable, Hashable, CaseIterable, Codable {
    /// Submit events and uploads (the FRB_candidates_app upload routes, VOEvents, transients).
    case ingest
    /// Read events, candidates and media.
    case read
    /// Everything, including operator endpoints.
    case admin
}

extension Set<Scope> {
    /// True when this set grants `scope`, directly or through `admin`.
    func grants(_ scope: Scope) -> Bool {
        contains(.admin) || contains(scope)
    }

    /// True when every scope in `requested` is granted by this set (so an admin may delegate any scope).
    func grantsAll(_ requested: Set<Scope>) -> Bool {
        requested.allSatisfy(grants)
    }

    /// Stored as a comma-separated list, sorted so equal sets store equally.
    var storageText: String {
        map(\.rawValue).sorted().joined(separator: ",")
    }

    /// Reads `storageText`; names of unknown scopes are ignored rather than granted.
    init(storageText: String) {
        self.init(storageText.split(separator: ",").compactMap { Scope(rawValue: String($0)) })
    }
}
