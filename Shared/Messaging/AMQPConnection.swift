import CRabbitMQ
import Foundation

/// One librabbitmq connection. Every call blocks, and librabbitmq is not thread-safe, so an instance
/// is created and used by exactly one thread (the publisher's or the consumer's); it never escapes it.
final class AMQPConnection {
    private let state: amqp_connection_state_t
    private var closed = false
    static let mainChannel: amqp_channel_t = 1
    static let probeChannel: amqp_channel_t = 2

    init(address: BrokerAddress, connectTimeout: Duration = .seconds(5), rpcTimeout: Duration = .seconds(10)) throws {
        state = amqp_new_connection()
        // A throwing init still runs deinit once every property is set, so failures only mark the state
        // abandoned here and leave the single amqp_destroy_connection to `abandon()`.
        guard let socket = amqp_tcp_socket_new(state) else {
            abandon()
            throw MessagingError(.connectFailed, "cannot create a socket")
        }
        var timeout = timeval(duration: connectTimeout)
        let rc = amqp_socket_open_noblock(socket, address.host, Int32(address.port), &timeout)
        guard rc == AMQP_STATUS_OK.rawValue else {
            abandon()
            throw MessagingError(.connectFailed, "\(address.host):\(address.port): \(Self.errorText(rc))")
        }
        // Every synchronous call (login, declare, confirm.select, close) gives up after this, instead of
        // holding the publisher or consumer thread forever on a broker that stopped answering.
        var rpc = timeval(duration: rpcTimeout)
        _ = amqp_set_rpc_timeout(state, &rpc)
        // heartbeat 0: librabbitmq only services heartbeats inside its own calls, and our threads idle in poll().
        let login = camqp_login_plain(state, address.virtualHost, 0, 131_072, 0, address.user, address.password)
        do {
            try check(login, "login", code: .connectFailed)
            try openChannel(Self.mainChannel)
        } catch {
            abandon()
            throw error
        }
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
        amqp_destroy_connection(state)
    }

    /// Drops the socket without the AMQP close handshake, as a crashed process would.
    func abandon() {
        guard !closed else { return }
        closed = true
        amqp_destroy_connection(state)
    }

    func openChannel(_ channel: amqp_channel_t) throws {
        amqp_channel_open(state, channel)
        try check(amqp_get_rpc_reply(state), "channel.open")
    }

    var socketFD: Int32 { amqp_get_sockfd(state) }
    var hasBufferedData: Bool { amqp_frames_enqueued(state) != 0 || amqp_data_in_buffer(state) != 0 }
    func releaseBuffers() { amqp_maybe_release_buffers(state) }

    // MARK: topology

    func declareExchange(_ name: String, type: String) throws {
        withBytes(name) { n in
            withBytes(type) { t in
                _ = amqp_exchange_declare(state, Self.mainChannel, n, t, 0, 1, 0, 0, amqp_empty_table)
            }
        }
        try check(amqp_get_rpc_reply(state), "exchange.declare \(name)")
    }

    @discardableResult
    func declareQueue(_ name: String, arguments: [(String, QueueArgument)]) throws -> UInt32 {
        var count: UInt32 = 0
        try withTable(arguments) { table in
            withBytes(name) { n in
                if let ok = amqp_queue_declare(state, Self.mainChannel, n, 0, 1, 0, 0, table) {
                    count = ok.pointee.message_count
                }
            }
            try check(amqp_get_rpc_reply(state), "queue.declare \(name)")
        }
        return count
    }

    /// Ready-message count of an existing queue, asked on a side channel so deliveries on the main channel are undisturbed.
    func messageCount(queue: String) throws -> UInt32 {
        var count: UInt32 = 0
        withBytes(queue) { n in
            if let ok = amqp_queue_declare(state, Self.probeChannel, n, 1, 0, 0, 0, amqp_empty_table) {
                count = ok.pointee.message_count
            }
        }
        try check(amqp_get_rpc_reply(state), "queue.declare passive \(queue)")
        return count
    }

