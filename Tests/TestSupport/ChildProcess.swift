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
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let argv = ["/bin/bash", "-c", closeInheritedDescriptors + "exec \(quoted) >'\(logPath)' 2>&1 </dev/null"]
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/bash", nil, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw ScriptFailed(script: arguments.first ?? "", arguments: arguments, status: rc, output: "posix_spawn failed") }
        self.pid = pid
    }

    /// Sends `signal` and waits for the child to exit, on a thread of its own; returns its wait status.
    @discardableResult
    public func stop(signal: Int32 = SIGKILL) async -> Int32 {
        kill(pid, signal)
        let pid = self.pid
        return (try? await onDedicatedThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return status
        }) ?? -1
    }

    public var output: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}
