import Foundation

/// Child processes for tests, started through bash with posix_spawn (Foundation's Process can miss a
/// fast child's exit on Linux) and waited for on a thread of their own.
public enum Shell {
    /// `arguments` as one bash command line, each argument single-quoted.
    public static func command(_ arguments: [String]) -> String {
        arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    /// Starts `bash -c command` with the environment extended by `environment`. Every descriptor above 2
    /// is closed first: posix_spawn hands a child all the test process's sockets, and a long-lived child
    /// (a service, a broker) would hold other tests' connections open after they close them.
    public static func spawn(_ command: String, environment: [String: String] = [:]) throws -> pid_t {
        let closeInherited = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" 2>/dev/null; done; "
        let argv = ["/bin/bash", "-c", closeInherited + command]
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/bash", nil, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw SpawnFailed(command: command, status: rc) }
        return pid
    }

    /// Waits for `pid` to exit and returns its exit code (128 + the signal when a signal ended it).
    public static func exitCode(of pid: pid_t) async -> Int32 {
        (try? await onDedicatedThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }) ?? -1
    }

    /// Runs `command` to its end and returns its exit code.
    public static func run(_ command: String, environment: [String: String] = [:]) async throws -> Int32 {
        await exitCode(of: try spawn(command, environment: environment))
    }
}

public struct SpawnFailed: Error, CustomStringConvertible {
    public let command: String
    public let status: Int32
    public var description: String { "posix_spawn failed (\(status)) for \(command)" }
}
