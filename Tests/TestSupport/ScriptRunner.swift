import Foundation

/// Runs one of the repository's scripts (e.g. `scripts/infra`) and fails with its output when it fails.
public func runScript(_ script: String, _ arguments: [String], environment: [String: String] = [:]) async throws {
    let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("burstwire-script-\(UUID().uuidString).log").path
    defer { try? FileManager.default.removeItem(atPath: logPath) }
    let scriptPath = TestInfrastructure.repositoryRoot.appendingPathComponent(script).path
    let status = try await Shell.run(Shell.command([scriptPath] + arguments) + " >\(Shell.command([logPath])) 2>&1 </dev/null",
                                     environment: environment)
    guard status == 0 else {
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        throw ScriptFailed(script: script, arguments: arguments, status: status, output: output)
    }
}

public struct ScriptFailed: Error, CustomStringConvertible {
    public let script: String
    public let arguments: [String]
    public let status: Int32
    public let output: String
    public var description: String { "\(script) \(arguments.joined(separator: " ")) exited \(status): \(output)" }
}

/// A second RabbitMQ node on its own ports and data folder, which a test may stop and restart
/// without disturbing the broker every other test shares.
public struct DisposableBroker: Sendable {
    public let port: Int
    let environment: [String: String]

    public init(name: String, port: Int) {
        self.port = port
        environment = [
            "BURSTWIRE_INFRA_DIR": TestInfrastructure.repositoryRoot.appendingPathComponent(".run/infra-\(name)").path,
            "BURSTWIRE_AMQP_PORT": String(port),
            "BURSTWIRE_EPMD_PORT": String(port - 2351),
            "BURSTWIRE_DIST_PORT": String(port + 1),
            "BURSTWIRE_RABBIT_NODE": "burstwire-\(name)@localhost",
        ]
    }

    public var url: String { "amqp://guest:guest@127.0.0.1:\(port)/" }

    public func start() async throws { try await runScript("scripts/infra", ["up", "rabbitmq"], environment: environment) }
    public func stop() async throws { try await runScript("scripts/infra", ["down", "rabbitmq"], environment: environment) }

    /// Starts the broker, runs `body`, and stops the broker whether or not `body` threw.
    public func whileRunning<R>(_ body: () async throws -> R) async throws -> R {
        try await start()
        do {
            let result = try await body()
            try await stop()
            return result
        } catch {
            try? await stop()
            throw error
        }
    }
}
