import Foundation
import HTTPClient
import Testing

struct RetryTests {
    static let quick = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(100))

    @Test func retriesOn503ThenSucceeds() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(.get, server.url("/flaky/2")), timeout: .seconds(30), retry: Self.quick)
            #expect(response.status == 200)
            #expect(response.text == "ok after 3")
            #expect(server.hits.count("flaky") == 3)
        }
    }

    @Test func givesUpAfterMaxAttemptsAndReturnsTheLastResponse() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(.get, server.url("/flaky/5")), timeout: .seconds(30), retry: Self.quick)
            #expect(response.status == 503)
            #expect(server.hits.count("flaky") == 3)
        }
    }

    @Test func noneSendsExactlyOnce() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(.get, server.url("/flaky/1")), timeout: .seconds(30), retry: .none)
            #expect(response.status == 503)
            #expect(server.hits.count("flaky") == 1)
        }
    }

    @Test func honoursRetryAfterOn429EvenForPOST() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let started = ContinuousClock.now
            let response = try await client.send(HTTPRequest(.post, server.url("/throttle/1")), timeout: .seconds(30), retry: Self.quick)
            #expect(response.status == 200)
            #expect(ContinuousClock.now - started >= .milliseconds(950))
            #expect(server.hits.count("throttle") == 2)
        }
    }

    @Test func retryAfterLongerThanAllowedReturnsThe429() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            var retry = Self.quick
            retry.maxRetryAfter = .seconds(5)
            let response = try await client.send(HTTPRequest(.post, server.url("/throttle/120")), timeout: .seconds(30), retry: retry)
            #expect(response.status == 429)
            #expect(response.headers["retry-after"] == "120")
            #expect(server.hits.count("throttle") == 1)
        }
    }

    @Test func postIsNotResentAfterATimeout() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(.post, server.url("/sleep/4000")), timeout: .seconds(1), retry: Self.quick)
            }
            #expect(error?.code == .timedOut)
            #expect(error?.attempts == 1)
            // Never twice; on a loaded machine the server may not have logged the single hit before the timeout.
            #expect(server.hits.count("sleep") <= 1)
        }
    }

    @Test func idempotentPostIsResentAfterATimeout() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            var retry = Self.quick
            retry.idempotent = true
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(.post, server.url("/sleep/2000")), timeout: .milliseconds(300), retry: retry)
            }
            #expect(error?.code == .timedOut)
            #expect(error?.attempts == 3)
            // Under load the last attempt may time out before the server has counted it; two hits prove a resend.
            #expect((2...3).contains(server.hits.count("sleep")))
        }
    }

    @Test func getIsResentAfterATimeout() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(.get, server.url("/sleep/2000")), timeout: .milliseconds(300), retry: Self.quick)
            }
            #expect(error?.attempts == 3)
            // Under load the last attempt may time out before the server has counted it; two hits prove a resend.
            #expect((2...3).contains(server.hits.count("sleep")))
        }
    }

    @Test(arguments: [502, 504])
    func gatewayErrorsAreNotResentForPOST(status: Int) async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let request = HTTPRequest(.post, server.url("/status/\(status)"))
            let response = try await client.send(request, timeout: .seconds(30), retry: Self.quick)
            #expect(response.status == status)
            #expect(server.hits.count("status") == 1)
        }
    }

    @Test func unlistedStatusesAreNotRetried() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(.get, server.url("/status/500")), timeout: .seconds(30), retry: Self.quick)
            #expect(response.status == 500)
            #expect(server.hits.count("status") == 1)
        }
    }
}
