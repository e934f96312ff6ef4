import Foundation
import Testing
import TestSupport

/// Every service executable refuses a bad configuration the same way: exit 78 (EX_CONFIG) and one line
/// naming the key, never its value.
@Suite struct ServiceLaunchTests {
    @Test(arguments: ["ingest-api", "catalog-store", "notifier", "telescope-trigger"])
    func aBadSettingExits78NamingTheKey(executable: String) async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("launch-\(UUID().uuidString).yaml")
        try (try String(contentsOf: TestInfrastructure.repositoryRoot.appendingPathComponent("config/burstwire.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  level: info", with: "  level: very-loud-secret-value")).write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let result = try await runProcess([ChildProcess.builtProduct(executable), "--config", config.path])
        #expect(result.status == 78)
        #expect(result.standardError.hasPrefix("\(executable): ") && result.standardError.contains("log.level"))
        #expect(!result.standardError.contains("very-loud-secret-value"))
    }
}
