import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import Testing

/// Issues credentials for the read API and decodes its answers in tests.
struct ReadCredentials {
    let read: String
    let ingestOnly: String

    static func issue(_ identities: IdentityStore) async throws -> ReadCredentials {
        let user = "reader-\(UUID().uuidString.prefix(8).lowercased())"
        _ = try await identities.addUser(username: user, password: "correct horse battery", scopes: [.read, .ingest])
        let read = try await identities.issueToken(username: user, name: "read", scopes: [.read])
        let ingest = try await identities.issueToken(username: user, name: "ingest", scopes: [.ingest])
        return ReadCredentials(read: "Bearer \(read.token)", ingestOnly: "Bearer \(ingest.token)")
    }
}

extension TestClientProtocol {
    /// GETs `uri` with the given Authorization and returns status and body.
    func get(_ uri: String, authorization: String?) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        var headers: HTTPFields = [:]
        if let authorization { headers[.authorization] = authorization }
        return try await execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, String(buffer: response.body), response.headers)
        }
    }

    /// GETs JSON with read credentials, expecting 200.
    func json(_ uri: String, _ credentials: ReadCredentials) async throws -> Any {
        let (status, body, _) = try await get(uri, authorization: credentials.read)
        #expect(status == .ok, "\(uri): \(body)")
        return try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
    }
}
