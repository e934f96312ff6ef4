import Hummingbird
import Identity

/// Who may read: a bearer token or Basic credentials with the `read` scope, checked against the
/// identity store ingest-api manages. Pages may be opened to everyone by configuration.
struct ReadAccess: Sendable {
    let identities: IdentityStore
    let publicPages: Bool

    func check(_ request: Request) async throws {
        guard let credentials = Credentials.parse(authorization: request.headers[.authorization]) else { throw ReadError.unauthenticated }
        let principal: Principal?
        do {
            principal = try await identities.authenticate(credentials)
        } catch {
            throw ReadError.unavailable
        }
        guard let principal else { throw ReadError.unauthenticated }
        guard principal.has(.read) else { throw ReadError.forbidden }
    }

    func checkPage(_ request: Request) async throws {
        if !publicPages { try await check(request) }
    }
}
