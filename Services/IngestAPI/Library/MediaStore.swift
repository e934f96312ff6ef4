import Crypto
import Foundation
import Schema

/// Stores uploaded images by content (SHA-256), durably — written, fsynced and renamed into place —
/// before the upload is acknowledged, and serves them back for Slack and the web pages.
struct MediaStore: Sendable {
    let root: URL

    init(directory: String) throws {
        root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Stores `bytes` and returns a reference whose `path` is relative to `/media/`.
    func store(_ bytes: [UInt8], format: ImageFormat, originalFilename: String?) throws -> MediaReference {
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let relative = "candidates/\(digest.prefix(2))/\(digest).\(format.fileExtension)"
        let target = root.appendingPathComponent(relative)
        if !FileManager.default.fileExists(atPath: target.path) {
            let folder = target.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(digest).\(UUID().uuidString).tmp")
            try writeDurably(bytes, to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw MediaStoreError(reason: "cannot move image into place")
            }
            syncDirectory(folder)
        }
        return MediaReference(path: relative, contentType: format.contentType, sha256: digest,
                              byteCount: Int64(bytes.count), originalFilename: originalFilename)
    }

    /// Where a `/media/<path>` request's image would be, or nil when the path cannot name a stored image.
    func file(at path: String) -> (url: URL, contentType: String)? {
        let components = path.split(separator: "/")
        guard components.count == 3, components[0] == "candidates",
              components.allSatisfy({ !$0.hasPrefix(".") && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." } }),
              let format = ImageFormat(fileExtension: String(components[2].split(separator: ".").last ?? "")) else { return nil }
        return (root.appendingPathComponent(path), format.contentType)
    }

    private func writeDurably(_ bytes: [UInt8], to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw MediaStoreError(reason: "cannot create image file") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw MediaStoreError(reason: "cannot write image file") }
            offset += written
        }
        guard fsync(fd) == 0 else { throw MediaStoreError(reason: "cannot sync image file") }
    }

    private func syncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

struct MediaStoreError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "media store: \(reason)" }
}