    func bind(queue: String, exchange: String, routingKey: String) throws {
        withBytes(queue) { q in
            withBytes(exchange) { e in
                withBytes(routingKey) { k in
                    _ = amqp_queue_bind(state, Self.mainChannel, q, e, k, amqp_empty_table)
                }
            }
        }
        try check(amqp_get_rpc_reply(state), "queue.bind \(queue)")
    }

    func purge(queue: String) throws {
        withBytes(queue) { q in _ = amqp_queue_purge(state, Self.mainChannel, q) }
        try check(amqp_get_rpc_reply(state), "queue.purge \(queue)")
    }

    func deleteQueue(_ queue: String) throws {
        withBytes(queue) { q in _ = amqp_queue_delete(state, Self.mainChannel, q, 0, 0) }
        try check(amqp_get_rpc_reply(state), "queue.delete \(queue)")
    }

    // MARK: publishing

    func enableConfirms() throws {
        amqp_confirm_select(state, Self.mainChannel)
        try check(amqp_get_rpc_reply(state), "confirm.select")
    }

    func publish(_ message: OutgoingMessage) throws {
        var properties = amqp_basic_properties_t()
        properties._flags = amqp_flags_t(AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG
            | AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_TYPE_FLAG | AMQP_BASIC_TIMESTAMP_FLAG)
        properties.delivery_mode = UInt8(AMQP_DELIVERY_PERSISTENT.rawValue)
        properties.timestamp = UInt64(Date().timeIntervalSince1970)
        let rc: Int32 = withBytes(message.contentType) { contentType in
            withBytes(message.messageID) { messageID in
                withBytes(message.type) { type in
                    withBytes(message.exchange) { exchange in
                        withBytes(message.routingKey) { key in
                            message.body.withUnsafeBytes { body in
                                properties.content_type = contentType
                                properties.message_id = messageID
                                properties.type = type
                                let bytes = amqp_bytes_t(len: body.count, bytes: UnsafeMutableRawPointer(mutating: body.baseAddress))
                                return amqp_basic_publish(state, Self.mainChannel, exchange, key, message.mustBeRouted ? 1 : 0, 0, &properties, bytes)
                            }
                        }
                    }
                }
            }
        }
        guard rc == AMQP_STATUS_OK.rawValue else { throw MessagingError(.connectionLost, "basic.publish: \(Self.errorText(rc))") }
    }

    /// A frame that matters to a publisher waiting for confirms.
    enum ConfirmFrame {
        case ack(UInt64, multiple: Bool)
        case nack(UInt64, multiple: Bool)
        case returned(messageID: String)
        case other
    }

