import ArgumentParser
import Foundation
import Messaging
import ServiceRuntime

/// `ingest-api dead-letters list | replay QUEUE`: the operator's view of the dead-letter queues, and
/// the way back for messages parked there once their cause is fixed.
struct DeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "List the dead-letter queues, or replay one into its work queue.",
        subcommands: [List.self, Replay.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every work queue with the messages parked in its dead-letter queue.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            let amqp = try options.load().amqp
            let admin = BrokerAdmin(address: try amqp.brokerAddress())
            for queue in ServiceQueues.topology(amqp).queues {
                let parked = try await admin.messageCount(queue: queue.deadLetterQueue)
                let waiting = try await admin.messageCount(queue: queue.name)
                print("\(queue.deadLetterQueue.padding(toLength: 28, withPad: " ", startingAt: 0)) \(parked) parked   (\(queue.name): \(waiting) waiting)")
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move parked messages back into their work queue (each confirmed there before it leaves the dead-letter queue).")
        @OptionGroup var options: ConfigOption
        @Argument(help: "The work queue: catalog-store, notifier, telescope-trigger or crossmatch-worker.") var queue: String
        @Option(help: "Replay at most this many.") var limit: Int?

        func run() async throws {
            let amqp = try options.load().amqp
            let queues = ServiceQueues.topology(amqp).queues
            guard let target = queues.first(where: { $0.name == queue || $0.name == (amqp.queuePrefix ?? "") + queue }) else {
                throw ValidationError("no work queue \"\(queue)\"; use one of \(ServiceQueues.all.map(\.name).joined(separator: ", "))")
            }
            let moved = try await DeadLetterReplay(address: try amqp.brokerAddress()).replay(target, limit: limit ?? .max)
            print("replayed \(moved) message(s) from \(target.deadLetterQueue) into \(target.name)")
        }
    }
}
