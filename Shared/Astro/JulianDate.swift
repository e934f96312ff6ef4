import Foundation

/// Julian and Modified Julian Dates in the UTC time scale, as VOEvents and catalogues quote them.
/// Days are 86 400 s and leap seconds are not counted, matching Unix time. A `Double` JD resolves
/// ~40 µs; an MJD ~1 µs.
extension Date {
    /// MJD 0 is 1858-11-17T00:00:00; Unix time 0 is MJD 40587.
    static let unixEpochModifiedJulianDate: Double = 40_587
    /// JD − MJD.
    static let modifiedJulianDateOffset: Double = 2_400_000.5

    public init(modifiedJulianDate: Double) {
        self.init(timeIntervalSince1970: (modifiedJulianDate - Self.unixEpochModifiedJulianDate) * 86_400)
    }

    public init(julianDate: Double) {
        self.init(modifiedJulianDate: julianDate - Self.modifiedJulianDateOffset)
    }

    public var modifiedJulianDate: Double {
        timeIntervalSince1970 / 86_400 + Self.unixEpochModifiedJulianDate
    }

    public var julianDate: Double {
        modifiedJulianDate + Self.modifiedJulianDateOffset
    }
}
