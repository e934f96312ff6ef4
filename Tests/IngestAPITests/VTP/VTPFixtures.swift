import Foundation

/// Test fixtures: real VOEvents and the Transport messages Comet 3.1.0 printed, from `Tests/IngestAPITests/Fixtures`.
enum VTPFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// A minimal VOEvent with the given root attributes, for the inspector's negative cases.
    static func voevent(_ attributes: String, body: String = "<Who><Date>2024-01-02T03:04:05</Date></Who>") -> [UInt8] {
        Array("""
            <?xml version='1.0' encoding='UTF-8'?>
            <voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0" \(attributes)>\(body)</voe:VOEvent>

            """.utf8)
    }
}
