import Astro
import Database
import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Testing
import TestSupport
@testable import CatalogStore

private typealias H = CatalogHarness

/// The FRB list and detail through the HTTP API, against the real catalogue.
@Suite struct FRBReadTests {
    @Test func theAPINeedsReadCredentialsAndNamesBadParameters() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let credentials = try await ReadCredentials.issue(services.identities)
        try await application.test(.router) { client in
            let anonymous = try await client.get("/api/v1/frbs", authorization: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.body.contains(#""code":"not_authenticated""#))
            #expect(anonymous.headers[.wwwAuthenticate] != nil)
            #expect(try await client.get("/api/v1/frbs", authorization: "Bearer not-a-token").status == .unauthorized)
            #expect(try await client.get("/api/v1/frbs", authorization: credentials.ingestOnly).status == .forbidden)
            #expect(try await client.get("/api/v1/frbs?page_size=1", authorization: credentials.read).status == .ok)

            let bad = try await client.get("/api/v1/frbs?dm_min=abc&ra=10&radius=-1&colour=red&cursor=xyz", authorization: credentials.read)
            #expect(bad.status == .badRequest)
            let error = try #require(try JSONSerialization.jsonObject(with: Data(bad.body.utf8)) as? [String: [String: Any]])["error"]
            #expect(error?["code"] as? String == "invalid_parameters")
            let fields = try #require(error?["fields"] as? [String: [String]])
            #expect(Set(fields.keys) == ["dm_min", "radius", "dec", "colour", "cursor"])
            #expect(fields["dm_min"] == ["must be a number"])
            #expect(fields["dec"]?.first?.contains("cone search") == true)

            // A cursor not issued here (a time PostgreSQL cannot read) and year 0 are the parameter's fault, named as such.
            let forged = Data("a|1|5".utf8).base64EncodedString()
            for (query, field) in [("cursor=\(forged)", "cursor"), ("toa_after=0000-01-01T00:00:00Z", "toa_after")] {
                let refused = try await client.get("/api/v1/frbs?\(query)", authorization: credentials.read)
                #expect(refused.status == .badRequest && refused.body.contains("\"\(field)\""), "\(query): \(refused.body)")
            }
            #expect(QueryString.pairs("tns_name=FRB+2024%25&x=a%2Bb").map { "\($0.0)=\($0.1)" } == ["tns_name=FRB 2024%", "x=a+b"])

            let missing = try await client.get("/api/v1/frbs/\(H.freshId())", authorization: credentials.read)
            #expect(missing.status == .notFound && missing.body.contains(#""code":"not_found""#))
            #expect(try await client.get("/api/v1/frbs/twelve", authorization: credentials.read).status == .badRequest)
        }
        await harness.cleanUp()
    }

    @Test func coneSearchReturnsExactlyWhatBruteForceFinds() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let credentials = try await ReadCredentials.issue(services.identities)
        let seed = try await CatalogSeed(pool: services.pool)
        // One cone at the RA wrap, one at the pole, two ordinary; points out to twice each radius.
        let cones = [(ra: 359.6, dec: -10.0, radius: 1.5), (ra: 45.0, dec: 88.8, radius: 2.0),
                     (ra: 150.0, dec: 30.0, radius: 2.0), (ra: 200.0, dec: -45.0, radius: 0.5)]
        for cone in cones {
            for _ in 0..<50 {
                let (ra, dec) = offset(from: cone, by: Double.random(in: 0...(2 * cone.radius)), angle: Double.random(in: 0..<360))
                try await seed.frb(ra: ra, dec: dec, at: Date())
            }
        }
        try await application.test(.router) { client in
            let everywhere = try await latestPositions(services.pool)
            for cone in cones {
                var found: [Int64] = []
                var uri: String? = "/api/v1/frbs?ra=\(cone.ra)&dec=\(cone.dec)&radius=\(cone.radius)&page_size=40"
                while let next = uri {
                    let page = try #require(try await client.json(next, credentials) as? [String: Any])
                    found += (page["results"] as? [[String: Any]] ?? []).compactMap { ($0["frb_id"] as? NSNumber)?.int64Value }
                    uri = (page["next"] as? String).map { String($0[$0.range(of: "/api/")!.lowerBound...]) }
                }
                let centre = EquatorialPosition(rightAscensionDegrees: cone.ra, declinationDegrees: cone.dec)
                let expected = everywhere.filter { _, position in
                    centre.separation(to: EquatorialPosition(rightAscensionDegrees: position.ra, declinationDegrees: position.dec)).degrees <= cone.radius
                }
                #expect(expected.count >= 10, "the cone at \(cone) should hold a good share of its 50 points")
                #expect(found.count == Set(found).count, "no FRB twice")
                #expect(Set(found) == Set(expected.keys), "cone \(cone): q3c and brute force differ")
            }
        }
        await harness.cleanUp()
    }

