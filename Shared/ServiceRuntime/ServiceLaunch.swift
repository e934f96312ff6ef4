import Foundation
import Hummingbird

/// A configuration every service has: where its logs go.
public protocol ServiceConfiguration: Decodable, Sendable {
    var log: LogSettings { get }
}

/// How every service executable starts: load the configuration, start logging, build, run until SIGTERM
/// or SIGINT. A configuration error — while loading, or one `build` finds (a rules file, a broker list) —
/// is printed as "<name>: <error>", naming the key and never its value, and the process exits 78
/// (EX_CONFIG), so a supervisor can tell it from a crash.
public enum ServiceLaunch {
    public static func run<Configuration: ServiceConfiguration>(
        _ name: String, _ type: Configuration.Type, path: String?,
        build: (Configuration) async throws -> any ApplicationProtocol
    ) async throws {
        do {
            let configuration = try ConfigurationLoader().load(type, path: path)
            Observability.bootstrapLogging(level: try configuration.log.logLevel())
            try await build(configuration).runService()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            exit(78)
        }
    }
}
