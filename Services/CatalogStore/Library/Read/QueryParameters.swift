import Foundation
import Schema

/// Typed reading of a request's query string that collects every problem, so one 400 names all the
/// offending parameters with their reasons. Unknown names are refused too: a misspelt filter must not
/// silently return everything.
struct QueryParameters {
    private let values: [String: String]
    private(set) var problems: [String: [String]] = [:]

    init(_ pairs: [(String, String)], allowed: Set<String>) {
        var values: [String: String] = [:]
        for (name, value) in pairs {
            values[name] = value
            if !allowed.contains(name) { problems[name, default: []].append("is not a parameter of this endpoint") }
        }
        self.values = values
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    func string(_ name: String) -> String? { values[name] }

    mutating func double(_ name: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = Double(text), value.isFinite else { return fail(name, "must be a number") }
        guard range.contains(value) else { return fail(name, "must be between \(range.lowerBound) and \(range.upperBound)") }
        return value
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text) else { return fail(name, "must be a whole number") }
        guard range.contains(value) else { return fail(name, "must be between \(range.lowerBound) and \(range.upperBound)") }
        return value
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let text = values[name] else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: return fail(name, "must be true or false")
        }
    }

    /// An ISO 8601 time; without a zone it is UTC (the MWA services take `2024-05-01T12:00:00`).
    mutating func time(_ name: String) -> Date? {
        guard let text = values[name] else { return nil }
        // Year 1 onwards: PostgreSQL has no year 0.
        if let date = EventTimestamp.date(from: text) ?? EventTimestamp.date(from: text + "Z"), date >= Self.yearOne { return date }
        return fail(name, "must be an ISO 8601 time such as 2024-05-01T12:00:00Z")
    }

    private static let yearOne = Date(timeIntervalSince1970: -62_135_596_800)

    mutating func oneOf(_ name: String, _ choices: [String]) -> String? {
        guard let text = values[name] else { return nil }
        guard choices.contains(text) else { return fail(name, "must be one of \(choices.joined(separator: ", "))") }
        return text
    }

    mutating func fail<T>(_ name: String, _ reason: String) -> T? {
        problems[name, default: []].append(reason)
        return nil
    }

    /// Throws the collected problems as one 400.
    func check() throws {
        if !problems.isEmpty { throw ReadError.invalid(problems) }
    }
}

/// A request's query string as name/value pairs, decoded as HTML forms encode them ("+" is a space),
/// which Hummingbird's `queryParameters` does not do.
enum QueryString {
    static func pairs(_ query: String?) -> [(String, String)] {
        (query ?? "").split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { part in
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return parts.first.map { ($0, parts.count > 1 ? parts[1] : "") }
        }
    }
}
