import Foundation

/// Where the VOEvent schema and the Comet-generated Transport samples live: `Tests/Fixtures/data/voevent-schema`.
public enum VOEventSchemaData {
    public static let directory = TestInfrastructure.repositoryRoot.appendingPathComponent("Tests/Fixtures/data/voevent-schema")
    public static let xsd = directory.appendingPathComponent("VOEvent-v2.0.xsd").path

    public static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// Runs `xmllint --schema` on `xml`; nil when the document is valid, otherwise what xmllint said.
/// posix_spawn and waitpid on a thread of its own: Foundation's Process can miss a fast child's exit on Linux.
public func schemaViolations(_ xml: String) async throws -> String? {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("voevent-\(UUID().uuidString)").path
    let (file, log) = (base + ".xml", base + ".log")
    try xml.write(toFile: file, atomically: true, encoding: .utf8)
    defer { [file, log].forEach { try? FileManager.default.removeItem(atPath: $0) } }
    let status = try await onDedicatedThread { () -> Int32 in
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let arguments: [String] = ["xmllint", "--noout", "--schema", VOEventSchemaData.xsd, file]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "xmllint", &actions, nil, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }
    return status == 0 ? nil : "xmllint status \(status): " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
}
