import Foundation
import Schema

/// The lenient readings YSE-PZ clients rely on, in one place: Django coerced whatever a Python script
/// sent, so numbers arrive as numbers or numeric strings, flags as 0/1 or booleans, and dates in
/// astropy's `isot` form without a zone. What is accepted is still a real value: NaN and Infinity
/// (which `float("nan")` makes from a string) are refused, and dates must fit the bus's timestamps.
enum YSEValue {
    private static let numberBytes = Set("0123456789+-.eE".utf8)
    /// 1970-01-01 as a modified Julian date.
    private static let unixEpochMJD = 40_587.0

    /// A finite number, from a JSON number or a decimal string such as "157.3415" or "1e-3".
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number):
            return number.isFinite ? number : nil
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.utf8.allSatisfy(numberBytes.contains), let number = Double(trimmed), number.isFinite else {
                return nil
            }
            return number
        default:
            return nil
        }
    }

    /// A flag from true/false, 0/1, or the strings "0", "1", "true", "false" (any case).
    static func flag(_ value: JSONValue) -> Bool? {
        switch value {
        case .bool(let flag): flag
        case .number(0): false
        case .number(1): true
        case .string(let text):
            switch text.lowercased() {
            case "0", "false": false
            case "1", "true": true
            default: nil
            }
        default: nil
        }
    }

    /// A date from "YYYY-MM-DD", "YYYY-MM-DD hh:mm:ss" or ISO 8601 "YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]";
    /// without a zone the time is UTC, as astropy's `isot` means it.
    static func date(_ value: JSONValue) -> Date? {
        guard case .string(let text) = value else { return nil }
        var bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        if bytes.count == 10 {
            bytes += Array("T00:00:00".utf8)
        } else if bytes.count > 10, bytes[10] == UInt8(ascii: " ") {
            bytes[10] = UInt8(ascii: "T")
        }
        let normalised = String(decoding: bytes, as: UTF8.self)
        return EventTimestamp.date(from: normalised) ?? EventTimestamp.date(from: normalised + "Z")
    }

    /// The instant of a modified Julian date, when it is ≥ 0 and writable as a bus timestamp.
    static func mjdDate(_ value: JSONValue) -> Date? {
        guard let mjd = number(value), mjd >= 0 else { return nil }
        let date = Date(timeIntervalSince1970: (mjd - unixEpochMJD) * 86_400)
        return EventTimestamp.string(from: date) == nil ? nil : date
    }
}
