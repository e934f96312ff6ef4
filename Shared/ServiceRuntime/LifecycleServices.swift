import Database
import Logging
import Messaging
import ServiceLifecycle

/// Keeps a publisher open for the life of the service group; on graceful shutdown it waits for
/// outstanding confirms before closing.
public struct PublisherService: Service {
    let publisher: EventPublisher

    public init(_ publisher: EventPublisher) {
        self.publisher = publisher
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await publisher.shutdown()
    }
}

/// Closes the pool when the service group shuts down.
public struct DatabasePoolService: Service {
    let pool: DatabasePool

    public init(_ pool: DatabasePool) {
        self.pool = pool
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await pool.close()
    }
}

/// Feeds a consumer's messages to a handler, up to `concurrency` at a time (1: strictly in order). The
/// handler settles each message (ack after commit, nack to retry, reject to dead-letter). On graceful
/// shutdown consumption stops, messages already delivered are still handled and settled, and then the
/// service returns.
public struct MessageHandlerService: Service {
    public typealias Handler = @Sendable (IncomingMessage, EventConsumer) async -> Void
    let consumer: EventConsumer
    let concurrency: Int
    let handler: Handler

    public init(consumer: EventConsumer, concurrency: Int = 1, handler: @escaping Handler) {
        self.consumer = consumer
        self.concurrency = max(1, concurrency)
        self.handler = handler
    }

    public func run() async throws {
        let (consumer, handler, concurrency) = (self.consumer, self.handler, self.concurrency)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for await message in consumer.messages {
                    if running == concurrency {
                        await group.next()
                        running -= 1
                    }
                    group.addTask { await handler(message, consumer) }
                    running += 1
                }
            }
        } onGracefulShutdown: {
            Task { await consumer.stop() }
        }
    }
}

/// Runs a service's long-lived parts in one ServiceGroup that shuts down gracefully on SIGTERM or SIGINT.
public enum ServiceRunner {
    public static func run(_ services: [any Service], logger: Logger) async throws {
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
