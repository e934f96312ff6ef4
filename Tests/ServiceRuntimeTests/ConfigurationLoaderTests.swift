import Foundation
import Testing
@testable import ServiceRuntime

@Suite struct ConfigurationLoaderTests {
    struct Config: Decodable {
        struct Slack: Decodable {
            var webhookUrl: Secret?
            var channel: String
            var retries: Int
        }
        var amqp: AMQPSettings
        var http: HTTPSettings
        var slack: Slack
        var log: LogSettings
    }

    let yaml = """
        amqp:
          url: amqp://guest:guest@127.0.0.1:56720/
          confirm_timeout_ms: 2500
        http:
          host: 127.0.0.1
          port: 8000
        slack:
          channel: "#frb"
          retries: 3
        log:
          level: info
        """

    @Test func aYAMLErrorSaysWhereButNeverQuotesTheLine() throws {
        let yaml = "database:\n  url: host=db password=s3cret: \"oops\n"
        let error = #expect(throws: ConfigurationError.self) { _ = try ConfigurationLoader(environment: [:]).load(Config.self, yaml: yaml) }
        #expect(error?.description.contains("line") == true)
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func readsYAMLWithSnakeCaseKeys() throws {
        let config = try ConfigurationLoader(environment: [:]).load(Config.self, yaml: yaml)
        #expect(config.http.port == 8000)
        #expect(config.amqp.confirmTimeout == .milliseconds(2500))
        #expect(config.slack.webhookUrl == nil)
        #expect(try config.amqp.brokerAddress().port == 56720)
    }

    @Test func environmentOverridesAndAddsKeys() throws {
        let env = [
            "BURSTWIRE_HTTP_PORT": "9100",
            "BURSTWIRE_SLACK_WEBHOOK_URL": "https://hooks.example/T000/B000/XXXX",
            "BURSTWIRE_SLACK_CHANNEL": "#alerts",
            "BURSTWIRE_UNRELATED_THING": "ignored",
            "BURSTWIRE_REPO_ROOT": "/somewhere",
        ]
        let config = try ConfigurationLoader(environment: env).load(Config.self, yaml: yaml)
        #expect(config.http.port == 9100)
        #expect(config.slack.channel == "#alerts")
        #expect(config.slack.webhookUrl?.value == "https://hooks.example/T000/B000/XXXX")
    }

    @Test func secretsComeFromFilesAndNeverPrint() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)")
        try "amqp://svc:p4ssw0rd@10.0.0.5:5672/\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let config = try ConfigurationLoader(environment: ["BURSTWIRE_AMQP_URL_FILE": file.path]).load(Config.self, yaml: yaml)
        #expect(config.amqp.url.value == "amqp://svc:p4ssw0rd@10.0.0.5:5672/")
        #expect(!"\(config.amqp)".contains("p4ssw0rd"))
        #expect(!String(reflecting: config.amqp.url).contains("p4ssw0rd"))
        #expect(!"\(try config.amqp.brokerAddress())".contains("p4ssw0rd"))
    }

    @Test func wrongTypeNamesTheKeyAndVariable() {
        do {
            _ = try ConfigurationLoader(environment: ["BURSTWIRE_HTTP_PORT": "eighty"]).load(Config.self, yaml: yaml)
            Issue.record("loaded a non-numeric port")
        } catch let error as ConfigurationError {
            #expect(error.key == "http.port")
            #expect(error.description.contains("BURSTWIRE_HTTP_PORT"))
            #expect(!error.description.contains("eighty"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingKeyIsNamed() {
        let withoutChannel = yaml.replacingOccurrences(of: "  channel: \"#frb\"\n", with: "")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(Config.self, yaml: withoutChannel) }
        do {
            _ = try ConfigurationLoader(environment: [:]).load(Config.self, yaml: withoutChannel)
        } catch let error as ConfigurationError {
            #expect(error.key == "slack.channel")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func badLogLevelAndBrokerURLAreReported() throws {
        let config = try ConfigurationLoader(environment: ["BURSTWIRE_LOG_LEVEL": "loud", "BURSTWIRE_AMQP_URL": "http://x"]).load(Config.self, yaml: yaml)
        #expect(throws: ConfigurationError.self) { try config.log.logLevel() }
        #expect(throws: ConfigurationError.self) { try config.amqp.brokerAddress() }
    }

    @Test func unreadableFileIsReported() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(Config.self, path: "/nonexistent/burstwire.yaml") }
    }

    @Test func checkedInConfigurationDecodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        struct Common: Decodable {
            var amqp: AMQPSettings
            var database: DatabaseSettings
            var log: LogSettings
        }
        let config = try ConfigurationLoader(environment: [:]).load(Common.self, path: root.appendingPathComponent("config/burstwire.yaml").path)
        #expect(try config.log.logLevel() == .info)
        #expect(try config.amqp.brokerAddress().host == "127.0.0.1")
    }
}
