import Foundation

/// Sidereal time, which turns a right ascension into an hour angle at a site.
public enum SiderealTime {
    /// Unix time of J2000.0 taken as 2000-01-01T12:00:00 UT1.
    static let j2000UnixTime: Double = 946_728_000

    /// Greenwich mean sidereal time by the IAU 1982 expression (Meeus, Astronomical Algorithms,
    /// eq. 12.4), in [0°, 360°). UT1 is taken equal to UTC; |UT1 − UTC| < 0.9 s keeps the error
    /// below 13.5″ (0.004°).
    public static func greenwichMean(at date: Date) -> Angle {
        let days = (date.timeIntervalSince1970 - j2000UnixTime) / 86_400
        let centuries = days / 36_525
        let degrees = 280.46061837 + 360.98564736629 * days
            + 0.000387933 * centuries * centuries - centuries * centuries * centuries / 38_710_000
        return Angle.degrees(degrees).wrappedToPositive
    }

    /// Local mean sidereal time for an east-positive longitude, in [0°, 360°).
    public static func localMean(at date: Date, longitude: Angle) -> Angle {
        (greenwichMean(at: date) + longitude).wrappedToPositive
    }
}
