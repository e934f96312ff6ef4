import Foundation

/// The one timestamp form on the bus: RFC 3339 in UTC with milliseconds, "2026-11-21T03:37:52.123Z".
///
/// Hand-written rather than ISO8601DateFormatter: that formatter is a mutable class that must not be
/// shared across threads, while this fixed form is a few integer operations with no state at all.
public enum EventTimestamp {
    private static let millisecondsPerDay: Int64 = 86_400_000
    /// 0000-01-01T00:00:00.000Z through 9999-12-31T23:59:59.999Z: what four year digits can write.
    private static let millisecondRange: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    /// Formats `date` to the millisecond with a trailing "Z"; nil when its year is outside 0000–9999.
    public static func string(from date: Date) -> String? {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        guard scaled.isFinite, let ms = Int64(exactly: scaled), millisecondRange.contains(ms) else { return nil }
        let days = floorDivide(ms, millisecondsPerDay)
        let msOfDay = ms - days * millisecondsPerDay
        let (year, month, day) = civil(fromDays: days)
        let second = msOfDay / 1000

        var bytes = [UInt8]()
        bytes.reserveCapacity(24)
        func append(_ value: Int64, digits: Int, then separator: Unicode.Scalar) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            bytes.append(UInt8(ascii: separator))
        }
        append(year, digits: 4, then: "-")
        append(month, digits: 2, then: "-")
        append(day, digits: 2, then: "T")
        append(second / 3600, digits: 2, then: ":")
        append(second / 60 % 60, digits: 2, then: ":")
        append(second % 60, digits: 2, then: ".")
        append(msOfDay % 1000, digits: 3, then: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses "YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)". The fraction is optional and kept to the
    /// microsecond. Returns nil for any other shape or an out-of-range field.
    public static func date(from string: String) -> Date? {
        var text = string
        return text.withUTF8(parse)
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= b.count else { return nil }
            var value: Int64 = 0
            for _ in 0..<width {
                guard let digit = digitValue(b[index]) else { return nil }
                value = value * 10 + digit
                index += 1
            }
            return value
        }
        func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard index < b.count, b[index] == UInt8(ascii: scalar) else { return false }
            index += 1
            return true
        }

        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              skip("T"), let hour = number(2), skip(":"), let minute = number(2), skip(":"),
              let second = number(2),
              (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var micros: Int64 = 0
        if skip(".") {
            var digits = 0
            while index < b.count, let digit = digitValue(b[index]) {
                if digits < 6 { micros = micros * 10 + digit }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 6 {
                for _ in digits..<6 { micros *= 10 }
            }
        }

        var offsetSeconds: Int64 = 0
        if !skip("Z") {
            let sign: Int64
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let offsetHour = number(2), skip(":"), let offsetMinute = number(2),
                  offsetHour < 24, offsetMinute < 60
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        }
        guard index == b.count else { return nil }

        let seconds = days(fromYear: year, month: month, day: day) * 86_400
            + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds * 1_000_000 + micros) / 1_000_000)
    }

    private static func digitValue(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil and civil_from_days: proleptic Gregorian, day 0 = 1970-01-01.
    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
