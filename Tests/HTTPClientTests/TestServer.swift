import Foundation
import Hummingbird
import Logging
import Synchronization

// No HTTPClient import here: Hummingbird also exports `HTTPRequest` and `HTTPResponse`, and this file means those.

/// Counts requests per route, so tests can see how often the client really sent something.
final class HitCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    @discardableResult
    func hit(_ key: String) -> Int { counts.withLock { $0[key, default: 0] += 1; return $0[key]! } }

    func count(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
}

/// Request context that remembers the client's port, to observe connection reuse.
struct PeerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peerPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerPort = source.channel.remoteAddress?.port
    }
}

extension EchoReply: ResponseEncodable {}
extension ReceivedParts: ResponseEncodable {}

/// A real Hummingbird server on 127.0.0.1 with an ephemeral port, alive for the duration of `body`.
struct TestServer: Sendable {
    let port: Int
    let hits: HitCounter

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    static func run<T>(_ body: (TestServer) async throws -> T) async throws -> T {
        let hits = HitCounter()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "http-client-tests.server")
        logger.logLevel = .critical
        let app = Application(
            router: router(hits: hits),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            return try await body(TestServer(port: port, hits: hits))
        }
    }

    private static func router(hits: HitCounter) -> Router<PeerContext> {
        let router = Router(context: PeerContext.self)
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            router.on("/echo", method: method) { request, context in
                hits.hit("echo")
                return try await echo(request, context)
            }
        }
        router.get("/flaky/:failures") { _, context in
            let hit = hits.hit("flaky")
            let failures = context.parameters.get("failures", as: Int.self) ?? 0
            guard hit > failures else { return status(503) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok after \(hit)")))
        }
        router.post("/throttle/:seconds") { _, context in
            let hit = hits.hit("throttle")
            return hit == 1 ? status(429, retryAfter: context.parameters.get("seconds")) : status(200)
        }
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/status/:code", method: method) { _, context in
                hits.hit("status")
                return status(context.parameters.get("code", as: Int.self) ?? 500)
            }
            router.on("/sleep/:ms", method: method) { _, context in
                hits.hit("sleep")
                try await Task.sleep(for: .milliseconds(context.parameters.get("ms", as: Int.self) ?? 0))
                return status(200)
            }
        }
        router.get("/redirect/:remaining") { _, context in
            let remaining = context.parameters.get("remaining", as: Int.self) ?? 0
            guard remaining > 0 else { return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "landed"))) }
            return Response(status: .found, headers: [.location: "/redirect/\(remaining - 1)"])
        }
        router.get("/headers") { _, _ in repeatedHeaders() }
        router.head("/headers") { _, _ in repeatedHeaders() }
        router.post("/multipart") { request, _ in
            var request = request
            let body = Array(try await request.collectBody(upTo: 8 << 20).readableBytesView)
            guard let parts = MultipartParser.parse(body, contentType: request.headers[.contentType] ?? "") else {
                throw HTTPError(.badRequest)
            }
            return ReceivedParts(parts: parts)
        }
        return router
    }

    private static func echo(_ request: Request, _ context: PeerContext) async throws -> EchoReply {
        var request = request
        let body = try await request.collectBody(upTo: 8 << 20)
        return EchoReply(
            method: request.method.rawValue,
            uri: request.uri.description,
            headers: request.headers.map { [$0.name.rawName, $0.value] },
            body: Array(body.readableBytesView),
            peerPort: context.peerPort
        )
    }

    private static func repeatedHeaders() -> Response {
        var headers = HTTPFields()
        headers[values: .setCookie] = ["a=1; Path=/", "b=2; Path=/"]
        headers[values: HTTPFields.Element.Name("X-Trace")!] = ["one", "two"]
        headers[HTTPFields.Element.Name("X-Single")!] = "only"
        return Response(status: .ok, headers: headers)
    }

    private static func status(_ code: Int, retryAfter: String? = nil) -> Response {
        var headers = HTTPFields()
        if let retryAfter { headers[.retryAfter] = retryAfter }
        return Response(status: .init(code: code), headers: headers)
    }
}
