import Foundation
import Testing
@testable import Notifier

@Suite("TNS replies")
struct TNSRepliesTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func submitExampleGivesTheReportId() throws {
        let body = try TNSFixtures.dataFile("bulk_report_response_example.json")
        #expect(try TNSReplies.reportID(status: 200, body: body) == "123456")
    }

    @Test func numericReportIdIsReadAsText() throws {
        let body = bytes(#"{"id_code": 200, "id_message": "OK", "data": {"report_id": 98765}}"#)
        #expect(try TNSReplies.reportID(status: 200, body: body) == "98765")
    }

    @Test func submitRejectedInside200CarriesTheMessage() {
        let body = bytes(#"{"id_code": 400, "id_message": "Bad request", "data": {}}"#)
        #expect { try TNSReplies.reportID(status: 200, body: body) } throws: { error in
            (error as? TNSError)?.reason.contains("400 Bad request") == true
        }
    }

    @Test func submitHTTPErrorNamesTheStatus() {
        let body = bytes(#"{"id_code": 401, "id_message": "Unauthorized"}"#)
        #expect { try TNSReplies.reportID(status: 401, body: body) } throws: { error in
            (error as? TNSError)?.reason == "TNS answered HTTP 401: 401 Unauthorized"
        }
    }

    @Test func submitWithoutReportIdFails() {
        let body = bytes(#"{"id_code": 200, "id_message": "OK", "data": {}}"#)
        #expect(throws: TNSError.self) { try TNSReplies.reportID(status: 200, body: body) }
    }

    @Test func replyExampleNamesTheBurst() throws {
        let body = try TNSFixtures.dataFile("bulk_report_reply_example.json")
        #expect(TNSReplies.replyOutcome(status: 200, body: body) == .named(objname: "20171117A", displayName: "FRB 20171117A"))
    }

    @Test func notFoundMeansStillProcessing() {
        #expect(TNSReplies.replyOutcome(status: 404, body: bytes("<html>Not Found</html>")) == .pending)
    }

    @Test func existingObjectIsNamedFromKey101AndKeepsItsPrefix() {
        let body = bytes(#"""
            {"id_code": 200, "id_message": "OK", "data": {"feedback": {"frb_report": [
              {"102": {"message": "Report received", "message_id": 102},
               "101": {"objname": "FRB20190520B", "message": "Existing object", "message_id": 101}}]}}}
            """#)
        #expect(TNSReplies.replyOutcome(status: 200, body: body)
            == .named(objname: "FRB20190520B", displayName: "FRB 20190520B"))
    }

    @Test func key100WinsOver101AndEveryEntryIsSearched() {
        let body = bytes(#"""
            {"id_code": 200, "id_message": "OK", "data": {"feedback": {"frb_report": [
              {"102": {"message": "Report received", "message_id": 102}},
              {"101": {"objname": "20200101A", "message_id": 101}, "100": {"objname": "20200101B", "message_id": 100}}]}}}
            """#)
        #expect(TNSReplies.replyOutcome(status: 200, body: body) == .named(objname: "20200101B", displayName: "FRB 20200101B"))
    }

    @Test func badRequestInside200IsARejectionWithTheFeedbackMessages() {
        let body = bytes(#"""
            {"id_code": 400, "id_message": "Bad request", "data": {"feedback": {"frb_report": [
              {"110": {"message": "instrument_value is missing", "message_id": 110}}]}}}
            """#)
        #expect(TNSReplies.replyOutcome(status: 200, body: body) == .rejected(messages: ["instrument_value is missing"]))
    }

    @Test func badRequestWithoutFeedbackKeepsTheIdMessage() {
        let body = bytes(#"{"id_code": 400, "id_message": "Bad request", "data": {}}"#)
        #expect(TNSReplies.replyOutcome(status: 200, body: body) == .rejected(messages: ["400 Bad request"]))
    }

    @Test func feedbackWithoutObjnameIsARejection() {
        let body = bytes(#"""
            {"id_code": 200, "id_message": "OK", "data": {"feedback": {"frb_report": [
              {"103": {"message": "Report could not be matched", "message_id": 103}, "100": {"objname": "", "message_id": 100}}]}}}
            """#)
        #expect(TNSReplies.replyOutcome(status: 200, body: body) == .rejected(messages: ["Report could not be matched"]))
    }

    @Test func serverErrorAndGarbageAreFailures() {
        #expect(TNSReplies.replyOutcome(status: 500, body: bytes("oops"))
            == .failed(TNSError(reason: "TNS answered HTTP 500")))
        #expect(TNSReplies.replyOutcome(status: 200, body: bytes("oops"))
            == .failed(TNSError(reason: "TNS answered HTTP 200 with a body that is not a JSON object")))
    }

    @Test(arguments: ["20171117A", "FRB20171117A", "FRB 20171117A", " frb 20171117A "])
    func displayNameHasOnePrefix(objname: String) {
        #expect(TNSReplies.displayName(objname) == "FRB 20171117A")
    }

    @Test func searchListsObjnames() throws {
        let body = bytes(#"""
            {"id_code": 200, "id_message": "OK", "data": {"reply": [{"objname": "20171117A", "objid": 1}, {"objname": "2017abc", "objid": 2}]}}
            """#)
        #expect(try TNSReplies.searchObjnames(status: 200, body: body) == ["20171117A", "2017abc"])
    }

    @Test func searchWithNothingFoundIsEmpty() throws {
        let empty = bytes(#"{"id_code": 200, "id_message": "OK", "data": {"reply": []}}"#)
        let absent = bytes(#"{"id_code": 200, "id_message": "OK", "data": {}}"#)
        #expect(try TNSReplies.searchObjnames(status: 200, body: empty) == [])
        #expect(try TNSReplies.searchObjnames(status: 200, body: absent) == [])
    }

    @Test func searchThatIsNotAClearAnswerThrows() {
        let limited = bytes(#"{"id_code": 429, "id_message": "Too Many Requests"}"#)
        #expect(throws: TNSError.self) { try TNSReplies.searchObjnames(status: 429, body: limited) }
        #expect(throws: TNSError.self) { try TNSReplies.searchObjnames(status: 200, body: limited) }
    }

    @Test(arguments: [
        ("5", Duration.seconds(5)), ("0", .seconds(1)), ("-3", .seconds(1)), (" 2.5 ", .milliseconds(2500)),
        ("abc", .seconds(60)),
    ])
    func rateLimitWaitsForTheReset(header: String, expected: Duration) {
        #expect(TNSReplies.retryDelay(rateLimitReset: header) == expected)
    }

    @Test func rateLimitWithoutHeaderWaitsTheWholeWindow() {
        #expect(TNSReplies.retryDelay(rateLimitReset: nil) == .seconds(60))
    }
}
