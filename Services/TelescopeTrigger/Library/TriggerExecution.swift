import Astro
import Database
import Foundation
import Logging
import Schema
import ServiceRuntime

/// Carries out a recorded decision: announces it; puts one awaiting approval to a human; or — when it
/// asks the MWA for something — claims the call in the ledger (one process, once; a real call only if
/// our running observation may be interrupted, TraceT's priority override), checks the MWA is not busy
/// (a logged decision), calls, records the outcome, and publishes the call and the decision with its
/// outcome. A call whose outcome was lost stays claimed and is never sent again.
struct TriggerExecution: Sendable {
    let pool: DatabasePool
    let mwa: MWAClient
    let events: TriggerEvents
    /// Each proposal's repointing limit, degrees, for the override check.
    let repointingLimits: [String: Double]
    let logger: Logger
    let clock: @Sendable () -> Date

    func proceed(_ record: TriggerLedger.Record, secureKey: Secret?) async throws {
        var decision = record.decided(at: clock())
        guard record.callState == .ready, let action = record.action, let secureKey else {
            if record.callState == .claimed {
                decision.reason.append(DecisionLogEntry(time: clock(), message: "An earlier MWA call was interrupted; its outcome is unknown, so it is not sent again."))
                decision.status = .error
            }
            try await events.publish(decision)
            if record.callState == .awaiting {
                try await events.publish(TriggerApprovalRequested(
                    decisionId: record.decisionId, proposalId: record.proposalId, subject: record.subject, approvers: [],
                    summary: Self.summary(record.reason), requestedAt: clock()))
            }
            return
        }
        let ledger = TriggerLedger(pool: pool)
        switch try await ledger.claim(record, repointingLimit: repointingLimits[record.proposalId] ?? 10, now: clock()) {
        case .lost:
            return
        case .refused(let override):
            decision.reason.append(DecisionLogEntry(time: clock(), message: override.reason))
            decision.reason.append(DecisionLogEntry(time: clock(), message: "Not interrupting our running observation."))
            decision.status = .ignored
            try await ledger.ignore(key: record.key, reason: decision.reason, from: .ready)
            try await events.publish(decision)
            return
        case .taken(let override):
            if let override { decision.reason.append(DecisionLogEntry(time: clock(), message: override.reason)) }
        }
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

    /// The reason log's latest lines that fit a Slack section (3 000 characters), oldest first.
    static func summary(_ log: [DecisionLogEntry], limit: Int = 2_800) -> String {
        var lines: [String] = []
        var length = 0
        for entry in log.reversed() {
            length += entry.message.count + 1
            if length > limit { break }
            lines.insert(entry.message, at: 0)
        }
        return ((lines.count < log.count ? ["…"] : []) + lines).joined(separator: "\n")
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
