/// A PostgreSQL session isolated to its own serial executor, so blocking libpq calls run off the
/// cooperative pool. Code handed a connection by `DatabasePool.withConnection` runs isolated to it and
/// can issue several statements without an actor hop per statement.
public actor DatabaseConnection {
    private let executor: DispatchQueueExecutor
    private let connection: PostgresConnection
    private var transactionDepth = 0

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(conninfo: String, label: String) {
        executor = DispatchQueueExecutor(label: label)
        connection = PostgresConnection(conninfo: conninfo)
    }

    /// Runs `body` isolated to this connection (connecting first if needed).
    func run<R: Sendable>(_ body: @Sendable (isolated DatabaseConnection) throws -> R) throws -> R {
        try connection.connectIfNeeded()
        return try body(self)
    }

    var isOpen: Bool { connection.isOpen }

    func close() { connection.close() }

    /// Runs a parameterised statement and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresBindable] = []) throws -> QueryResult {
        try connection.execute(sql, parameters.map(\.postgresText))
    }

    /// Runs a parameterless script that may hold several statements (for migrations).
    public func executeScript(_ sql: String) throws {
        try connection.executeScript(sql)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints.
    public func transaction<R>(_ body: (isolated DatabaseConnection) throws -> R) throws -> R {
        let savepoint = transactionDepth > 0 ? "sp\(transactionDepth)" : nil
        try query(savepoint.map { "SAVEPOINT \($0)" } ?? "BEGIN")
        transactionDepth += 1
        do {
            let result = try body(self)
            transactionDepth -= 1
            try query(savepoint.map { "RELEASE SAVEPOINT \($0)" } ?? "COMMIT")
            return result
        } catch {
            transactionDepth -= 1
            if connection.isOpen {
                _ = try? query(savepoint.map { "ROLLBACK TO SAVEPOINT \($0)" } ?? "ROLLBACK")
            }
            throw error
        }
    }

    /// Bulk-loads rows with COPY FROM STDIN (text format); values are text-format strings or nil for NULL.
    @discardableResult
    public func copy(into table: String, columns: [String], rows: [[String?]]) throws -> Int {
        try connection.copy(into: table, columns: columns, rows: rows)
    }
}
