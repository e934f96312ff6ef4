import ArgumentParser
import Foundation
import Hummingbird
import Notifier
import ServiceRuntime

/// `notifier`: tells Slack, the Transient Name Server and VOEvent brokers about new FRBs, once each.
@main
struct NotifierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifier",
        abstract: "Burstwire's notifier: Slack messages, TNS reports and VOEvents for new FRBs, each delivered once.")

    @Option(name: .long, help: "Configuration file (default: $BURSTWIRE_CONFIG or config/burstwire.yaml).")
    var config: String?

    func run() async throws {
        do {
            let configuration = try ConfigurationLoader().load(NotifierConfiguration.self, path: config)
            Observability.bootstrapLogging(level: try configuration.log.logLevel())
            let (application, _) = try await buildApplication(configuration: configuration)
            try await application.runService()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("notifier: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}
