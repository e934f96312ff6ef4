import CFITSIO

extension FITSFile {
    /// Number of rows of the current HDU, which must be an ASCII or binary table.
    public func rowCount() throws(FITSError) -> Int {
        var status: Int32 = 0
        var rows = 0
        cfits_get_num_rows(handle, &rows, &status)
        try check(status, "count table rows")
        return rows
    }

    /// TTYPEn of each column in order; "" for a column without a name.
    public func columnNames() throws(FITSError) -> [String] {
        var status: Int32 = 0
        var count: Int32 = 0
        cfits_get_num_cols(handle, &count, &status)
        try check(status, "count table columns")
        return try (0..<Int(count)).map { index throws(FITSError) in
            try optionalStringValue(forKeyword: "TTYPE\(index + 1)") ?? ""
        }
    }

    /// A numeric column as Doubles, TSCAL/TZERO applied and undefined values NaN. Vector columns
    /// (repeat count r > 1) give r values per row, row after row. Columns are matched by name
    /// without regard to case, by cfitsio's template rules ('*', '?' and '#' are wildcards).
    public func doubleColumn(_ name: String) throws(FITSError) -> [Double] {
        let column = try columnNumber(name)
        var status: Int32 = 0
        var type: Int32 = 0
        var repeatCount = 0
        var width = 0
        cfits_get_coltype(handle, column, &type, &repeatCount, &width, &status)
        try check(status, "read type of column \(name)")
        let count = try rowCount() * repeatCount
        guard count > 0 else { return [] }
        var anyUndefined: Int32 = 0
        var values = [Double](repeating: .nan, count: count)
        cfits_read_col_dbl(handle, column, 1, count, .nan, &values, &anyUndefined, &status)
        try check(status, "read column \(name)")
        return values
    }

    /// One string per row, trailing blanks removed; numeric columns are formatted by cfitsio
    /// using TDISPn. Name matching as in `doubleColumn(_:)`.
    public func stringColumn(_ name: String) throws(FITSError) -> [String] {
        let column = try columnNumber(name)
        var status: Int32 = 0
        var width: Int32 = 0
        cfits_get_col_display_width(handle, column, &width, &status)
        try check(status, "read width of column \(name)")
        let rows = try rowCount()
        guard rows > 0 else { return [] }
        let stride = Int(width) + 1
        var storage = [CChar](repeating: 0, count: rows * stride)
        var anyUndefined: Int32 = 0
        storage.withUnsafeMutableBufferPointer { buffer in
            var rowPointers: [UnsafeMutablePointer<CChar>?] = (0..<rows).map { buffer.baseAddress! + $0 * stride }
            cfits_read_col_str(handle, column, 1, rows, &rowPointers, &anyUndefined, &status)
        }
        try check(status, "read column \(name)")
        return (0..<rows).map { String(fitsText: storage[$0 * stride ..< ($0 + 1) * stride]) }
    }

    private func columnNumber(_ name: String) throws(FITSError) -> Int32 {
        var status: Int32 = 0
        var template = Array(name.utf8CString)
        var matched = [CChar](repeating: 0, count: Int(CFITS_FLEN_VALUE))
        var column: Int32 = 0
        cfits_get_colname(handle, CASEINSEN, &template, &matched, &column, &status)
        try check(status, "find column \(name)")
        return column
    }
}
