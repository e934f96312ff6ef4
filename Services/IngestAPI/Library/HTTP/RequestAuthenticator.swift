import Hummingbird
import Identity

/// Checks the Authorization header against the shared identity store: HTTP Basic (what upload_cand.py
/// sends) or a bearer token, and the scope the route needs. 401 without or with wrong credentials,
/// 403 for a missing scope; messages never echo the credentials.
struct RequestAuthenticator: Sendable {
    let identities: IdentityStore

    func require(_ scope: Scope, for request: Request, style: APIError.Style) async throws -> Principal {
        guard let credentials = Credentials.parse(authorization: request.headers[.authorization]) else {
            throw APIError.unauthenticated("Authentication credentials were not provided.").styled(style)
        }
        let principal: Principal?
        do {
            principal = try await identities.authenticate(credentials)
        } catch {
            throw APIError(status: .serviceUnavailable, code: "identity_unavailable", message: "Credentials cannot be checked right now.",
                           headers: [.retryAfter: "5"]).styled(style)
        }
        guard let principal else {
            throw APIError.unauthenticated("Invalid username/password or token.").styled(style)
        }
        guard principal.has(scope) else { throw APIError.forbidden(scope: scope.rawValue).styled(style) }
        return principal
    }
}
