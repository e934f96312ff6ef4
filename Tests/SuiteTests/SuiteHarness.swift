import Astro
import CatalogStore
import Foundation
import HTTPClient
import Identity
import IngestAPI
import Messaging
import Notifier
import ServiceRuntime
import Simulators
import TelescopeTrigger
import TestSupport

/// The four services in this process on their own exchange and queues, pointed at the simulators, with
/// telescope-trigger's clock set to `start` (running on as the wall clock runs), and a read/ingest user.
struct SuiteHarness {
    static let ports = (ingest: 18_700, catalog: 18_701, notifier: 18_702, trigger: 18_703, vtp: 18_798)
    let bus: TestBus
    let topology: BrokerTopology
    let simulators: SimulatorServer
    let work: URL
    var user: String { "user-\(bus.prefix)" }
    let password = "e2e password \(UUID().uuidString.prefix(8))"
    private let tasks: [Task<Void, any Error>]
    let identities: IdentityStore

    static func start(triggerClockStart start: Date) async throws -> SuiteHarness {
        let simulators = try await SimulatorServer.start(tnsPendingPolls: 1)
        let bus = TestBus("e2e")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(bus.prefix)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let rules = work.appendingPathComponent("rules.yaml")
        try """
            frb_proposals:
              - proposal_id: frb-\(bus.prefix)
                project_id: G0055
                secure_key_env: BURSTWIRE_TEST_MWA_KEY
                min_sn: 10
                min_dm: 100
                horizon_limit: 20
                freqspecs: "145,24"
                pretend: true
            proposals:
              - proposal_id: grb-\(bus.prefix)
                project_id: G0055
                secure_key_env: BURSTWIRE_TEST_MWA_KEY
                telescope: MWA_VCS
                source_type: GRB
                testing: PRETEND_REAL
                maximum_position_uncertainty: 15.0
                mwa_horizon_limit: -90.0
                mwa_freqspecs: "121,24"
                mwa_exptime: 896
            """.write(to: rules, atomically: true, encoding: .utf8)
        let p = ports
        let yaml = bus.yaml(logLevel: "error") + """

            ingest:
              port: \(p.ingest)
              vtp_port: \(p.vtp)
              media_directory: \(work.path)/media
            catalog:
              port: \(p.catalog)
              media_base_url: http://127.0.0.1:\(p.ingest)/media/
            notifier:
              port: \(p.notifier)
              outbox_directory: \(work.path)/outbox
              tns_poll_seconds: 1
            trigger:
              port: \(p.trigger)
              rules_file: \(rules.path)
            mwa:
              base_url: \(simulators.mwaBaseURL)

            """ + simulators.destinationsYAML(stream: bus.prefix)
        let loader = ConfigurationLoader(environment: [:])
        let wall = Date()
        let (ingest, ingestServices) = try await IngestAPI.buildApplication(configuration: try loader.load(IngestConfiguration.self, yaml: yaml))
        let (catalog, _) = try await CatalogStore.buildApplication(configuration: try loader.load(CatalogConfiguration.self, yaml: yaml))
        let (notifier, _) = try await Notifier.buildApplication(configuration: try loader.load(NotifierConfiguration.self, yaml: yaml))
        let (trigger, _) = try await TelescopeTrigger.buildApplication(
            configuration: try loader.load(TriggerConfiguration.self, yaml: yaml), environment: ["BURSTWIRE_TEST_MWA_KEY": "simulated-secure-key"],
            clock: { start.addingTimeInterval(Date().timeIntervalSince(wall)) })
        let tasks = [Task { try await ingest.runService(gracefulShutdownSignals: []) },
                     Task { try await catalog.runService(gracefulShutdownSignals: []) },
                     Task { try await notifier.runService(gracefulShutdownSignals: []) },
                     Task { try await trigger.runService(gracefulShutdownSignals: []) }]
        let topology = ServiceQueues.topology(try loader.load(IngestConfiguration.self, yaml: yaml).amqp)
        let harness = SuiteHarness(bus: bus, topology: topology, simulators: simulators, work: work, tasks: tasks,
                                   identities: ingestServices.identities)
        _ = try await harness.identities.addUser(username: harness.user, password: harness.password, scopes: [.ingest, .read])
        for port in [p.ingest, p.catalog, p.notifier, p.trigger] {
            try await eventually("port \(port) is ready") { try await harness.get("http://127.0.0.1:\(port)/health/ready").status == 200 }
        }
        return harness
    }

    private init(bus: TestBus, topology: BrokerTopology, simulators: SimulatorServer, work: URL, tasks: [Task<Void, any Error>],
                 identities: IdentityStore) {
        self.bus = bus
        self.topology = topology
        self.simulators = simulators
        self.work = work
        self.tasks = tasks
        self.identities = identities
    }

    func get(_ url: String) async throws -> HTTPResponse {
        let authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        return try await HTTPClient().send(HTTPRequest(.get, URL(string: url)!, headers: ["Authorization": authorization]),
                                           timeout: .seconds(10), retry: .none)
    }

    /// A read-API answer as JSON.
    func read(_ path: String) async throws -> [String: Any] {
        let response = try await get("http://127.0.0.1:\(Self.ports.catalog)/api/v1/\(path)")
        return (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    func stop() async {
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.result }
        await simulators.stop()
        await bus.cleanUp(topology)
        try? FileManager.default.removeItem(at: work)
    }
}
