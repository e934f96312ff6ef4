import Foundation

/// The leap seconds inserted into UTC since the GPS epoch, which GPS time does not have.
///
/// Source: IERS leap-seconds.list (file expiring 2026-06-28). The last leap second was at the
/// end of 2016; IERS Bulletin C has announced none since. When IERS announces a new one,
/// append it to `insertions` — conversions after that date are otherwise off by one second.
public enum LeapSeconds {
    /// GPS − UTC in seconds at a UTC instant; 0 before the first leap second after 1980-01-06.
    public static func gpsMinusUTC(at date: Date) -> Int {
        gpsMinusUTC(atUnixTime: date.timeIntervalSince1970)
    }

    static func gpsMinusUTC(atUnixTime unixTime: Double) -> Int {
        insertions.last { unixTime >= $0.unixTime }?.gpsMinusUTC ?? 0
    }

    /// GPS − UTC at a GPS instant. The inserted second (23:59:60) already carries the new offset,
    /// so it maps to a repeated 23:59:59 in Unix time, as POSIX clocks show it.
    static func gpsMinusUTC(atGPSSeconds gpsSeconds: Double) -> Int {
        insertions.last { gpsSeconds >= $0.unixTime - GPSTime.epochUnixTime + Double($0.gpsMinusUTC - 1) }?
            .gpsMinusUTC ?? 0
    }

    /// Unix time of the 00:00:00 UTC that follows each inserted second, and GPS − UTC from then on.
    static let insertions: [(unixTime: Double, gpsMinusUTC: Int)] = [
        (362_793_600, 1),    // 1981-07-01
        (394_329_600, 2),    // 1982-07-01
        (425_865_600, 3),    // 1983-07-01
        (489_024_000, 4),    // 1985-07-01
        (567_993_600, 5),    // 1988-01-01
        (631_152_000, 6),    // 1990-01-01
        (662_688_000, 7),    // 1991-01-01
        (709_948_800, 8),    // 1992-07-01
        (741_484_800, 9),    // 1993-07-01
        (773_020_800, 10),   // 1994-07-01
        (820_454_400, 11),   // 1996-01-01
        (867_715_200, 12),   // 1997-07-01
        (915_148_800, 13),   // 1999-01-01
        (1_136_073_600, 14), // 2006-01-01
        (1_230_768_000, 15), // 2009-01-01
        (1_341_100_800, 16), // 2012-07-01
        (1_435_708_800, 17), // 2015-07-01
        (1_483_228_800, 18), // 2017-01-01
    ]
}
