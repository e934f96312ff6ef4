/// Why a database operation failed. A struct with an extensible code, as in postgres-nio. Its description
/// carries the code and SQLSTATE only: never SQL text, parameters or connection strings (which hold passwords).
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }
        public static let connectionFailed = Code(name: "connectionFailed")
        public static let queryFailed = Code(name: "queryFailed")
        public static let uniqueViolation = Code(name: "uniqueViolation")
        public static let foreignKeyViolation = Code(name: "foreignKeyViolation")
        public static let serializationFailure = Code(name: "serializationFailure")
        public static let copyFailed = Code(name: "copyFailed")
        public static let decodingFailed = Code(name: "decodingFailed")
        public static let poolClosed = Code(name: "poolClosed")
    }

    public let code: Code
    /// The server's five-character SQLSTATE, when the server reported one.
    public let sqlState: String?
    /// The server's message, for logs at debug level; not part of `description`.
    public let serverMessage: String?

    public init(_ code: Code, sqlState: String? = nil, serverMessage: String? = nil) {
        self.code = code
        self.sqlState = sqlState
        self.serverMessage = serverMessage
    }

    /// True for failures worth retrying on a fresh connection or transaction.
    public var isTransient: Bool {
        code == .connectionFailed || code == .serializationFailure || sqlState == "40P01" || sqlState?.hasPrefix("08") == true
    }

    public var description: String {
        if let sqlState { return "DatabaseError(\(code), sqlState: \(sqlState))" }
        return "DatabaseError(\(code))"
    }

    static func fromSQLState(_ state: String?, message: String?) -> DatabaseError {
        let code: Code = switch state {
        case "23505": .uniqueViolation
        case "23503": .foreignKeyViolation
        case "40001": .serializationFailure
        // Connection exceptions, and the server shutting down or refusing connections (admin or crash
        // shutdown, starting up, too many connections): the connection is gone, the next one may work.
        case let s? where s.hasPrefix("08") || s.hasPrefix("57P") || s == "53300": .connectionFailed
        default: .queryFailed
        }
        return DatabaseError(code, sqlState: state, serverMessage: message)
    }
}
