import Foundation

/// Rows returned by a query, copied out of libpq's result in text format.
public struct QueryResult: Sendable {
    public let columns: [String]
    public let rows: [Row]
    /// Rows inserted, updated or deleted (from the command tag).
    public let affectedRows: Int

    public var first: Row? { rows.first }
}

/// One row; typed accessors throw `DatabaseError(.decodingFailed)` naming the column on a bad value.
public struct Row: Sendable {
    let columnIndex: [String: Int]
    public let values: [String?]

    public subscript(_ column: String) -> String? {
        guard let i = columnIndex[column] else { return nil }
        return values[i]
    }

    public func isNull(_ column: String) -> Bool { self[column] == nil }

    public func string(_ column: String) throws -> String {
        guard let value = self[column] else { throw decodingError(column) }
        return value
    }

    public func int(_ column: String) throws -> Int64 {
        guard let value = self[column], let number = Int64(value) else { throw decodingError(column) }
        return number
    }

    public func optionalInt(_ column: String) throws -> Int64? {
        try isNull(column) ? nil : int(column)
    }

    public func double(_ column: String) throws -> Double {
        guard let value = self[column], let number = Double(value) else { throw decodingError(column) }
        return number
    }

    public func optionalDouble(_ column: String) throws -> Double? {
        try isNull(column) ? nil : double(column)
    }

    public func bool(_ column: String) throws -> Bool {
        switch self[column] {
        case "t": return true
        case "f": return false
        default: throw decodingError(column)
        }
    }

    public func date(_ column: String) throws -> Date {
        guard let value = self[column], let date = PostgresTimestamp.parse(value) else { throw decodingError(column) }
        return date
    }

    public func optionalDate(_ column: String) throws -> Date? {
        try isNull(column) ? nil : date(column)
    }

    /// Decodes a bytea column in hex format.
    public func bytes(_ column: String) throws -> Data {
        guard let value = self[column], value.hasPrefix("\\x") else { throw decodingError(column) }
        let hex = Array(value.utf8.dropFirst(2))
        guard hex.count % 2 == 0 else { throw decodingError(column) }
        var data = Data(capacity: hex.count / 2)
        var i = 0
        while i < hex.count {
            guard let byte = UInt8(String(decoding: hex[i..<(i + 2)], as: UTF8.self), radix: 16) else { throw decodingError(column) }
            data.append(byte)
            i += 2
        }
        return data
    }

    private func decodingError(_ column: String) -> DatabaseError {
        DatabaseError(.decodingFailed, serverMessage: "column \(column)")
    }
}