    /// Reads one frame if one arrives within `timeout` (nil when none did).
    func nextConfirmFrame(timeout: Duration) throws -> ConfirmFrame? {
        var frame = amqp_frame_t()
        var tv = timeval(duration: timeout)
        let rc = amqp_simple_wait_frame_noblock(state, &frame, &tv)
        if rc == AMQP_STATUS_TIMEOUT.rawValue { return nil }
        guard rc == AMQP_STATUS_OK.rawValue else { throw MessagingError(.connectionLost, Self.errorText(rc)) }
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return .other }
        let decoded = frame.payload.method.decoded
        switch frame.payload.method.id {
        case AMQP_BASIC_ACK_METHOD:
            let ack = decoded!.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            return .ack(ack.delivery_tag, multiple: ack.multiple != 0)
        case AMQP_BASIC_NACK_METHOD:
            let nack = decoded!.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            return .nack(nack.delivery_tag, multiple: nack.multiple != 0)
        case AMQP_BASIC_RETURN_METHOD:
            var message = amqp_message_t()
            let reply = amqp_read_message(state, frame.channel, &message, 0)
            defer { amqp_destroy_message(&message) }
            try check(reply, "basic.return")
            return .returned(messageID: message.properties.message_id.string)
        case AMQP_CHANNEL_CLOSE_METHOD:
            let close = decoded!.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            throw MessagingError(.channelClosed, "\(close.reply_code) \(close.reply_text.string)")
        case AMQP_CONNECTION_CLOSE_METHOD:
            throw MessagingError(.connectionLost, "connection closed by broker")
        default:
            return .other
        }
    }

    // MARK: consuming

    /// Starts a manual-ack consumer and returns its consumer tag.
    func startConsuming(queue: String, prefetch: UInt16) throws -> String {
        amqp_basic_qos(state, Self.mainChannel, 0, prefetch, 0)
        try check(amqp_get_rpc_reply(state), "basic.qos")
        let consumerTag = "burstwire-\(UUID().uuidString.lowercased())"
        withBytes(queue) { q in
            withBytes(consumerTag) { tag in
                _ = amqp_basic_consume(state, Self.mainChannel, q, tag, 0, 0, 0, amqp_empty_table)
            }
        }
        try check(amqp_get_rpc_reply(state), "basic.consume \(queue)")
        return consumerTag
    }

    /// Asks the broker to stop delivering; deliveries already sent stay ours until settled or the connection closes.
    func cancel(consumerTag: String) throws {
        withBytes(consumerTag) { tag in _ = amqp_basic_cancel(state, Self.mainChannel, tag) }
        try check(amqp_get_rpc_reply(state), "basic.cancel")
    }

    /// Waits up to `timeout` for one delivery.
    func nextDelivery(timeout: Duration) throws -> RawDelivery? {
        releaseBuffers()
        var envelope = amqp_envelope_t()
        var tv = timeval(duration: timeout)
        let reply = amqp_consume_message(state, &envelope, &tv, 0)
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            if reply.library_error == AMQP_STATUS_TIMEOUT.rawValue { return nil }
            if reply.library_error == AMQP_STATUS_UNEXPECTED_STATE.rawValue {
                try readNonDeliveryFrame()
                return nil
            }
        }
        try check(reply, "basic.consume", code: .connectionLost)
        defer { amqp_destroy_envelope(&envelope) }
        var deliveryCount: Int64 = 0
        let hasCount = (envelope.message.properties._flags & amqp_flags_t(AMQP_BASIC_HEADERS_FLAG)) != 0
            && camqp_table_int(envelope.message.properties.headers, "x-delivery-count", &deliveryCount) == 1
        let body = envelope.message.body
        return RawDelivery(
            tag: envelope.delivery_tag,
            body: body.len == 0 ? [] : Array(UnsafeRawBufferPointer(start: body.bytes, count: body.len)),
            routingKey: envelope.routing_key.string,
            messageID: envelope.message.properties.message_id.string,
            type: envelope.message.properties.type.string,
            redelivered: envelope.redelivered != 0,
            deliveryCount: hasCount ? Int(deliveryCount) : 0
        )
    }

    private func readNonDeliveryFrame() throws {
        var frame = amqp_frame_t()
        let rc = amqp_simple_wait_frame(state, &frame)
        guard rc == AMQP_STATUS_OK.rawValue else { throw MessagingError(.connectionLost, Self.errorText(rc)) }
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return }
        switch frame.payload.method.id {
        case AMQP_CHANNEL_CLOSE_METHOD:
            throw MessagingError(.channelClosed, "channel closed by broker during consume")
        case AMQP_CONNECTION_CLOSE_METHOD:
            throw MessagingError(.connectionLost, "connection closed by broker")
        case AMQP_BASIC_CANCEL_METHOD:
            throw MessagingError(.channelClosed, "consumer cancelled by broker (queue deleted?)")
        default:
            return
        }
    }

    func ack(_ tag: UInt64, multiple: Bool) throws {
        let rc = amqp_basic_ack(state, Self.mainChannel, tag, multiple ? 1 : 0)
        guard rc == AMQP_STATUS_OK.rawValue else { throw MessagingError(.connectionLost, "basic.ack: \(Self.errorText(rc))") }
    }

    func nack(_ tag: UInt64, requeue: Bool) throws {
        let rc = amqp_basic_nack(state, Self.mainChannel, tag, 0, requeue ? 1 : 0)
        guard rc == AMQP_STATUS_OK.rawValue else { throw MessagingError(.connectionLost, "basic.nack: \(Self.errorText(rc))") }
    }

    // MARK: helpers

    private func check(_ reply: amqp_rpc_reply_t, _ what: String, code: MessagingError.Code = .protocolError) throws {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            let failure: MessagingError.Code = reply.library_error == AMQP_STATUS_TIMEOUT.rawValue ? .timedOut
                : code == .connectFailed ? .connectFailed : .connectionLost
            throw MessagingError(failure, "\(what): \(Self.errorText(reply.library_error))")
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            switch reply.reply.id {
            case AMQP_CONNECTION_CLOSE_METHOD:
                let m = reply.reply.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
                throw MessagingError(code == .connectFailed ? .connectFailed : .connectionLost,
                                     "\(what): connection closed by broker: \(m.reply_code) \(m.reply_text.string)")
            case AMQP_CHANNEL_CLOSE_METHOD:
                let m = reply.reply.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                throw MessagingError(.channelClosed, "\(what): \(m.reply_code) \(m.reply_text.string)")
            default:
                throw MessagingError(code, "\(what): server exception")
            }
        default:
            throw MessagingError(code, "\(what): no reply")
        }
    }

    static func errorText(_ rc: Int32) -> String { String(cString: amqp_error_string2(rc)) }
}

