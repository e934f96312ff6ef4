import Foundation

/// Seconds since the GPS epoch 1980-01-06T00:00:00 UTC, counting leap seconds: the clock in which
/// MWA observation IDs and trigger times are given. A `Double` resolves ~0.2 µs at present epochs.
public struct GPSTime: Sendable, Hashable, Comparable {
    /// Unix time of the GPS epoch, 1980-01-06T00:00:00 UTC.
    public static let epochUnixTime: Double = 315_964_800

    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// From Unix time (UTC seconds since 1970 without leap seconds).
    public init(unixTime: Double) {
        seconds = unixTime - Self.epochUnixTime + Double(LeapSeconds.gpsMinusUTC(atUnixTime: unixTime))
    }

    public init(utc date: Date) {
        self.init(unixTime: date.timeIntervalSince1970)
    }

    /// Unix time; a GPS instant inside a leap second maps to a repeated 23:59:59.
    public var unixTime: Double {
        seconds + Self.epochUnixTime - Double(LeapSeconds.gpsMinusUTC(atGPSSeconds: seconds))
    }

    public var utc: Date {
        Date(timeIntervalSince1970: unixTime)
    }

    public static func < (lhs: GPSTime, rhs: GPSTime) -> Bool { lhs.seconds < rhs.seconds }
}
