import ArgumentParser
import Foundation
import Hummingbird
import ServiceRuntime
import TelescopeTrigger

/// `telescope-trigger`: decides which alerts the MWA follows and calls the MWA trigger services, once each.
@main
struct TriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telescope-trigger",
        abstract: "Burstwire's telescope trigger: follow-up decisions and MWA trigger calls, each made once.")

    @Option(name: .long, help: "Configuration file (default: $BURSTWIRE_CONFIG or config/burstwire.yaml).")
    var config: String?

    func run() async throws {
        do {
            let configuration = try ConfigurationLoader().load(TriggerConfiguration.self, path: config)
            Observability.bootstrapLogging(level: try configuration.log.logLevel())
            let (application, _) = try await buildApplication(configuration: configuration)
            try await application.runService()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("telescope-trigger: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}
