/// The one field Slack's interactivity POST carries, read out of its `application/x-www-form-urlencoded`
/// body. A full form parser would be more than this needs: Slack sends a single `payload` field whose
/// value is percent-encoded JSON with `+` for spaces.
enum SlackFormBody {
    /// The decoded value of the first `name` field, or nil when the body has none.
    static func value(of name: String, in body: [UInt8]) throws(SlackPayloadError) -> String? {
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard try decode(parts[0]) == name else { continue }
            return try decode(parts.count > 1 ? parts[1] : [])
        }
        return nil
    }

    /// Percent-decoding with `+` as a space; the result must be UTF-8.
    private static func decode(_ encoded: ArraySlice<UInt8>) throws(SlackPayloadError) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < encoded.endIndex, let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) else {
                    throw .malformedForm("a % is not followed by two hex digits")
                }
                bytes.append(high << 4 | low)
                index += 3
            default:
                bytes.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .malformedForm("a field is not UTF-8") }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
