import Testing
@testable import Messaging

@Suite struct BrokerAddressTests {
    @Test func parsesFullURL() throws {
        let address = try BrokerAddress(url: "amqp://alice:s%40cret@broker.example:5673/%2Fprod")
        #expect(address.host == "broker.example")
        #expect(address.port == 5673)
        #expect(address.user == "alice")
        #expect(address.password == "s@cret")
        #expect(address.virtualHost == "/prod")
    }

    @Test func defaultsPortAndVhost() throws {
        let address = try BrokerAddress(url: "amqp://127.0.0.1")
        #expect(address.port == 5672)
        #expect(address.virtualHost == "/")
        #expect(address.user == "guest")
    }

    @Test func descriptionHidesPassword() throws {
        let address = try BrokerAddress(url: "amqp://alice:hunter2@host:5672/")
        #expect(!address.description.contains("hunter2"))
        #expect(address.description.contains("alice@host"))
    }

    @Test func rejectsBadURLs() {
        #expect(throws: MessagingError.self) { try BrokerAddress(url: "http://host") }
        #expect(throws: MessagingError.self) { try BrokerAddress(url: "amqp://host:notaport/") }
        #expect(throws: MessagingError.self) { try BrokerAddress(url: "amqp://host:70000/") }
    }
}
