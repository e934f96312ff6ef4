import Database
import Foundation
import HTTPClient
import Hummingbird
import Logging
import Messaging
import Schema
import ServiceRuntime

/// The parts of a running telescope-trigger that tests and the executable share.
public struct TriggerServices: Sendable {
    public let pool: DatabasePool
    public let publisher: EventPublisher
    public let consumer: EventConsumer
}

/// Builds telescope-trigger: reads the proposals (and their secure keys from the environment), migrates
/// the trigger ledger, opens its consumer (queue `telescope-trigger`) and publisher, and returns the HTTP
/// application (health and metrics) running them as its services.
public func buildApplication(configuration: TriggerConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment,
                             clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "telescope-trigger")) async throws
    -> (application: some ApplicationProtocol, services: TriggerServices) {
    let metrics = Observability.bootstrapMetrics()
    let (rules, keys) = try TriggerRules.load(path: configuration.rulesFile, environment: environment)
    let pool = DatabasePool(configuration: .init(conninfo: configuration.database.url.value,
                                                 maximumConnections: configuration.database.maxConnections ?? 4))
    try await TriggerSchema.migrator.migrate(pool)

    let broker = try WorkerConnections(configuration.amqp, service: ServiceQueues.telescopeTrigger, defaultPrefetch: 50, logger: logger)
    let (publisher, consumer) = (broker.publisher, broker.consumer)
    let events = TriggerEvents(publisher: publisher, exchange: broker.topology.exchange, logger: logger)
    let limits = Dictionary(rules.proposals.map { ($0.proposalId, $0.repointingLimit) }, uniquingKeysWith: { first, _ in first })
    let execution = TriggerExecution(pool: pool, mwa: MWAClient(baseURL: configuration.mwaBaseURL, http: HTTPClient(logger: logger)),
                                     events: events, repointingLimits: limits, logger: logger, clock: clock)
    let frbs = FRBTriggers(pool: pool, proposals: rules.frbProposals, keys: keys, execution: execution, logger: logger, clock: clock)
    let alerts = AlertTriggers(pool: pool, proposals: rules.proposals, keys: keys, execution: execution, logger: logger, clock: clock)
    let approvals = TriggerApprovals(pool: pool, keys: keys, execution: execution, logger: logger, clock: clock)

    let readiness = broker.readiness(pool: pool, migrator: TriggerSchema.migrator)
    let router = Router()
    OperationsRoutes.add(to: router, readiness: readiness, metrics: metrics)
    let application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "burstwire-telescope-trigger"),
        services: [PublisherService(publisher), DatabasePoolService(pool),
                   // Different FRBs are independent, and the ledger keeps any one decision single.
                   MessageHandlerService(consumer: consumer, concurrency: 16) { message, consumer in
                       switch message.eventType {
                       case EventType.voeventStored.rawValue:
                           await alerts.handle(message, consumer: consumer)
                       case EventType.frbMeasurementStored.rawValue:
                           await frbs.handle(message, consumer: consumer)
                       case EventType.triggerApprovalReceived.rawValue:
                           await approvals.handle(message, consumer: consumer)
                       default:
                           logger.warning("no handler; dead-lettering", metadata: ["event": "\(message.messageID)", "type": "\(message.eventType)"])
                           consumer.reject(message)
                       }
                   }],
        logger: logger)
    return (application, TriggerServices(pool: pool, publisher: publisher, consumer: consumer))
}
