import CFITSIO

extension FITSFile {
    /// The current HDU's header records, 80 characters or fewer each, without the END card.
    public func headerCards() throws(FITSError) -> [String] {
        var status: Int32 = 0
        var count: Int32 = 0
        var free: Int32 = 0
        cfits_get_hdrspace(handle, &count, &free, &status)
        try check(status, "count header cards")
        return try (1..<Int(count) + 1).map { number throws(FITSError) in
            var card = [CChar](repeating: 0, count: Int(CFITS_FLEN_CARD))
            cfits_read_record(handle, Int32(number), &card, &status)
            try check(status, "read header card \(number)")
            return String(fitsText: card)
        }
    }

    public func doubleValue(forKeyword keyword: String) throws(FITSError) -> Double {
        var status: Int32 = 0
        var value = 0.0
        cfits_read_key_dbl(handle, keyword, &value, nil, &status)
        try check(status, "read keyword \(keyword) as a real number")
        return value
    }

    /// cfitsio truncates a value with a fractional part (CRPIX2 = -79.3114 reads as -79).
    public func integerValue(forKeyword keyword: String) throws(FITSError) -> Int {
        var status: Int32 = 0
        var value: Int64 = 0
        cfits_read_key_lnglng(handle, keyword, &value, nil, &status)
        try check(status, "read keyword \(keyword) as an integer")
        return Int(value)
    }

    /// The string value without quotes or trailing blanks; long strings continued over CONTINUE
    /// cards are joined. Numeric values come back as written in the card.
    public func stringValue(forKeyword keyword: String) throws(FITSError) -> String {
        var status: Int32 = 0
        var value: UnsafeMutablePointer<CChar>?
        cfits_read_key_longstr(handle, keyword, &value, nil, &status)
        defer {
            if let value {
                var freeStatus: Int32 = 0
                cfits_free_memory(value, &freeStatus)
            }
        }
        try check(status, "read keyword \(keyword) as a string")
        guard let value else { return "" }
        return String(cString: value)
    }

    /// `stringValue(forKeyword:)`, or nil when the keyword is absent.
    func optionalStringValue(forKeyword keyword: String) throws(FITSError) -> String? {
        do {
            return try stringValue(forKeyword: keyword)
        } catch where error.status == FITSError.keywordNotFound {
            return nil
        }
    }
}
