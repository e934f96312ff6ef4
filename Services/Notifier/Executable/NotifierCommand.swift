import ArgumentParser
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
        try await ServiceLaunch.run("notifier", NotifierConfiguration.self, path: config) {
            try await buildApplication(configuration: $0).application
        }
    }
}
