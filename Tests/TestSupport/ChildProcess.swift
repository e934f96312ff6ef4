import Foundation

/// A service executable run as a real child process, so a test can kill it with SIGKILL at a moment
/// of its choosing and start it again: the crash a consumer must survive, not a simulation of it.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    public let logPath: String

    /// The executable SwiftPM built beside the test bundle (e.g. "catalog-store").
    public static func builtProduct(_ name: String) -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return TestInfrastructure.repositoryRoot.appendingPathComponent(".build/debug/\(name)").path
    }

    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).log").path
        pid = try Shell.spawn("exec \(Shell.command(arguments)) >\(Shell.command([logPath])) 2>&1 </dev/null", environment: environment)
    }

    /// Sends `signal` and waits for the child to exit; returns its exit code.
    @discardableResult
    public func stop(signal: Int32 = SIGKILL) async -> Int32 {
        kill(pid, signal)
        return await Shell.exitCode(of: pid)
    }

    public var output: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}
