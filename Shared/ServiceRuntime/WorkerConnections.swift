import Database
import Logging
import Messaging

/// A consuming service's place on the broker — the suite's topology, its own work queue, a confirmed
/// publisher and the queue's consumer — built the same way for every worker, with the readiness checks
/// each worker reports.
public struct WorkerConnections: Sendable {
    public let topology: BrokerTopology
    /// The work queue, its name prefixed by `amqp.queue_prefix`.
    public let queue: BrokerTopology.Queue
    public let publisher: EventPublisher
    public let consumer: EventConsumer

    /// `service` is one of `ServiceQueues`; `defaultPrefetch` applies unless `amqp.prefetch` is set.
    public init(_ settings: AMQPSettings, service: BrokerTopology.Queue, defaultPrefetch: Int, logger: Logger) throws {
        topology = ServiceQueues.topology(settings)
        let name = (settings.queuePrefix ?? "") + service.name
        queue = topology.queues.first { $0.name == name }!
        let address = try settings.brokerAddress()
        publisher = EventPublisher(configuration: .init(address: address, topology: topology, confirmTimeout: settings.confirmTimeout,
                                                        logger: logger))
        consumer = EventConsumer(configuration: .init(address: address, queue: queue.name, topology: topology,
                                                      prefetch: UInt16(clamping: settings.prefetch ?? defaultPrefetch), logger: logger))
    }

    /// Ready while the broker connections hold, the database answers and its migrations are current.
    public func readiness(pool: DatabasePool, migrator: Migrator) -> Readiness {
        let readiness = Readiness()
        readiness.register(publisher: publisher)
        readiness.register(consumer: consumer, queue: queue.name)
        readiness.register(database: pool)
        readiness.register(migrations: migrator, pool: pool)
        return readiness
    }
}
