import Foundation
import Schema

/// An example event with its payload type erased, so the catalogue tests can iterate every type.
protocol CatalogueExample: Sendable {
    var eventType: EventType { get }
    func encoded() throws -> [UInt8]
    func decodesToItself() throws -> Bool
}

extension Event: CatalogueExample {
    var eventType: EventType { type }

    func encoded() throws -> [UInt8] {
        try encode()
    }

    func decodesToItself() throws -> Bool {
        try Event.decode(from: encode()) == self
    }
}

/// Parses a test timestamp; the fixtures below are all valid.
func utc(_ text: String) -> Date {
    guard let date = EventTimestamp.date(from: text) else { fatalError("bad fixture timestamp \(text)") }
    return date
}

/// Realistic examples of every event type. FRB values are those of the FRB_candidates_app
/// upload files (observation_example.yaml, radio_example.yaml and the three example PNGs).
enum Examples {
    static let observation = FRBObservation(
        observationId: 3, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45,
        samplingTime: 0.1, bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8,
        gain: 3, tsys: 50, backend: "Multibeam", beam: 1)

    static let frb = FRBRecord(
        frbId: 3, observationId: 3, timeOfArrival: utc("2017-11-17T12:21:38.87Z"), repeater: true,
        images: FRBImages(
            search: MediaReference(
                path: "candidates/b9/01/b901628eb6b19b446aa43d512bbc12e0576c217d860d9e1b2cffd19f22ad3f6d.png",
                contentType: "image/png",
                sha256: "b901628eb6b19b446aa43d512bbc12e0576c217d860d9e1b2cffd19f22ad3f6d",
                byteCount: 53501, originalFilename: "example_search.png"),
            image: MediaReference(
                path: "candidates/60/40/6040d56b8a156b74cc797e2d8de025a69c3071fda6ba543e0f15cdb3a2b2ca5a.png",
                contentType: "image/png",
                sha256: "6040d56b8a156b74cc797e2d8de025a69c3071fda6ba543e0f15cdb3a2b2ca5a",
                byteCount: 250_757, originalFilename: "example_image.png"),
            histogram: MediaReference(
                path: "candidates/d4/84/d4842f1a5b85d225eae82b229ea4e04681881267deaa1043891b1a7852d272a4.png",
                contentType: "image/png",
                sha256: "d4842f1a5b85d225eae82b229ea4e04681881267deaa1043891b1a7852d272a4",
                byteCount: 19664, originalFilename: "example_histogram.png")))

    /// The FRB once TNS has named it, as later stored events carry it.
    static let namedFRB: FRBRecord = {
        var named = frb
        named.tnsName = "FRB 20171117A"
        return named
    }()

    static let measurement = RadioMeasurement(
        measurementId: 7, frbId: 3, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s",
        decDms: "26d03m38.504s", raPosError: 0.05, decPosError: 0.05, gl: 177.76767951048063,
        gb: -8.52306847999149, source: .multibeam, version: "v1.0", dm: 411.0, dmErr: 1.0, sn: 50, width: 5,
        z: 0.0982, rm: -613.0, rmErr: 2.0, fluence: 45, fluenceErr: 5, flux: 35, fluxErr: 3,
        dmism: 123.16007817568256, cosmo: "Planck18",
        errorEllipse: ErrorEllipse(a: 0.004, b: 0.004, cl: 68.0, theta: 0.0),
        receivedAt: utc("2026-11-21T03:37:52.123Z"))

    static let imageUrls = FRBImageURLs(
        search: "https://frb.example.org/media/candidates/b9/01/b901628eb6b19b446aa43d512bbc12e0576c217d860d9e1b2cffd19f22ad3f6d.png",
        image: "https://frb.example.org/media/candidates/60/40/6040d56b8a156b74cc797e2d8de025a69c3071fda6ba543e0f15cdb3a2b2ca5a.png",
        histogram: "https://frb.example.org/media/candidates/d4/84/d4842f1a5b85d225eae82b229ea4e04681881267deaa1043891b1a7852d272a4.png")

    static let swiftIvorn = "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1163119-055"

    static let voeventPacket = VOEventPacket(
        ivorn: swiftIvorn, role: .observation,
        xml: """
            <?xml version='1.0' encoding='UTF-8'?>
            <voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0" ivorn="\(swiftIvorn)" role="observation" version="2.0">\
            <Who><AuthorIVORN>ivo://nasa.gsfc.tan/gcn</AuthorIVORN><Author><shortName>VO-GCN</shortName></Author>\
            <Date>2023-04-05T19:58:18</Date></Who><What><Param name="TrigID" value="1163119" ucd="meta.id"/>\
            <Param name="Integ_Time" value="0.512" unit="sec" ucd="time.interval"/><Group name="Solution_Status">\
            <Param name="GRB_Identified" value="true"/></Group></What><WhereWhen><ObsDataLocation>\
            <ObservatoryLocation id="GEOLUN"/><ObservationLocation><AstroCoordSystem id="UTC-FK5-GEO"/>\
            <AstroCoords coord_system_id="UTC-FK5-GEO"><Time unit="s"><TimeInstant><ISOTime>2023-04-05T19:58:03.50</ISOTime>\
            </TimeInstant></Time><Position2D unit="deg"><Name1>RA</Name1><Name2>Dec</Name2><Value2><C1>271.4672</C1>\
            <C2>-47.0704</C2></Value2><Error2Radius>0.0500</Error2Radius></Position2D></AstroCoords></ObservationLocation>\
            </ObsDataLocation></WhereWhen></voe:VOEvent>
            """,
        sha256: "3f1c2a9e5b7d4c6e8a0b1d2f3e4c5a6b7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a",
        receivedVia: .vtp, remoteAddress: "127.0.0.1:53012", receivedAt: utc("2023-04-05T19:58:19.204Z"))

