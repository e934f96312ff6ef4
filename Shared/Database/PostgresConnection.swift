import CLibPQ
import Foundation

/// One libpq connection. libpq calls block and a PGconn is not thread-safe, so it is owned by exactly
/// one `DatabaseConnection` actor, whose executor is a private DispatchQueue.
final class PostgresConnection {
    private var handle: OpaquePointer?
    private let conninfo: String

    init(conninfo: String) {
        self.conninfo = conninfo
    }

    deinit { close() }

    var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    func connectIfNeeded() throws {
        if isOpen { return }
        close()
        let connection = PQconnectdb(conninfo)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            if let connection { PQfinish(connection) }
            throw DatabaseError(.connectionFailed)
        }
        // Server notices ("relation already exists, skipping") would otherwise go to stderr unasked.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Runs one statement with text-format parameters ($1, $2, ...).
    func execute(_ sql: String, _ parameters: [String?]) throws -> QueryResult {
        try connectIfNeeded()
        let result = withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try consume(result)
    }

    /// Runs a parameterless script, possibly several statements (migrations).
    func executeScript(_ sql: String) throws {
        try connectIfNeeded()
        _ = try consume(PQexec(handle, sql))
    }

    /// Streams rows into `table` with COPY FROM STDIN in text format.
    func copy(into table: String, columns: [String], rows: [[String?]]) throws -> Int {
        try connectIfNeeded()
        let quotedColumns = columns.map(quoteIdentifier).joined(separator: ", ")
        let start = PQexec(handle, "COPY \(quoteQualified(table)) (\(quotedColumns)) FROM STDIN")
        guard PQresultStatus(start) == PGRES_COPY_IN else { return try consume(start).affectedRows }
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256 * 1024)
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let rc = buffer.withUnsafeBufferPointer { buf in
                buf.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
            guard rc == 1 else { throw DatabaseError(.copyFailed) }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (i, value) in row.enumerated() {
                if i > 0 { buffer.append(0x09) }
                appendCopyText(value, to: &buffer)
            }
            buffer.append(0x0A)
            if buffer.count >= 256 * 1024 { try flush() }
        }
        try flush()
        guard PQputCopyEnd(handle, nil) == 1 else { throw DatabaseError(.copyFailed) }
        let end = try consume(PQgetResult(handle))
        while let extra = PQgetResult(handle) { PQclear(extra) }
        return end.affectedRows
    }

    private func consume(_ result: OpaquePointer?) throws -> QueryResult {
        guard let result else {
            throw DatabaseError(isOpen ? .queryFailed : .connectionFailed)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            if state == nil && !isOpen { throw DatabaseError(.connectionFailed, serverMessage: message) }
            throw DatabaseError.fromSQLState(state, message: message)
        }
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        var columns: [String] = []
        var index: [String: Int] = [:]
        for c in 0..<columnCount {
            let name = String(cString: PQfname(result, Int32(c)))
            columns.append(name)
            if index[name] == nil { index[name] = c }
        }
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, Int32(r), Int32(c)))
                    let pointer = UnsafeRawPointer(PQgetvalue(result, Int32(r), Int32(c))!)
                    values.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
                }
            }
            rows.append(Row(columnIndex: index, values: values))
        }
        let tuples = String(cString: PQcmdTuples(result))
        return QueryResult(columns: columns, rows: rows, affectedRows: Int(tuples) ?? 0)
    }
}

/// Lends C strings for the parameters (nil = SQL NULL) for the duration of `body`.
private func withCStrings<R>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let owned: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0) } }
    defer { owned.forEach { free($0) } }
    return body(owned.map { $0.map { UnsafePointer($0) } })
}

/// COPY text format: backslash escapes for the delimiter, newlines and backslash; `\N` is NULL.
private func appendCopyText(_ value: String?, to buffer: inout [UInt8]) {
    guard let value else {
        buffer.append(contentsOf: [0x5C, 0x4E])
        return
    }
    for byte in value.utf8 {
        switch byte {
        case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
        case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
        case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
        default: buffer.append(byte)
        }
    }
}

func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Quotes `schema.table` part by part.
func quoteQualified(_ name: String) -> String {
    name.split(separator: ".").map { quoteIdentifier(String($0)) }.joined(separator: ".")
}
