import Foundation
import Schema
import Testing
@testable import IngestAPI

@Suite struct CompatFormsTests {
    @Test func observationAsUploadCandSendsItEqualsTheYAML() throws {
        let fields = try FRBForms.observation(FormsTestSupport.form(FormsTestSupport.observationFields))
        let expected = ObservationFields(
            beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1, bandwidth: 300,
            nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50, backend: "Multibeam", beam: 1)
        #expect(fields == expected)
        #expect(fields.record(id: 7) == FRBObservation(
            observationId: 7, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1,
            bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50,
            backend: "Multibeam", beam: 1))
    }

    @Test func observationAcceptsIntegersWithZeroFractionAndOptionalBeam() throws {
        var sent = FormsTestSupport.replacing(FormsTestSupport.observationFields, "nchan", with: "3000.0")
        sent = FormsTestSupport.replacing(sent, "beam", with: nil)
        let fields = try FRBForms.observation(FormsTestSupport.form(sent))
        #expect(fields.nchan == 3000 && fields.beam == nil)
        let blankBeam = try FRBForms.observation(FormsTestSupport.form(FormsTestSupport.replacing(sent, "beam", with: "")))
        #expect(blankBeam.beam == nil)
    }

    @Test(arguments: [
        ("nchan", "3000.5", "A valid integer is required."),
        ("nchan", "abc", "A valid integer is required."),
        ("nchan", "3000000000", "Ensure this value is less than or equal to 2147483647."),
        ("gain", "three", "A valid number is required."),
        ("gain", "", "A valid number is required."),
        ("gain", "NaN", "A finite number is required."),
        ("gain", "nan", "A finite number is required."),
        ("gain", "inf", "A finite number is required."),
        ("gain", "-Infinity", "A finite number is required."),
        ("gain", "1e999", "A finite number is required."),
        ("backend", String(repeating: "x", count: 129), "Ensure this field has no more than 128 characters."),
        ("backend", "  ", "This field may not be blank."),
    ])
    func observationRejectsBadValues(field: String, value: String, message: String) throws {
        let sent = FormsTestSupport.replacing(FormsTestSupport.observationFields, field, with: value)
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.observation(FormsTestSupport.form(sent)) }
        #expect(errors?.fields == [field: [message]])
    }

    @Test func observationReportsEveryMissingField() throws {
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.observation(FormsTestSupport.form([("backend", "Multibeam")])) }
        let required = ["beam_semi_major_axis", "beam_semi_minor_axis", "beam_rotation_angle", "sampling_time", "bandwidth",
                        "nchan", "centre_frequency", "npol", "bits_per_sample", "gain", "tsys"]
        #expect(errors?.fields == Dictionary(uniqueKeysWithValues: required.map { ($0, ["This field is required."]) }))
    }

    private func frbEventForm(fields: [(String, String)], files: [String] = FRBImageKind.allCases.map(\.compatFieldName),
                              bytes: [UInt8]? = nil) throws -> FormData {
        let plot = try FormsTestSupport.fixture("example_search.png")
        let parts = files.map { (name: $0, filename: "\($0).png", bytes: bytes ?? plot) }
        return try FormDecoder.decode(body: FormsTestSupport.requestsMultipart(fields: fields, files: parts),
                                      contentType: FormsTestSupport.multipartContentType)
    }

    private let eventFields = [("observation", "1"), ("time_of_arrival", "2017-11-17T12:21:38.87"), ("repeater", "True")]

    @Test func frbEventFromPythonRequestsMultipart() throws {
        let search = try FormsTestSupport.fixture("example_search.png")
        let image = try FormsTestSupport.fixture("example_image.png")
        let histogram = try FormsTestSupport.fixture("example_histogram.png")
        let body = FormsTestSupport.requestsMultipart(
            fields: eventFields,
            files: [("search_open", "example_search.png", search), ("image_open", "example_image.png", image),
                    ("histogram_open", "example_histogram.png", histogram)])
        let form = try FormDecoder.decode(body: body, contentType: FormsTestSupport.multipartContentType)

        let event = try FRBForms.frbEvent(form)

        #expect(event.observationId == 1)
        #expect(abs(event.timeOfArrival.timeIntervalSince(FormsTestSupport.exampleTimeOfArrival)) < 1e-6)
        #expect(event.repeater)
        #expect(event.images[.search] == UploadedFile(filename: "example_search.png", bytes: search))
        #expect(event.images[.image]?.bytes == image)
        #expect(event.images[.histogram]?.bytes == histogram)
        let record = event.record(id: 3, images: FRBImages())
        #expect(record.frbId == 3 && record.observationId == 1 && record.repeater && record.tnsName == nil)
    }

    @Test(arguments: [
        ("True", true), ("true", true), ("1", true), ("False", false), ("false", false), ("0", false),
    ])
    func frbEventBooleans(text: String, value: Bool) throws {
        let form = try frbEventForm(fields: FormsTestSupport.replacing(eventFields, "repeater", with: text))
        #expect(try FRBForms.frbEvent(form).repeater == value)
    }

    /// Absent or blank, as Django REST framework reads an optional form field with a default.
    @Test(arguments: [nil, ""] as [String?])
    func frbEventRepeaterDefaultsToFalse(text: String?) throws {
        let form = try frbEventForm(fields: FormsTestSupport.replacing(eventFields, "repeater", with: text))
        #expect(try FRBForms.frbEvent(form).repeater == false)
    }

    @Test(arguments: ["yes", "TRUE", "2", "tru", "on"])
    func frbEventRejectsOtherBooleans(text: String) throws {
        let form = try frbEventForm(fields: FormsTestSupport.replacing(eventFields, "repeater", with: text))
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.frbEvent(form) }
        #expect(errors?.fields == ["repeater": ["Must be a valid boolean."]])
    }

    @Test(arguments: [
        ("2017-11-17T12:21:38.87", 1_510_921_298.87),
        ("2017-11-17T12:21:38", 1_510_921_298.0),
        ("2017-11-17 12:21", 1_510_921_260.0),
        ("2017-11-17T12:21:38.870000Z", 1_510_921_298.87),
        ("2017-11-17T22:21:38.123456+10:00", 1_510_921_298.123456),
        ("2017-11-17T07:21:38-0500", 1_510_921_298.0),
        ("2016-02-29T00:00:00", 1_456_704_000.0),
    ])
    func frbEventTimes(text: String, epochSeconds: Double) throws {
        let form = try frbEventForm(fields: FormsTestSupport.replacing(eventFields, "time_of_arrival", with: text))
        let time = try FRBForms.frbEvent(form).timeOfArrival
        #expect(abs(time.timeIntervalSince1970 - epochSeconds) < 1e-6)
    }

    @Test(arguments: [
        "2017-11-17", "17/11/2017 12:21", "2017-11-17T12:21:38.1234567", "2017-02-29T00:00:00", "2017-11-17T24:00:00",
        "2017-11-17T12:21:60", "2017-13-01T00:00", "2017-11-17T12:21:38+25:00", "", "now",
    ])
    func frbEventRejectsBadTimes(text: String) throws {
        let form = try frbEventForm(fields: FormsTestSupport.replacing(eventFields, "time_of_arrival", with: text))
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.frbEvent(form) }
        #expect(errors?.fields == ["time_of_arrival": [
            "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
        ]])
    }

    @Test func frbEventMissingFieldsComeBeforeMissingFiles() throws {
        let form = try frbEventForm(fields: [("repeater", "False")], files: [])
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.frbEvent(form) }
        #expect(errors?.missingFile == nil)
        #expect(errors?.fields == ["observation": ["This field is required."], "time_of_arrival": ["This field is required."]])
    }

    @Test func frbEventObservationMustBeAnId() throws {
        for (text, message) in [("abc", "Incorrect type. Expected pk value, received str."),
                                ("1.5", "Incorrect type. Expected pk value, received str."),
                                ("0", "Invalid pk \"0\" - object does not exist."),
                                ("", "This field may not be null.")] {
            let form = try frbEventForm(fields: FormsTestSupport.replacing(eventFields, "observation", with: text))
            let errors = #expect(throws: FieldErrors.self) { try FRBForms.frbEvent(form) }
            #expect(errors?.fields == ["observation": [message]])
        }
    }

    @Test(arguments: FRBImageKind.allCases)
    func frbEventMissingFileIsTheOriginalsBareString(kind: FRBImageKind) throws {
        let files = FRBImageKind.allCases.filter { $0 != kind }.map(\.compatFieldName)
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.frbEvent(frbEventForm(fields: eventFields, files: files)) }
        #expect(errors?.missingFile == kind)
        #expect(errors?.fields.isEmpty == true)
        let body = try JSONEncoder().encode(try #require(errors))
        #expect(String(decoding: body, as: UTF8.self) == "\"Missing \(kind.rawValue) file\"")
    }

    @Test func frbEventRefusesNonImagesWhateverTheFilename() throws {
        let form = try frbEventForm(fields: eventFields, bytes: Array("not a png at all".utf8))
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.frbEvent(form) }
        let message = ["Upload a valid image. The file you uploaded was either not an image or a corrupted image."]
        #expect(errors?.fields == ["search_open": message, "image_open": message, "histogram_open": message])
    }

    @Test func measurementAsUploadCandSendsIt() throws {
        let (frbId, fields) = try FRBForms.measurement(FormsTestSupport.form(FormsTestSupport.measurementFields))
        #expect(frbId == 3)
        let receivedAt = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(fields.record(id: 11, frbId: frbId, receivedAt: receivedAt) == RadioMeasurement(
            measurementId: 11, frbId: 3, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s", decDms: "26d03m38.504s",
            raPosError: 0.05, decPosError: 0.05, gl: 177.76768559169042, gb: -8.523065557461567, source: .multibeam,
            version: "v1.0", dm: 411, dmErr: 1, sn: 50, width: 5, z: 0.0982, rm: -613, rmErr: 2, fluence: 45, fluenceErr: 5,
            flux: 35, fluxErr: 3, receivedAt: receivedAt))
    }

    @Test func measurementOptionalFieldsAndOurExtras() throws {
        var sent = FormsTestSupport.measurementFields.filter { !["z", "rm", "rm_err", "fluence", "fluence_err", "dm"].contains($0.0) }
        sent += [("dmism", "123.16007817568256"), ("cosmo", "Planck18"), ("eellipse_a", "0.004"), ("eellipse_b", "0.004"),
                 ("eellipse_cl", "68.0"), ("eellipse_theta", "0.0")]
        sent = FormsTestSupport.replacing(sent, "sn", with: "")
        let fields = try FRBForms.measurement(FormsTestSupport.form(sent)).fields
        #expect(fields.z == nil && fields.rm == nil && fields.fluence == nil && fields.dm == nil && fields.sn == nil)
        #expect(fields.dmism == 123.16007817568256 && fields.cosmo == "Planck18")
        #expect(fields.errorEllipse == ErrorEllipse(a: 0.004, b: 0.004, cl: 68, theta: 0))
    }

    @Test func measurementPartialEllipseNamesTheMissingParts() throws {
        let sent = FormsTestSupport.measurementFields + [("eellipse_a", "0.004")]
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.measurement(FormsTestSupport.form(sent)) }
        #expect(errors?.fields == ["eellipse_b": ["This field is required."], "eellipse_cl": ["This field is required."],
                                   "eellipse_theta": ["This field is required."]])
    }

    @Test(arguments: [
        ("ra", "360", "Ensure this value is in the range [0, 360) degrees."),
        ("ra", "-1", "Ensure this value is in the range [0, 360) degrees."),
        ("ra", "inf", "A finite number is required."),
        ("dec", "91", "Ensure this value is in the range [-90, 90] degrees."),
        ("dec", "-90.0001", "Ensure this value is in the range [-90, 90] degrees."),
        ("dec", "NaN", "A finite number is required."),
        ("ra_pos_error", "-0.05", "Ensure this value is greater than or equal to 0."),
        ("dec_pos_error", "-1", "Ensure this value is greater than or equal to 0."),
        ("dm_err", "-1", "Ensure this value is greater than or equal to 0."),
        ("flux_err", "-3", "Ensure this value is greater than or equal to 0."),
        ("rm_err", "-2", "Ensure this value is greater than or equal to 0."),
        ("fluence_err", "-5", "Ensure this value is greater than or equal to 0."),
        ("source", "XX", "\"XX\" is not a valid choice."),
        ("source", "mb", "\"mb\" is not a valid choice."),
        ("version", String(repeating: "v", count: 65), "Ensure this field has no more than 64 characters."),
        ("ra_hms", String(repeating: "h", count: 65), "Ensure this field has no more than 64 characters."),
        ("dm", "four hundred", "A valid number is required."),
        ("sn", "Infinity", "A finite number is required."),
        ("gl", "", "A valid number is required."),
        ("frb", "three", "Incorrect type. Expected pk value, received str."),
    ])
    func measurementRejectsBadValues(field: String, value: String, message: String) throws {
        let sent = FormsTestSupport.replacing(FormsTestSupport.measurementFields, field, with: value)
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.measurement(FormsTestSupport.form(sent)) }
        #expect(errors?.fields == [field: [message]])
    }

    @Test(arguments: ["frb", "ra", "dec", "ra_hms", "dec_dms", "ra_pos_error", "dec_pos_error", "gl", "gb", "source", "version"])
    func measurementRequiredFields(field: String) throws {
        let sent = FormsTestSupport.replacing(FormsTestSupport.measurementFields, field, with: nil)
        let errors = #expect(throws: FieldErrors.self) { try FRBForms.measurement(FormsTestSupport.form(sent)) }
        #expect(errors?.fields == [field: ["This field is required."]])
    }

    @Test func measurementFromMultipartToo() throws {
        let body = FormsTestSupport.requestsMultipart(fields: FormsTestSupport.measurementFields, files: [])
        let form = try FormDecoder.decode(body: body, contentType: FormsTestSupport.multipartContentType)
        #expect(try FRBForms.measurement(form).fields.version == "v1.0")
    }
}
