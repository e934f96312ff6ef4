import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Testing
import TestSupport
@testable import CatalogStore

private typealias H = CatalogHarness

/// Everything the other services report about an FRB reaches its record, its API detail and its page,
/// through the real broker and consumer.
@Suite struct CatalogRecordTests {
    @Test func anFRBsWholeStoryIsStoredAndShown() async throws {
        let harness = try CatalogHarness()
        var configuration = harness.configuration
        configuration.catalog.publicPages = true
        let (application, services) = try await buildApplication(configuration: configuration)
        let credentials = try await ReadCredentials.issue(services.identities)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        let (observationId, frbId, first) = (H.freshId(), H.freshId(), H.freshId())
        let second = first + 1
        let decisionId = H.freshId()
        let triggerId = H.freshId()
        let suffix = UUID().uuidString.prefix(8)
        let sentIvorn = "ivo://burstwire.test/frb#\(frbId)-\(suffix)"
        let sentXML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0" ivorn="\(sentIvorn)" role="test" version="2.0">
            <Who><AuthorIVORN>ivo://burstwire.test/authors</AuthorIVORN><Date>2024-05-01T12:00:00</Date></Who>
            <What><Param name="dm" value="411.0" unit="pc/cm^3"/></What>
            </voe:VOEvent>
            """
        let swiftXML = try String(contentsOf: TestInfrastructure.repositoryRoot.appendingPathComponent("Tests/Fixtures/data/voevents/tracet/SWIFT00.xml"), encoding: .utf8)
        let receivedIvorn = "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_\(frbId)-\(suffix)"
        let packet = VOEventPacket(ivorn: receivedIvorn, role: .observation,
                                   xml: swiftXML.replacingOccurrences(of: "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987", with: receivedIvorn),
                                   sha256: "ab", receivedVia: .vtp, remoteAddress: "127.0.0.1:5000", receivedAt: Date())
        let now = Date()
        try await application.test(.live) { client in
            try await publisher.publish([
                try harness.message(FRBObservationReceived(observation: H.observation(observationId))),
                try harness.message(FRBEventReceived(frb: H.frb(frbId, observation: observationId))),
                try harness.message(FRBMeasurementReceived(measurement: H.measurement(first, frb: frbId, dm: 411))),
                try harness.message(FRBMeasurementReceived(measurement: H.measurement(second, frb: frbId, dm: 412.5))),
                try harness.message(SlackRatingReceived(frbId: frbId, slackUserId: "U\(suffix)", slackUserName: "Alice", rating: .confirm, actionTs: "1700000000.000100")),
                try harness.message(NotificationSent(channel: .slack, target: "#frb", frbId: frbId, ledgerKey: "slack:\(frbId)", attempt: 1, httpStatus: 200, sentAt: now)),
                try harness.message(NotificationSent(channel: .voevent, target: "127.0.0.1:8099", frbId: frbId, ledgerKey: "voevent:\(frbId)", attempt: 1,
                                                     brokerAnswer: .ack, voevent: PublishedVOEvent(ivorn: sentIvorn, xml: sentXML), sentAt: now)),
                try harness.message(NotificationFailed(channel: .tns, target: "sandbox", frbId: frbId, ledgerKey: "tns:\(frbId)", attempt: 1, httpStatus: 503,
                                                       errorMessage: "TNS answered 503", willRetry: true, sentAt: now)),
                try harness.message(TNSNameAssigned(frbId: frbId, tnsName: "FRB 20240501A-\(suffix)", reportId: "R\(frbId)", assignedAt: now)),
                try harness.message(TriggerDecided(decisionId: decisionId, subject: TriggerSubject(kind: .frb, frbId: frbId), proposalId: "frb-mwa",
                                                   status: .triggered, reason: [DecisionLogEntry(time: now, message: "DM 411 above 300: trigger")], decidedAt: now)),
                try harness.message(TriggerCompleted(decisionId: decisionId, proposalId: "frb-mwa", endpoint: .triggerbuffer,
                                                     requestParameters: ["project_id": "G0055", "obsname": "frb_\(frbId)", "creator": "burstwire", "secure_key": "s3cret"],
                                                     pretend: true, success: true, triggerId: triggerId, obsidList: [1_400_000_000], httpStatus: 200,
                                                     durationMs: 840, completedAt: now)),
                try harness.message(VOEventReceived(voevent: packet)),
            ])
            let stored = try await collect(5, from: observer)
            let voeventStored = try #require(stored.first { $0.routingKey == "voevent.stored.v1" })
            let summary = try Event<VOEventStored>.decode(from: voeventStored.body).data.summary
            #expect(summary.stream == "nasa.gsfc.gcn/SWIFT" && summary.position != nil)
            #expect(try EventSchemas.violations(of: voeventStored.body, type: voeventStored.routingKey).isEmpty)
            try await eventually("every event stored") {
                try await services.pool.withConnection { db in
                    try db.query("SELECT count(*) AS n FROM catalog_trigger_calls WHERE decision_id = $1", [decisionId]).first!.int("n") == 1
                        && db.query("SELECT count(*) AS n FROM catalog_tns_reports WHERE frb_id = $1", [frbId]).first!.int("n") == 1
                        && db.query("SELECT count(*) AS n FROM catalog_notifications WHERE frb_id = $1", [frbId]).first!.int("n") == 3
                        && db.query("SELECT count(*) AS n FROM catalog_ratings WHERE frb_id = $1", [frbId]).first!.int("n") == 1
                }
            }

            let detail = try #require(try await client.json("/api/v1/frbs/\(frbId)", credentials) as? [String: Any])
            let measurements = try #require(detail["measurements"] as? [[String: Any]])
            #expect(measurements.compactMap { ($0["measurement_id"] as? NSNumber)?.int64Value } == [first, second])
            let ratings = try #require(detail["ratings"] as? [String: Any])
            #expect((ratings["confirm"] as? Int) == 1 && (ratings["reject"] as? Int) == 0)
            #expect(((detail["frb"] as? [String: Any])?["tns_name"] as? String) == "FRB 20240501A-\(suffix)")
            #expect((detail["notifications"] as? [[String: Any]])?.map { $0["status"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["failed", "sent", "sent"])
            #expect((detail["voevents"] as? [[String: Any]])?.first?["ivorn"] as? String == sentIvorn)
            let calls = try #require(detail["trigger_calls"] as? [[String: Any]])
            #expect(calls.count == 1 && calls[0]["trigger_mode"] as? String == "BUFFER")
            #expect((detail["trigger_decisions"] as? [[String: Any]])?.first?["status"] as? String == "triggered")
            #expect((detail["image_urls"] as? [String: Any])?["search"] as? String == "https://burstwire.example/media/candidates/ab/abc.png")

            let xml = try await client.get("/api/v1/voevents/xml?ivorn=\(sentIvorn.addingPercentEncodingForQuery)", authorization: credentials.read)
            #expect(xml.status == .ok && xml.body == sentXML && xml.headers[.contentType]?.hasPrefix("application/xml") == true)
            let received = try #require(try await client.json("/api/v1/voevents?stream=nasa.gsfc.gcn/SWIFT&page_size=500", credentials) as? [String: Any])
            #expect((received["results"] as? [[String: Any]])?.contains { $0["ivorn"] as? String == receivedIvorn } == true)

            let found = try #require(try await client.json("/api/v1/trigger/find?project_id=G0055&obsname=frb_\(frbId)%25&pretend=1&trigger_mode=BUFFER", credentials) as? [[String: Any]])
            #expect(found.count == 1 && (found.first?["trigger_id"] as? NSNumber)?.int64Value == triggerId)
            #expect((found.first?["params"] as? [String: String])?["secure_key"] == nil, "secrets never reach the catalogue")
            let notPretend = try #require(try await client.json("/api/v1/trigger/find?obsname=frb_\(frbId)&pretend=off", credentials) as? [[String: Any]])
            #expect(notPretend.isEmpty)
            let shown = try #require(try await client.json("/api/v1/trigger/show?trigger_id=\(triggerId)", credentials) as? [String: Any])
            #expect(shown["obsname"] as? String == "frb_\(frbId)" && (shown["obsids"] as? [Int]) == [1_400_000_000])
            #expect((shown["created_datetime"] as? String)?.hasSuffix("Z") == false)

            let page = try await client.get("/frbs/\(frbId)", authorization: nil)
            #expect(page.status == .ok)
            for expected in ["FRB \(frbId)", "FRB 20240501A-\(suffix)", "https://burstwire.example/media/candidates/ab/abc.png",
                             "Alice", "confirm", "BUFFER", sentIvorn, "412.50", "triggerbuffer"] {
                #expect(page.body.contains(expected), "the detail page shows \(expected)")
            }
            let table = try await client.get("/frbs?tns_name=FRB%2020240501A-\(suffix)", authorization: nil)
            #expect(table.status == .ok && table.body.contains("href=\"/frbs/\(frbId)\"") && table.body.contains("412.50"))
            #expect(table.body.contains("(1)"), "the filter leaves exactly this FRB")
            let refused = try await client.get("/frbs?dm_min=lots", authorization: nil)
            #expect(refused.status == .badRequest && refused.body.contains("dm_min must be a number"))
        }
        await publisher.shutdown()
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func transientsKeepTheirPhotometryAndYSEPZMatching() async throws {
        let harness = try CatalogHarness()
        let (application, services) = try await buildApplication(configuration: harness.configuration)
        let credentials = try await ReadCredentials.issue(services.identities)
        let publisher = try harness.publisher()
        let name = "2024bw\(UUID().uuidString.prefix(6).lowercased())"
        let start = Date(timeIntervalSince1970: 1_714_564_800)
        @Sendable func upload(mag: Double, clobber: Bool, status: String?) -> TransientUploadReceived {
            let point = YSEPhotometryPoint(obsDate: start.addingTimeInterval(60), band: "g", mag: mag, magErr: 0.1)
            let group = YSEPhotometryGroup(instrument: "ZTF-Cam", obsGroup: "ZTF", photdata: ["p1": point])
            let transient = YSETransient(name: name, ra: 150.1, dec: 2.2, status: status, obsGroup: "ZTF",
                                         transientphotometry: YSEPhotometryUpload(mjdmatchmin: 0.01, clobber: clobber, groups: ["ZTF": group]))
            return TransientUploadReceived(transients: [name: transient], uploadedBy: "pipeline", receivedAt: Date())
        }
        try await application.test(.router) { client in
            try await publisher.publish(try harness.message(upload(mag: 19.5, clobber: false, status: "New")))
            try await publisher.publish(try harness.message(upload(mag: 20.5, clobber: false, status: nil)))
            try await eventually("two uploads stored") {
                try await services.pool.withConnection { db in
                    try db.query("SELECT count(*) AS n FROM catalog_events WHERE type = 'transient.upload.received.v1' AND data::text LIKE '%' || $1 || '%'", [name]).first!.int("n") == 2
                }
            }
            let transient = try #require(try await client.json("/api/v1/transients/\(name)", credentials) as? [String: Any])
            let photometry = try #require(transient["photometry"] as? [[String: Any]])
            #expect(photometry.count == 1 && (photometry[0]["mag"] as? Double) == 19.5, "a matching point without clobber is kept as it was")
            #expect(transient["status"] as? String == "New")
            try await publisher.publish(try harness.message(upload(mag: 20.5, clobber: true, status: nil)))
            try await eventually("the clobbering upload replaces the point") {
                let transient = try await client.json("/api/v1/transients/\(name)", credentials) as? [String: Any]
                let photometry = transient?["photometry"] as? [[String: Any]] ?? []
                return photometry.count == 1 && (photometry[0]["mag"] as? Double) == 20.5
            }
            let cone = try #require(try await client.json("/api/v1/transients?ra=150.1&dec=2.2&radius=0.001&page_size=500", credentials) as? [String: Any])
            #expect((cone["results"] as? [[String: Any]])?.contains { $0["name"] as? String == name } == true)
        }
        await publisher.shutdown()
        await harness.cleanUp()
    }

    /// The served OpenAPI document describes exactly the routes the router has.
    @Test func openAPIDocumentMatchesTheRouter() async throws {
        let harness = try CatalogHarness()
        let (_, services) = try await buildApplication(configuration: harness.configuration)
        let document = try JSONSerialization.jsonObject(with: Data(CatalogOpenAPI.json.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = try #require(document?["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let routed = Set(services.routes.map { route -> String in
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let path = parts[1].split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
            }.joined(separator: "/")
            return "\(parts[0]) \(path.hasPrefix("/") ? path : "/" + path)"
        })
        #expect(documented == routed, "only documented: \(documented.subtracting(routed)); only routed: \(routed.subtracting(documented))")
        await harness.cleanUp()
    }
}
