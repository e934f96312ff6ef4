/// Why a delivery did not happen. `permanent` failures (a refused payload, bad credentials) are not
/// retried; the others are, with backoff, until the message's delivery limit dead-letters it.
/// The reason never carries a secret (webhook URL, token, API key).
struct DeliveryError: Error, Sendable, CustomStringConvertible {
    let reason: String
    let permanent: Bool
    var httpStatus: Int?
    var answer: String?
    /// The request may have been acted on (a timeout or 5xx after it left): the ledger keeps the delivery
    /// in flight, so the next attempt checks the destination before sending again.
    var ambiguous = false

    var description: String { reason }
}
