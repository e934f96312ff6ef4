import Foundation
import Testing
@testable import IngestAPI

@Suite struct FormDecoderTests {
    @Test func frbEventMultipartFromPythonRequestsKeepsFieldsAndFileBytes() throws {
        let search = try FormsTestSupport.fixture("example_search.png")
        let image = try FormsTestSupport.fixture("example_image.png")
        let histogram = try FormsTestSupport.fixture("example_histogram.png")
        let body = FormsTestSupport.requestsMultipart(
            fields: [("observation", "1"), ("time_of_arrival", "2017-11-17T12:21:38.87"), ("repeater", "True")],
            files: [("search_open", "example_search.png", search), ("image_open", "example_image.png", image),
                    ("histogram_open", "example_histogram.png", histogram)])
        let prefix = "--\(FormsTestSupport.boundary)\r\nContent-Disposition: form-data; name=\"observation\"\r\n\r\n1\r\n--"
        #expect(body.starts(with: Array(prefix.utf8)))

        let form = try FormDecoder.decode(body: body, contentType: FormsTestSupport.multipartContentType)

        #expect(form.fields == ["observation": "1", "time_of_arrival": "2017-11-17T12:21:38.87", "repeater": "True"])
        #expect(form.files.count == 3)
        #expect(form.files["search_open"] == UploadedFile(filename: "example_search.png", contentType: nil, bytes: search))
        #expect(form.files["image_open"] == UploadedFile(filename: "example_image.png", contentType: nil, bytes: image))
        #expect(form.files["histogram_open"] == UploadedFile(filename: "example_histogram.png", contentType: nil, bytes: histogram))
    }

    @Test func urlencodedDecodesPlusPercentAndRepeatedNames() throws {
        let body = Array("backend=Multi+beam%2Fx&empty=&flag&name=a&name=%C3%A9t%C3%A9&odd=100%25%zz".utf8)
        let form = try FormDecoder.decode(body: body, contentType: "application/x-www-form-urlencoded; charset=utf-8")
        #expect(form.fields["backend"] == "Multi beam/x")
        #expect(form.fields["empty"] == "")
        #expect(form.fields["flag"] == "")
        #expect(form.fields["name"] == "été")
        #expect(form.allValues["name"] == ["a", "été"])
        #expect(form.fields["odd"] == "100%%zz")
        #expect(form.files.isEmpty)
    }

    @Test func urlencodedRejectsInvalidUTF8() {
        #expect(throws: FormDecodingError.malformed("a urlencoded name or value is not valid UTF-8")) {
            try FormDecoder.decode(body: Array("backend=%FF%FE".utf8), contentType: "application/x-www-form-urlencoded")
        }
    }

    @Test func otherContentTypesNameTheAcceptedOnes() {
        for contentType in ["application/json", "text/plain", nil] as [String?] {
            #expect(throws: FormDecodingError.unsupportedMediaType(contentType)) {
                try FormDecoder.decode(body: Array("{}".utf8), contentType: contentType)
            }
        }
        let message = FormDecodingError.unsupportedMediaType("application/json").description
        #expect(message.contains("application/x-www-form-urlencoded") && message.contains("multipart/form-data"))
    }

    @Test func multipartWithQuotedBoundaryPreambleEpilogueAndPartContentType() throws {
        let body = Array(("This is the preamble.\r\n"
            + "--a:b c\r\n"
            + "content-disposition: form-data; name=\"note\"\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "line one\r\nline two\r\n"
            + "--a:b c  \r\n"
            + "Content-Disposition: form-data; name=\"plot\"; filename=\"C:\\\\plots\\\\a \\\"b\\\".png\"\r\n"
            + "Content-Type: image/png\r\n\r\n"
            + "\r\n--a:b\r\n"
            + "--a:b c--\r\nepilogue --a:b c\r\n").utf8)
        let form = try FormDecoder.decode(body: body, contentType: "Multipart/Form-Data; boundary=\"a:b c\"")
        #expect(form.fields == ["note": "line one\r\nline two"])
        #expect(form.files["plot"] == UploadedFile(filename: "a \"b\".png", contentType: "image/png", bytes: Array("\r\n--a:b".utf8)))
    }

    @Test func multipartEmptyFileInputIsIgnoredAsDjangoDoes() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n\r\n--b--".utf8)
        let form = try FormDecoder.decode(body: body, contentType: "multipart/form-data; boundary=b")
        #expect(form.files.isEmpty && form.fields.isEmpty)
    }

    @Test func multipartWithoutClosingBoundaryIsRejected() throws {
        let complete = FormsTestSupport.requestsMultipart(fields: [("observation", "1")], files: [])
        let truncated = Array(complete.dropLast("--\(FormsTestSupport.boundary)--\r\n".utf8.count))
        #expect(throws: FormDecodingError.self) {
            try FormDecoder.decode(body: truncated, contentType: FormsTestSupport.multipartContentType)
        }
        let cutInPart = Array(complete.prefix(60))
        #expect(throws: FormDecodingError.self) {
            try FormDecoder.decode(body: cutInPart, contentType: FormsTestSupport.multipartContentType)
        }
        let error = #expect(throws: FormDecodingError.self) {
            try FormDecoder.decode(body: Array(complete.dropLast(4)), contentType: FormsTestSupport.multipartContentType)
        }
        #expect(error?.description.contains("closing boundary") == true)
    }

    @Test func multipartMalformedPiecesAreRejected() {
        let cases: [(String, String)] = [
            ("no boundary at all", "multipart/form-data; boundary=b"),
            ("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "multipart/form-data; boundary=b"),
            ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\nno blank line\r\n--b--", "multipart/form-data; boundary=b"),
            ("--bX\r\n--b--", "multipart/form-data; boundary=b"),
            ("--b--", "multipart/form-data"),
        ]
        for (body, contentType) in cases {
            #expect(throws: FormDecodingError.self, "\(body)") {
                try FormDecoder.decode(body: Array(body.utf8), contentType: contentType)
            }
        }
        let invalidText = Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n".utf8) + [0xFF] + Array("\r\n--b--".utf8)
        #expect(throws: FormDecodingError.malformed("field \"x\" is not valid UTF-8")) {
            try FormDecoder.decode(body: invalidText, contentType: "multipart/form-data; boundary=b")
        }
    }

    @Test func tenMegabyteFilePartDecodesQuickly() throws {
        let plot = try FormsTestSupport.fixture("example_search.png")
        let file = Array(Array(repeating: plot, count: 10_000_000 / plot.count + 1).joined())
        let body = FormsTestSupport.requestsMultipart(fields: [("observation", "1")], files: [("search_open", "big.png", file)])
        let clock = ContinuousClock()
        var form = FormData()
        let elapsed = try clock.measure {
            form = try FormDecoder.decode(body: body, contentType: FormsTestSupport.multipartContentType)
        }
        #expect(form.files["search_open"]?.bytes == file)
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    }
}
