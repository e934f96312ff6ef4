import Foundation
import TestSupport

/// Runs a child process to completion with posix_spawn, capturing its output in files
/// (Foundation's Process.waitUntilExit can miss a fast child's exit on Linux).
struct ProcessResult: Sendable {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// Waits on a thread of its own, so the child's run time never blocks a thread other tests share.
func runProcess(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessResult {
    try await onDedicatedThread { try runProcessBlocking(arguments, environment: environment) }
}

private func runProcessBlocking(_ arguments: [String], environment: [String: String]) throws -> ProcessResult {
    let directory = FileManager.default.temporaryDirectory
    let out = directory.appendingPathComponent("proc-\(UUID().uuidString).out").path
    let err = directory.appendingPathComponent("proc-\(UUID().uuidString).err").path
    defer {
        try? FileManager.default.removeItem(atPath: out)
        try? FileManager.default.removeItem(atPath: err)
    }
    let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let argv = ["/bin/bash", "-c", closeInheritedDescriptors + "\(quoted) >'\(out)' 2>'\(err)' </dev/null"]
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
    var cArgs = argv.map { strdup($0) } + [nil]
    var cEnv = env.map { strdup($0) } + [nil]
    defer { (cArgs + cEnv).forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/bash", nil, nil, &cArgs, &cEnv) == 0 else {
        return ProcessResult(status: -1, standardOutput: "", standardError: "posix_spawn failed")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return ProcessResult(status: (status >> 8) & 0xff,
                         standardOutput: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                         standardError: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
}