    static let swiftSubject = TriggerSubject(kind: .voevent, ivorn: swiftIvorn, trigId: "1163119")

    static let all: [any CatalogueExample] = [
        Event(source: "/burstwire/ingest-api", subject: "observation/3",
              data: FRBObservationReceived(observation: observation)),
        Event(source: "/burstwire/ingest-api", subject: "frb/3",
              traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
              data: FRBEventReceived(frb: frb)),
        Event(source: "/burstwire/ingest-api", subject: "frb/3", data: FRBMeasurementReceived(measurement: measurement)),
        Event(source: "/burstwire/catalog-store", subject: "observation/3",
              data: FRBObservationStored(observation: observation)),
        Event(source: "/burstwire/catalog-store", subject: "frb/3",
              data: FRBEventStored(frb: namedFRB, observation: observation, imageUrls: imageUrls)),
        Event(source: "/burstwire/catalog-store", subject: "frb/3",
              data: FRBMeasurementStored(
                measurement: measurement, frb: namedFRB, observation: observation, isFirstMeasurement: true,
                imageUrls: imageUrls)),
        Event(source: "/burstwire/ingest-api", subject: swiftIvorn, data: VOEventReceived(voevent: voeventPacket)),
        Event(source: "/burstwire/catalog-store", subject: swiftIvorn,
              data: VOEventStored(voevent: voeventPacket, summary: VOEventSummary(
                stream: "nasa.gsfc.gcn/SWIFT", localId: "BAT_GRB_Pos_1163119-055",
                authorIvorn: "ivo://nasa.gsfc.tan/gcn", date: utc("2023-04-05T19:58:18Z"), authorShortName: "VO-GCN",
                description: "Type=61: The Swift-BAT instrument position notice.",
                params: [
                    VOEventParam(name: "TrigID", value: "1163119", ucd: "meta.id"),
                    VOEventParam(name: "Integ_Time", value: "0.512", unit: "sec", ucd: "time.interval"),
                    VOEventParam(name: "GRB_Identified", value: "true", group: "Solution_Status"),
                ],
                position: VOEventPosition(
                    ra: 271.4672, dec: -47.0704, errorRadius: 0.05, coordSystem: "UTC-FK5-GEO",
                    time: utc("2023-04-05T19:58:03.50Z")),
                citations: [VOEventCitation(ivorn: "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1163119-000", cite: .followup)]))),
        Event(source: "/burstwire/ingest-api", subject: "transient/2019np",
              data: TransientUploadReceived(
                noupdatestatus: true, tns: false,
                transients: ["2019np": YSETransient(
                    name: "2019np", ra: 157.3415, dec: 29.5106667, discDate: utc("2019-01-09T12:28:48Z"),
                    redshift: 0.0045, status: "Ignore", obsGroup: "Unknown",
                    tags: ["YSE"], internalNames: "ZTF19aaaaaaa",
                    transientphotometry: YSEPhotometryUpload(mjdmatchmin: 0.01, clobber: false, groups: [
                        "ZTF": YSEPhotometryGroup(instrument: "ZTF-Cam", obsGroup: "ZTF", photdata: [
                            "0": YSEPhotometryPoint(
                                obsDate: utc("2019-01-11T10:13:26.000Z"), band: "g-ZTF", mag: 16.92, magErr: 0.04,
                                dataQuality: .number(0), diffim: true, forced: false, discoveryPoint: false),
                            "1": YSEPhotometryPoint(
                                obsDate: utc("2019-01-12T09:41:02.500Z"), band: "r-ZTF", mag: 16.71, magErr: 0.03,
                                dataQuality: .number(0), diffim: true, forced: false, discoveryPoint: false,
                                extras: ["diffimg": .string("ZTF19aaaaaaa_diff.fits")]),
                        ]),
                    ]),
                    extras: [
                        "mw_ebv": .number(0.026),
                        "host": .object(["name": .string("NGC 3254"), "ra": .number(157.3396), "redshift": .null]),
                        "TNS_flags": .array([.bool(true), .string("SN Ia")]),
                    ]),
                ],
                uploadedBy: "yse-bot", receivedAt: utc("2026-11-21T03:40:00.001Z"))),
        Event(source: "/burstwire/ingest-api", subject: "frb/3",
              data: SlackRatingReceived(
                frbId: 3, slackUserId: "U0123ABCD", slackUserName: "jdoe", rating: .confirm,
                actionTs: "1700000005.000200", channelId: "C0123ABCD", messageTs: "1700000000.000100",
                responseUrl: "https://hooks.slack.com/actions/T0123ABCD/0000000000/XXXXXXXXXXXXXXXX")),
        Event(source: "/burstwire/notifier", subject: "frb/3",
              data: NotificationSent(
                channel: .voevent, target: "127.0.0.1:8098", frbId: 3, ledgerKey: "voevent:frb/3:detection",
                attempt: 1, brokerAnswer: .ack, responseExcerpt: "<trn:Transport role=\"ack\">",
                voevent: PublishedVOEvent(
                    ivorn: "ivo://frb.example.org/CRAFT#7",
                    xml: "<voe:VOEvent ivorn=\"ivo://frb.example.org/CRAFT#7\" role=\"test\" version=\"2.0\"/>"),
                sentAt: utc("2026-11-21T03:38:10.250Z"))),
        Event(source: "/burstwire/notifier", subject: "frb/3",
              data: NotificationFailed(
                channel: .tns, target: "https://sandbox.wis-tns.org/api/bulk-report", frbId: 3,
                ledgerKey: "tns:frb/3:report", attempt: 2, httpStatus: 429,
                responseExcerpt: "{\"id_code\": 429, \"id_message\": \"Too Many Requests\"}",
                errorMessage: "rate limited; retry after 12 s", willRetry: true,
                sentAt: utc("2026-11-21T03:38:05.000Z"))),
        Event(source: "/burstwire/notifier", subject: "frb/3",
              data: TNSNameAssigned(
                frbId: 3, tnsName: "FRB 20171117A", reportId: "123456", assignedAt: utc("2026-11-21T03:38:40.512Z"))),
        Event(source: "/burstwire/telescope-trigger", subject: swiftIvorn,
              data: TriggerDecided(
                decisionId: 41, subject: swiftSubject, proposalId: "G0055_GRB", status: .triggered,
                reason: [
                    DecisionLogEntry(time: utc("2023-04-05T19:58:19.300Z"), message: "Swift GRB identified, rate significance 22.91 >= 0.0"),
                    DecisionLogEntry(time: utc("2023-04-05T19:58:19.301Z"), message: "Duration 0.512 s within [0.256, 1.024] s: triggering MWA_VCS"),
                ],
                position: TriggerPosition(ra: 271.4672, dec: -47.0704, posError: 0.05),
                decidedAt: utc("2023-04-05T19:58:19.302Z"))),
        Event(source: "/burstwire/telescope-trigger", subject: swiftIvorn,
              data: TriggerCompleted(
                decisionId: 41, proposalId: "G0055_GRB", endpoint: .triggervcs,
                requestParameters: [
                    "project_id": "G0055", "obsname": "SWIFT_1163119", "ra": "271.4672", "dec": "-47.0704",
                    "freqspecs": "[\"145,24\"]", "nobs": "1", "exptime": "896", "pretend": "true",
                    "secure_key": "must-not-travel",
                ],
                pretend: true, success: true, triggerId: 1_364_830_000, obsidList: [1_364_830_016],
                httpStatus: 200, durationMs: 1834, completedAt: utc("2023-04-05T19:58:21.140Z"))),
        Event(source: "/burstwire/telescope-trigger", subject: swiftIvorn,
              data: TriggerApprovalRequested(
                decisionId: 42, proposalId: "G0055_GRB", subject: swiftSubject, approvers: ["gemma", "paul"],
                summary: "Duration 1.5 s in pending window [1.025, 2.056] s",
                requestedAt: utc("2023-04-05T19:58:19.400Z"))),
        Event(source: "/burstwire/ingest-api", subject: swiftIvorn,
              data: TriggerApprovalReceived(
                decisionId: 42, proposalId: "G0055_GRB", approver: "gemma", approved: true,
                receivedAt: utc("2023-04-05T20:01:02.000Z"))),
        Event(source: "/burstwire/catalog-store", subject: "frb/3",
              data: CrossmatchRequested(
                requestId: "5f0c6b2e-8d1a-4f3b-9c7e-2a4d6e8f0b1c", imagePath: "images/racs/RACS_0500-25A.fits",
                catalogues: ["SUMSS", "NVSS"], radiusArcsec: 45, frbId: 3)),
        Event(source: "/burstwire/crossmatch-worker", subject: "frb/3",
              data: CrossmatchCompleted(
                requestId: "5f0c6b2e-8d1a-4f3b-9c7e-2a4d6e8f0b1c", sourceCount: 1289, matchedCount: 1204,
                candidates: [
                    CrossmatchCandidate(
                        ra: 76.2291, dec: -24.8812, flux: 48.7, ratio: 2.6, catalogue: "SUMSS",
                        separationArcsec: 3.2, classification: .match),
                    CrossmatchCandidate(
                        ra: 77.5103, dec: -25.3327, flux: 1.9, ratio: 9.4, catalogue: "SUMSS",
                        classification: .noImageMatch),
                ],
                completedAt: utc("2026-11-21T03:39:30.777Z"))),
    ]

    static func example(for type: EventType) -> (any CatalogueExample)? {
        all.first { $0.eventType == type }
    }
}
