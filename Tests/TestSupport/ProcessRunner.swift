import Foundation

/// What a child process run to completion printed, and how it ended.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
}

/// Runs `arguments` to completion, capturing standard output and error.
public func runProcess(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessResult {
    let directory = FileManager.default.temporaryDirectory
    let out = directory.appendingPathComponent("proc-\(UUID().uuidString).out").path
    let err = directory.appendingPathComponent("proc-\(UUID().uuidString).err").path
    defer {
        try? FileManager.default.removeItem(atPath: out)
        try? FileManager.default.removeItem(atPath: err)
    }
    let status = try await Shell.run(Shell.command(arguments) + " >\(Shell.command([out])) 2>\(Shell.command([err])) </dev/null",
                                     environment: environment)
    return ProcessResult(status: status, standardOutput: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                         standardError: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
}
