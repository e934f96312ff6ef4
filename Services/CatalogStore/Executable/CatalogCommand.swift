import ArgumentParser
import CatalogStore
import Foundation
import Hummingbird
import ServiceRuntime

/// `catalog-store`: stores every event in PostgreSQL exactly once and publishes the `*.stored` records.
@main
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog-store",
        abstract: "Burstwire's catalogue: stores every event exactly once and publishes the stored records.")

    @Option(name: .long, help: "Configuration file (default: $BURSTWIRE_CONFIG or config/burstwire.yaml).")
    var config: String?

    func run() async throws {
        let configuration: CatalogConfiguration
        do {
            configuration = try ConfigurationLoader().load(CatalogConfiguration.self, path: config)
            Observability.bootstrapLogging(level: try configuration.log.logLevel())
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("catalog-store: \(error)\n".utf8))
            throw ExitCode(78)
        }
        let (application, _) = try await buildApplication(configuration: configuration)
        try await application.runService()
    }
}
