import Foundation

/// Where deliveries go when their destination is not configured: one file per delivery, named by its
/// ledger key, so a development machine or CI shows exactly what would have been sent.
struct Outbox: Sendable {
    let directory: URL

    /// Writes atomically; returns the file's path, which becomes the delivery's target.
    func write(_ bytes: [UInt8], key: String, extension suffix: String) throws(DeliveryError) -> String {
        let name = key.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        let file = directory.appendingPathComponent(String(name) + "." + suffix)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: file, options: .atomic)
        } catch {
            throw DeliveryError(reason: "outbox not writable: \(error.localizedDescription)", permanent: false)
        }
        return file.path
    }
}
