import Foundation
import Testing
@testable import Notifier

@Suite("TNS settings")
struct TNSSettingsTests {
    @Test func userAgentIsTheBotMarkerWithAQuotedId() {
        #expect(TNSFixtures.settings.userAgent() == #"tns_marker{"tns_id": "132", "type": "bot", "name": "burstwire_bot"}"#)
    }

    @Test func requiredKeysAloneGiveTheSandboxDefaults() throws {
        let yamlLike = #"{"bot_id": 132, "bot_name": "b", "reporting_group_id": 1, "discovery_data_source_id": 2, "reporter": "R"}"#
        let settings = try decode(yamlLike)
        #expect(settings == TNSSettings(botId: 132, botName: "b", reportingGroupId: 1, discoveryDataSourceId: 2, reporter: "R"))
        #expect(settings.internalNamePrefix == "BURSTWIRE")
        #expect(settings.instrumentValue == nil && settings.filterValue == nil)
        #expect(settings.reportURL == "https://sandbox.wis-tns.org/api/set/bulk-report")
        #expect(settings.replyURL == "https://sandbox.wis-tns.org/api/get/bulk-report-reply")
        #expect(settings.searchURL == "https://sandbox.wis-tns.org/api/get/search")
    }

    @Test func snakeCaseKeysOverrideTheDefaults() throws {
        let settings = try decode(#"""
            {"bot_id": 132, "bot_name": "b", "reporting_group_id": 1, "discovery_data_source_id": 2, "reporter": "R",
             "base_url": "https://www.wis-tns.org/api/", "report_path": "bulk-report", "internal_name_prefix": "CRAFT",
             "instrument_value": 239, "filter_value": 129, "proprietary_period_groups": [132], "end_prop_period_days": 30}
            """#)
        #expect(settings.baseURL == "https://www.wis-tns.org/api/")
        #expect(settings.reportURL == "https://www.wis-tns.org/api/bulk-report")
        #expect(settings.internalNamePrefix == "CRAFT")
        #expect(settings.instrumentValue == 239 && settings.filterValue == 129)
        #expect(settings.proprietaryPeriodGroups == [132] && settings.endPropPeriodDays == 30)
    }

    @Test func missingBotIdIsAnError() {
        let text = #"{"bot_name": "b", "reporting_group_id": 1, "discovery_data_source_id": 2, "reporter": "R"}"#
        #expect(throws: DecodingError.self) { try decode(text) }
    }

    /// The configuration loader camel-cases YAML keys, as convertFromSnakeCase does.
    private func decode(_ json: String) throws -> TNSSettings {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(TNSSettings.self, from: Data(json.utf8))
    }
}
