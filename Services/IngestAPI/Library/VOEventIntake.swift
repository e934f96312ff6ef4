import Database
import Foundation
import Logging
import Schema

/// Accepts VOEvents arriving over HTTP or VTP: checks the VOEvent 2.0 essentials, recognises packets
/// seen before (same IVORN or same bytes) and acknowledges them without publishing again, and
/// publishes new ones, acknowledging only after the broker's confirm. The packet is recorded as seen
/// only after the confirm, so a failed publish never turns a retry into a silently dropped "duplicate".
struct VOEventIntake: Sendable {
    enum Outcome: Sendable, Equatable {
        case accepted(ivorn: String)
        case duplicate(ivorn: String)
        case rejected(ivorn: String?, reason: String)
        case unavailable(ivorn: String?, reason: String)
    }

    let pool: DatabasePool
    let events: EventPublishing
    let logger: Logger

    func submit(_ xml: [UInt8], via transport: VOEventTransport, remoteAddress: String?) async -> Outcome {
        let essentials: VOEventEssentials
        do {
            essentials = try VOEventInspector.inspect(xml)
        } catch {
            return .rejected(ivorn: error.ivorn, reason: error.reason)
        }
        let ivorn = essentials.ivorn
        guard let role = VOEventRole(rawValue: essentials.role) else {
            return .rejected(ivorn: ivorn, reason: "role \(essentials.role) is not one of observation, prediction, utility, test")
        }
        do {
            let seen = try await pool.withConnection { db in
                try db.query("SELECT 1 FROM ingest_voevents WHERE ivorn = $1 OR sha256 = $2", [ivorn, essentials.sha256]).first != nil
            }
            if seen { return .duplicate(ivorn: ivorn) }
        } catch {
            logger.warning("voevent dedupe lookup failed", metadata: ["error": "\(error)"])
            return .unavailable(ivorn: ivorn, reason: "storage unavailable")
        }
        let packet = VOEventPacket(ivorn: ivorn, role: role, xml: String(decoding: xml, as: UTF8.self), sha256: essentials.sha256,
                                   receivedVia: transport, remoteAddress: remoteAddress, receivedAt: Date())
        do {
            try await events.publish([events.encode(VOEventReceived(voevent: packet), subject: "voevent/\(ivorn)")])
        } catch {
            return .unavailable(ivorn: ivorn, reason: "\(error)")
        }
        do {
            try await pool.withConnection { db in
                try db.query("INSERT INTO ingest_voevents (ivorn, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING", [ivorn, essentials.sha256])
            }
        } catch {
            logger.warning("voevent published but not recorded as seen; a resend would be published again", metadata: ["ivorn": "\(ivorn)"])
        }
        return .accepted(ivorn: ivorn)
    }
}
