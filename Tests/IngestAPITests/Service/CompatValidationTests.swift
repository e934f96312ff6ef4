import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
@testable import IngestAPI
import Testing
import TestSupport

/// Every class of bad input on the FRB_candidates_app routes gets a 4xx naming the field and the reason
/// in Django REST framework's shape — never a 5xx, never a 201.
@Suite struct CompatValidationTests {
    typealias R = RequestBuilders

    func json(_ buffer: ByteBuffer) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed])
    }

    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], auth: String?) async throws -> (HTTPResponse.Status, Any) {
        try await client.execute(uri: uri, method: .post, headers: R.headers(authorization: auth, contentType: "application/x-www-form-urlencoded"),
                                 body: R.urlencoded(fields)) { response in
            (response.status, try json(response.body))
        }
    }

    @Test func observationFieldErrors() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let auth = harness.basicAuthorization
        try await application.test(.router) { client in
            let cases: [(String, String?, String)] = [
                ("nchan", nil, "This field is required."),
                ("nchan", "many", "A valid integer is required."),
                ("nchan", "3000.5", "A valid integer is required."),
                ("gain", "abc", "A valid number is required."),
                ("tsys", "NaN", "A finite number is required."),
                ("bandwidth", "inf", "A finite number is required."),
                ("backend", String(repeating: "x", count: 129), "Ensure this field has no more than 128 characters."),
            ]
            for (field, value, message) in cases {
                let (status, body) = try await post(client, "/observation_create/", R.replacing(R.observation, field, with: value), auth: auth)
                #expect(status == .badRequest, "\(field)=\(value ?? "<missing>")")
                #expect((body as? [String: [String]])?[field] == [message], "\(field): \(body)")
            }
            let (status, body) = try await post(client, "/observation_create/", R.replacing(R.observation, "nchan", with: "3000.0"), auth: auth)
            #expect(status == .created)
            #expect(((body as? [String: Any])?["data"] as? [String: Any])?["nchan"] as? Int == 3000)
        }
        await harness.cleanUp()
    }

    @Test func measurementFieldErrorsAndUnknownFRB() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let auth = harness.basicAuthorization
        try await application.test(.router) { client in
            let (_, observation) = try await post(client, "/observation_create/", R.observation, auth: auth)
            let observationId = try #require((observation as? [String: Any])?["id"] as? Int)
            let png = try IngestHarness.fixture("example_search.png")
            let frbId = try await client.execute(
                uri: "/frbevent_create/", method: .post, headers: R.headers(authorization: auth, contentType: R.multipartContentType),
                body: R.multipart(fields: [("observation", String(observationId)), ("time_of_arrival", "2017-11-17T12:21:38.87"), ("repeater", "True")],
                                  files: [("search_open", "s.png", png), ("image_open", "i.png", png), ("histogram_open", "h.png", png)])
            ) { response in
                #expect(response.status == .created)
                return try #require((try json(response.body) as? [String: Any])?["id"] as? Int)
            }
            let valid = R.measurement(frb: Int64(frbId))
            let cases: [(String, String?, String)] = [
                ("ra", "360", "ra"), ("ra", "-1", "ra"), ("dec", "91", "dec"), ("dec", "-90.5", "dec"),
                ("ra_pos_error", "-0.1", "ra_pos_error"), ("dm_err", "-1", "dm_err"), ("source", "XX", "source"),
                ("ra", "nan", "ra"), ("ra", nil, "ra"), ("version", String(repeating: "v", count: 65), "version"),
            ]
            for (field, value, errorKey) in cases {
                let (status, body) = try await post(client, "/radio_measurement_create/", R.replacing(valid, field, with: value), auth: auth)
                #expect(status == .badRequest, "\(field)=\(value ?? "<missing>")")
                let messages = (body as? [String: [String]])?[errorKey] ?? []
                #expect(!messages.isEmpty, "\(field): \(body)")
            }
            let (unknownStatus, unknown) = try await post(client, "/radio_measurement_create/", R.measurement(frb: 987_654_321), auth: auth)
            #expect(unknownStatus == .badRequest)
            #expect((unknown as? [String: [String]])?["frb"] == ["Invalid pk \"987654321\" - object does not exist."])
            let (status, created) = try await post(client, "/radio_measurement_create/", valid, auth: auth)
            #expect(status == .created)
            let data = try #require((created as? [String: Any])?["data"] as? [String: Any])
            #expect(data["frb"] as? Int == frbId && data["source"] as? String == "MB" && data["id"] is Int && data["datetime"] is String)
            #expect((created as? [String: Any])?["id"] == nil)
        }
        await harness.cleanUp()
    }

    @Test func frbEventFilesTimesAndParents() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let auth = harness.basicAuthorization
        let png = try IngestHarness.fixture("example_search.png")
        try await application.test(.router) { client in
            func upload(_ fields: [(String, String)], _ files: [(String, String, Data)]) async throws -> (HTTPResponse.Status, Any) {
                try await client.execute(uri: "/frbevent_create/", method: .post,
                                         headers: R.headers(authorization: auth, contentType: R.multipartContentType),
                                         body: R.multipart(fields: fields, files: files)) { response in
                    (response.status, try json(response.body))
                }
            }
            let (_, observation) = try await post(client, "/observation_create/", R.observation, auth: auth)
            let observationId = String(try #require((observation as? [String: Any])?["id"] as? Int))
            let fields = [("observation", observationId), ("time_of_arrival", "2017-11-17T12:21:38.87"), ("repeater", "False")]
            let images = [("search_open", "s.png", png), ("image_open", "i.png", png), ("histogram_open", "h.png", png)]

            let (missingStatus, missing) = try await upload(fields, Array(images.dropFirst()))
            #expect(missingStatus == .badRequest && missing as? String == "Missing search file")
            let (textStatus, text) = try await upload(fields, [("search_open", "s.png", Data("not an image".utf8))] + images.dropFirst())
            #expect(textStatus == .badRequest && (text as? [String: [String]])?["search_open"] != nil)
            let (timeStatus, time) = try await upload(R.replacing(fields, "time_of_arrival", with: "yesterday"), images)
            #expect(timeStatus == .badRequest && (time as? [String: [String]])?["time_of_arrival"] != nil)
            let (boolStatus, bool) = try await upload(R.replacing(fields, "repeater", with: "maybe"), images)
            #expect(boolStatus == .badRequest && (bool as? [String: [String]])?["repeater"] == ["Must be a valid boolean."])
            let (parentStatus, parent) = try await upload(R.replacing(fields, "observation", with: "987654321"), images)
            #expect(parentStatus == .badRequest && (parent as? [String: [String]])?["observation"] != nil)
            let (status, created) = try await upload(fields, images)
            #expect(status == .created)
            let data = try #require((created as? [String: Any])?["data"] as? [String: Any])
            #expect((data["search_path"] as? String)?.hasPrefix("/media/candidates/") == true && data["repeater"] as? Bool == false)
            #expect(data["time_of_arrival"] as? String == "2017-11-17T12:21:38.870Z")
        }
        await harness.cleanUp()
    }

    @Test func wrongContentTypeAndOversizedBodies() async throws {
        let harness = try IngestHarness(maxBodyBytes: 4096)
        let (application, _) = try await harness.build()
        try await application.test(.router) { client in
            try await client.execute(uri: "/observation_create/", method: .post,
                                     headers: R.headers(authorization: harness.basicAuthorization, contentType: "application/json"),
                                     body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
                let detail = try json(response.body) as? [String: String]
                #expect(detail?["detail"] != nil)
            }
            try await client.execute(uri: "/observation_create/", method: .post,
                                     headers: R.headers(authorization: harness.basicAuthorization, contentType: "application/x-www-form-urlencoded"),
                                     body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 10_000)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        await harness.cleanUp()
    }

    @Test func authenticationAndScopes() async throws {
        let harness = try IngestHarness()
        let (application, services) = try await harness.build(scopes: [.ingest, .read])
        let reader = TestInfrastructure.uniqueName("reader")
        _ = try await services.identities.addUser(username: reader, password: "reader-password", scopes: [.read])
        let token = try await services.identities.issueToken(username: harness.username, name: "ci", scopes: [.ingest])
        try await application.test(.router) { client in
            let (none, noneBody) = try await post(client, "/observation_create/", R.observation, auth: nil)
            #expect(none == .unauthorized && (noneBody as? [String: String])?["detail"] != nil)
            try await client.execute(uri: "/observation_create/", method: .post,
                                     headers: R.headers(authorization: nil, contentType: "application/x-www-form-urlencoded"),
                                     body: R.urlencoded(R.observation)) { response in
                #expect(response.headers[.wwwAuthenticate]?.contains("Basic") == true)
            }
            let wrong = "Basic " + Data("\(harness.username):wrong-password".utf8).base64EncodedString()
            let (wrongStatus, wrongBody) = try await post(client, "/observation_create/", R.observation, auth: wrong)
            #expect(wrongStatus == .unauthorized)
            #expect(!"\(wrongBody)".contains("wrong-password"))
            let readOnly = "Basic " + Data("\(reader):reader-password".utf8).base64EncodedString()
            let (forbidden, _) = try await post(client, "/observation_create/", R.observation, auth: readOnly)
            #expect(forbidden == .forbidden)
            let (bearer, _) = try await post(client, "/observation_create/", R.observation, auth: "Bearer \(token.token)")
            #expect(bearer == .created)
            let (drfToken, _) = try await post(client, "/observation_create/", R.observation, auth: "Token \(token.token)")
            #expect(drfToken == .created)
        }
        await harness.cleanUp()
    }
}
