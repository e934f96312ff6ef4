import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime
import Simulators
import Synchronization
import TestSupport
@testable import TelescopeTrigger

/// One telescope-trigger per test on a private exchange and queue prefix, pointed at the MWA simulator,
/// with a clock set to a moment when the example FRB is high at the MWA, and every log line kept.
struct TriggerHarness {
    let bus = TestBus("trg")
    var prefix: String { bus.prefix }
    let configuration: TriggerConfiguration
    /// The configuration as YAML, for running the real executable.
    let yaml: String
    let rulesFile: URL
    let secureKey = "simulated-secure-key"
    let logs = LogRecorder()
    /// The simulated "now" runs from `start` as the wall clock runs.
    let start: Date
    let clock: @Sendable () -> Date

    /// `frbPretend` and `frbPriority` set the FRB proposal's; the GRB proposal is always pretend.
    init(simulators: SimulatorServer, start: Date, frbPretend: Bool = true, frbPriority: Int = 1, frbHorizonLimit: Int = 20) throws {
        let prefix = bus.prefix
        rulesFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-rules.yaml")
        try """
            frb_proposals:
              - proposal_id: frb-mwa-\(prefix)
                project_id: G0055
                secure_key_env: BURSTWIRE_TEST_MWA_KEY
                min_sn: 10
                min_dm: 100
                horizon_limit: \(frbHorizonLimit)
                freqspecs: "145,24"
                pretend: \(frbPretend)
                priority: \(frbPriority)
            proposals:
              - proposal_id: grb-\(prefix)
                project_id: G0055
                secure_key_env: BURSTWIRE_TEST_MWA_KEY
                telescope: MWA_VCS
                source_type: GRB
                testing: PRETEND_REAL
                event_min_duration: 0.256
                event_max_duration: 1.027
                fermi_prob: 50.0
                maximum_position_uncertainty: 15.0
                mwa_horizon_limit: 10.0
                mwa_freqspecs: "121,24"
                mwa_exptime: 896
            """.write(to: rulesFile, atomically: true, encoding: .utf8)
        yaml = bus.yaml(logLevel: "debug") + """

            trigger:
              port: 0
              rules_file: \(rulesFile.path)
            mwa:
              base_url: \(simulators.mwaBaseURL)
            """
        configuration = try ConfigurationLoader(environment: [:]).load(TriggerConfiguration.self, yaml: yaml)
        self.start = start
        let wall = Date()
        clock = { start.addingTimeInterval(Date().timeIntervalSince(wall)) }
    }

    var environment: [String: String] { ["BURSTWIRE_TEST_MWA_KEY": secureKey] }
    var address: BrokerAddress { get throws { try configuration.amqp.brokerAddress() } }
    var topology: BrokerTopology { ServiceQueues.topology(configuration.amqp) }
    var logger: Logger { Logger(label: "telescope-trigger") { _ in logs } }

    func publisher() throws -> EventPublisher {
        EventPublisher(configuration: .init(address: try address, topology: topology))
    }

    /// Decisions and MWA calls.
    func observer() async throws -> EventConsumer {
        try await bus.observer(bindings: ["trigger.#"], prefetch: 100)
    }

    func message<P: EventPayload>(_ payload: P, id: String = UUID().uuidString.lowercased()) throws -> OutgoingMessage {
        try bus.message(payload, id: id)
    }

    func cleanUp() async {
        try? FileManager.default.removeItem(at: rulesFile)
        await bus.cleanUp(topology)
    }
}

/// Keeps every log line, with its metadata, so a test can say what was (and was not) logged.
final class LogRecorder: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func log(event: LogEvent) {
        let metadata = (self.metadata.merging(event.metadata ?? [:]) { $1 }).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.withLock { $0.append("\(event.level) \(event.message) \(metadata)") }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
