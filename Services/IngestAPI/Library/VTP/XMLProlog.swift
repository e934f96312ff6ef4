/// Looks at what comes before the root element. A VOEvent needs no DOCTYPE, and refusing one outright is the
/// simplest complete guard against entity expansion ("billion laughs") and external entities, whatever the
/// XML parser underneath would otherwise do with them.
enum XMLProlog {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether a `<!DOCTYPE` appears before the first element.
    static func declaresDocumentType(_ xml: [UInt8]) -> Bool {
        var bytes = xml[...]
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(byteOrderMark.count) }
        while true {
            bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if bytes.starts(with: Array("<!DOCTYPE".utf8)) { return true }
            if bytes.starts(with: Array("<?".utf8)) {
                guard let rest = bytes.skipping(past: Array("?>".utf8)) else { return false }
                bytes = rest
            } else if bytes.starts(with: Array("<!--".utf8)) {
                guard let rest = bytes.skipping(past: Array("-->".utf8)) else { return false }
                bytes = rest
            } else {
                return false
            }
        }
    }
}

extension ArraySlice<UInt8> {
    /// The bytes after the first occurrence of `terminator`, or nil when it does not occur.
    fileprivate func skipping(past terminator: [UInt8]) -> ArraySlice<UInt8>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].starts(with: terminator) { return self[(start + terminator.count)...] }
            start += 1
        }
        return nil
    }
}
