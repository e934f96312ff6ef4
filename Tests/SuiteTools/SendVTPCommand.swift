import ArgumentParser
import Foundation
import VOEvent

/// Sends one VOEvent file over VTP, as a broker or `comet-sendvo` would, and prints the answer.
struct SendVTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send-vtp", abstract: "Send a VOEvent file over VTP and print the ack or nak.")

    @Argument(help: "The VOEvent XML file.")
    var file: String
    @Option var host = "127.0.0.1"
    @Option var port = 8098

    func run() async throws {
        let xml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        do {
            let answer = try await VTPClient(host: host, port: port).send(xml)
            print("\(answer)")
            if case .nak = answer, !answer.isPreviouslySeen { throw ExitCode(1) }
        } catch let error as VTPError {
            FileHandle.standardError.write(Data("send-vtp: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
