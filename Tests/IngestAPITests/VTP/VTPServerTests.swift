import NIOCore
import NIOPosix
import Testing
@testable import IngestAPI

@Suite("VTP server")
struct VTPServerTests {
    static let localIVO = VTPServerHarness.localIVO

    @Test("a real VOEvent gets one framed ack naming its IVORN, then the connection closes")
    func acksRealVOEvent() async throws {
        let event = try VTPFixtures.bytes("01-Detection.filled-example.xml")
        let submissions = VTPRecorded<[VTPSubmission]>([])
        try await VTPServerHarness.withServer(handler: { submission in
            submissions.update { $0.append(submission) }
            return await VTPServerHarness.inspectAndAccept(submission)
        }) { port, _ in
            let exchange = try await VTPTestClient.submit(event, port: port)
            let reply = try TransportReply(parsing: try #require(exchange.onlyReply))
            #expect(reply.rootName == "trn:Transport")
            #expect(reply.rootNamespace == VTPTransport.namespace)
            #expect(reply.role == "ack")
            #expect(reply.text("Origin") == "ivo://example.org/craft#FRB1711171221/58074.5")
            #expect(reply.text("Response") == Self.localIVO)
            #expect(reply.elements == ["Origin", "Response", "TimeStamp"])
        }
        let submission = try #require(submissions.value.first)
        #expect(submissions.value.count == 1)
        #expect(submission.bytes == event)
        #expect(submission.remoteAddress?.hasPrefix("127.0.0.1:") == true)
    }

    @Test("real notices sent together are each acked", arguments: [["SWIFT00.xml", "LVC_real_preliminary.xml"]])
    func acksSeveral(files: [String]) async throws {
        try await VTPServerHarness.withServer(handler: VTPServerHarness.inspectAndAccept) { port, _ in
            try await withThrowingTaskGroup(of: String?.self) { group in
                for file in files {
                    let event = try VTPFixtures.bytes(file)
                    group.addTask {
                        let exchange = try await VTPTestClient.submit(event, port: port)
                        return try TransportReply(parsing: try #require(exchange.onlyReply)).text("Origin")
                    }
                }
                var origins: Set<String?> = []
                for try await origin in group { origins.insert(origin) }
                #expect(origins == ["ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987", "ivo://gwnet/LVC#S230518h-1-Preliminary"])
            }
        }
    }

    @Test("a handler's rejection becomes a nak with the reason in Meta/Result")
    func naksHandlerRejection() async throws {
        let event = try VTPFixtures.bytes("SWIFT00.xml")
        try await VTPServerHarness.withServer(handler: { _ in
            .reject(ivorn: "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987", reason: "Event rejected: Previously seen by this broker")
        }) { port, _ in
            let reply = try TransportReply(parsing: try #require(try await VTPTestClient.submit(event, port: port).onlyReply))
            #expect(reply.role == "nak")
            #expect(reply.text("Origin") == "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987")
            #expect(reply.text("Response") == Self.localIVO)
            #expect(reply.text("Meta/Result") == "Event rejected: Previously seen by this broker")
            #expect(reply.elements == ["Origin", "Response", "TimeStamp", "Meta", "Meta/Result"])
        }
    }

    @Test("packets the inspector refuses are naked with its reason", arguments: [
        (VTPFixtures.voevent(#"version="2.0" role="test" ivorn="ivo://example.org/craft""#), localIVO,
         #"Event rejected: ivorn "ivo://example.org/craft" has no #local_id"#),
        (VTPFixtures.voevent(#"version="2.0" role="observe" ivorn="ivo://HESS/GRB#GRB_ToO220413""#), "ivo://HESS/GRB#GRB_ToO220413",
         #"Event rejected: role "observe" is not one of observation, prediction, utility, test"#),
        (Array("<voe:VOEvent><Who></What>".utf8), localIVO, "Event rejected: the document is not well-formed XML (error at line 1, "),
    ])
    func naksInspectorRejection(payload: [UInt8], origin: String, reasonStart: String) async throws {
        try await VTPServerHarness.withServer(handler: VTPServerHarness.inspectAndAccept) { port, _ in
            let reply = try TransportReply(parsing: try #require(try await VTPTestClient.submit(payload, port: port).onlyReply))
            #expect(reply.role == "nak")
            #expect(reply.text("Origin") == origin)
            #expect(reply.text("Meta/Result")?.hasPrefix(reasonStart) == true)
        }
    }

    @Test("a frame over the length limit is naked and closed without calling the handler")
    func naksOversizeFrame() async throws {
        let event = try VTPFixtures.bytes("01-Detection.filled-example.xml")
        let calls = VTPRecorded(0)
        try await VTPServerHarness.withServer(maximumFrameLength: 1024, handler: { _ in
            calls.update { $0 += 1 }
            return .accept(ivorn: "ivo://never/sent#ack")
        }) { port, _ in
            let littleEndianLength = withUnsafeBytes(of: UInt32(event.count).littleEndian, Array.init)
            for sent in [VTPTestClient.frame(event), littleEndianLength + event] {
                let exchange = try await VTPTestClient.exchange(port: port, sending: [sent])
                let reply = try TransportReply(parsing: try #require(exchange.onlyReply))
                let announced = sent.prefix(4).reduce(0) { $0 << 8 | Int($1) }
                #expect(reply.role == "nak")
                #expect(reply.text("Origin") == Self.localIVO)
                #expect(reply.text("Meta/Result") == "Length limit exceeded (\(announced) bytes; the limit is 1024)")
            }
        }
        #expect(calls.value == 0)
    }

    @Test("an author who sends no complete frame is closed after the author timeout", arguments: [[], [0, 0, 1]])
    func closesSilentAuthor(sent: [UInt8]) async throws {
        try await VTPServerHarness.withServer(authorTimeout: .seconds(1), handler: VTPServerHarness.inspectAndAccept) { port, _ in
            let exchange = try await VTPTestClient.exchange(port: port, sending: sent.isEmpty ? [] : [sent])
            #expect(exchange.received.isEmpty)
            #expect(exchange.elapsed >= .milliseconds(900))
            #expect(exchange.elapsed < .seconds(15))
        }
    }

    @Test("a frame that arrives in pieces is reassembled")
    func reassemblesFrame() async throws {
        let framed = VTPTestClient.frame(try VTPFixtures.bytes("SWIFT00.xml"))
        let pieces = [Array(framed[..<2]), Array(framed[2..<100]), Array(framed[100...])]
        try await VTPServerHarness.withServer(handler: VTPServerHarness.inspectAndAccept) { port, _ in
            let exchange = try await VTPTestClient.exchange(port: port, sending: pieces, pause: .milliseconds(50))
            #expect(try TransportReply(parsing: try #require(exchange.onlyReply)).role == "ack")
        }
    }

    @Test("two authors are served at the same time")
    func servesConcurrently() async throws {
        let rendezvous = VTPRendezvous(count: 2)
        try await VTPServerHarness.withServer(handler: { submission in
            await rendezvous.arrive()
            return await VTPServerHarness.inspectAndAccept(submission)
        }) { port, _ in
            async let first = VTPTestClient.submit(try VTPFixtures.bytes("SWIFT00.xml"), port: port)
            async let second = VTPTestClient.submit(try VTPFixtures.bytes("LVC_real_preliminary.xml"), port: port)
            let replies = try await [first, second].map { try TransportReply(parsing: try #require($0.onlyReply)) }
            #expect(replies.map(\.role) == ["ack", "ack"])
            #expect(replies.map { $0.text("Origin") } == ["ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987",
                                                           "ivo://gwnet/LVC#S230518h-1-Preliminary"])
        }
    }

    @Test("the reply is sent only after the handler has returned")
    func repliesAfterHandler() async throws {
        let handlerReturned = VTPRecorded<ContinuousClock.Instant?>(nil)
        try await VTPServerHarness.withServer(handler: { submission in
            try? await Task.sleep(for: .milliseconds(300))
            let verdict = await VTPServerHarness.inspectAndAccept(submission)
            handlerReturned.update { $0 = .now }
            return verdict
        }) { port, _ in
            let exchange = try await VTPTestClient.submit(try VTPFixtures.bytes("SWIFT00.xml"), port: port)
            let returned = try #require(handlerReturned.value)
            let arrival = try #require(exchange.firstByteArrival)
            #expect(returned <= arrival)
            #expect(exchange.elapsed >= .milliseconds(300))
            #expect(try TransportReply(parsing: try #require(exchange.onlyReply)).role == "ack")
        }
    }

    @Test("graceful shutdown lets a running handler finish and reply, drops idle authors, then stops listening")
    func drainsOnGracefulShutdown() async throws {
        let handlerStarted = VTPRendezvous(count: 2)
        let boundPort = VTPRecorded(0)
        try await VTPServerHarness.withServer(handler: { submission in
            await handlerStarted.arrive()
            try? await Task.sleep(for: .milliseconds(500))
            return await VTPServerHarness.inspectAndAccept(submission)
        }) { port, group in
            boundPort.update { $0 = port }
            // Dropped at shutdown; at worst (an author accepted just as shutdown began) by the 10 s author timeout.
            async let idle = VTPTestClient.exchange(port: port, sending: [], within: .seconds(30))
            try await Task.sleep(for: .milliseconds(200))
            async let submitted = VTPTestClient.submit(try VTPFixtures.bytes("SWIFT00.xml"), port: port)
            await handlerStarted.arrive()
            await group.triggerGracefulShutdown()
            let idleExchange = try await idle
            #expect(idleExchange.received.isEmpty)
            #expect(idleExchange.elapsed < .seconds(15))
            let exchange = try await submitted
            #expect(try TransportReply(parsing: try #require(exchange.onlyReply)).role == "ack")
        }
        await #expect(throws: (any Error).self) {
            _ = try await VTPTestClient.exchange(port: boundPort.value, sending: [])
        }
    }

    @Test("a server that cannot bind reports no port and fails")
    func bindFailure() async throws {
        try await VTPServerHarness.withServer(handler: VTPServerHarness.inspectAndAccept) { port, _ in
            let second = VTPServer(configuration: .init(port: port, localIVO: Self.localIVO), logger: .init(label: "vtp-test"),
                                   handler: VTPServerHarness.inspectAndAccept)
            await #expect(throws: (any Error).self) { try await second.run() }
            #expect(await second.localPort == nil)
        }
    }
}
