/// The image formats accepted as FRB diagnostic plots, recognised by their magic bytes: a client's
/// file name or Content-Type is only a claim, and stored files are served back to Slack as images.
public enum ImageFormat: String, CaseIterable, Sendable, Hashable {
    case png
    case jpeg
    case gif

    /// The format the bytes start with, or nil when they are not one of the accepted images.
    public static func detect(_ bytes: [UInt8]) -> ImageFormat? {
        allCases.first { format in
            format.signatures.contains { signature in bytes.starts(with: signature) }
        }
    }

    /// From a stored file's extension, case-insensitively; "jpg" and "jpeg" are both JPEG.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "gif": self = .gif
        default: return nil
        }
    }

    public var contentType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        }
    }

    /// The extension stored files get, without the dot.
    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .gif: "gif"
        }
    }

    private var signatures: [[UInt8]] {
        switch self {
        case .png: [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]
        case .jpeg: [[0xFF, 0xD8, 0xFF]]
        case .gif: [Array("GIF87a".utf8), Array("GIF89a".utf8)]
        }
    }
}
