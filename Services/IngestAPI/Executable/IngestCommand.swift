import ArgumentParser
import Database
import Foundation
import Hummingbird
import Identity
import IngestAPI
import Logging
import ServiceRuntime

/// `ingest-api`: serves the write edge, and manages the shared users and tokens.
@main
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-api",
        abstract: "Burstwire's write edge: FRB uploads, VOEvents (HTTP and VTP), YSE-PZ uploads, Slack callbacks.",
        subcommands: [Serve.self, User.self, Token.self, DeadLetters.self],
        defaultSubcommand: Serve.self)
}

struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $BURSTWIRE_CONFIG or config/burstwire.yaml).")
    var config: String?

    func load() throws -> IngestConfiguration {
        try ConfigurationLoader().load(IngestConfiguration.self, path: config)
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API and the VTP listener.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        try await ServiceLaunch.run("ingest-api", IngestConfiguration.self, path: options.config) {
            try await buildApplication(configuration: $0).application
        }
    }
}
