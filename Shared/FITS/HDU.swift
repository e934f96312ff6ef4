import CFITSIO

/// One header-data unit of a FITS file, as listed by `FITSFile.hdus()`.
public struct HDU: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case image
        case asciiTable
        case binaryTable
    }

    /// 0 for the primary HDU, as astropy and fitsverify number them.
    public let index: Int
    public let kind: Kind
    /// EXTNAME, if the header has one.
    public let name: String?
}

extension FITSFile {
    /// Index (0-based) of the HDU that header, image and table reads apply to.
    public var currentHDUIndex: Int {
        var number: Int32 = 0
        cfits_get_hdu_num(handle, &number)
        return Int(number) - 1
    }

    /// Makes HDU `index` (0 = primary) current.
    public func selectHDU(_ index: Int) throws(FITSError) {
        var status: Int32 = 0
        cfits_movabs_hdu(handle, Int32(clamping: index + 1), nil, &status)
        try check(status, "select HDU \(index)")
    }

    /// Every HDU in the file; the current HDU is unchanged afterwards.
    public func hdus() throws(FITSError) -> [HDU] {
        var status: Int32 = 0
        var count: Int32 = 0
        cfits_get_num_hdus(handle, &count, &status)
        try check(status, "count HDUs")
        let original = currentHDUIndex
        defer {
            var restoreStatus: Int32 = 0
            cfits_movabs_hdu(handle, Int32(original + 1), nil, &restoreStatus)
        }
        return try (0..<Int(count)).map { index throws(FITSError) in
            var type: Int32 = 0
            cfits_movabs_hdu(handle, Int32(index + 1), &type, &status)
            try check(status, "select HDU \(index)")
            let kind: HDU.Kind = switch type {
            case ASCII_TBL: .asciiTable
            case BINARY_TBL: .binaryTable
            default: .image
            }
            return HDU(index: index, kind: kind, name: try optionalStringValue(forKeyword: "EXTNAME"))
        }
    }
}
