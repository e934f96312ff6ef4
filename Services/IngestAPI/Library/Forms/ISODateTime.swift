import Foundation

/// ISO 8601 date-times as Django's `parse_datetime` reads them for Django REST framework:
/// `YYYY-MM-DD[T ]hh:mm[:ss[.ffffff]]` with an optional `Z` or `±HH[:MM]` offset. A time without
/// an offset is UTC, because FRB_candidates_app ran with `USE_TZ` and `TIME_ZONE = 'UTC'`.
enum ISODateTime {
    static func parse(_ text: String) -> Date? {
        let pattern = /(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?/
        guard let match = text.wholeMatch(of: pattern),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              let hour = Int(match.4), let minute = Int(match.5) else { return nil }
        let second = match.6.flatMap { Int($0) } ?? 0
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60,
              let offset = offsetSeconds(match.8.map(String.init)) else { return nil }
        let wholeSeconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second - offset
        let fraction = match.7.map { digits in Double("0.\(digits)") ?? 0 } ?? 0
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
