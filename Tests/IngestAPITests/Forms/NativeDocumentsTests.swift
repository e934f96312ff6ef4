import Foundation
import Schema
import Testing
@testable import IngestAPI

@Suite struct NativeDocumentsTests {
    static let observation = ObservationFields(
        beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1, bandwidth: 300,
        nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50, backend: "Multibeam", beam: 1)

    /// radio_example.yaml, with ra_hms/dec_dms as upload_cand.py's astropy writes them and gl/gb
    /// from Astro (checked against astropy separately).
    static func expectedMeasurement(gl: Double, gb: Double) -> MeasurementFields {
        MeasurementFields(
            ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s", decDms: "26d03m38.504s", raPosError: 0.05,
            decPosError: 0.05, gl: gl, gb: gb, source: .multibeam, version: "v1.0", dm: 411, dmErr: 1, sn: 50, width: 5,
            z: 0.0982, rm: -613, rmErr: 2, fluence: 45, fluenceErr: 5, flux: 35, fluxErr: 3, dmism: 123.16007817568256,
            cosmo: "Planck18", errorEllipse: ErrorEllipse(a: 0.004, b: 0.004, cl: 68, theta: 0))
    }

    /// Astropy 8 for ra 77.01461542, dec 26.06069556: `SkyCoord(..., frame=FK5(equinox="J2000")).galactic`
    /// (Astro's frame), and the ICRS default upload_cand.py uses, 0.03″ away through the frame bias.
    static let astropyFK5Galactic = (l: 177.76767729097324, b: -8.523068677747807)
    static let astropyICRSGalactic = (l: 177.76768559169042, b: -8.523065557461567)

    private func expectExample(_ document: DetectionDocument) {
        #expect(document.observation == Self.observation)
        #expect(abs(document.timeOfArrival.timeIntervalSince(FormsTestSupport.exampleTimeOfArrival)) < 1e-6)
        #expect(document.repeater)
        expectExampleMeasurement(document.measurement)
    }

    private func expectExampleMeasurement(_ measurement: MeasurementFields) {
        #expect(measurement == Self.expectedMeasurement(gl: measurement.gl, gb: measurement.gb))
        #expect(abs(measurement.gl - Self.astropyFK5Galactic.l) < 1e-9)
        #expect(abs(measurement.gb - Self.astropyFK5Galactic.b) < 1e-9)
        #expect(abs(measurement.gl - Self.astropyICRSGalactic.l) < 2e-5)
        #expect(abs(measurement.gb - Self.astropyICRSGalactic.b) < 2e-5)
    }

    private func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    @Test func yamlDetectionEmbeddingThePipelinesFiles() throws {
        let yaml = "observation:\n\(indented(try FormsTestSupport.fixtureText("observation_example.yaml")))\n"
            + "radio:\n\(indented(try FormsTestSupport.fixtureText("radio_example.yaml")))\n"
        for contentType in ["application/yaml", "application/x-yaml", "text/yaml; charset=utf-8"] {
            let document = try NativeDocuments.detection(body: Array(yaml.utf8), contentType: contentType)
            expectExample(document)
            #expect(document.images.isEmpty)
        }
    }

