import Database
import Foundation
import Messaging
import Synchronization

/// The state of one dependency as `/health/ready` reports it.
public struct DependencyState: Sendable, Encodable, Equatable {
    public let status: String
    public let detail: String?

    public static func up(_ detail: String? = nil) -> DependencyState { .init(status: "up", detail: detail) }
    public static func down(_ detail: String) -> DependencyState { .init(status: "down", detail: detail) }
    public var isUp: Bool { status == "up" }
}

/// The checks behind `/health/ready`: a service registers one per dependency (broker, database,
/// migrations, ...) and is ready only when all pass. Checks run concurrently with a time limit,
/// so a hung dependency reports down instead of hanging the probe.
public final class Readiness: Sendable {
    public typealias Check = @Sendable () async -> DependencyState
    private let checks = Mutex<[(String, Check)]>([])

    public init() {}

    public func register(_ name: String, _ check: @escaping Check) {
        checks.withLock { $0.append((name, check)) }
    }

    public func evaluate(timeout: Duration = .seconds(2)) async -> [String: DependencyState] {
        let current = checks.withLock { $0 }
        return await withTaskGroup(of: (String, DependencyState).self) { group in
            for (name, check) in current {
                group.addTask { (name, await Self.limited(check, timeout: timeout)) }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }

    /// The check's answer, or "down" once `timeout` passes — without waiting for a check that ignores
    /// cancellation (a call blocked in a C library): it is cancelled and left to finish on its own.
    private static func limited(_ check: @escaping Check, timeout: Duration) async -> DependencyState {
        let answer = FirstAnswer()
        return await withCheckedContinuation { continuation in
            answer.hold(continuation)
            let work = Task { answer.give(await check()) }
            Task {
                try? await Task.sleep(for: timeout)
                answer.give(.down("check timed out"))
                work.cancel()
            }
        }
    }
}

/// Resumes its waiter with the first answer given; later ones are dropped.
private final class FirstAnswer: Sendable {
    private let waiter = Mutex<CheckedContinuation<DependencyState, Never>?>(nil)

    func hold(_ continuation: CheckedContinuation<DependencyState, Never>) {
        waiter.withLock { $0 = continuation }
    }

    func give(_ state: DependencyState) {
        waiter.withLock { waiter in
            waiter?.resume(returning: state)
            waiter = nil
        }
    }
}

extension Readiness {
    /// The broker is up while the publisher holds a confirmed-mode connection.
    public func register(publisher: EventPublisher) {
        register("broker") { publisher.isConnected ? .up() : .down("publisher not connected") }
    }

    /// The consumer is up while it holds a consuming connection; its lag is reported alongside.
    public func register(consumer: EventConsumer, queue: String) {
        register("consumer") { consumer.isConnected ? .up("queue \(queue), lag \(consumer.lag)") : .down("consumer not connected to \(queue)") }
    }

    public func register(database pool: DatabasePool) {
        register("database") { await pool.ping() ? .up() : .down("database unreachable") }
    }

    public func register(migrations migrator: Migrator, pool: DatabasePool) {
        register("migrations") {
            guard let latest = migrator.migrations.last?.version else { return .up("none") }
            let current = try? await migrator.currentVersion(pool)
            return current == latest ? .up("version \(latest)") : .down("at version \(current.map(String.init) ?? "none"), expected \(latest)")
        }
    }
}
