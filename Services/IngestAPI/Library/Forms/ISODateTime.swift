import Foundation

/// ISO 8601 date-times as Django's `parse_datetime` reads them for Django REST framework:
/// `YYYY-MM-DD[T ]hh:mm[:ss[.ffffff]]` with an optional `Z` or `±HH[:MM]` offset. A time without
/// an offset is UTC, because FRB_candidates_app ran with `USE_TZ` and `TIME_ZONE = 'UTC'`.
enum ISODateTime {
    static func parse(_ text: String) -> Date? {
        guard let parts = DateTimeParts(text) else { return nil }
        let (year, month, day, hour, minute, second) = (parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60,
              let offset = offsetSeconds(parts.offset) else { return nil }
        let wholeSeconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second - offset
        let fraction = parts.fraction.map { digits in Double("0.\(digits)") ?? 0 } ?? 0
        // Counting from 2001, Date's own epoch, keeps microseconds exact in the Double.
        return Date(timeIntervalSinceReferenceDate: Double(wholeSeconds - 978_307_200) + fraction)
    }

    /// Seconds east of UTC for `Z`, `±HH`, `±HHMM` or `±HH:MM`; nil when out of range.
    private static func offsetSeconds(_ designator: String?) -> Int? {
        guard let designator, designator != "Z" else { return 0 }
        let sign = designator.hasPrefix("-") ? -1 : 1
        let digits = designator.dropFirst().filter(\.isNumber)
        guard let hours = Int(digits.prefix(2)) else { return nil }
        let minutes = digits.count > 2 ? Int(digits.dropFirst(2)) ?? 60 : 0
        guard hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// The pieces of `YYYY-MM-DD[T ]hh:mm[:ss[.ffffff]][Z|±HH[[:]MM]]`, scanned by hand.
private struct DateTimeParts {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var fraction: String?
    var offset: String?

    init?(_ text: String) {
        var scanner = ByteScanner(text)
        guard let year = scanner.number(minimum: 4, maximum: 4), scanner.consume(UInt8(ascii: "-")),
              let month = scanner.number(minimum: 1, maximum: 2), scanner.consume(UInt8(ascii: "-")),
              let day = scanner.number(minimum: 1, maximum: 2),
              scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: " ")),
              let hour = scanner.number(minimum: 1, maximum: 2), scanner.consume(UInt8(ascii: ":")),
              let minute = scanner.number(minimum: 1, maximum: 2) else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute) = (year, month, day, hour, minute)
        if scanner.consume(UInt8(ascii: ":")) {
            guard let second = scanner.number(minimum: 1, maximum: 2) else { return nil }
            self.second = second
            if scanner.consume(UInt8(ascii: ".")) || scanner.consume(UInt8(ascii: ",")) {
                let start = scanner.index
                guard scanner.skipDigits(maximum: 6) > 0 else { return nil }
                fraction = scanner.text(from: start)
            }
        }
        let start = scanner.index
        if scanner.consume(UInt8(ascii: "Z")) {
            offset = "Z"
        } else if scanner.next == UInt8(ascii: "+") || scanner.next == UInt8(ascii: "-") {
            scanner.skipSign()
            guard scanner.skipDigits(maximum: 2) == 2 else { return nil }
            let colon = scanner.consume(UInt8(ascii: ":"))
            let minutes = scanner.skipDigits(maximum: 2)
            guard minutes == 2 || (minutes == 0 && !colon) else { return nil }
            offset = scanner.text(from: start)
        }
        guard scanner.atEnd else { return nil }
    }
}
