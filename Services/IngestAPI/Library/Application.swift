import Database
import Hummingbird
import Identity
import Logging
import Messaging
import ServiceLifecycle
import ServiceRuntime

/// The parts of a running ingest-api that tests and the executable share.
public struct IngestServices: Sendable {
    public let pool: DatabasePool
    public let publisher: EventPublisher
    public let identities: IdentityStore
    /// Every route as "METHOD /path", for keeping the OpenAPI document in step.
    public let routes: [String]
    let vtp: VTPServer

    /// The VTP listener's bound port, once the application runs.
    public var vtpPort: Int? {
        get async { await vtp.localPort }
    }
}

/// Builds ingest-api: migrates its tables and the identity store, opens the confirmed publisher,
/// and returns the HTTP application (with the VTP listener, publisher and pool as its services).
public func buildApplication(configuration: IngestConfiguration, logger: Logger = Logger(label: "ingest-api")) async throws
    -> (application: some ApplicationProtocol, services: IngestServices) {
    let metrics = Observability.bootstrapMetrics()
    let pool = DatabasePool(configuration: .init(conninfo: configuration.database.url.value,
                                                 maximumConnections: configuration.database.maxConnections ?? 16))
    try await IngestSchema.migrator.migrate(pool)
    try await IdentityStore.migrator.migrate(pool)
    let identities = IdentityStore(pool: pool, cacheLifetime: .seconds(configuration.ingest.credentialCacheSeconds ?? 60))

    let topology = ServiceQueues.topology(configuration.amqp)
    let publisher = EventPublisher(configuration: .init(
        address: try configuration.amqp.brokerAddress(), topology: topology,
        confirmTimeout: configuration.amqp.confirmTimeout, logger: logger))
    let events = EventPublishing(publisher: publisher, exchange: topology.exchange)
    let media = try MediaStore(directory: configuration.mediaDirectory)
    let authenticator = RequestAuthenticator(identities: identities)
    let bodies = RequestBodyReader(limit: configuration.maxBodyBytes)
    let intake = VOEventIntake(pool: pool, events: events, logger: logger)
    let registry = IdentifierRegistry(pool: pool)
    let uploads = FRBUploads(registry: registry, media: media, events: events, maxImageBytes: configuration.maxImageBytes,
                             publicBaseURL: configuration.publicBaseURL, retryAfter: configuration.retryAfterSeconds)

    let readiness = Readiness()
    readiness.register(publisher: publisher)
    readiness.register(database: pool)
    readiness.register(migrations: IngestSchema.migrator, pool: pool)

    let router = Router(context: IngestRequestContext.self)
    OperationsRoutes.add(to: router, readiness: readiness, metrics: metrics)
    OpenAPIRoute.add(to: router)
    MediaRoutes(media: media).add(to: router)
    CompatRoutes(uploads: uploads, authenticator: authenticator, bodies: bodies).add(to: router)
    NativeRoutes(uploads: uploads, authenticator: authenticator, bodies: bodies, idempotency: IdempotencyKeys(pool: pool)).add(to: router)
    VOEventRoutes(intake: intake, authenticator: authenticator, bodies: bodies, retryAfter: configuration.retryAfterSeconds).add(to: router)
    SlackRoutes(events: events, verifier: configuration.ingest.slackSigningSecret.map { SlackRequestVerifier(signingSecret: $0.value) },
                bodies: bodies, retryAfter: configuration.retryAfterSeconds).add(to: router)
    TransientRoutes(events: events, authenticator: authenticator, bodies: bodies, retryAfter: configuration.retryAfterSeconds).add(to: router)

    let vtp = VTPServer(configuration: .init(host: configuration.vtpHost, port: configuration.vtpPort, localIVO: configuration.localIVO),
                        logger: logger) { submission in
        switch await intake.submit(submission.bytes, via: .vtp, remoteAddress: submission.remoteAddress) {
        case .accepted(let ivorn), .duplicate(let ivorn):
            return .accept(ivorn: ivorn)
        case .rejected(let ivorn, let reason):
            return .reject(ivorn: ivorn, reason: reason)
        case .unavailable(let ivorn, let reason):
            return .reject(ivorn: ivorn, reason: "Event not accepted, retry later: \(reason)")
        }
    }

    let application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "burstwire-ingest-api"),
        services: [PublisherService(publisher), vtp, DatabasePoolService(pool)],
        logger: logger)
    let routes = router.routes.map { "\($0.method) \($0.path)" }
    return (application, IngestServices(pool: pool, publisher: publisher, identities: identities, routes: routes, vtp: vtp))
}
