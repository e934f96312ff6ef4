import Foundation
import HTTPClient
import Testing

struct FailureTests {
    /// Nothing listens on port 1 of the loopback interface, so connecting is refused at once.
    static let refused = URL(string: "http://127.0.0.1:1/api/report")!

    @Test func timeoutFailsWithTimedOutWithinBound() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let started = ContinuousClock.now
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(.get, server.url("/sleep/6000")), timeout: .milliseconds(300), retry: .none)
            }
            // Well before the server would answer, even on a loaded machine.
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(error?.code == .timedOut)
            #expect(error?.curlCode == 28)
            #expect(error?.requestMayHaveBeenSent == true)
            #expect(error?.attempts == 1)
        }
    }

    @Test func connectionRefusedIsConnectFailedAndRetriedEvenForPOST() async throws {
        let client = HTTPClient()
        let retry = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(10))
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(.post, Self.refused, body: .bytes([1, 2, 3])), timeout: .seconds(30), retry: retry)
        }
        #expect(error?.code == .connectFailed)
        #expect(error?.curlCode == 7)
        #expect(error?.requestMayHaveBeenSent == false)
        #expect(error?.attempts == 3)
    }

    @Test func tlsHandshakeFailureIsReportedAsTLS() async throws {
        try await TestServer.run { server in
            let url = URL(string: "https://127.0.0.1:\(server.port)/echo")!
            let error = await #expect(throws: HTTPClientError.self) {
                try await HTTPClient().send(HTTPRequest(.post, url), timeout: .seconds(30), retry: .none)
            }
            #expect(error?.code == .tls)
            #expect(error?.requestMayHaveBeenSent == false)
        }
    }

    @Test func descriptionNeverContainsSecrets() async throws {
        let client = HTTPClient()
        let url = URL(string: "http://user:hunter2@127.0.0.1:1/api/report?api_key=SECRET-QUERY#SECRET-FRAGMENT")!
        let request = HTTPRequest(
            .post, url, headers: ["Authorization": "Bearer SECRET-HEADER", "X-Api-Key": "SECRET-KEY"],
            body: .form([("token", "SECRET-BODY")]))
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(request, timeout: .seconds(30), retry: .none)
        }
        let texts = [error.map { "\($0)" }, error.map { String(reflecting: $0) }].compactMap { $0 }
        #expect(texts.count == 2)
        for text in texts {
            #expect(text.contains("connectFailed"))
            #expect(text.contains("POST http://127.0.0.1:1/api/report "))
            for secret in ["hunter2", "user", "SECRET", "?", "#", "api_key", "Bearer"] {
                #expect(!text.contains(secret), "\(secret) leaked")
            }
        }
        #expect("\(request.headers)" == "HTTPHeaders(Authorization, X-Api-Key, Content-Type)")
    }

    @Test func secretPathIsHiddenToo() async throws {
        let client = HTTPClient()
        let url = URL(string: "http://127.0.0.1:1/services/T000/B000/SECRETTOKEN")!
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(.post, url, pathIsSecret: true), timeout: .seconds(30), retry: .none)
        }
        #expect(error?.url == "http://127.0.0.1:1/…")
        #expect(error.map { "\($0)".contains("SECRETTOKEN") } == false)
    }

    @Test func cancellationAbortsTheTransfer() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let started = ContinuousClock.now
            let task = Task { () -> HTTPClientError? in
                do throws(HTTPClientError) {
                    _ = try await client.send(HTTPRequest(.get, server.url("/sleep/9000")), timeout: .seconds(20), retry: .standard)
                    return nil
                } catch {
                    return error
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let error = await task.value
            // Well before the server would answer, even on a loaded machine.
            #expect(ContinuousClock.now - started < .seconds(7))
            #expect(error?.code == .cancelled)
            // Never re-sent; on a loaded machine the server may not have logged the single hit before the cancel.
            #expect(server.hits.count("sleep") <= 1)
        }
    }

    @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd", "/relative/path"])
    func nonHTTPURLsAreRejected(url: String) async throws {
        let client = HTTPClient()
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(.get, URL(string: url)!), timeout: .seconds(1), retry: .standard)
        }
        #expect(error?.code == .invalidURL)
        #expect(error?.attempts == 1)
    }

    @Test(arguments: [("X-Evil", "a\r\nInjected: yes"), ("Bad Name", "v"), ("", "v")])
    func headerInjectionIsRejected(header: (String, String)) async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let request = HTTPRequest(.get, server.url("/echo"), headers: HTTPHeaders([header]))
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(request, timeout: .seconds(1), retry: .standard)
            }
            #expect(error?.code == .invalidHeader)
            #expect(server.hits.count("echo") == 0)
        }
    }

    @Test func oversizedResponseIsRejected() async throws {
        try await TestServer.run { server in
            var configuration = HTTPClient.Configuration()
            configuration.maxResponseBytes = 1000
            let client = HTTPClient(configuration: configuration)
            let request = HTTPRequest(.post, server.url("/echo"), body: .bytes([UInt8](repeating: 7, count: 5000)))
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(request, timeout: .seconds(30), retry: .standard)
            }
            #expect(error?.code == .responseTooLarge)
            #expect(error?.attempts == 1)
        }
    }
}
