import Foundation
import Hummingbird
import HummingbirdTesting
@testable import IngestAPI
import Testing
import TestSupport

/// With the broker stopped, every request is refused with 503 and Retry-After — never a 2xx for an
/// event the broker did not confirm — and ingest recovers by itself once the broker is back.
@Suite struct BrokerUnavailableTests {
    @Test func stoppedBrokerMeans503NeverCreated() async throws {
        let broker = DisposableBroker(name: "ingest-outage", port: 56740)
        try await broker.whileRunning {
            let harness = try IngestHarness(confirmTimeoutMs: 1000, amqpURL: broker.url)
            let (application, services) = try await harness.build()
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .authorization: harness.basicAuthorization]
            let body = RequestBuilders.urlencoded(RequestBuilders.observation)
            try await application.test(.router) { client in
                try await eventually("publisher connected") { services.publisher.isConnected }
                try await client.execute(uri: "/observation_create/", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .created)
                }
                try await broker.stop()
                for _ in 0..<5 {
                    try await client.execute(uri: "/observation_create/", method: .post, headers: headers, body: body) { response in
                        #expect(response.status == .serviceUnavailable)
                        #expect(response.headers[.retryAfter] == "5")
                    }
                }
                try await broker.start()
                try await eventually("accepted again", within: .seconds(30)) {
                    try await client.execute(uri: "/observation_create/", method: .post, headers: headers, body: body) { response in
                        #expect(response.status == .created || response.status == .serviceUnavailable)
                        return response.status == .created
                    }
                }
            }
            await harness.cleanUp()
        }
    }
}
