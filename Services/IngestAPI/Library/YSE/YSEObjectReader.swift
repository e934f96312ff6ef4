import Foundation
import Schema

/// Reads typed fields out of one JSON object of an upload, recording one reason per field that fails
/// and remembering which keys it consumed, so that everything else can be kept as `extras`.
///
/// An absent key and a JSON null both read as "not given": YSE-PZ skips None values, and its own
/// example sends `flux: None` for fields it does not have.
struct YSEObjectReader {
    private let object: [String: JSONValue]
    /// Prepended to field names in error keys, e.g. "transientphotometry.ZTF.".
    private let prefix: String
    private var consumed: Set<String> = []
    private(set) var errors: [String: String] = [:]

    init(_ object: [String: JSONValue], prefix: String = "") {
        self.object = object
        self.prefix = prefix
    }

    /// The keys not consumed by any read, verbatim.
    var extras: [String: JSONValue] { object.filter { !consumed.contains($0.key) } }

    /// The value under `key`, nil when absent or null, without consuming it.
    func peek(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    /// The value under `key`, nil when absent or null; the key no longer goes to `extras`.
    mutating func raw(_ key: String) -> JSONValue? {
        consumed.insert(key)
        return peek(key)
    }

    mutating func fail(_ key: String, _ reason: String) {
        errors[prefix + key] = reason
    }

    mutating func number(_ key: String, where isValid: (Double) -> Bool = { _ in true }, otherwise reason: String = "must be a finite number") -> Double? {
        read(key, reason) { YSEValue.number($0).flatMap { isValid($0) ? $0 : nil } }
    }

    mutating func flag(_ key: String) -> Bool? {
        read(key, "must be 0, 1, true or false", YSEValue.flag)
    }

    mutating func date(_ key: String) -> Date? {
        read(key, "must be a date like 2019-01-09T12:34:56.789 or 2019-01-09 12:34:56", YSEValue.date)
    }

    mutating func string(_ key: String, reason: String = "must be a non-empty string") -> String? {
        read(key, reason) { value in
            guard case .string(let text) = value, !text.isEmpty else { return nil }
            return text
        }
    }

    /// A string that must be present.
    mutating func requiredString(_ key: String, reason: String) -> String? {
        let text = string(key, reason: reason)
        if text == nil { fail(key, reason) }
        return text
    }

    private mutating func read<T>(_ key: String, _ reason: String, _ convert: (JSONValue) -> T?) -> T? {
        guard let value = raw(key) else { return nil }
        guard let converted = convert(value) else {
            fail(key, reason)
            return nil
        }
        return converted
    }
}
