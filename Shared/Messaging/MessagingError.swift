/// Why a broker operation failed. Like postgres-nio's errors: a struct with an extensible code,
/// so new failure kinds do not break callers, and a description that never carries credentials.
public struct MessagingError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }
        /// The TCP connection or the AMQP login failed.
        public static let connectFailed = Code(name: "connectFailed")
        /// The connection dropped while the operation was in flight; its outcome is unknown.
        public static let connectionLost = Code(name: "connectionLost")
        /// The broker closed the channel (e.g. a declare with conflicting arguments).
        public static let channelClosed = Code(name: "channelClosed")
        /// The broker refused the message (basic.nack).
        public static let nacked = Code(name: "nacked")
        /// No queue was bound for the routing key, so the broker returned the message.
        public static let unroutable = Code(name: "unroutable")
        /// No confirm arrived before the deadline; the caller must not treat the message as durable.
        public static let timedOut = Code(name: "timedOut")
        /// The publisher or consumer was shut down.
        public static let closed = Code(name: "closed")
        /// The broker URL could not be parsed.
        public static let invalidURL = Code(name: "invalidURL")
        /// A protocol-level failure reported by librabbitmq.
        public static let protocolError = Code(name: "protocolError")
    }

    public let code: Code
    /// Detail for operators: never contains passwords or message bodies.
    public let detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? "MessagingError(\(code))" : "MessagingError(\(code)): \(detail)"
    }
}
