import ArgumentParser
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
        try await ServiceLaunch.run("telescope-trigger", TriggerConfiguration.self, path: config) {
            try await buildApplication(configuration: $0).application
        }
    }
}
