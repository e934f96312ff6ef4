/// Operator actions on queues (depth, purge, delete, dead-letter replay), each over a short-lived connection.
public struct BrokerAdmin: Sendable {
    public let address: BrokerAddress

    public init(address: BrokerAddress) {
        self.address = address
    }

    /// Messages ready for delivery in `queue` (not counting unacknowledged ones).
    public func messageCount(queue: String) async throws -> Int {
        try await withConnection { Int(try $0.messageCount(queue: queue)) }
    }

    public func purge(queue: String) async throws {
        try await withConnection { try $0.purge(queue: queue) }
    }

    public func deleteQueue(_ queue: String) async throws {
        try await withConnection { try $0.deleteQueue(queue) }
    }

    private func withConnection<R: Sendable>(_ body: @escaping @Sendable (AMQPConnection) throws -> R) async throws -> R {
        let address = self.address
        return try await offloaded {
            let connection = try AMQPConnection(address: address)
            defer { connection.close() }
            try connection.openChannel(AMQPConnection.probeChannel)
            return try body(connection)
        }
    }
}
