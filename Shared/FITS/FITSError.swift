import CFITSIO

/// A failed cfitsio call: the status code callers can branch on, cfitsio's text for it, the file,
/// and what was being attempted, so one log line is enough to diagnose it.
public struct FITSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// cfitsio FILE_NOT_OPENED: the file does not exist or cannot be read.
    public static let fileNotOpened: Int32 = 104
    /// cfitsio KEY_NO_EXIST: the keyword is not in the current HDU's header.
    public static let keywordNotFound: Int32 = 202
    /// cfitsio COL_NOT_FOUND: no table column has that name.
    public static let columnNotFound: Int32 = 219

    public let status: Int32
    /// cfitsio's short description of `status`, e.g. "could not open the named file".
    public let message: String
    public let path: String
    /// What was being attempted, e.g. "read keyword BUNIT".
    public let operation: String

    init(status: Int32, path: String, operation: String) {
        var text = [CChar](repeating: 0, count: Int(CFITS_FLEN_ERRMSG))
        cfits_get_errstatus(status, &text)
        self.status = status
        self.message = String(fitsText: text)
        self.path = path
        self.operation = operation
    }

    public var description: String {
        "\(path): \(operation) failed: cfitsio status \(status) (\(message))"
    }
}

extension String {
    /// Decodes a NUL-terminated buffer filled by cfitsio.
    init(fitsText buffer: some Collection<CChar>) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
