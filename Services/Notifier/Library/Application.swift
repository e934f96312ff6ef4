import Database
import Foundation
import HTTPClient
import Hummingbird
import Logging
import Messaging
import ServiceRuntime

/// The parts of a running notifier that tests and the executable share.
public struct NotifierServices: Sendable {
    public let pool: DatabasePool
    public let publisher: EventPublisher
    public let consumer: EventConsumer
}

/// Builds the notifier: migrates its ledger, opens its consumer (queue `notifier`) and the publisher of
/// `notification.*` and `tns.name.assigned` events, and returns the HTTP application (health and
/// metrics) running them as its services.
public func buildApplication(configuration: NotifierConfiguration, logger: Logger = Logger(label: "notifier")) async throws
    -> (application: some ApplicationProtocol, services: NotifierServices) {
    let metrics = Observability.bootstrapMetrics()
    let brokers = try configuration.voeventBrokers()
    let pool = DatabasePool(configuration: .init(conninfo: configuration.database.url.value,
                                                 maximumConnections: configuration.database.maxConnections ?? 4))
    try await NotifierSchema.migrator.migrate(pool)

    let broker = try WorkerConnections(configuration.amqp, service: ServiceQueues.notifier, defaultPrefetch: 20, logger: logger)
    let (publisher, consumer) = (broker.publisher, broker.consumer)
    let outbox = URL(fileURLWithPath: configuration.outboxDirectory)
    let http = HTTPClient(logger: logger)
    let run = DeliveryRun(ledger: DeliveryLedger(pool: pool), publisher: publisher, exchange: broker.topology.exchange, logger: logger)
    let channels = NotifierChannels.make(configuration: configuration, brokers: brokers, run: run, pool: pool, http: http,
                                         outbox: outbox, logger: logger)
    let notifier = FRBNotifier(
        pool: pool, run: run,
        slack: SlackSender(settings: configuration.slack, outbox: Outbox(directory: outbox.appendingPathComponent("slack")), http: http),
        channels: channels.channels, catalogURL: configuration.notifier?.catalogUrl,
        retractAfterRejects: configuration.retractAfterRejects, logger: logger)

    let readiness = broker.readiness(pool: pool, migrator: NotifierSchema.migrator)
    let router = Router()
    OperationsRoutes.add(to: router, readiness: readiness, metrics: metrics)
    let application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "burstwire-notifier"),
        services: [PublisherService(publisher), DatabasePoolService(pool),
                   MessageHandlerService(consumer: consumer) { message, consumer in await notifier.handle(message, consumer: consumer) }]
            + channels.services,
        logger: logger)
    return (application, NotifierServices(pool: pool, publisher: publisher, consumer: consumer))
}
