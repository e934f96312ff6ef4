import Foundation
import HTTPClient
import Testing

struct RoundTripTests {
    struct Event: Codable, Equatable {
        var name: String
        var ra: Double
        var dec: Double
        var tags: [String]
    }

    @Test func getReturnsStatusHeadersAndJSON() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let request = HTTPRequest(.get, server.url("/echo?x=1"), headers: ["Accept": "application/json", "X-Probe": "42"])
            let response = try await client.send(request, timeout: .seconds(5), retry: .none)
            #expect(response.status == 200)
            #expect(response.isSuccess)
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            let echo = try response.decode(EchoReply.self)
            #expect(echo.method == "GET")
            #expect(echo.uri == "/echo?x=1")
            #expect(echo.header("x-probe") == "42")
            #expect(echo.header("user-agent") == "burstwire-http/1")
            #expect(echo.header("expect") == nil)
            #expect(echo.body.isEmpty)
        }
    }

    @Test func postJSONRoundTrip() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let event = Event(name: "GRB 250101A \"bright\" ü", ra: 123.456, dec: -45.5, tags: ["swift", "bat"])
            let request = HTTPRequest(.post, server.url("/echo"), body: try .json(event))
            let response = try await client.send(request, timeout: .seconds(5), retry: .none)
            let echo = try response.decode(EchoReply.self)
            #expect(echo.method == "POST")
            #expect(echo.header("content-type") == "application/json")
            #expect(try JSONDecoder().decode(Event.self, from: Data(echo.body)) == event)
        }
    }

    @Test(arguments: [HTTPMethod.put, .patch, .delete])
    func otherMethodsCarryTheirBody(method: HTTPMethod) async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let request = HTTPRequest(method, server.url("/echo"), body: .bytes(Array("payload".utf8), contentType: "text/plain"))
            let echo = try await client.send(request, timeout: .seconds(5), retry: .none).decode(EchoReply.self)
            #expect(echo.method == method.rawValue)
            #expect(echo.body == Array("payload".utf8))
            #expect(echo.header("content-type") == "text/plain")
        }
    }

    @Test func formBodyIsPercentEncoded() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let fields = [("name", "Ada Lovelace"), ("q", "a&b=c+d/é?%"), ("empty", ""), ("name", "x*y-z._~")]
            let request = HTTPRequest(.post, server.url("/echo"), body: .form(fields))
            let echo = try await client.send(request, timeout: .seconds(5), retry: .none).decode(EchoReply.self)
            #expect(echo.header("content-type") == "application/x-www-form-urlencoded")
            #expect(String(decoding: echo.body, as: UTF8.self)
                == "name=Ada+Lovelace&q=a%26b%3Dc%2Bd%2F%C3%A9%3F%25&empty=&name=x*y-z._%7E")
        }
    }

    @Test func multipartFilePartArrivesIntact() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            var generator = SystemRandomNumberGenerator()
            let file = (0..<300_000).map { _ in UInt8.random(in: .min ... .max, using: &generator) } + Array("\r\n--".utf8)
            let parts: [MultipartPart] = [
                .field("comment", "ToO for \"GW250101\"\r\nline two"),
                .file("image", filename: "cutout.fits", contentType: "application/fits", data: file),
            ]
            let request = HTTPRequest(.post, server.url("/multipart"), body: .multipart(parts))
            #expect(request.headers["Content-Type"]?.hasPrefix("multipart/form-data; boundary=burstwire-") == true)
            let response = try await client.send(request, timeout: .seconds(10), retry: .none)
            #expect(response.status == 200)
            let received = try response.decode(ReceivedParts.self).parts
            #expect(received.count == 2)
            #expect(received.first == ReceivedPart(name: "comment", data: Array("ToO for \"GW250101\"\r\nline two".utf8)))
            #expect(received.last?.name == "image")
            #expect(received.last?.filename == "cutout.fits")
            #expect(received.last?.contentType == "application/fits")
            #expect(received.last?.data == file)
        }
    }

    @Test func allResponseHeadersAreKeptIncludingRepeats() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(.get, server.url("/headers")), timeout: .seconds(5), retry: .none)
            #expect(response.headers.values(for: "set-cookie") == ["a=1; Path=/", "b=2; Path=/"])
            #expect(response.headers.values(for: "X-TRACE") == ["one", "two"])
            #expect(response.headers["x-single"] == "only")
            #expect(response.headers["Content-Length"] == "0")
            #expect(!response.headers.contains("HTTP/1.1 200 OK"))
        }
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(.head, server.url("/headers")), timeout: .seconds(5), retry: .none)
            #expect(response.status == 200)
            #expect(response.headers.values(for: "x-trace") == ["one", "two"])
            #expect(response.body.isEmpty)
        }
    }

    @Test func sequentialRequestsReuseTheConnection() async throws {
        try await TestServer.run { server in
            var configuration = HTTPClient.Configuration()
            configuration.maxConcurrentTransfers = 1
            let client = HTTPClient(configuration: configuration)
            var ports: [Int?] = []
            for _ in 0..<3 {
                let response = try await client.send(HTTPRequest(.get, server.url("/echo")), timeout: .seconds(5), retry: .none)
                ports.append(try response.decode(EchoReply.self).peerPort)
            }
            #expect(ports[0] != nil)
            #expect(Set(ports).count == 1)
        }
    }

    @Test func fiftyConcurrentRequestsAllSucceed() async throws {
        try await TestServer.run { server in
            let client = HTTPClient()
            let bodies = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let request = HTTPRequest(.post, server.url("/echo"), body: .bytes(Array("request \(index)".utf8)))
                        let response = try await client.send(request, timeout: .seconds(20), retry: .none)
                        #expect(response.status == 200)
                        return (index, try response.decode(EchoReply.self).body)
                    }
                }
                return try await group.reduce(into: [Int: [UInt8]]()) { $0[$1.0] = $1.1 }
            }
            #expect(bodies.count == 50)
            #expect(bodies.allSatisfy { $0.value == Array("request \($0.key)".utf8) })
            #expect(server.hits.count("echo") == 50)
        }
    }
}
