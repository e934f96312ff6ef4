/// What the test server's routes report back; shared by the server (which encodes it) and the client tests.
struct EchoReply: Codable, Sendable {
    var method: String
    var uri: String
    var headers: [[String]]
    var body: [UInt8]
    var peerPort: Int?

    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }
}

/// One part of a multipart body as the server parsed it.
struct ReceivedPart: Codable, Sendable, Equatable {
    var name: String?
    var filename: String?
    var contentType: String?
    var data: [UInt8]
}

/// The multipart route's reply.
struct ReceivedParts: Codable, Sendable {
    var parts: [ReceivedPart]
}
