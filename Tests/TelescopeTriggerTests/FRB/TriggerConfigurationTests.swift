import Foundation
import ServiceRuntime
import Testing
@testable import TelescopeTrigger

/// The checked-in configuration and rules file load; a proposal without its secure key in the
/// environment is refused naming the variable, never showing a value.
@Suite struct TriggerConfigurationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theCheckedInFilesLoad() throws {
        let configuration = try ConfigurationLoader(environment: [:])
            .load(TriggerConfiguration.self, path: Self.root.appendingPathComponent("config/burstwire.yaml").path)
        #expect(configuration.port == 8003 && configuration.mwaBaseURL == "http://mro.mwa128t.org/trigger")
        let rulesPath = Self.root.appendingPathComponent(configuration.rulesFile).path
        let (rules, keys) = try TriggerRules.load(path: rulesPath, environment: ["BURSTWIRE_MWA_SECURE_KEY_G0055": "k"])
        #expect(rules.frbProposals.map(\.proposalId) == ["frb-mwa-buffer"])
        #expect(rules.frbProposals.first?.pretend == true && rules.frbProposals.first?.bandMHz != nil)
        #expect(keys["frb-mwa-buffer"]?.value == "k" && keys["grb-mwa-vcs"]?.value == "k")
        let grb = try #require(rules.proposals.first)
        #expect(grb.proposalId == "grb-mwa-vcs" && grb.vcsMode && grb.sourceType == .grb && grb.testing == .pretendReal && grb.priority == 2)
    }

    @Test func aMissingSecureKeyIsNamed() throws {
        let rulesPath = Self.root.appendingPathComponent("config/trigger-rules.yaml").path
        let error = #expect(throws: ConfigurationError.self) { _ = try TriggerRules.load(path: rulesPath, environment: [:]) }
        #expect(error?.description.contains("BURSTWIRE_MWA_SECURE_KEY_G0055") == true)
    }
}
