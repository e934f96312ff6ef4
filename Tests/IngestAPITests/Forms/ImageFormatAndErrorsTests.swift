import Foundation
import Testing
@testable import IngestAPI

@Suite struct ImageFormatAndErrorsTests {
    @Test func detectsImagesByMagicBytes() throws {
        #expect(ImageFormat.detect(try FormsTestSupport.fixture("example_search.png")) == .png)
        #expect(ImageFormat.detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) == .jpeg)
        #expect(ImageFormat.detect(Array("GIF89a....".utf8)) == .gif)
        #expect(ImageFormat.detect(Array("GIF87a".utf8)) == .gif)
    }

    @Test func refusesNonImagesWhateverTheyClaim() {
        #expect(ImageFormat.detect([]) == nil)
        #expect(ImageFormat.detect(Array("<html>example_search.png</html>".utf8)) == nil)
        #expect(ImageFormat.detect([0x89, 0x50, 0x4E, 0x47]) == nil)
        #expect(ImageFormat.detect(Array("%PDF-1.7".utf8)) == nil)
    }

    @Test func typesAndExtensions() {
        #expect(ImageFormat.allCases.map(\.contentType) == ["image/png", "image/jpeg", "image/gif"])
        #expect(ImageFormat.allCases.map(\.fileExtension) == ["png", "jpg", "gif"])
        #expect(ImageFormat(fileExtension: "JPEG") == .jpeg && ImageFormat(fileExtension: "jpg") == .jpeg)
        #expect(ImageFormat(fileExtension: "svg") == nil)
    }

    @Test func fieldErrorsEncodeAsAFlatSortedObject() throws {
        var errors = FieldErrors()
        errors.add("This field is required.", to: "tsys")
        errors.add("A valid integer is required.", to: "nchan")
        errors.add("Second.", to: "nchan")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(errors), as: UTF8.self)
        #expect(json == #"{"nchan":["A valid integer is required.","Second."],"tsys":["This field is required."]}"#)
        #expect(!errors.isEmpty && FieldErrors().isEmpty)
        #expect(FieldErrors.missing(.histogram).description == "Missing histogram file")
    }
}
