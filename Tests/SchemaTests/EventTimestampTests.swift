import Foundation
import Schema
import Testing

@Suite("Event timestamps")
struct EventTimestampTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_795_000_000.123, "2026-11-18T11:06:40.123Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
        (1_709_164_800.999, "2024-02-29T00:00:00.999Z"),
        (951_782_400, "2000-02-29T00:00:00.000Z"),
        (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        (-62_135_596_800, "0001-01-01T00:00:00.000Z"),
    ])
    func formatsAndParsesKnownInstants(seconds: Double, text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(EventTimestamp.string(from: date) == text)
        let parsed = try #require(EventTimestamp.date(from: text))
        #expect(parsed == date)
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(EventTimestamp.string(from: Date(timeIntervalSince1970: 0.0006)) == "1970-01-01T00:00:00.001Z")
        #expect(EventTimestamp.string(from: Date(timeIntervalSince1970: 59.9996)) == "1970-01-01T00:01:00.000Z")
    }

    @Test func agreesWithFoundationsISO8601Formatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            // 1900 to 2400, in whole milliseconds.
            let ms = Int64.random(in: -2_208_988_800_000...13_569_465_600_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let ours = EventTimestamp.string(from: date)
            #expect(ours == formatter.string(from: date))
            #expect(ours.flatMap(EventTimestamp.date(from:)) == date)
        }
    }

    @Test(arguments: [
        ("2026-11-21T03:37:52Z", 1_795_232_272.0),
        ("2026-11-21T03:37:52.1Z", 1_795_232_272.1),
        ("2026-11-21T03:37:52.123456789Z", 1_795_232_272.123456),
        ("2026-11-21T13:37:52.123+10:00", 1_795_232_272.123),
        ("2026-11-20T22:07:52.123-05:30", 1_795_232_272.123),
    ])
    func parsesOptionalFractionsAndOffsets(text: String, seconds: Double) {
        #expect(EventTimestamp.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "", "2026-11-21", "2026-11-21T03:37:52", "2026-11-21 03:37:52Z", "2026-11-21T03:37:52.Z",
        "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-21T24:00:00Z",
        "2026-11-21T03:60:00Z", "2026-11-21T03:37:60Z", "2026-11-21T03:37:52ZZ", "2026-11-21T03:37:52+1000",
        "20261121T033752Z", "+2026-11-21T03:37:52Z", "2026-11-21T03:37:52.12a3Z",
    ])
    func rejectsMalformedTimestamps(text: String) {
        #expect(EventTimestamp.date(from: text) == nil)
    }

    @Test func refusesDatesBeyondFourYearDigits() {
        let tooLate = Date(timeIntervalSince1970: 253_402_300_800)
        #expect(EventTimestamp.string(from: tooLate) == nil)
        let event = Event(source: "/burstwire/test", time: tooLate, data: TNSNameAssigned(
            frbId: 3, tnsName: "FRB 20171117A", reportId: "123456", assignedAt: Date()))
        #expect(throws: EncodingError.self) { try event.encode() }
    }

    @Test func isSafeToUseFromManyTasksAtOnce() async {
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var bad = 0
                    for step in 0..<5000 {
                        let date = Date(timeIntervalSince1970: Double(1_700_000_000_000 + task * 7_919_000 + step * 1_013) / 1000)
                        if EventTimestamp.string(from: date).flatMap(EventTimestamp.date(from:)) != date { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