    @Test func jsonDetectionWithBase64Images() throws {
        let search = try FormsTestSupport.fixture("example_search.png")
        let histogram = try FormsTestSupport.fixture("example_histogram.png")
        let json: [String: Any] = [
            "observation": [
                "beam_semi_major_axis": 0.2, "beam_semi_minor_axis": 0.3, "beam_rotation_angle": 45, "sampling_time": 0.1,
                "bandwidth": 300, "nchan": 3000, "centre_frequency": 1400, "npol": 2, "bits_per_sample": 8, "gain": 3,
                "tsys": 50, "backend": "Multibeam", "beam": 1,
            ],
            "radio": [
                "time_of_arrival": "2017-11-17T12:21:38.87", "repeater": true, "search_path": "plots/example_search.png",
                "image_path": "example_image.png", "histogram_path": "example_histogram.png", "dm": 411.0, "dm_err": 1.0,
                "ra": 77.01461542, "ra_err": 0.05, "dec": 26.06069556, "dec_err": 0.05, "sn": 50, "width": 5, "flux": 35,
                "flux_err": 3, "source": "MB", "version": "v1.0", "fluence": 45, "fluence_err": 5,
                "dmism": 123.16007817568256, "rm": -613.0, "rm_err": 2.0, "cosmo": "Planck18",
                "eellipse": ["a": 0.004, "b": 0.004, "cl": 68.0, "theta": 0.0], "z": 0.0982,
            ],
            "images": [
                "search": ["data_base64": Data(search).base64EncodedString(options: .lineLength76Characters)],
                "histogram": ["filename": "hist.png", "data_base64": Data(histogram).base64EncodedString()],
            ],
        ]
        let body = [UInt8](try JSONSerialization.data(withJSONObject: json))
        let document = try NativeDocuments.detection(body: body, contentType: "application/json")
        expectExample(document)
        #expect(document.images == [.search: UploadedFile(filename: "example_search.png", bytes: search),
                                    .histogram: UploadedFile(filename: "hist.png", bytes: histogram)])
        let stored = MediaReference(path: "candidates/ab/ab.png", contentType: "image/png", sha256: "ab", byteCount: 1)
        let record = document.frbRecord(id: 5, observationId: 4, images: FRBImages([.histogram: stored]))
        #expect(record == FRBRecord(frbId: 5, observationId: 4, timeOfArrival: document.timeOfArrival, repeater: true,
                                    images: FRBImages(histogram: stored)))
    }

    @Test func multipartDetectionWithTheYAMLFilesAsTheyAre() throws {
        let plots = try FRBImageKind.allCases.map { kind in
            (name: kind.rawValue, filename: "example_\(kind.rawValue).png", bytes: try FormsTestSupport.fixture("example_\(kind.rawValue).png"))
        }
        let body = FormsTestSupport.requestsMultipart(
            fields: [("observation", try FormsTestSupport.fixtureText("observation_example.yaml")),
                     ("radio", try FormsTestSupport.fixtureText("radio_example.yaml"))],
            files: plots)
        let form = try FormDecoder.decode(body: body, contentType: FormsTestSupport.multipartContentType)
        let document = try NativeDocuments.detection(form: form)
        expectExample(document)
        for plot in plots {
            #expect(document.images[FRBImageKind(rawValue: plot.name)!] == UploadedFile(filename: plot.filename, bytes: plot.bytes))
        }
    }

    @Test func multipartDetectionAcceptsDocumentsAsUploadedFiles() throws {
        var form = FormData()
        form.files["observation"] = UploadedFile(filename: "observation.yaml", bytes: try FormsTestSupport.fixture("observation_example.yaml"))
        form.files["radio"] = UploadedFile(filename: "radio.json", contentType: "application/json", bytes: Array("""
            {"time_of_arrival": "2017-11-17T12:21:38.87Z", "ra": 10, "dec": -0.5, "ra_err": 0.1, "dec_err": 0.1,
             "source": "HT", "version": "2", "dm": 1, "dm_err": 0, "sn": 9, "width": 1, "flux": 1, "flux_err": 0}
            """.utf8))
        let document = try NativeDocuments.detection(form: form)
        #expect(document.repeater == false)
        #expect(document.measurement.source == .highTimeResolution)
        #expect(document.measurement.raHms == "0h40m00s" && document.measurement.decDms == "-0d30m00s")
        #expect(document.measurement.errorEllipse == nil && document.measurement.z == nil)
    }

    @Test func multipartDetectionErrorsAreKeyedByPart() throws {
        var form = FormData()
        form.append("{nchan: 3000.5}", for: "observation")
        form.files["image"] = UploadedFile(filename: "image.png", bytes: Array("GIF8 not really".utf8))
        let errors = #expect(throws: FieldErrors.self) { try NativeDocuments.detection(form: form) }
        #expect(errors?.fields["observation.nchan"] == ["A valid integer is required."])
        #expect(errors?.fields["observation.backend"] == ["This field is required."])
        #expect(errors?.fields["radio"] == ["This field is required."])
        #expect(errors?.fields["image"] == [FieldMessages.invalidImage])
    }

    @Test func computedSexagesimalAndGalacticMatchAstropy() throws {
        let yaml = "{ra: 77.01461542, dec: 26.06069556, ra_err: 0.05, dec_err: 0.05, source: MB, version: v1.0, "
            + "dm: 411.0, dm_err: 1.0, sn: 50, width: 5, flux: 35, flux_err: 3}"
        let measurement = try NativeDocuments.measurement(body: Array(yaml.utf8), contentType: "application/yaml")
        #expect(measurement.raHms == "5h08m03.5077s")
        #expect(measurement.decDms == "26d03m38.504s")
        #expect(abs(measurement.gl - Self.astropyFK5Galactic.l) < 1e-9 && abs(measurement.gb - Self.astropyFK5Galactic.b) < 1e-9)
        #expect(abs(measurement.gl - Self.astropyICRSGalactic.l) < 2e-5 && abs(measurement.gb - Self.astropyICRSGalactic.b) < 2e-5)
    }

    /// The old astropy (4 decimals, trailing zeros dropped) upload_cand.py ran with.
    @Test(arguments: [
        (0.0, -0.5, "0h00m00s", "-0d30m00s"),
        (12.5, -30.25, "0h50m00s", "-30d15m00s"),
        (180.123456789, 45.000001, "12h00m29.6296s", "45d00m00.0036s"),
        (359.9, -89.5, "23h59m36s", "-89d30m00s"),
        (263.3, -12.345678, "17h33m12s", "-12d20m44.4408s"),
    ])
    func sexagesimalLikeAstropy(ra: Double, dec: Double, raHms: String, decDms: String) {
        #expect(AstropyCoordinateText.rightAscension(degrees: ra) == raHms)
        #expect(AstropyCoordinateText.declination(degrees: dec) == decDms)
    }

    @Test func measurementKeepsGivenSexagesimalAndGalactic() throws {
        let json = """
            {"ra": 77.01461542, "dec": 26.06069556, "ra_err": 0.05, "dec_err": 0.05, "source": "MB", "version": "v1.1",
             "dm": 411, "dm_err": 1, "sn": 50, "width": 5, "flux": 35, "flux_err": 3,
             "ra_hms": "05:08:03.51", "dec_dms": "+26:03:38.5", "gl": 177.7677, "gb": -8.5231, "repeater": "maybe"}
            """
        let measurement = try NativeDocuments.measurement(body: Array(json.utf8), contentType: "application/json")
        #expect(measurement.raHms == "05:08:03.51" && measurement.decDms == "+26:03:38.5")
        #expect(measurement.gl == 177.7677 && measurement.gb == -8.5231)
    }

    @Test func radioDocumentErrorsAreDotted() throws {
        let yaml = """
            observation: {beam_semi_major_axis: .nan, beam_semi_minor_axis: 0.3, beam_rotation_angle: 45, sampling_time: 0.1,
              bandwidth: 300, nchan: 3000, centre_frequency: 1400, npol: 2, bits_per_sample: 8, gain: 3, tsys: 50,
              backend: Multibeam}
            radio: {time_of_arrival: 2017-11-17, repeater: maybe, ra: 360, dec: -91, ra_err: -0.05, dec_err: .inf,
              source: XX, version: v1.0, dm: 411.0, sn: 50, width: 5, flux: 35, flux_err: 3,
              eellipse: {a: -1, b: 0.004, cl: 168, theta: zero}}
            images: {search: {data_base64: "bm90IGFuIGltYWdl"}, thumbnail: {data_base64: ""}, image: {data_base64: "@@"}}
            """
        let errors = #expect(throws: FieldErrors.self) {
            try NativeDocuments.detection(body: Array(yaml.utf8), contentType: "application/yaml")
        }
        #expect(errors?.fields == [
            "observation.beam_semi_major_axis": ["A finite number is required."],
            "radio.time_of_arrival": [FieldMessages.invalidDateTime],
            "radio.repeater": ["Must be a valid boolean."],
            "radio.ra": ["Ensure this value is in the range [0, 360) degrees."],
            "radio.dec": ["Ensure this value is in the range [-90, 90] degrees."],
            "radio.ra_err": ["Ensure this value is greater than or equal to 0."],
            "radio.dec_err": ["A finite number is required."],
            "radio.source": ["\"XX\" is not a valid choice."],
            "radio.dm_err": ["This field is required."],
            "radio.eellipse.a": ["Ensure this value is greater than or equal to 0."],
            "radio.eellipse.cl": ["Ensure this value is in the range [0, 100] percent."],
            "radio.eellipse.theta": ["A valid number is required."],
            "images.search": [FieldMessages.invalidImage],
            "images.image.data_base64": ["Invalid base64 data."],
            "images.thumbnail": ["Unknown image; use search, image or histogram."],
        ])
    }

    @Test func measurementErrorsUseTheRadioKeys() throws {
        let errors = #expect(throws: FieldErrors.self) {
            try NativeDocuments.measurement(body: Array(#"{"ra": "NaN", "dec": 0, "version": "#.utf8), contentType: "application/json")
        }
        #expect(errors?.fields["non_field_errors"]?.first?.hasPrefix("JSON parse error - ") == true)

        let missing = #expect(throws: FieldErrors.self) {
            try NativeDocuments.measurement(body: Array(#"{"ra": "NaN", "dec": 0, "eellipse": [1, 2]}"#.utf8), contentType: "application/json")
        }
        #expect(missing?.fields["ra"] == ["A finite number is required."])
        #expect(missing?.fields["ra_err"] == ["This field is required."])
        #expect(missing?.fields["version"] == ["This field is required."])
        #expect(missing?.fields["eellipse"] == ["Invalid data. Expected a dictionary, but got list."])
        #expect(missing?.fields["dec"] == nil)
    }

    @Test func documentsMustBeMappingsInASupportedType() throws {
        let list = #expect(throws: FieldErrors.self) {
            try NativeDocuments.detection(body: Array("- 1\n- 2\n".utf8), contentType: "application/yaml")
        }
        #expect(list?.fields == ["non_field_errors": ["Invalid data. Expected a dictionary, but got list."]])
        let broken = #expect(throws: FieldErrors.self) {
            try NativeDocuments.detection(body: Array("observation: {nchan: [".utf8), contentType: "text/yaml")
        }
        #expect(broken?.fields["non_field_errors"]?.first?.hasPrefix("YAML parse error - ") == true)
        #expect(NativeDocuments.isDocument(contentType: "application/json; charset=utf-8"))
        #expect(!NativeDocuments.isDocument(contentType: "multipart/form-data; boundary=x"))
        #expect(!NativeDocuments.isDocument(contentType: nil))
        #expect(throws: FieldErrors.self) { try NativeDocuments.detection(body: [], contentType: "text/plain") }
    }
}
