/// The one field Slack's interactivity POST carries, read out of its `application/x-www-form-urlencoded`
/// body: a single `payload` field whose value is percent-encoded JSON with `+` for spaces.
enum SlackFormBody {
    /// The decoded value of the first `name` field, or nil when the body has none.
    static func value(of name: String, in body: [UInt8]) throws(SlackPayloadError) -> String? {
        do {
            return try URLEncodedForm.decode(body, strictEscapes: true).allValues[name]?.first
        } catch {
            guard case .malformed(let reason) = error else { throw .malformedForm("the form cannot be read") }
            throw .malformedForm(reason)
        }
    }
}
