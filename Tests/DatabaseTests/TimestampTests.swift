import Foundation
import Testing
@testable import Database

@Suite struct TimestampTests {
    @Test func formatsAndParsesMicroseconds() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let text = try #require(date.postgresText)
        #expect(text == "2023-11-14 22:13:20.123456+00")
        let parsed = try #require(PostgresTimestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - 1_700_000_000.123456) < 1e-6)
    }

    @Test func parsesOffsetsAndMissingFraction() throws {
        let parsed = try #require(PostgresTimestamp.parse("2023-11-15 08:13:20+10"))
        #expect(parsed.timeIntervalSince1970 == 1_700_000_000)
        let negative = try #require(PostgresTimestamp.parse("2023-11-14 17:43:20-04:30"))
        #expect(negative.timeIntervalSince1970 == 1_700_000_000)
    }

    @Test func rejectsGarbage() {
        #expect(PostgresTimestamp.parse("yesterday") == nil)
    }
}
