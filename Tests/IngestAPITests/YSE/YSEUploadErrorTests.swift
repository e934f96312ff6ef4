import Foundation
@testable import IngestAPI
import Testing

@Suite struct YSEUploadErrorTests {
    func parse(_ json: String) throws(YSEUploadError) -> YSEUploadOutcome {
        try YSEUpload.parse(Array(json.utf8), uploadedBy: nil, receivedAt: Date(timeIntervalSince1970: 0))
    }

    @Test(arguments: ["", "{", "{\"2019np\": {\"name\": \"2019np\", \"mag\": NaN}}", "{'2019np': {}}"])
    func invalidJSONIsATopLevelError(_ json: String) {
        #expect {
            try parse(json)
        } throws: { error in
            guard case YSEUploadError.invalidJSON = error else { return false }
            return (error as? YSEUploadError)?.description.hasPrefix("The body is not valid JSON") == true
        }
    }

    @Test(arguments: ["[]", "\"2019np\"", "42", "null"])
    func aBodyThatIsNotAnObjectIsRefused(_ json: String) {
        #expect(throws: YSEUploadError.notAnObject) { try parse(json) }
    }

    @Test(arguments: ["{}", #"{"noupdatestatus": true, "TNS": false}"#, #"{"username": "u", "password": "p"}"#])
    func anUploadWithoutTransientsIsRefused(_ json: String) {
        #expect(throws: YSEUploadError.noTransients) { try parse(json) }
    }

    @Test func anUnreadableControlFlagIsRefused() {
        #expect(throws: YSEUploadError.invalidFlag("TNS")) {
            try parse(#"{"TNS": "maybe", "2019np": {"name": "2019np"}}"#)
        }
        #expect(YSEUploadError.invalidFlag("TNS").description == "TNS must be true or false.")
    }
}
