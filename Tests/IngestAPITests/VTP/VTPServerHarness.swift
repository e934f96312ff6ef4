import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import IngestAPI

/// Runs a VTPServer on a free loopback port inside a ServiceGroup for the duration of a test, then shuts it down gracefully.
enum VTPServerHarness {
    static let localIVO = "ivo://burstwire.test/ingest"

    static func withServer(
        maximumFrameLength: Int = VOEventInspector.defaultMaximumBytes, authorTimeout: Duration = .seconds(10),
        handler: @escaping @Sendable (VTPSubmission) async -> VTPVerdict,
        _ body: @Sendable (_ port: Int, _ group: ServiceGroup) async throws -> Void
    ) async throws {
        var logger = Logger(label: "vtp-test")
        logger.logLevel = .notice
        let configuration = VTPServer.Configuration(port: 0, localIVO: localIVO, maximumFrameLength: maximumFrameLength,
                                                    authorTimeout: authorTimeout)
        let server = VTPServer(configuration: configuration, logger: logger, handler: handler)
        let group = ServiceGroup(services: [server], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try #require(await server.localPort)
            try await body(port, group)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The handler ingest uses, minus the publishing: inspect, then accept.
    @Sendable static func inspectAndAccept(_ submission: VTPSubmission) async -> VTPVerdict {
        await .inspecting(submission) { essentials in .accept(ivorn: essentials.ivorn) }
    }
}

/// A value the handler writes and the test reads.
final class VTPRecorded<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    var value: Value { storage.withLock { $0 } }

    func update(_ change: (inout Value) -> Void) {
        storage.withLock { change(&$0) }
    }
}

/// Holds everyone who arrives until `count` have arrived, proving that many handlers run at once.
actor VTPRendezvous {
    private let count: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { self.count = count }

    func arrive() async {
        await withCheckedContinuation { continuation in
            waiting.append(continuation)
            if waiting.count == count {
                for waiter in waiting { waiter.resume() }
                waiting.removeAll()
            }
        }
    }
}
