/// The exchanges and queues every Burstwire service agrees on. Declaring it is idempotent, so each
/// service declares all of it at start: a publisher never races a consumer's first start, and no event
/// is routed to nowhere.
public struct BrokerTopology: Sendable, Equatable {
    /// A service's work queue: durable, quorum (replicated, delivery-limited), with its own dead-letter queue.
    public struct Queue: Sendable, Equatable {
        public var name: String
        /// Topic patterns bound to the event exchange, e.g. `#.received.*`.
        public var bindings: [String]
        /// Deliveries after which the broker parks a message in the dead-letter queue instead of redelivering it.
        public var deliveryLimit: Int

        public init(name: String, bindings: [String], deliveryLimit: Int = 5) {
            self.name = name
            self.bindings = bindings
            self.deliveryLimit = deliveryLimit
        }

        /// Where poison messages of this queue are parked for inspection and replay.
        public var deadLetterQueue: String { name + ".dlq" }
    }

    public var exchange: String
    public var deadLetterExchange: String
    public var queues: [Queue]

    public init(exchange: String = "burstwire.events", deadLetterExchange: String = "burstwire.dlx", queues: [Queue]) {
        self.exchange = exchange
        self.deadLetterExchange = deadLetterExchange
        self.queues = queues
    }

    func declare(on connection: AMQPConnection) throws {
        try connection.declareExchange(exchange, type: "topic")
        try connection.declareExchange(deadLetterExchange, type: "direct")
        for queue in queues {
            try connection.declareQueue(queue.deadLetterQueue, arguments: [("x-queue-type", .string("quorum"))])
            try connection.bind(queue: queue.deadLetterQueue, exchange: deadLetterExchange, routingKey: queue.name)
            try connection.declareQueue(queue.name, arguments: [
                ("x-queue-type", .string("quorum")),
                ("x-delivery-limit", .int(Int64(queue.deliveryLimit))),
                ("x-dead-letter-exchange", .string(deadLetterExchange)),
                ("x-dead-letter-routing-key", .string(queue.name)),
            ])
            for pattern in queue.bindings {
                try connection.bind(queue: queue.name, exchange: exchange, routingKey: pattern)
            }
        }
    }

    /// Connects, declares everything, and disconnects.
    public func declare(at address: BrokerAddress) async throws {
        try await offloaded {
            let connection = try AMQPConnection(address: address)
            defer { connection.close() }
            try declare(on: connection)
        }
    }
}
