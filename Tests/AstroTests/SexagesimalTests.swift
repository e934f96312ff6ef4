import Testing
@testable import Astro

@Suite struct SexagesimalTests {
    /// 12h34m56.7s = 12.582416̅ h = 188.73625°.
    @Test(arguments: ["12:34:56.7", "12 34 56.7", "12h34m56.7s", " 12h 34m 56.7s ", "12:34:56.70"])
    func parsesRightAscensionForms(text: String) throws {
        let angle = try Sexagesimal.parseRightAscension(text)
        #expect(abs(angle.degrees - 188.73625) < 1e-12)
    }

    /// −12°34′56″ = −12.582̅2̅ °.
    @Test(arguments: ["-12:34:56", "-12 34 56", "-12d34m56s", "−12°34′56″", "- 12:34:56.000"])
    func parsesDeclinationForms(text: String) throws {
        let angle = try Sexagesimal.parseDeclination(text)
        #expect(abs(angle.degrees - -(12 + 34.0 / 60 + 56.0 / 3600)) < 1e-12)
    }

    @Test func signAppliesToWholeDeclinationBelowOneDegree() throws {
        #expect(try Sexagesimal.parseDeclination("-00:30:00").degrees == -0.5)
        #expect(try Sexagesimal.parseDeclination("+00:30:00").degrees == 0.5)
        #expect(try Sexagesimal.parseDeclination("00:30:00").degrees == 0.5)
        #expect(try Sexagesimal.parseDeclination("-00:00:36").degrees == -0.01)
    }

    @Test func acceptsPoleExactly() throws {
        #expect(try Sexagesimal.parseDeclination("-90:00:00").degrees == -90)
    }

    @Test(arguments: [
        ("24:00:00", SexagesimalParseError.Reason.hoursOutOfRange(24), "hours 24.0 outside 0..<24"),
        ("12:60:00", .minutesOutOfRange(60), "minutes 60.0 outside 0..<60"),
        ("12:00:60.0", .secondsOutOfRange(60), "seconds 60.0 outside 0..<60"),
        ("-12:00:00", .malformed, "expected three fields like hh:mm:ss.s"),
        ("12:34", .malformed, "expected three fields"),
        ("12:34:56:78", .malformed, "expected three fields"),
        ("1234 56", .malformed, "expected three fields"),
        ("", .malformed, "expected three fields"),
    ])
    func rejectsBadRightAscension(text: String, reason: SexagesimalParseError.Reason, message: String) {
        let error = #expect(throws: SexagesimalParseError.self) { try Sexagesimal.parseRightAscension(text) }
        #expect(error?.reason == reason)
        #expect(error?.coordinate == .rightAscension)
        #expect(error?.description.contains(message) == true)
        #expect(error?.description.contains("right ascension \"\(text)\"") == true)
    }

    @Test(arguments: [
        ("+90:00:01", SexagesimalParseError.Reason.degreesOutOfRange(90 + 1.0 / 3600), "exceeds 90°"),
        ("91:00:00", .degreesOutOfRange(91), "exceeds 90°"),
        ("-10:75:00", .minutesOutOfRange(75), "minutes 75.0"),
        ("10:00:61", .secondsOutOfRange(61), "seconds 61.0"),
        ("+-10:00:00", .malformed, "±dd:mm:ss.s"),
        ("10.5:00:00", .malformed, "expected three fields"),
    ])
    func rejectsBadDeclination(text: String, reason: SexagesimalParseError.Reason, message: String) {
        let error = #expect(throws: SexagesimalParseError.self) { try Sexagesimal.parseDeclination(text) }
        #expect(error?.reason == reason)
        #expect(error?.coordinate == .declination)
        #expect(error?.description.contains(message) == true)
    }

    @Test(arguments: [
        (188.73625, 2, "12:34:56.70"),
        (0.0, 2, "00:00:00.00"),
        (-15.0, 1, "23:00:00.0"),
        (359.99999999, 2, "00:00:00.00"),       // rounds to 24h, which wraps to 0h
        (29.99999999, 2, "02:00:00.00"),        // 01:59:59.9999976 carries into the hour
        (15.0 + 59.9999 / 3600 * 15, 3, "01:01:00.000"), // 01:00:59.9999 carries into the minute
        (293.15643310546875, 2, "19:32:37.54"), // Aegean catalogue row, 1904_comp.fits
        (188.73625, 0, "12:34:57"),
    ])
    func formatsRightAscension(degrees: Double, digits: Int, expected: String) {
        #expect(Sexagesimal.formatRightAscension(.degrees(degrees), fractionDigits: digits) == expected)
    }

    @Test(arguments: [
        (-0.5, 1, "-00:30:00.0"),
        (0.5, 1, "+00:30:00.0"),
        (-1e-9, 1, "+00:00:00.0"),              // rounds to zero, so no minus sign
        (-(12 + 59.99996 / 3600), 1, "-12:01:00.0"),
        (89.999999999, 2, "+90:00:00.00"),
        (-65.26267, 0, "-65:15:46"),
    ])
    func formatsDeclination(degrees: Double, digits: Int, expected: String) {
        #expect(Sexagesimal.formatDeclination(.degrees(degrees), fractionDigits: digits) == expected)
    }

    @Test func formatsNonFiniteAsNaN() {
        #expect(Sexagesimal.formatRightAscension(.degrees(.nan)) == "NaN")
        #expect(Sexagesimal.formatDeclination(.degrees(.infinity)) == "NaN")
    }

    @Test(arguments: [
        ("19:32:37.54", "-65:15:45.61"), ("00:00:00.00", "+00:00:00.00"), ("23:59:59.99", "-89:59:59.99"),
    ])
    func roundTrips(rightAscension: String, declination: String) throws {
        let position = try EquatorialPosition(rightAscension: rightAscension, declination: declination)
        #expect(Sexagesimal.formatRightAscension(position.rightAscension, fractionDigits: 2) == rightAscension)
        #expect(Sexagesimal.formatDeclination(position.declination, fractionDigits: 2) == declination)
    }
}
