/// A cone on the sky for q3c radial queries: centre and radius in degrees.
struct Cone: Sendable {
    let ra: Double
    let dec: Double
    let radius: Double

    /// Reads `ra`, `dec` and `radius` (degrees): all three or none.
    static func read(_ query: inout QueryParameters) -> Cone? {
        let ra = query.double("ra", in: 0...360)
        let dec = query.double("dec", in: -90...90)
        let radius = query.double("radius", in: 0...180)
        let given = ["ra", "dec", "radius"].filter(query.has)
        guard given.count == 3 else {
            for name in ["ra", "dec", "radius"] where !query.has(name) && !given.isEmpty {
                let _: Cone? = query.fail(name, "is required with \(given.joined(separator: " and ")) for a cone search")
            }
            return nil
        }
        guard let ra, let dec, let radius else { return nil }
        return Cone(ra: ra, dec: dec, radius: radius)
    }
}
