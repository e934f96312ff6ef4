import NIOCore

/// Splits the TCP stream into VTP frames: a 4-byte big-endian length, then that many bytes.
/// A length above the limit fails the stream at once, before any payload is buffered; it usually means
/// the author sent the prefix little-endian, and Comet drops such peers too ("Length limit exceeded").
struct VTPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    let maximumFrameLength: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return .needMoreData
        }
        guard length <= maximumFrameLength else {
            throw VTPFrameTooLong(length: Int(length), limit: maximumFrameLength)
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        guard let payload = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(payload))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// A frame announced a length above the receiver's limit.
struct VTPFrameTooLong: Error, Equatable {
    let length: Int
    let limit: Int

    /// The nak text: Comet's log wording, with the limit so an author can tell a byte-order mistake from a large event.
    var reason: String { "Length limit exceeded (\(length) bytes; the limit is \(limit))" }
}