    @Test func pagesStayStableWhileFRBsArrive() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let credentials = try await ReadCredentials.issue(services.identities)
        let seed = try await CatalogSeed(pool: services.pool)
        // A day in the 1970s no other test uses, so the window holds only this test's FRBs.
        let day = Date(timeIntervalSince1970: (Double.random(in: 0..<3_000).rounded(.down)) * 86_400)
        @Sendable func randomTime() -> Date { day.addingTimeInterval(Double.random(in: 0..<86_400).rounded(.down)) }
        var stored: Set<Int64> = []
        for index in 0..<40 {
            // Some share a time of arrival, so the id has to break ties.
            let time = index % 8 == 0 ? day.addingTimeInterval(3_600) : randomTime()
            stored.insert(try await seed.frb(ra: 10, dec: 10, at: time))
        }
        let original = stored
        let window = "toa_after=\(EventTimestamp.string(from: day)!)&toa_before=\(EventTimestamp.string(from: day.addingTimeInterval(86_400))!)"
        try await application.test(.router) { client in
            var seen: [Int64] = []
            var pages: [[[String: Any]]] = []
            var uri: String? = "/api/v1/frbs?\(window)&page_size=7"
            var secondPagePrevious: String?
            while let next = uri {
                let page = try #require(try await client.json(next, credentials) as? [String: Any])
                let results = page["results"] as? [[String: Any]] ?? []
                pages.append(results)
                seen += results.compactMap { ($0["frb_id"] as? NSNumber)?.int64Value }
                if pages.count == 2 { secondPagePrevious = page["previous"] as? String }
                for _ in 0..<3 { try await seed.frb(ra: 10, dec: 10, at: randomTime()) }
                uri = (page["next"] as? String).map { String($0[$0.range(of: "/api/")!.lowerBound...]) }
            }
            #expect(seen.count == Set(seen).count, "an FRB appeared on two pages")
            #expect(original.isSubset(of: Set(seen)), "FRBs present before paging began were skipped")
            let keys = pages.flatMap { $0 }.map { ($0["time_of_arrival"] as? String ?? "", ($0["frb_id"] as? NSNumber)?.int64Value ?? 0) }
            let times = keys.map { EventTimestamp.date(from: $0.0) ?? .distantPast }
            for index in keys.indices.dropFirst() {
                let ordered = times[index - 1] > times[index] || (times[index - 1] == times[index] && keys[index - 1].1 > keys[index].1)
                #expect(ordered, "rows \(index - 1) and \(index) are out of order")
            }
            let previousLink = try #require(secondPagePrevious)
            let previous = String(previousLink[previousLink.range(of: "/api/")!.lowerBound...])
            let before = try #require(try await client.json(previous, credentials) as? [String: Any])
            // Page two began at row 7 of the traversal; "previous" holds the 7 rows just before it, however many arrived since.
            let pageTwoStart = (times[7], keys[7].1)
            let beforeKeys = (before["results"] as? [[String: Any]] ?? []).map {
                (EventTimestamp.date(from: $0["time_of_arrival"] as? String ?? "") ?? .distantPast, ($0["frb_id"] as? NSNumber)?.int64Value ?? 0)
            }
            #expect(beforeKeys.count == 7)
            #expect(beforeKeys.allSatisfy { $0.0 > pageTwoStart.0 || ($0.0 == pageTwoStart.0 && $0.1 > pageTwoStart.1) },
                    "previous leads back to rows before page two")
        }
        await harness.cleanUp()
    }

    /// The latest measured position of every FRB in the catalogue.
    private func latestPositions(_ pool: DatabasePool) async throws -> [Int64: (ra: Double, dec: Double)] {
        try await pool.withConnection { db in
            var positions: [Int64: (ra: Double, dec: Double)] = [:]
            for row in try db.query("""
                SELECT f.frb_id, m.ra, m.dec FROM catalog_frb_events f JOIN LATERAL (
                    SELECT ra, dec FROM catalog_radio_measurements WHERE frb_id = f.frb_id
                    ORDER BY measurement_id DESC LIMIT 1) m ON true
                """).rows {
                positions[try row.int("frb_id")] = (try row.double("ra"), try row.double("dec"))
            }
            return positions
        }
    }

    /// The point `distance` degrees from `centre` towards position angle `angle` (degrees east of north).
    private func offset(from centre: (ra: Double, dec: Double, radius: Double), by distance: Double, angle: Double) -> (Double, Double) {
        let (ra0, dec0, d, theta) = (centre.ra * .pi / 180, centre.dec * .pi / 180, distance * .pi / 180, angle * .pi / 180)
        let dec = asin(sin(dec0) * cos(d) + cos(dec0) * sin(d) * cos(theta))
        let ra = ra0 + atan2(sin(theta) * sin(d) * cos(dec0), cos(d) - sin(dec0) * sin(dec))
        let raDegrees = (ra * 180 / .pi).truncatingRemainder(dividingBy: 360)
        return (raDegrees < 0 ? raDegrees + 360 : raDegrees, dec * 180 / .pi)
    }
}