/// A delivery copied out of librabbitmq's buffers.
struct RawDelivery {
    let tag: UInt64
    let body: [UInt8]
    let routingKey: String
    let messageID: String
    let type: String
    let redelivered: Bool
    let deliveryCount: Int
}

/// A queue argument value (`x-queue-type`, `x-delivery-limit`, ...).
enum QueueArgument {
    case string(String)
    case int(Int64)
}

extension amqp_bytes_t {
    /// Copies the bytes out (amqp_bytes_t is not NUL-terminated).
    var string: String {
        guard let p = bytes, len > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
    }
}

extension timeval {
    init(duration: Duration) {
        let micros = max(0, duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)
        self.init(tv_sec: Int(micros / 1_000_000), tv_usec: Int(micros % 1_000_000))
    }
}

/// Lends `string`'s UTF-8 bytes as amqp_bytes_t for the duration of `body`.
func withBytes<R>(_ string: String, _ body: (amqp_bytes_t) throws -> R) rethrows -> R {
    var s = string
    return try s.withUTF8 { buf in
        try body(amqp_bytes_t(len: buf.count, bytes: UnsafeMutableRawPointer(mutating: buf.baseAddress)))
    }
}

/// Builds an amqp_table_t valid for the duration of `body`.
func withTable<R>(_ arguments: [(String, QueueArgument)], _ body: (amqp_table_t) throws -> R) rethrows -> R {
    var owned: [amqp_bytes_t] = []
    defer { owned.forEach { amqp_bytes_free($0) } }
    var entries: [amqp_table_entry_t] = arguments.map { key, value in
        let k = withBytes(key) { amqp_bytes_malloc_dup($0) }
        owned.append(k)
        switch value {
        case .string(let s):
            let v = withBytes(s) { amqp_bytes_malloc_dup($0) }
            owned.append(v)
            return amqp_table_entry_t(key: k, value: camqp_field_utf8(v))
        case .int(let i):
            return amqp_table_entry_t(key: k, value: camqp_field_i64(i))
        }
    }
    return try entries.withUnsafeMutableBufferPointer { buf in
        try body(amqp_table_t(num_entries: Int32(buf.count), entries: buf.baseAddress))
    }
}
