import Testing
@testable import Astro

@Suite struct AngleTests {
    @Test func unitConversions() {
        #expect(Angle.hours(1).degrees == 15)
        #expect(Angle.arcseconds(3600).degrees == 1)
        #expect(abs(Angle.degrees(180).radians - .pi) < 1e-15)
        #expect(abs(Angle.radians(.pi / 2).degrees - 90) < 1e-13)
        #expect(Angle.degrees(-45).hours == -3)
    }

    @Test(arguments: [
        (-0.5, 359.5), (360.0, 0.0), (720.25, 0.25), (-360.0, 0.0), (-1e-20, 0.0), (0.0, 0.0),
    ])
    func wrapsToPositive(input: Double, expected: Double) {
        let wrapped = Angle.degrees(input).wrappedToPositive.degrees
        #expect(wrapped == expected)
        #expect(wrapped >= 0 && wrapped < 360)
    }

    @Test(arguments: [(190.0, -170.0), (-190.0, 170.0), (180.0, -180.0), (-180.0, -180.0), (45.0, 45.0)])
    func wrapsToSigned(input: Double, expected: Double) {
        #expect(Angle.degrees(input).wrappedToSigned.degrees == expected)
    }
}
