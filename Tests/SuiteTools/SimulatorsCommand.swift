import ArgumentParser
import Foundation
import Simulators

/// Slack, TNS and the MWA on one HTTP port and a VOEvent broker on another, until SIGTERM or SIGINT.
struct SimulatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulators", abstract: "Run the simulated Slack, TNS, MWA and VOEvent broker.")

    @Option(help: "HTTP port for Slack (/api, /webhook), TNS (/tns/api), the MWA (/trigger) and /simulator/record.")
    var httpPort = 18400
    @Option(help: "VTP port of the simulated VOEvent broker.")
    var vtpPort = 18498
    @Option(help: "TNS answers 404 this many times before naming a report.")
    var tnsPendingPolls = 1

    func run() async throws {
        let server = try await SimulatorServer.start(httpPort: httpPort, vtpPort: vtpPort, tnsPendingPolls: tnsPendingPolls)
        print("simulators: http://127.0.0.1:\(server.httpPort) (record at /simulator/record), VTP broker 127.0.0.1:\(server.vtpPort)")
        print("slack bot token: \(server.slack.botToken), TNS api key: \(server.tns.apiKey), MWA G0055 secure key: \(server.mwa.keys["G0055"] ?? "")")
        await Self.untilSignalled()
        await server.stop()
    }

    static func untilSignalled() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        var sources: [any DispatchSourceSignal] = []
        for signo in [SIGTERM, SIGINT] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo)
            source.setEventHandler { continuation.finish() }
            source.resume()
            sources.append(source)
        }
        for await _ in stream {}
        sources.forEach { $0.cancel() }
    }
}
