import HTTPClient
import Testing

struct RedirectTests {
    @Test func redirectsAreNotFollowedByDefault() async throws {
        try await TestServer.run { server in
            let response = try await HTTPClient().send(HTTPRequest(.get, server.url("/redirect/1")), timeout: .seconds(30), retry: .none)
            #expect(response.status == 302)
            #expect(response.headers["location"] == "/redirect/0")
        }
    }

    @Test func followsRedirectsWhenConfigured() async throws {
        try await TestServer.run { server in
            var configuration = HTTPClient.Configuration()
            configuration.followRedirects = true
            let client = HTTPClient(configuration: configuration)
            let response = try await client.send(HTTPRequest(.get, server.url("/redirect/2")), timeout: .seconds(30), retry: .none)
            #expect(response.status == 200)
            #expect(response.text == "landed")
            #expect(response.headers["location"] == nil)
        }
    }

    @Test func tooManyRedirectsFails() async throws {
        try await TestServer.run { server in
            var configuration = HTTPClient.Configuration()
            configuration.followRedirects = true
            configuration.maxRedirects = 1
            let client = HTTPClient(configuration: configuration)
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(.get, server.url("/redirect/3")), timeout: .seconds(30), retry: .standard)
            }
            #expect(error?.code == .tooManyRedirects)
            #expect(error?.attempts == 1)
        }
    }
}
