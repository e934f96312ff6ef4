/// `application/x-www-form-urlencoded` as browsers, python-requests and Python's `parse_qsl`
/// write it: `&`-separated pairs, `+` for space, `%XX` escapes, UTF-8 text.
enum URLEncodedForm {
    /// `strictEscapes` refuses a `%` not followed by two hex digits; otherwise it stays as it is, as
    /// Python's `unquote_plus` leaves it.
    static func decode(_ body: [UInt8], strictEscapes: Bool = false) throws(FormDecodingError) -> FormData {
        var form = FormData()
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = try text(of: pair[..<(equals ?? pair.endIndex)], strictEscapes: strictEscapes)
            let value = try equals.map { equals throws(FormDecodingError) in
                try text(of: pair[(equals + 1)...], strictEscapes: strictEscapes)
            } ?? ""
            form.append(value, for: name)
        }
        return form
    }

    /// Undoes `+` and percent escapes.
    private static func text(of encoded: ArraySlice<UInt8>, strictEscapes: Bool) throws(FormDecodingError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < encoded.endIndex,
                      let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else if byte == UInt8(ascii: "%"), strictEscapes {
                throw .malformed("a % is not followed by two hex digits")
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed("a urlencoded name or value is not valid UTF-8")
        }
        return text
    }

    /// The value of one hex digit.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
