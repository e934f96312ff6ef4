/// The handler's decision on a submission, which the server turns into the one Transport reply it sends.
/// An ack promises the author the event is safe with us, so `.accept` must only be returned once it is
/// (for ingest: after the broker confirmed the publish).
public enum VTPVerdict: Sendable, Equatable {
    /// Reply with an ack whose `Origin` is `ivorn`.
    case accept(ivorn: String)
    /// Reply with a nak carrying `reason`; `Origin` is `ivorn`, or our own IVO when the event's is unknown.
    case reject(ivorn: String?, reason: String)

    /// A nak for a packet the inspector refuses (reason "Event rejected: …", as Comet words it), or whatever
    /// `decide` returns for one it accepts, so a handler reads `{ await .inspecting($0) { essentials in … } }`.
    public static func inspecting(
        _ submission: VTPSubmission, maximumBytes: Int = VOEventInspector.defaultMaximumBytes,
        then decide: (VOEventEssentials) async -> VTPVerdict
    ) async -> VTPVerdict {
        do {
            return await decide(try VOEventInspector.inspect(submission.bytes, maximumBytes: maximumBytes))
        } catch {
            return .reject(ivorn: error.ivorn, reason: "Event rejected: \(error.reason)")
        }
    }

    /// The Transport message that answers the author.
    func reply(localIVO: String) -> [UInt8] {
        switch self {
        case .accept(let ivorn):
            VTPTransport.ack(origin: ivorn, localIVO: localIVO)
        case .reject(let ivorn, let reason):
            VTPTransport.nak(origin: ivorn ?? localIVO, localIVO: localIVO, reason: reason)
        }
    }
}
