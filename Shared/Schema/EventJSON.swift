import Foundation

/// The JSON conventions every Burstwire message follows, in one place so no service drifts:
/// snake_case keys, UTC timestamps with milliseconds (fraction optional on input), sorted keys
/// for stable bytes, unescaped slashes for readable paths, and a throw on NaN or infinity
/// (JSON has no such numbers, and a silent null would corrupt a measurement).
public enum EventJSON {
    /// A fresh encoder with the conventions; callers may adjust their own copy.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        encoder.dateEncodingStrategy = .custom { date, encoder in
            guard let text = EventTimestamp.string(from: date) else {
                throw EncodingError.invalidValue(date, EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "date \(date) is outside the years 0000-9999 that RFC 3339 can write"))
            }
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
        return encoder
    }

    /// A fresh decoder with the conventions; callers may adjust their own copy.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = EventTimestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "\"\(text)\" is not an RFC 3339 timestamp like 2026-11-21T03:37:52.123Z")
            }
            return date
        }
        return decoder
    }

    /// Shared instances for the hot path; JSONEncoder and JSONDecoder are safe to use concurrently
    /// once configured, and these are never reconfigured.
    static let sharedEncoder = encoder()
    static let sharedDecoder = decoder()
}
