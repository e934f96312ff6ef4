import Foundation

/// Python's `float()` and `int()` as TraceT applies them to Param values and coordinates: surrounding blanks are
/// allowed, hexadecimal is not. Infinities and NaN, which Python accepts, are refused: no alert carries them
/// and they have no sexagesimal form.
enum PythonNumber {
    static func float(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.contains(where: { $0 == "x" || $0 == "X" }), let value = Double(trimmed), value.isFinite else {
            return nil
        }
        return value
    }

    static func int(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// astropy's `Angle.to_string(unit=…, sep=":")` with no precision, which TraceT stores as ra_hms and dec_dms:
/// seconds to at most 8 places with trailing zeros dropped, 60 s carried into the minutes, no padding of the
/// lead, and "-0" for a small negative angle.
enum Sexagesimal {
    /// astropy's degree-to-hourangle factor, one ulp above 1/15: dividing by 15 instead changes the last digit of some RAs.
    static let hoursPerDegree = 0x1.1111111111112p-4

    static func hours(degrees: Double) -> String {
        string(degrees * hoursPerDegree)
    }

    static func degrees(_ degrees: Double) -> String {
        string(degrees)
    }

    private static func string(_ value: Double) -> String {
        let magnitude = abs(value)
        var whole = magnitude.rounded(.towardZero)
        let minutesAndFraction = (magnitude - whole) * 60
        var minutes = minutesAndFraction.rounded(.towardZero)
        var seconds = (minutesAndFraction - minutes) * 60
        // astropy rounds to the printed places before deciding to carry.
        if Double(String(format: "%.8f", seconds)) ?? 0 >= 60 {
            seconds = 0
            minutes += 1
        }
        if minutes >= 60 {
            minutes = 0
            whole += 1
        }
        var last = String(format: "%.8f", seconds)
        while last.hasSuffix("0") { last.removeLast() }
        if last.hasSuffix(".") { last.removeLast() }
        if last.count == 1 || last.dropFirst().first == "." { last = "0" + last }
        let lead = String(format: "%.0f", value.sign == .minus ? -whole : whole)
        return "\(lead):\(String(format: "%02d", Int(minutes))):\(last)"
    }
}

/// `iso8601.parse_date`, which voeventparse applies to ISOTime: date-only and compact forms are accepted, no zone
/// means UTC, and the fraction is cut (not rounded) to microseconds, as Python's datetime holds no finer.
enum ISOTime {
    static func date(_ text: String) throws -> Date {
        // iso8601's own pattern. A multi-line literal ignores white space, so the date-time space is escaped.
        let pattern = #/
            (?<year>[0-9]{4})
            (?: (?: -(?<monthDash>[0-9]{1,2}) | (?<month>[0-9]{2}) (?!\n?\z) )
              (?: (?: -(?<dayDash>[0-9]{1,2}) | (?<day>[0-9]{2}) )
                (?: [\ T] (?<hour>[0-9]{2}) (?: :? (?<minute>[0-9]{2}) )?
                  (?: :? (?<second>[0-9]{1,2}) (?: [.,] (?<fraction>[0-9]+) )? )?
                  (?<zone> Z | (?<sign>[\-+]) (?<zoneHour>[0-9]{2}) :? (?<zoneMinute>[0-9]{2})? )?
                )?
              )?
            )?
            \n?
            /#
        let invalid = AlertParseError("ISOTime \"\(text)\" is not a date iso8601 reads")
        guard let match = text.wholeMatch(of: pattern) else { throw invalid }
        let found = match.output
        func number(_ digits: Substring?, _ absent: Int) -> Int { digits.flatMap { Int($0) } ?? absent }
        let year = number(found.year, 0), month = number(found.month ?? found.monthDash, 1)
        let day = number(found.day ?? found.dayDash, 1)
        let (hour, minute, second) = (number(found.hour, 0), number(found.minute, 0), number(found.second, 0))
        let micro = Int((found.fraction ?? "").prefix(6).padding(toLength: 6, withPad: "0", startingAt: 0)) ?? 0
        let zoneSign = found.sign == "-" ? -1 : 1
        let offset = zoneSign * (number(found.zoneHour, 0) * 3600 + number(found.zoneMinute, 0) * 60)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard year >= 1, (1...12).contains(month), (1...monthDays[month - 1]).contains(day), hour < 24, minute < 60,
              second < 60, abs(offset) < 86_400 else { throw invalid }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400, yearOfEra = y % 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micro) / 1_000_000)
    }
}
