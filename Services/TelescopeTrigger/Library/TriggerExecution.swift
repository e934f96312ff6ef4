import Astro
import Database
import Foundation
import Logging
import Schema
import ServiceRuntime

/// Carries out a recorded decision: announces it, or — when it asks the MWA for something — claims the
/// call in the ledger (one process, once), asks `busy` (a busy telescope is a logged decision), calls,
/// records the outcome, and publishes the call and the decision with its outcome. A call whose outcome
/// was lost stays claimed and is never sent again.
struct TriggerExecution: Sendable {
    let pool: DatabasePool
    let mwa: MWAClient
    let events: TriggerEvents
    let logger: Logger
    let clock: @Sendable () -> Date

    func proceed(_ record: TriggerLedger.Record, decision: TriggerDecided, secureKey: Secret?) async throws {
        var decision = decision
        guard record.callState == .ready, let action = record.action, let secureKey else {
            if record.callState == .claimed {
                decision.reason.append(DecisionLogEntry(time: clock(), message: "An earlier MWA call was interrupted; its outcome is unknown, so it is not sent again."))
                decision.status = .error
            }
            try await events.publish(decision)
            return
        }
        let ledger = TriggerLedger(pool: pool)
        guard try await ledger.claim(key: record.key) else { return }
        if let busyReason = await busy(action) {
            decision.reason.append(DecisionLogEntry(time: clock(), message: busyReason))
            decision.status = .ignored
            try await ledger.settle(key: record.key, status: .ignored, reason: decision.reason, callState: .none, triggerId: nil)
            try await events.publish(decision)
            return
        }
        let started = ContinuousClock.now
        let outcome = await call(action, secureKey: secureKey)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let (endpoint, parameters) = action.described
        switch outcome {
        case .success(let result):
            decision.status = result.success ? .triggered : .error
            decision.reason.append(DecisionLogEntry(time: clock(), message: result.success
                ? "The MWA accepted \(endpoint): trigger \(result.triggerId.map(String.init) ?? "?"), observations \(result.obsidList.map(String.init).joined(separator: ", "))."
                : "The MWA refused \(endpoint): \(result.errors.joined(separator: "; "))"))
            try await ledger.settle(key: record.key, status: decision.status, reason: decision.reason,
                                    callState: result.success ? .sent : .failed, triggerId: result.triggerId)
            try await events.publish(TriggerCompleted(
                decisionId: decision.decisionId, proposalId: decision.proposalId, endpoint: endpoint, requestParameters: parameters,
                pretend: action.pretend, success: result.success, errors: result.errors, triggerId: result.triggerId,
                obsidList: result.obsidList, httpStatus: 200, durationMs: milliseconds, completedAt: clock()))
        case .failure(let error):
            decision.status = .error
            decision.reason.append(DecisionLogEntry(time: clock(), message: error.mayHaveTriggered
                ? "The MWA call failed after it was sent (\(error.reason)); it may have triggered, so it is not sent again."
                : "The MWA call failed: \(error.reason)."))
            try await ledger.settle(key: record.key, status: .error, reason: decision.reason,
                                    callState: error.mayHaveTriggered ? .claimed : .failed, triggerId: nil)
            try await events.publish(TriggerCompleted(
                decisionId: decision.decisionId, proposalId: decision.proposalId, endpoint: endpoint, requestParameters: parameters,
                pretend: action.pretend, success: false, errors: [error.reason], httpStatus: error.httpStatus,
                durationMs: milliseconds, completedAt: clock()))
        }
        try await events.publish(decision)
    }

    private func call(_ action: MWAAction, secureKey: Secret) async -> Result<MWATriggerResult, MWAError> {
        do throws(MWAError) {
            switch action {
            case .buffer(let request): return .success(try await mwa.triggerBuffer(request, secureKey: secureKey))
            case .observation(let vcs, let request): return .success(try await mwa.trigger(request, voltageCapture: vcs, secureKey: secureKey))
            }
        } catch {
            return .failure(error)
        }
    }

    /// A reason not to interrupt the telescope now, or nil. An unanswered `busy` does not stop a trigger:
    /// alerts and the voltage buffer do not wait.
    private func busy(_ action: MWAAction) async -> String? {
        let projectId = action.projectId
        let seconds = action.seconds(nowGPS: GPSTime(utc: clock()).seconds)
        do {
            return try await mwa.busy(projectId: projectId, obstime: seconds)
                ? "The MWA is busy: project \(projectId) may not interrupt the schedule for the next \(seconds) s." : nil
        } catch {
            logger.warning("MWA busy check failed; triggering anyway", metadata: ["reason": "\(error.reason)"])
            return nil
        }
    }
}
