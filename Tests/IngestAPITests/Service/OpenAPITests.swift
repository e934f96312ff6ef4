import Foundation
@testable import IngestAPI
import Testing

/// The served OpenAPI document describes exactly the routes the router has.
@Suite struct OpenAPITests {
    @Test func documentMatchesRouter() async throws {
        let harness = try IngestHarness()
        let (_, services) = try await harness.build()
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = try #require(document?["paths"] as? [String: [String: Any]])
        // Hummingbird describes "/observation_create/" without its trailing slash (it matches both).
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.map { "\($0.uppercased()) \(path.hasSuffix("/") ? String(path.dropLast()) : path)" }
        })
        let routed = Set(services.routes.map { route -> String in
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let path = parts[1].split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
                if segment == "**" { return "{path}" }
                if segment.hasPrefix(":") { return "{\(segment.dropFirst())}" }
                return String(segment)
            }.joined(separator: "/")
            return "\(parts[0]) \(path)"
        })
        #expect(documented == routed, "only documented: \(documented.subtracting(routed)); only routed: \(routed.subtracting(documented))")
        await harness.cleanUp()
    }
}
