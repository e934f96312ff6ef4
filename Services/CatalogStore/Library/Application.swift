import Database
import Hummingbird
import Identity
import Logging
import Messaging
import ServiceRuntime

/// The parts of a running catalog-store that tests and the executable share.
public struct CatalogServices: Sendable {
    public let pool: DatabasePool
    public let publisher: EventPublisher
    public let consumer: EventConsumer
    public let identities: IdentityStore
    /// "METHOD /path" of every HTTP route, for the OpenAPI check.
    public let routes: [String]
}

/// Builds catalog-store: migrates the catalogue, opens its consumer (queue `catalog-store`) and the
/// publisher of `*.stored` events, and returns the HTTP application (read API, pages, health and
/// metrics) running them as its services.
public func buildApplication(configuration: CatalogConfiguration, logger: Logger = Logger(label: "catalog-store")) async throws
    -> (application: some ApplicationProtocol, services: CatalogServices) {
    let metrics = Observability.bootstrapMetrics()
    let pool = DatabasePool(configuration: .init(conninfo: configuration.database.url.value,
                                                 maximumConnections: configuration.database.maxConnections ?? 8))
    try await CatalogSchema.migrator.migrate(pool)
    try await IdentityStore.migrator.migrate(pool)
    let identities = IdentityStore(pool: pool)

    let broker = try WorkerConnections(configuration.amqp, service: ServiceQueues.catalogStore, defaultPrefetch: 500, logger: logger)
    let (publisher, consumer) = (broker.publisher, broker.consumer)
    let ingestion = CatalogIngestion(
        consumer: consumer, publisher: publisher, pool: pool,
        writer: CatalogWriter(exchange: broker.topology.exchange, mediaBaseURL: configuration.mediaBaseURL),
        batchSize: configuration.batchSize, orphanRetry: configuration.orphanRetry,
        deliveryLimit: broker.queue.deliveryLimit, logger: logger)

    let readiness = broker.readiness(pool: pool, migrator: CatalogSchema.migrator)

    let router = Router()
    OperationsRoutes.add(to: router, readiness: readiness, metrics: metrics)
    let reads = ReadRoutes(pool: pool, access: ReadAccess(identities: identities, publicPages: configuration.publicPages),
                           mediaBaseURL: configuration.mediaBaseURL)
    reads.add(to: router)
    PageRoutes(reads: reads).add(to: router)
    router.get("openapi.json") { _, _ in JSONText.response(CatalogOpenAPI.json) }
    let application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "burstwire-catalog-store"),
        services: [PublisherService(publisher), DatabasePoolService(pool), ingestion],
        logger: logger)
    return (application, CatalogServices(pool: pool, publisher: publisher, consumer: consumer, identities: identities,
                                                  routes: router.routes.map { "\($0.method) \($0.path)" }))
}
