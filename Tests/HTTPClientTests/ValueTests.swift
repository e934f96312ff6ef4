import Foundation
@testable import HTTPClient
import Testing

struct ValueTests {
    @Test func headerLookupIsCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["Accept": "a", "X-Multi": "1", "x-multi": "2"]
        #expect(headers["ACCEPT"] == "a")
        #expect(headers.values(for: "X-MULTI") == ["1", "2"])
        headers.replaceOrAdd("x-Multi", "3")
        #expect(headers.values(for: "x-multi") == ["3"])
        headers.remove("accept")
        #expect(headers.map(\.name) == ["x-Multi"])
        #expect(headers["missing"] == nil)
    }

    @Test func bodyContentTypeDoesNotOverrideExplicitHeader() throws {
        let explicit = HTTPRequest(
            .post, URL(string: "http://example.org")!, headers: ["content-type": "application/vnd.x+json"], body: try .json([1]))
        #expect(explicit.headers.values(for: "Content-Type") == ["application/vnd.x+json"])
    }

    @Test func redactedURLDropsUserinfoQueryAndFragment() {
        let request = HTTPRequest(.get, URL(string: "https://u:p@www.wis-tns.org:8443/api/get/object?api_key=k#f")!)
        #expect(request.redactedURL == "https://www.wis-tns.org:8443/api/get/object")
    }

    @Test func requestAndResponseDescriptionsHideValues() {
        let request = HTTPRequest(
            .post, URL(string: "https://hooks.slack.com/services/T0/B0/SECRET?token=SECRET")!,
            headers: ["Authorization": "Bearer SECRET"], body: .form([("key", "SECRET")]), pathIsSecret: true)
        #expect("\(request)" == "HTTPRequest(POST https://hooks.slack.com/…, HTTPHeaders(Authorization, Content-Type), 10-byte body)")
        let response = HTTPResponse(status: 200, headers: ["Set-Cookie": "session=SECRET"], body: Array("SECRET".utf8))
        #expect("\(response)" == "HTTPResponse(200, HTTPHeaders(Set-Cookie), 6-byte body)")
    }

    @Test func backoffGrowsWithJitterUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1))
        for _ in 0..<100 {
            let first = policy.backoff(afterAttempt: 1)
            #expect(first >= .milliseconds(50) && first <= .milliseconds(100))
            let third = policy.backoff(afterAttempt: 3)
            #expect(third >= .milliseconds(200) && third <= .milliseconds(400))
            let late = policy.backoff(afterAttempt: 9)
            #expect(late >= .milliseconds(500) && late <= .seconds(1))
        }
    }

    @Test func ambiguousFailuresAreRetriedOnlyForIdempotentRequests() {
        let sent = TransferFailure(code: .transport, curlCode: 52, reason: "", requestMayHaveBeenSent: true)
        let unsent = TransferFailure(code: .timedOut, curlCode: 28, reason: "", requestMayHaveBeenSent: false)
        var policy = RetryPolicy.standard
        #expect(policy.decision(after: sent, method: .post, attempt: 1) == .stop)
        #expect(policy.decision(after: sent, method: .put, attempt: 1) != .stop)
        #expect(policy.decision(after: unsent, method: .post, attempt: 1) != .stop)
        #expect(policy.decision(after: unsent, method: .post, attempt: 3) == .stop)
        policy.idempotent = true
        #expect(policy.decision(after: sent, method: .post, attempt: 1) != .stop)
        #expect(RetryPolicy.none.decision(after: unsent, method: .get, attempt: 1) == .stop)
    }

    @Test func retryAfterIsUsedForRefusalsOnly() {
        let policy = RetryPolicy.standard
        let throttled = HTTPResponse(status: 429, headers: ["Retry-After": " 7 "])
        #expect(policy.decision(after: throttled, method: .post, attempt: 1) == .retry(after: .seconds(7)))
        let unavailable = HTTPResponse(status: 503, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"])
        guard case .retry(let wait) = policy.decision(after: unavailable, method: .post, attempt: 1) else {
            Issue.record("503 should be retried")
            return
        }
        #expect(wait <= .milliseconds(200))
        #expect(policy.decision(after: HTTPResponse(status: 504), method: .post, attempt: 1) == .stop)
        #expect(policy.decision(after: HTTPResponse(status: 504), method: .get, attempt: 1) != .stop)
    }
}
