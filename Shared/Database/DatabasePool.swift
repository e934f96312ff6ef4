import Logging

/// A bounded pool of PostgreSQL connections. Connections are opened lazily, reopened after a failure,
/// and each runs its blocking libpq calls on its own executor; callers wait when all are busy.
public actor DatabasePool {
    public struct Configuration: Sendable {
        /// libpq connection string or URL; never logged (it may hold a password).
        public var conninfo: String
        public var maximumConnections: Int

        public init(conninfo: String, maximumConnections: Int = 8) {
            self.conninfo = conninfo
            self.maximumConnections = max(1, maximumConnections)
        }
    }

    private let configuration: Configuration
    private var idle: [DatabaseConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<DatabaseConnection, any Error>] = []
    private var closed = false

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Runs `body` isolated to a leased connection and returns the connection to the pool.
    /// A connection that failed is closed so the next lease reconnects.
    @discardableResult
    public func withConnection<R: Sendable>(_ body: @Sendable (isolated DatabaseConnection) throws -> R) async throws -> R {
        let connection = try await lease()
        do {
            let result = try await connection.run(body)
            await release(connection)
            return result
        } catch {
            if let error = error as? DatabaseError, error.code == .connectionFailed { await connection.close() }
            await release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a leased connection.
    @discardableResult
    public func transaction<R: Sendable>(_ body: @Sendable (isolated DatabaseConnection) throws -> R) async throws -> R {
        try await withConnection { connection in try connection.transaction(body) }
    }

    /// True when a trivial query succeeds (readiness checks).
    public func ping() async -> Bool {
        (try? await withConnection { try $0.query("SELECT 1") }) != nil
    }

    /// Closes idle connections and fails waiters; leased connections close when returned.
    public func close() async {
        closed = true
        let connections = idle
        idle = []
        for connection in connections { await connection.close() }
        waiters.forEach { $0.resume(throwing: DatabaseError(.poolClosed)) }
        waiters = []
    }

    private func lease() async throws -> DatabaseConnection {
        guard !closed else { throw DatabaseError(.poolClosed) }
        if let connection = idle.popLast() { return connection }
        if opened < configuration.maximumConnections {
            opened += 1
            return DatabaseConnection(conninfo: configuration.conninfo, label: "burstwire.db.\(opened)")
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    private func release(_ connection: DatabaseConnection) async {
        if closed {
            await connection.close()
        } else if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }
}
