import Foundation
import ServiceRuntime
import Testing
@testable import Notifier

/// The notifier's configuration: the checked-in file means "everything to the outbox"; environment
/// variables switch destinations on; a bad broker list is refused naming the key.
@Suite struct NotifierConfigurationTests {
    static let checkedIn = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/burstwire.yaml").path

    @Test func theCheckedInFileSendsEverythingToTheOutbox() throws {
        let configuration = try ConfigurationLoader(environment: [:]).load(NotifierConfiguration.self, path: Self.checkedIn)
        #expect(configuration.port == 8002 && configuration.retractAfterRejects == 2)
        #expect(try configuration.voeventBrokers().isEmpty)
        #expect(configuration.tns == nil)
        let slack = SlackSender(settings: configuration.slack, outbox: Outbox(directory: URL(fileURLWithPath: "/tmp")), http: .init())
        #expect(slack.target == "outbox")
        #expect(configuration.voevent?.settings.role == .test)
    }

    @Test func environmentVariablesSwitchDestinationsOn() throws {
        let environment = [
            "BURSTWIRE_SLACK_BOT_TOKEN": "test-bot-token", "BURSTWIRE_SLACK_CHANNEL": "C1",
            "BURSTWIRE_VOEVENT_BROKERS": "broker.example.org:8098, 127.0.0.1:18098",
        ]
        let configuration = try ConfigurationLoader(environment: environment).load(NotifierConfiguration.self, path: Self.checkedIn)
        #expect(try configuration.voeventBrokers() == [VTPBrokerAddress(host: "broker.example.org", port: 8098), VTPBrokerAddress(host: "127.0.0.1", port: 18098)])
        let slack = SlackSender(settings: configuration.slack, outbox: Outbox(directory: URL(fileURLWithPath: "/tmp")), http: .init())
        #expect(slack.target == "C1")
        #expect("\(configuration.slack!.botToken!)" == "<redacted>")
    }

    @Test func aBrokerThatIsNotHostAndPortIsRefused() throws {
        let configuration = try ConfigurationLoader(environment: ["BURSTWIRE_VOEVENT_BROKERS": "good.example:8098,nohost"])
            .load(NotifierConfiguration.self, path: Self.checkedIn)
        let error = #expect(throws: ConfigurationError.self) { try configuration.voeventBrokers() }
        #expect(error?.key == "voevent.brokers" && error?.reason == "entry 2 is not host:port")
    }
}
