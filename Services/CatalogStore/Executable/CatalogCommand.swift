import ArgumentParser
import CatalogStore
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
        try await ServiceLaunch.run("catalog-store", CatalogConfiguration.self, path: config) {
            try await buildApplication(configuration: $0).application
        }
    }
}
