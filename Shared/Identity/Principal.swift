/// Who a request authenticated as, and what it may do. Handlers receive this instead of credentials,
/// so nothing past the authenticator ever holds a password or token.
public struct Principal: Sendable, Hashable {
    public let userId: Int64
    public let username: String
    /// The effective scopes: a user's own for Basic auth; for a token, its scopes that the user still holds.
    public let scopes: Set<Scope>
    /// The token used, for audit logs; nil for HTTP Basic.
    public let tokenId: Int64?

    public init(userId: Int64, username: String, scopes: Set<Scope>, tokenId: Int64? = nil) {
        self.userId = userId
        self.username = username
        self.scopes = scopes
        self.tokenId = tokenId
    }

    /// True when the principal may act with `scope` (`admin` implies all).
    public func has(_ scope: Scope) -> Bool {
        scopes.grants(scope)
    }
}
