import Foundation

/// Per-transfer state reached from libcurl's C callbacks through an unretained pointer.
/// Only the worker thread running the transfer touches it.
final class TransferContext {
    let cancellation: CancellationFlag
    private let maxBodyBytes: Int
    private(set) var body: [UInt8] = []
    private(set) var headers = HTTPHeaders()
    private(set) var bodyTooLarge = false

    init(cancellation: CancellationFlag, maxBodyBytes: Int) {
        self.cancellation = cancellation
        self.maxBodyBytes = maxBodyBytes
    }

    /// Appends body bytes; false (abort the transfer) once the limit would be exceeded.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxBodyBytes else {
            bodyTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line. A status line starts a new header block, so interim (1xx) and
    /// redirect responses leave only the final response's headers.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
        } else if line.first == " " || line.first == "\t" {
            headers.extendLastValue(with: line.trimmingCharacters(in: .whitespaces))
        } else if let colon = line.firstIndex(of: ":") {
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(String(line[..<colon]), value)
        }
    }
}
