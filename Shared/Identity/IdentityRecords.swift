import Foundation

/// A user as operators list them; the password hash stays in the database.
public struct UserSummary: Sendable, Hashable {
    public let id: Int64
    public let username: String
    public let scopes: Set<Scope>
    public let createdAt: Date
    public let updatedAt: Date
}

/// A token as operators list them; the token itself is never stored, so it cannot be shown again.
public struct TokenSummary: Sendable, Hashable {
    public let id: Int64
    public let username: String
    public let name: String
    /// The scopes it was issued with; authentication grants only those its user still holds.
    public let scopes: Set<Scope>
    public let createdAt: Date
    /// When the token was last checked against the database (at most about once per cache lifetime per process).
    public let lastUsedAt: Date?
    public let revokedAt: Date?
}

/// A freshly issued token. `token` is the only copy of the secret: show it to the operator once.
/// The description leaves it out, so logging the value leaks nothing.
public struct IssuedToken: Sendable, CustomStringConvertible {
    public let id: Int64
    public let username: String
    public let name: String
    public let scopes: Set<Scope>
    public let token: String

    public var description: String {
        "IssuedToken(id: \(id), username: \(username), name: \(name), scopes: \(scopes.storageText))"
    }
}
