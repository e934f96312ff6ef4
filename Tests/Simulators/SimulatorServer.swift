import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The outside world in one process: Slack, TNS and the MWA on one loopback HTTP port (Slack's webhook
/// at `/webhook/…`, its Web API at `/api`, TNS at `/tns/api`, the MWA at `/trigger`) and a VTP broker
/// on another, until `stop()`. `GET /simulator/record` tells what each received.
public final class SimulatorServer: Sendable {
    public let slack: SlackSimulator
    public let tns: TNSSimulator
    public let broker: VTPBrokerSimulator
    public let mwa: MWASimulator
    public let httpPort: Int
    public let vtpPort: Int
    private let task: Task<Void, any Error>

    public var slackAPIURL: String { "http://127.0.0.1:\(httpPort)/api" }
    public var slackWebhookURL: String { "http://127.0.0.1:\(httpPort)/webhook/T000/B000/simulated" }
    public var tnsBaseURL: String { "http://127.0.0.1:\(httpPort)/tns/api" }
    public var mwaBaseURL: String { "http://127.0.0.1:\(httpPort)/trigger" }

    private init(slack: SlackSimulator, tns: TNSSimulator, broker: VTPBrokerSimulator, mwa: MWASimulator, httpPort: Int, vtpPort: Int,
                 task: Task<Void, any Error>) {
        self.slack = slack
        self.tns = tns
        self.broker = broker
        self.mwa = mwa
        self.httpPort = httpPort
        self.vtpPort = vtpPort
        self.task = task
    }

    /// Starts everything on free ports (or the ones given) and returns once both listen.
    public static func start(httpPort: Int = 0, vtpPort: Int = 0, tnsPendingPolls: Int = 2,
                             logger: Logger = SimulatorServer.quietLogger) async throws -> SimulatorServer {
        let slack = SlackSimulator()
        let tns = TNSSimulator(pendingPolls: tnsPendingPolls)
        let broker = VTPBrokerSimulator(port: vtpPort, logger: logger)
        let mwa = MWASimulator()
        let router = Router()
        slack.addRoutes(to: router)
        tns.addRoutes(to: router, prefix: "tns/api")
        mwa.addRoutes(to: router)
        SimulatorRecord.addRoute(to: router, slack: slack, tns: tns, mwa: mwa, broker: broker)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: httpPort), serverName: "simulators"),
            services: [broker.server],
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let task = Task {
            // Ends the port stream however the server stops, so `start` never waits on a server that failed.
            defer { continuation.finish() }
            try await application.runService(gracefulShutdownSignals: [])
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), let vtp = await broker.server.localPort else {
            task.cancel()
            throw SimulatorStartFailed()
        }
        return SimulatorServer(slack: slack, tns: tns, broker: broker, mwa: mwa, httpPort: port, vtpPort: vtp, task: task)
    }

    /// The `slack`, `tns` and `voevent` configuration sections pointing a notifier at these simulators,
    /// Slack through its Web API (`bot`) or its webhook.
    public func destinationsYAML(slackBot: Bool = true, stream: String) -> String {
        let slack = slackBot ? """
            slack:
              bot_token: \(self.slack.botToken)
              channel: C0FRB
              api_url: \(slackAPIURL)
            """ : """
            slack:
              webhook_url: \(slackWebhookURL)
            """
        return slack + """

            tns:
              base_url: \(tnsBaseURL)
              api_key: \(tns.apiKey)
              bot_id: \(tns.botId)
              bot_name: \(tns.botName)
              reporting_group_id: 58
              discovery_data_source_id: 58
              reporter: Burstwire tests
              instrument_value: 239
              filter_value: 129
            voevent:
              brokers: 127.0.0.1:\(vtpPort)
              authority: burstwire.test
              stream: \(stream)
            """
    }

    /// Stopping is expected; only real trouble is worth a line.
    public static var quietLogger: Logger {
        var logger = Logger(label: "simulators")
        logger.logLevel = .critical
        return logger
    }

    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

public struct SimulatorStartFailed: Error {}
